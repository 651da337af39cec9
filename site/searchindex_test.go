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

// TestSearchIndexSize builds a handbook of 1,000 chapters of 800 words and
// holds the search index, gzipped, under a fifth of the gzipped HTML of
// the chapters it covers. The pages carry the side navigation, which
// grows with the handbook, so the index is also measured against the
// pages' main content alone, which must stay under a half.
func TestSearchIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 chapters")
	}
	res := buildGenerated(t, 1000)
	_, index := searchIndexOf(t, res)
	var pages, mains int
	n := 0
	for name, data := range res.Files {
		if strings.HasPrefix(name, "chapter-") && strings.HasSuffix(name, ".html") {
			pages += len(gzipBytes(data))
			mains += len(gzipBytes(mainRe.Find(data)))
			n++
		}
	}
	if n != 1000 {
		t.Fatalf("built %d chapter pages, want 1000", n)
	}
	gz := len(gzipBytes(index))
	t.Logf("search index %d KB, %d KB gzipped; chapter pages %d KB gzipped (ratio %.3f), their main content %d KB gzipped (ratio %.3f)",
		len(index)>>10, gz>>10, pages>>10, float64(gz)/float64(pages), mains>>10, float64(gz)/float64(mains))
	if gz*5 >= pages {
		t.Errorf("search index %d bytes gzipped is not under a fifth of the pages' %d", gz, pages)
	}
	if gz*2 >= mains {
		t.Errorf("search index %d bytes gzipped is not under half of the pages' main content, %d", gz, mains)
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
