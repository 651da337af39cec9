package preview

import (
	"path"
	"sort"
	"strings"
	"time"
)

// DefaultQuiet is how long the file system must stay quiet before a
// rebuild starts. Editors save in several steps (write a temporary file,
// rename it over the old one, change its mode), and `git checkout` writes
// many files at once; waiting for a short lull turns each into one rebuild.
const DefaultQuiet = 40 * time.Millisecond

// Change is one file-system change worth a rebuild.
type Change struct {
	Path    string // slash-separated, relative to the watched root
	Checker bool   // under the checker's sources rather than the content
}

// Batch is the set of changes that one rebuild covers, each path once,
// sorted.
type Batch struct {
	Content []string // content files, relative to the content folder
	Checker []string // checker sources, relative to the module root
}

// batcher collects changes until none has arrived for quiet. It holds no
// clock or goroutine of its own, so tests can drive it with made-up times.
type batcher struct {
	quiet    time.Duration
	content  map[string]bool
	checker  map[string]bool
	deadline time.Time // when the pending batch becomes due; zero when none
}

func newBatcher(quiet time.Duration) *batcher {
	return &batcher{quiet: quiet, content: map[string]bool{}, checker: map[string]bool{}}
}

// add records a change seen at now and pushes the deadline back.
func (b *batcher) add(c Change, now time.Time) {
	if c.Checker {
		b.checker[c.Path] = true
	} else {
		b.content[c.Path] = true
	}
	b.deadline = now.Add(b.quiet)
}

// pending reports whether a batch is waiting, and when it falls due.
func (b *batcher) pending() (time.Time, bool) {
	return b.deadline, !b.deadline.IsZero()
}

// take returns the pending batch if it is due at now, and starts a new one.
func (b *batcher) take(now time.Time) (Batch, bool) {
	if b.deadline.IsZero() || now.Before(b.deadline) {
		return Batch{}, false
	}
	out := Batch{Content: sortedKeys(b.content), Checker: sortedKeys(b.checker)}
	b.content, b.checker, b.deadline = map[string]bool{}, map[string]bool{}, time.Time{}
	return out, true
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ignoredName reports whether a file name belongs to an editor's scratch
// files rather than to the handbook: hidden files (which the site skips
// too, and which covers Vim's swap files and Emacs's locks), Vim's "4913"
// write test, backup files ending in "~", and Emacs autosave files.
func ignoredName(p string) bool {
	name := path.Base(p)
	switch {
	case name == "4913", strings.HasPrefix(name, "."),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	return false
}
