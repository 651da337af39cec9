package site

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"handbook/site/search/searchtest"
)

// buildGenerated builds a generated handbook of n chapters.
func buildGenerated(t testing.TB, n int) *Result {
	t.Helper()
	res, err := NewBuilder(Options{Content: searchtest.Handbook(n, 800)}).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func searchIndexOf(t testing.TB, res *Result) (name string, data []byte) {
	t.Helper()
	for name, data := range res.Files {
		if strings.HasPrefix(name, "assets/search-index.") && strings.HasSuffix(name, ".json") {
			return name, data
		}
	}
	t.Fatal("no search index written")
	return "", nil
}

var mainRe = regexp.MustCompile(`(?s)<main.*</main>`)

// searchIndexRatios builds a generated handbook of n chapters of 800
// words and returns the search index's size, gzipped, as a share of the
// gzipped HTML of the chapters it covers, and as a share of those pages'
// main content alone (the side navigation grows with the handbook).
func searchIndexRatios(t testing.TB, n int) (pagesRatio, mainsRatio float64) {
	t.Helper()
	res := buildGenerated(t, n)
	_, index := searchIndexOf(t, res)
	var pages, mains, built int
	for name, data := range res.Files {
		if strings.HasPrefix(name, "chapter-") && strings.HasSuffix(name, ".html") {
			pages += len(gzipBytes(data))
			mains += len(gzipBytes(mainRe.Find(data)))
			built++
		}
	}
	if built != n {
		t.Fatalf("built %d chapter pages, want %d", built, n)
	}
	gz := len(gzipBytes(index))
	t.Logf("%d chapters: search index %d KB, %d KB gzipped; chapter pages %d KB gzipped (ratio %.3f), their main content %d KB gzipped (ratio %.3f)",
		n, len(index)>>10, gz>>10, pages>>10, float64(gz)/float64(pages), mains>>10, float64(gz)/float64(mains))
	return float64(gz) / float64(pages), float64(gz) / float64(mains)
}

// TestSearchIndexSize holds the search index of a generated handbook of
// 300 chapters, gzipped, under a fifth of the gzipped chapter pages it
// covers and under half of their main content. (These are bytes, not
// times. BenchmarkSearchIndexSize measures 1,000 chapters, which take
// too long to build on every test run.)
func TestSearchIndexSize(t *testing.T) {
	pagesRatio, mainsRatio := searchIndexRatios(t, 300)
	if pagesRatio >= 0.2 {
		t.Errorf("search index gzipped is %.3f of the chapter pages, not under a fifth", pagesRatio)
	}
	if mainsRatio >= 0.5 {
		t.Errorf("search index gzipped is %.3f of the pages' main content, not under half", mainsRatio)
	}
}

// BenchmarkSearchIndexSize reports the same ratios for 1,000 chapters.
//
//	go test ./site -run '^$' -bench SearchIndexSize -benchtime 1x
func BenchmarkSearchIndexSize(b *testing.B) {
	for b.Loop() {
		pagesRatio, mainsRatio := searchIndexRatios(b, 1000)
		b.ReportMetric(pagesRatio, "index/pages")
		b.ReportMetric(mainsRatio, "index/main")
	}
}

// TestSearchIndexOfHandbook checks what the default-like fixture handbook
// puts in its index: every searchable chapter, its sections by heading
// id, the glossary's terms, and none of the pages that only gather others.
func TestSearchIndexOfHandbook(t *testing.T) {
	res := buildFixture(t, Options{CheckerUnavailable: "not built in tests"})
	_, data := searchIndexOf(t, res)
	var ix struct {
		Pages [][2]string `json:"pages"`
		Docs  [][5]any    `json:"docs"`
		Terms map[string][]int
	}
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	pages := map[string]bool{}
	for _, p := range ix.Pages {
		pages[p[0]] = true
	}
	for _, p := range []string{"glossary/", "using/", "practice/reviews/"} {
		if !pages[p] {
			t.Errorf("page %s is not in the index; it has %v", p, ix.Pages)
		}
	}
	for _, p := range []string{"", "print/", "a-z/"} {
		if pages[p] {
			t.Errorf("page %q is in the index", p)
		}
	}
	ids := map[string]bool{}
	for _, d := range ix.Docs {
		page := ix.Pages[int(d[0].(float64))][0]
		ids[page+"#"+d[1].(string)] = true
	}
	for _, id := range []string{"glossary/#term-written-agreement"} {
		if !ids[id] {
			t.Errorf("no entry for %s", id)
		}
	}
}
