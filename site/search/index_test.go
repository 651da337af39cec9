package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

var sample = []Section{
	{Page: "reviews/", Title: "Reviewing an agreement", Level: 1, Text: "Agreements are reviewed with the family."},
	{Page: "reviews/", ID: "when", Title: "Reviewing an agreement", Heading: "When to review", Level: 2,
		Text: "Review within three months. A review that slips is a review missed, and the family must know the date."},
	{Page: "glossary/", ID: "term-plo", Title: "Glossary", Heading: "PLO", Level: 2, Text: "Public Law Outline. The steps before court."},
}

func TestIndexGolden(t *testing.T) {
	got := Index(sample)
	if !bytes.Equal(got, Index(sample)) {
		t.Fatal("the same sections gave different bytes")
	}
	path := filepath.Join("testdata", "index.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("index differs from %s (run go test -update after checking):\ngot  %s\nwant %s", path, got, want)
	}
}

// decoded is the index as the page reads it.
type decoded struct {
	V     int         `json:"v"`
	Stop  string      `json:"stop"`
	Pages [][2]string `json:"pages"`
	Docs  [][5]any    `json:"docs"`
	Terms map[string][]int
}

// postings decodes one stem's postings into doc -> weight, as search.js does.
func (d decoded) postings(stem string) map[int]int {
	out := map[int]int{}
	doc := 0
	for _, p := range d.Terms[stem] {
		doc += p >> weightBits
		out[doc] = p & (1<<weightBits - 1)
	}
	return out
}

func TestIndexWeights(t *testing.T) {
	var d decoded
	if err := json.Unmarshal(Index(sample), &d); err != nil {
		t.Fatal(err)
	}
	if d.V != Version || !strings.Contains(" "+d.Stop+" ", " the ") {
		t.Errorf("version %d, stop words %q", d.V, d.Stop)
	}
	tests := []struct {
		stem string
		want map[int]int
	}{
		// In the first doc: the title (32) and the text once; in the second
		// only the chapter's title (0), the heading (16) and three times in
		// the text.
		{"review", map[int]int{0: inTitle | 1, 1: inHeading | 3}},
		{"agreement", map[int]int{0: inTitle | 1, 1: 0}},
		{"family", map[int]int{0: 1, 1: 1}},
		{"plo", map[int]int{2: inHeading}},
		{"the", map[int]int{}}, // a stop word
	}
	for _, tc := range tests {
		got := d.postings(tc.stem)
		if len(got) != len(tc.want) {
			t.Errorf("%s: postings %v, want %v", tc.stem, got, tc.want)
			continue
		}
		for doc, w := range tc.want {
			if got[doc] != w {
				t.Errorf("%s: doc %d weight %d, want %d", tc.stem, doc, got[doc], w)
			}
		}
	}
	if got := d.Docs[1][3]; got != "Review within three months. A review that slips is a review missed, and the family must know the date." {
		t.Errorf("snippet %q", got)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", SnippetWords+5)
	if got := snippet(long); len(strings.Fields(got)) != SnippetWords+1 || !strings.HasSuffix(got, " …") {
		t.Errorf("snippet of a long text: %q", got)
	}
	if got := snippet("  a  short\ntext "); got != "a short text" {
		t.Errorf("snippet of a short text: %q", got)
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("page/", "id", "Title", "Heading", "Some text about reviews.")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, page, id, title, heading, text string) {
		secs := []Section{{Page: page, ID: id, Title: title, Heading: heading, Level: 2, Text: text}, {Page: page, Title: title, Level: 1, Text: text}}
		out := Index(secs)
		var d decoded
		if err := json.Unmarshal(out, &d); err != nil {
			t.Fatalf("index is not JSON: %v", err)
		}
		if len(d.Docs) != 2 {
			t.Fatalf("%d docs, want 2", len(d.Docs))
		}
		for stem := range d.Terms {
			for doc := range d.postings(stem) {
				if doc < 0 || doc >= len(d.Docs) {
					t.Fatalf("%s points at doc %d", stem, doc)
				}
			}
		}
	})
}
