package preview

import (
	"fmt"
	"io/fs"
	"os"
)

// DirFS opens a content folder for building such that nothing outside it
// can be read: a symlink that leads out of the folder fails to read (and
// the build reports it) instead of publishing the file it points to. Close
// the returned root when done.
func DirFS(dir string) (fs.FS, *os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the content folder: %w", err)
	}
	return root.FS(), root, nil
}
