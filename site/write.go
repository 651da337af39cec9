package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// BuildMarker is the file WriteDir leaves in every folder it writes: a
// folder holding it may be replaced by the next build, and no other
// folder that holds anything is.
const BuildMarker = ".handbook-build"

const markerText = "This folder was written by handbook build. The next build replaces it whole: keep nothing else here.\n"

// WriteDir writes the site to dir. It writes a new folder beside dir and
// swaps it in with renames, so a failure leaves the previous output whole.
// It refuses to replace a folder that holds anything but is not an
// earlier build (has no BuildMarker), so a mistyped --out cannot delete
// someone's files.
func (r *Result) WriteDir(dir string) error {
	dir = filepath.Clean(dir)
	if err := Replaceable(dir); err != nil {
		return err
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	names := make([]string, 0, len(r.Files))
	for n := range r.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	// Folders first, in order; then the files, on every core (writing a
	// thousand pages is mostly waiting on the kernel).
	made := map[string]bool{}
	for _, n := range names {
		d := filepath.Dir(filepath.Join(tmp, filepath.FromSlash(n)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("writing site: %w", err)
			}
			made[d] = true
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, BuildMarker), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	werrs := make([]error, len(names))
	_ = parallel(context.Background(), len(names), func(i int) {
		werrs[i] = os.WriteFile(filepath.Join(tmp, filepath.FromSlash(names[i])), r.Files[names[i]], 0o644)
	})
	if err := errors.Join(werrs...); err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("writing site: moving the previous output aside: %w", err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("writing site: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir) // put the previous output back
		}
		return fmt.Errorf("writing site: %w", err)
	}
	ok = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("writing site: removing the previous output: %w", err)
		}
	}
	return nil
}

// Replaceable says why dir may not be replaced by a build, or returns
// nil: it is new, empty, or an earlier build.
func Replaceable(dir string) error {
	st, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("the output %s is not a folder; choose a new or empty folder", dir)
	}
	if _, err := os.Lstat(filepath.Join(dir, BuildMarker)); err == nil {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("writing site: %w", err)
	}
	defer f.Close()
	if names, _ := f.Readdirnames(1); len(names) > 0 {
		return fmt.Errorf("the output %s is not empty and is not an earlier build (it has no %s file); choose a new or empty folder, since the build replaces it whole", dir, BuildMarker)
	}
	return nil
}
