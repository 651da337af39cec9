package search

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

// Version is the index format's version, carried in the file as "v" so
// that the page can refuse an index it does not understand.
const Version = 1

// SnippetWords is how many words of a section's text the index keeps to
// show under a hit.
const SnippetWords = 24

// Section is one searchable part of the handbook: a chapter's opening text
// (Level 1, no heading) or one of its sections.
type Section struct {
	Page    string // URL of the page, relative to the site root: "good-written-agreements/"
	ID      string // the heading's id on that page; "" for the opening text
	Title   string // the chapter's title
	Heading string // the section's heading; "" for the opening text
	Level   int    // 1 for the chapter's opening text, 2 or more for sections
	Text    string // the section's plain text
	// Later ranks the page's hits after every other page's: guidance for
	// editors should not come before practice guidance.
	Later bool
}

// Weights of one word in one section, packed into a posting's low bits.
const (
	tfBits      = 4 // how often the word is in the text, at most 15
	inHeading   = 1 << tfBits
	inTitle     = 2 << tfBits
	weightBits  = tfBits + 2
	maxTermFreq = 1<<tfBits - 1
)

// file is the index as written. Pages and docs are arrays rather than
// objects to keep the field names out of every entry:
//
//	pages: [url, title]
//	later: the numbers of pages whose hits come after all others' (omitted
//	       when there are none)
//	docs:  [page number, heading id, heading, snippet, words in section]
//	terms: stem -> postings; each posting is (doc number minus the previous
//	       posting's doc number) << 6 | weight, where weight is the word's
//	       count in the text (0-15) plus 16 when it is in the heading and 32
//	       when it is in the chapter's title. Weight 0 means the word is
//	       only in the title of the chapter the section belongs to.
type file struct {
	V     int              `json:"v"`
	Stop  string           `json:"stop"`
	Pages [][2]string      `json:"pages"`
	Later []int            `json:"later,omitempty"`
	Docs  [][5]any         `json:"docs"`
	Terms map[string][]int `json:"terms"`
}

// Index builds the search index for sections in the order given, which is
// the order hits with equal scores are shown in. The same sections always
// give the same bytes.
func Index(sections []Section) []byte {
	f := file{V: Version, Stop: strings.Join(stopWords, " "), Terms: map[string][]int{}}
	pageNum := map[string]int{}
	last := map[string]int{} // stem -> doc number of its last posting
	for doc, s := range sections {
		p, ok := pageNum[s.Page]
		if !ok {
			p = len(f.Pages)
			pageNum[s.Page] = p
			f.Pages = append(f.Pages, [2]string{s.Page, s.Title})
			if s.Later {
				f.Later = append(f.Later, p)
			}
		}
		text := Words(s.Text)
		f.Docs = append(f.Docs, [5]any{p, s.ID, s.Heading, snippet(s.Text), len(text)})

		weight := map[string]int{}
		for _, w := range text {
			if IsStopWord(w) {
				continue
			}
			st := Stem(w)
			if weight[st]&maxTermFreq < maxTermFreq {
				weight[st]++
			}
		}
		for _, w := range Words(s.Heading) {
			if !IsStopWord(w) {
				weight[Stem(w)] |= inHeading
			}
		}
		for _, w := range Words(s.Title) {
			if IsStopWord(w) {
				continue
			}
			st := Stem(w)
			if s.Level == 1 {
				weight[st] |= inTitle
			} else if _, ok := weight[st]; !ok {
				weight[st] = 0
			}
		}
		stems := make([]string, 0, len(weight))
		for st := range weight {
			stems = append(stems, st)
		}
		sort.Strings(stems)
		for _, st := range stems {
			prev, seen := last[st]
			if !seen {
				prev = 0
			}
			f.Terms[st] = append(f.Terms[st], (doc-prev)<<weightBits|weight[st])
			last[st] = doc
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)              // the page parses it as JSON, never as HTML
	if err := enc.Encode(f); err != nil { // map keys are sorted: deterministic
		panic("search: " + err.Error()) // strings and ints always encode
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// snippet is the first SnippetWords words of a section's text, with "…"
// when there is more.
func snippet(text string) string {
	fields := strings.Fields(text)
	if len(fields) <= SnippetWords {
		return strings.Join(fields, " ")
	}
	return strings.Join(fields[:SnippetWords], " ") + " …"
}
