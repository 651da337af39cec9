package site

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var benchWords = strings.Fields(`agreement review family plan child parent social worker support
school health visitor safety contact weekly meeting record decision team manager timescale
attend appointment goal progress concern risk home visit discuss explain write sign date copy`)

// chapterBody writes about 800 words: headings, lists, a table and a code block.
func chapterBody(r *rand.Rand, i int) string {
	var b strings.Builder
	sentence := func(n int) {
		for w := 0; w < n; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			word := benchWords[r.IntN(len(benchWords))]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
		}
		b.WriteString(". ")
	}
	for s := 0; s < 5; s++ {
		fmt.Fprintf(&b, "## Section %d of chapter %d\n\n", s+1, i)
		for p := 0; p < 3; p++ {
			for k := 0; k < 3; k++ {
				sentence(12)
			}
			b.WriteString("\n\n")
		}
		if s == 1 {
			for k := 0; k < 4; k++ {
				b.WriteString("- ")
				sentence(6)
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
		if s == 2 {
			b.WriteString("| Who | Does what | By when |\n|---|---|---|\n")
			for k := 0; k < 4; k++ {
				fmt.Fprintf(&b, "| %s | %s %s | week %d |\n", benchWords[k], benchWords[k+5], benchWords[k+9], k+1)
			}
			b.WriteString("\n")
		}
		if s == 3 {
			b.WriteString("```yaml\nchecker:\n  review_within_months: 3\n  vague_terms: [monitor]\n```\n\n")
		}
	}
	if i > 0 {
		fmt.Fprintf(&b, "See [the previous chapter](chapter-%04d.md#section-1-of-chapter-%d).\n", i-1, i-1)
	}
	return b.String()
}

// writeBenchHandbook writes an n-chapter handbook into dir; with hugo set,
// it writes the same chapters as a Hugo site instead.
func writeBenchHandbook(tb testing.TB, dir string, n int, hugo bool) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	content := dir
	if hugo {
		content = filepath.Join(dir, "content")
		cfg := "baseURL = 'https://example.org/'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n[markup.goldmark.renderer]\nunsafe = false\n[markup.highlight]\nnoClasses = false\n"
		must(tb, os.MkdirAll(filepath.Join(dir, "layouts", "_default"), 0o755))
		must(tb, os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(cfg), 0o644))
		single := `<!DOCTYPE html><html lang="en-GB"><head><title>{{ .Title }}</title></head><body><nav><ul>{{ range .Site.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>`
		must(tb, os.WriteFile(filepath.Join(dir, "layouts", "_default", "single.html"), []byte(single), 0o644))
		must(tb, os.WriteFile(filepath.Join(dir, "layouts", "_default", "list.html"), []byte(`<!DOCTYPE html><html><body>{{ range .Pages }}<p>{{ .Title }}: {{ .Summary }}</p>{{ end }}</body></html>`), 0o644))
	}
	must(tb, os.MkdirAll(content, 0o755))
	if !hugo {
		must(tb, os.WriteFile(filepath.Join(content, "handbook.yaml"), []byte("title: Bench\nbase_url: https://example.org/\n"), 0o644))
	}
	front := func(title string, w int) string {
		return fmt.Sprintf("---\ntitle: %s\nweight: %d\nsummary: A chapter for the benchmark.\nowner: Bench Team\nupdated: 2026-11-01\nreview_due: 2027-11-01\n---\n\n", title, w)
	}
	home := "index.md"
	if hugo {
		home = "_index.md"
	}
	must(tb, os.WriteFile(filepath.Join(content, home), []byte(front("Bench", 0)+"Welcome.\n"), 0o644))
	for i := 0; i < n; i++ {
		body := chapterBody(r, i)
		if hugo {
			body = strings.ReplaceAll(body, fmt.Sprintf("chapter-%04d.md", i-1), fmt.Sprintf("/chapter-%04d/", i-1))
		}
		must(tb, os.WriteFile(filepath.Join(content, fmt.Sprintf("chapter-%04d.md", i)), []byte(front(fmt.Sprintf("Chapter %d", i), i+1)+body), 0o644))
	}
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// TestWriteBenchSites writes the benchmark handbook and its Hugo twin for a
// side-by-side timing, when HANDBOOK_BENCH_DIR names a folder.
func TestWriteBenchSites(t *testing.T) {
	dir := os.Getenv("HANDBOOK_BENCH_DIR")
	if dir == "" {
		t.Skip("set HANDBOOK_BENCH_DIR to write the benchmark sites")
	}
	writeBenchHandbook(t, filepath.Join(dir, "handbook"), 1000, false)
	writeBenchHandbook(t, filepath.Join(dir, "hugo"), 1000, true)
}

func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	writeBenchHandbook(b, dir, 1000, false)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		// A fresh Builder each time: the cold build, with no cache.
		res, err := NewBuilder(Options{Content: fsys, Today: "2026-11-22"}).Build(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if res.Pages != 1002 {
			b.Fatalf("got %d pages, want 1002", res.Pages)
		}
	}
}

func BenchmarkRebuildOneChapter(b *testing.B) {
	dir := b.TempDir()
	writeBenchHandbook(b, dir, 1000, false)
	fsys := os.DirFS(dir)
	builder := NewBuilder(Options{Content: fsys, Today: "2026-11-22"})
	if _, err := builder.Build(context.Background()); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "chapter-0500.md")
	orig, _ := os.ReadFile(p)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		must(b, os.WriteFile(p, append(orig, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644))
		if _, err := builder.Build(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
