package preview

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSavePatterns edits the handbook the ways editors and tools do; each
// must end in the new text being served.
func TestSavePatterns(t *testing.T) {
	dir := copyFixture(t)
	// A lull far longer than the default, so that the steps of one save
	// land in one batch even when a busy machine spreads them out; the
	// check that no second event follows waits three lulls.
	const quiet = 300 * time.Millisecond
	srv, err := New(context.Background(), Options{Content: os.DirFS(dir), Where: dir, Watch: []WatchRoot{{Dir: dir}}, Log: io.Discard, Quiet: quiet})
	if err != nil {
		t.Fatal(err)
	}
	r := startServer(t, context.Background(), srv)
	events := r.events(t)
	original := read(t, dir, "using.md")
	path := filepath.Join(dir, "using.md")

	tests := []struct {
		name string
		save func(text string) error
	}{
		{"write in place", func(text string) error { return os.WriteFile(path, []byte(text), 0o644) }},
		{"write a temporary file and rename it over", func(text string) error {
			tmp := filepath.Join(dir, ".using.md.tmp123")
			if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, path)
		}},
		{"delete and recreate", func(text string) error {
			if err := os.Remove(path); err != nil {
				return err
			}
			return os.WriteFile(path, []byte(text), 0o644)
		}},
		{"vim: backup, 4913 probe, write, chmod", func(text string) error {
			if err := os.Rename(path, path+"~"); err != nil {
				return err
			}
			probe := filepath.Join(dir, "4913")
			if err := os.WriteFile(probe, nil, 0o644); err != nil {
				return err
			}
			os.Remove(probe)
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				return err
			}
			if err := os.Chmod(path, 0o644); err != nil {
				return err
			}
			return os.Remove(path + "~")
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marker := "Saved by pattern " + string(rune('A'+i)) + "."
			if err := tt.save(original + "\n" + marker + "\n"); err != nil {
				t.Fatal(err)
			}
			ev := next(t, events, patience)
			if ev.Type != "reload" {
				t.Fatalf("event: got %+v, want reload", ev)
			}
			if _, body := r.get(t, "/using/"); !strings.Contains(body, marker) {
				t.Errorf("page lacks %q after the reload event", marker)
			}
			// One save, one rebuild: nothing more arrives.
			select {
			case ev := <-events:
				t.Errorf("a second event for one save: %+v", ev)
			case <-time.After(3 * quiet):
			}
		})
	}
}

// TestNewFolderIsWatched creates a section after the server started; a
// later edit inside it must still trigger a rebuild.
func TestNewFolderIsWatched(t *testing.T) {
	dir := copyFixture(t)
	r := start(t, dir, io.Discard)
	events := r.events(t)
	section := filepath.Join(dir, "later")
	if err := os.Mkdir(section, 0o755); err != nil {
		t.Fatal(err)
	}
	chapter := strings.Replace(read(t, dir, "using.md"), "related: [glossary, practice/reviews]\n", "", 1)
	chapter = strings.ReplaceAll(chapter, "(glossary.md#terms)", "(/glossary/#terms)")
	write(t, dir, "later/index.md", chapter)
	if ev := next(t, events, patience); ev.Type != "reload" {
		t.Fatalf("after creating later/index.md: got %+v, want reload", ev)
	}
	write(t, dir, "later/index.md", chapter+"\nWritten into the new folder.\n")
	if ev := next(t, events, patience); ev.Type != "reload" {
		t.Fatalf("after editing later/index.md: got %+v, want reload", ev)
	}
	if code, body := r.get(t, "/later/"); code != 200 || !strings.Contains(body, "Written into the new folder.") {
		t.Errorf("GET /later/: got %d, want 200 with the new text", code)
	}
}

// TestCheckerChangeRecompilesChecker: a change under a checker root calls
// Checker again and rebuilds the site with what it returns.
func TestCheckerChangeRecompilesChecker(t *testing.T) {
	dir := copyFixture(t)
	checkerDir := t.TempDir()
	var mu sync.Mutex
	calls := 0
	compile := func(context.Context) (map[string][]byte, string, error) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		return map[string][]byte{"checker.wasm": []byte(fmt.Sprintf("\x00asm version %d", calls)), "wasm_exec.js": []byte("// glue")}, "", nil
	}
	srv, err := New(context.Background(), Options{
		Content: os.DirFS(dir),
		Watch:   []WatchRoot{{Dir: dir}, {Dir: checkerDir, Label: "checker", Checker: true}},
		Checker: compile,
	})
	if err != nil {
		t.Fatal(err)
	}
	r := startServer(t, context.Background(), srv)
	events := r.events(t)
	write(t, checkerDir, "rules.go", "package checker\n")
	ev := next(t, events, patience)
	if ev.Type != "reload" {
		t.Fatalf("after a checker change: got %+v, want reload", ev)
	}
	mu.Lock()
	got := calls
	mu.Unlock()
	if got != 2 {
		t.Errorf("Checker called %d times, want 2 (start, then after the change)", got)
	}
	found := false
	for name, data := range srv.current.Load().files {
		if strings.HasSuffix(name, ".wasm") && strings.Contains(string(data), "version 2") {
			found = true
		}
	}
	if !found {
		t.Error("the site does not carry the recompiled checker")
	}
}
