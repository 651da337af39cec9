package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"handbook/checker/limits"
)

// readRegular reads a file of the content folder, refusing anything but a
// regular file of at most limit bytes before it opens it: a symbolic link
// (which could lead out of the folder, or to /dev/zero), a FIFO (which
// would block the build for ever) or a device. fs.Lstat does not follow
// links on a folder on disk (os.DirFS and os.Root's FS); an embedded
// folder has no links to follow.
func readRegular(fsys fs.FS, name string, limit int64) ([]byte, error) {
	st, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	// The file may grow between the look and the read: read one byte
	// over the limit to notice.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// checkRegular says why a file cannot be read, or returns nil.
func checkRegular(st fs.FileInfo, limit int64) error {
	m := st.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		return errors.New("is a symbolic link; only ordinary files are read from the content folder (copy the file in instead)")
	case !m.IsRegular():
		return fmt.Errorf("is not an ordinary file (%s); only ordinary files are read from the content folder", FileKind(m))
	case st.Size() > limit:
		return tooLarge(limit)
	}
	return nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("is larger than the limit of %s", limits.Size(limit))
}

// FileKind names a kind of file that is not an ordinary one, for refusals:
// "a named pipe", "a symbolic link", "a device".
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// limitFor is the size limit for a content file: Markdown and the settings
// are read whole into memory and parsed, other files only copied.
func limitFor(name string) int64 {
	if name == SettingsFile || len(name) > 3 && name[len(name)-3:] == ".md" {
		return limits.ChapterBytes
	}
	return limits.ContentFileBytes
}
