package preview

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handbook/site/wasmbuild"
)

// compiledChecker builds the checker as `handbook serve` does inside the
// repository (through the shared cache), so the timings include publishing
// its WebAssembly on every rebuild.
func compiledChecker(ctx context.Context) (map[string][]byte, string, error) {
	root, ok := wasmbuild.FindModuleRootFromWorkingDir()
	if !ok {
		return nil, "not in the repository", nil
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "handbook", "wasm")
	}
	res, err := wasmbuild.Build(ctx, wasmbuild.Options{ModuleRoot: root, CacheDir: cache})
	if err != nil {
		return nil, "the checker failed to compile", err
	}
	return res.Files, "", nil
}

// copyDir copies the default handbook's Markdown and settings.
func copyDir(tb testing.TB, src string) string {
	tb.Helper()
	dst := tb.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dst
}

// generate writes an n-chapter handbook of about 600 words a chapter, each
// chapter linking to the one before.
func generate(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	words := strings.Fields("agreement review family plan child parent social worker support school health visitor safety contact weekly meeting record decision team manager")
	r := rand.New(rand.NewPCG(1, 2))
	front := func(title string, weight int) string {
		return fmt.Sprintf("---\ntitle: %s\nweight: %d\nsummary: A generated chapter.\nowner: Bench Team\nupdated: 2026-11-01\nreview_due: 2027-11-01\n---\n\n", title, weight)
	}
	write(tb, dir, "handbook.yaml", "title: Generated handbook\nbase_url: /\n")
	write(tb, dir, "index.md", front("Generated handbook", 0)+"Welcome.\n")
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString(front(fmt.Sprintf("Chapter %d", i), i+1))
		for s := 1; s <= 4; s++ {
			fmt.Fprintf(&b, "## Part %d {#part-%d}\n\n", s, s)
			for k := 0; k < 150; k++ {
				b.WriteString(words[r.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		if i > 0 {
			fmt.Fprintf(&b, "See [the chapter before](chapter-%04d.md#part-1).\n", i-1)
		}
		write(tb, dir, fmt.Sprintf("chapter-%04d.md", i), b.String())
	}
	return dir
}

// saveToReload measures, for each iteration, the time from writing chapter
// to the reload event reaching an event-stream client: the editor's wait.
func saveToReload(b *testing.B, dir, chapter string, checker bool) {
	opts := Options{Content: os.DirFS(dir), Where: dir, Watch: []WatchRoot{{Dir: dir}}, Log: io.Discard}
	if checker {
		opts.Checker = compiledChecker
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := New(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	if st := srv.current.Load(); st.errors != nil {
		b.Fatalf("the handbook does not build: %v", st.errors)
	}
	r := startServer(b, ctx, srv)
	events := r.events(b)
	orig := read(b, dir, chapter)
	var total time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		write(b, dir, chapter, orig+fmt.Sprintf("\nEdit number %d.\n", i))
		if ev := next(b, events, patience); ev.Type != "reload" {
			b.Fatalf("got %+v, want reload", ev)
		}
		total += time.Since(t0)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(i), "ms/save")
	cancel()
}

func BenchmarkSaveToReloadDefaultHandbook(b *testing.B) {
	dir := copyDir(b, filepath.Join("..", "..", "content"))
	chapter := "index.md"
	if _, err := os.Stat(filepath.Join(dir, "when-to-use.md")); err == nil {
		chapter = "when-to-use.md"
	}
	saveToReload(b, dir, chapter, true)
}

func BenchmarkSaveToReload1000Chapters(b *testing.B) {
	saveToReload(b, generate(b, 1000), "chapter-0500.md", true)
}

func BenchmarkSaveToReload1000ChaptersNoChecker(b *testing.B) {
	saveToReload(b, generate(b, 1000), "chapter-0500.md", false)
}
