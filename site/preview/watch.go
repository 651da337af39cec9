package preview

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchRoot is one folder tree to watch.
type WatchRoot struct {
	Dir     string // folder on disk
	Label   string // prefix for the paths reported ("" for the content folder, "checker" ...)
	Checker bool   // a change here rebuilds the checker
}

// watcher turns fsnotify events under its roots into batches of changes.
type watcher struct {
	fw    *fsnotify.Watcher
	roots []WatchRoot
	logf  func(format string, args ...any)
}

// newWatcher watches every folder under each root, skipping hidden ones
// (".git" and the like), which the site ignores too.
func newWatcher(roots []WatchRoot, logf func(string, ...any)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("starting the file watcher: %w", err)
	}
	w := &watcher{fw: fw, logf: logf}
	for _, r := range roots {
		abs, err := filepath.Abs(r.Dir)
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watching %s: %w", r.Dir, err)
		}
		r.Dir = abs
		w.roots = append(w.roots, r)
		if err := w.addTree(abs); err != nil {
			fw.Close()
			return nil, err
		}
		// The folder above, not its tree: to see the folder itself
		// removed, moved away and made again.
		if err := fw.Add(filepath.Dir(abs)); err != nil {
			logf("warning: watching %s: %v", filepath.Dir(abs), err)
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return fmt.Errorf("watching %s: %w", dir, err)
			}
			return nil // vanished while we looked: its removal is an event of its own
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil {
			return fmt.Errorf("watching %s: %w", p, err)
		}
		return nil
	})
}

// change maps a file-system event to a Change; ok is false for events that
// cannot alter the site: a mode change alone, editors' scratch files,
// paths outside every root.
func (w *watcher) change(ev fsnotify.Event) (Change, bool) {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return Change{}, false
	}
	// Only ordinary files and folders make the site; a named pipe or a
	// device is for the build to refuse, not for the watcher to follow.
	if st, err := os.Lstat(ev.Name); err == nil && !st.Mode().IsRegular() && !st.IsDir() && st.Mode()&os.ModeSymlink == 0 {
		return Change{}, false
	}
	for _, r := range w.roots {
		rel, err := filepath.Rel(r.Dir, ev.Name)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		p := filepath.ToSlash(rel)
		if p == "." {
			// The folder itself was removed, moved or made again.
			return Change{Path: path.Join(r.Label, "."), Checker: r.Checker}, true
		}
		if r.Label != "" {
			p = path.Join(r.Label, p)
		}
		if ignoredName(p) {
			return Change{}, false
		}
		return Change{Path: p, Checker: r.Checker}, true
	}
	return Change{}, false
}

// run feeds batches to out until ctx ends, then closes the watcher. A batch
// waits in ready while the consumer is busy, and later changes merge into it.
func (w *watcher) run(ctx context.Context, quiet time.Duration, out chan<- Batch) {
	defer w.fw.Close()
	b := newBatcher(quiet)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var ready Batch
	for {
		var send chan<- Batch
		if len(ready.Content)+len(ready.Checker) > 0 {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if _, inside := w.change(ev); inside && ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						w.logf("warning: %v", err)
					}
				}
			}
			if c, ok := w.change(ev); ok {
				b.add(c, time.Now())
				timer.Reset(quiet)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			// Usually an overflowing event queue: some changes were lost,
			// so rebuild everything to be safe.
			w.logf("warning: file watcher: %v", err)
			b.add(Change{Path: "(watcher overflow)"}, time.Now())
			timer.Reset(quiet)
		case now := <-timer.C:
			if batch, ok := b.take(now); ok {
				ready = mergeBatch(ready, batch)
			} else if due, ok := b.pending(); ok {
				timer.Reset(time.Until(due))
			}
		case send <- ready:
			ready = Batch{}
		}
	}
}

// mergeBatch returns the union of two batches, sorted.
func mergeBatch(a, b Batch) Batch {
	union := func(x, y []string) []string {
		m := map[string]bool{}
		for _, s := range x {
			m[s] = true
		}
		for _, s := range y {
			m[s] = true
		}
		return sortedKeys(m)
	}
	return Batch{Content: union(a.Content, b.Content), Checker: union(a.Checker, b.Checker)}
}
