package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// WriteDir writes the site to dir. It writes a new folder beside dir and
// swaps it in with renames, so a failure leaves the previous output whole.
func (r *Result) WriteDir(dir string) error {
	dir = filepath.Clean(dir)
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
