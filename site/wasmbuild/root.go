package wasmbuild

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is the module path of the handbook's own go.mod.
const ModulePath = "handbook"

// FindModuleRoot walks up from dir to the folder whose go.mod declares the
// handbook module, so that `handbook build` run inside a checkout can
// compile the checker. ok is false outside one (an installed binary run
// elsewhere has no sources to compile).
func FindModuleRoot(dir string) (root string, ok bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			if modulePath(b) == ModulePath {
				return dir, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// FindModuleRootFromWorkingDir is FindModuleRoot from the working directory.
func FindModuleRootFromWorkingDir() (root string, ok bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	return FindModuleRoot(wd)
}

func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}
