package site

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/checker"
)

// Glossary links: the first use of each glossary term or acronym in a
// chapter becomes a link to its glossary entry, with its meaning in a
// title (and an <abbr> for an acronym). The list is checker.Glossary(),
// the one the checker explains acronyms from.
//
// Chapters are rendered before the site knows where its glossary page is,
// so the link's address starts with glossaryMarker; Build replaces the
// marker with the glossary page's URL, or takes the links out when the
// handbook has no glossary page.

// glossaryMarker stands for the glossary page's URL in rendered HTML. A NUL
// cannot come from Markdown (the build refuses it), so it cannot clash.
const glossaryMarker = "\x00glossary\x00"

// KindGlossaryLink is the AST node of a marked glossary term.
var KindGlossaryLink = ast.NewNodeKind("GlossaryLink")

// glossaryLink wraps the text of a term's first use.
type glossaryLink struct {
	ast.BaseInline
	ID      string // "term-plo"
	Title   string // what the title attribute says
	Acronym bool
}

func (n *glossaryLink) Kind() ast.NodeKind { return KindGlossaryLink }
func (n *glossaryLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID}, nil)
}

// glossaryTerm is one entry as the matcher holds it.
type glossaryTerm struct {
	words   []string // lower case for terms; as written for acronyms
	id      string
	title   string
	acronym bool
}

// glossaryMatcher finds terms by their first word.
type glossaryMatcher struct {
	byFirst map[string][]*glossaryTerm // longest first
}

var glossaryTerms = sync.OnceValue(func() *glossaryMatcher {
	m := &glossaryMatcher{byFirst: map[string][]*glossaryTerm{}}
	for _, g := range checker.Glossary() {
		t := &glossaryTerm{id: glossaryID(g.Term), title: g.Meaning, acronym: g.Acronym}
		if g.Acronym {
			// The title of an abbreviation is what it stands for: the
			// first sentence of the meaning.
			if i := strings.Index(g.Meaning, ". "); i > 0 {
				t.title = g.Meaning[:i]
			}
			t.words = []string{g.Term}
		} else {
			t.words = strings.Fields(strings.ToLower(g.Term))
		}
		if len(t.words) == 0 {
			continue
		}
		m.byFirst[t.words[0]] = append(m.byFirst[t.words[0]], t)
	}
	for _, ts := range m.byFirst {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].words) > len(ts[j].words) })
	}
	return m
})

// glossaryWord is a word of a text node with its byte range.
type glossaryWord struct {
	text       string
	start, end int
}

// wordsOf splits text into words: letters, digits, '&' and apostrophes
// inside a word ("A&E", "children's").
func wordsOf(s string) []glossaryWord {
	var out []glossaryWord
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			start >= 0 && (r == '&' || r == '\'' || r == '’' || r == '-') && i+utf8.RuneLen(r) < len(s) && isWordStart(s[i+utf8.RuneLen(r):])
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, glossaryWord{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, glossaryWord{s[start:], start, len(s)})
	}
	return out
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// match returns the longest term starting at word k that is not yet used.
func (m *glossaryMatcher) match(ws []glossaryWord, k int, used map[string]bool) (*glossaryTerm, int) {
	for _, key := range []string{ws[k].text, strings.ToLower(ws[k].text)} {
		for _, t := range m.byFirst[key] {
			if used[t.id] || k+len(t.words) > len(ws) {
				continue
			}
			ok := true
			for j, w := range t.words {
				got := ws[k+j].text
				if !t.acronym {
					got = strings.ToLower(got)
				}
				if got != w {
					ok = false
					break
				}
			}
			if ok {
				return t, k + len(t.words)
			}
		}
		if len(ws[k].text) > 0 && ws[k].text == strings.ToLower(ws[k].text) {
			break // the lower-case key is the same
		}
	}
	return nil, 0
}

// glossaryTransformer marks the first use of each term in a chapter.
type glossaryTransformer struct{}

func (glossaryTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := docOf(pc)
	if d == nil || !d.glossaryLinks {
		return
	}
	m := glossaryTerms()
	src := reader.Source()
	used := map[string]bool{}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.CodeBlock,
			*ast.FencedCodeBlock, *ast.RawHTML, *ast.HTMLBlock, *Examples:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		d.out.Terms = append(d.out.Terms, splitGlossary(t, src, m, used)...)
	}
}

// splitGlossary replaces the text node t by text, a glossary link and
// text again for each first use it holds, and returns the ids it linked.
func splitGlossary(t *ast.Text, src []byte, m *glossaryMatcher, used map[string]bool) (ids []string) {
	seg := t.Segment
	value := string(seg.Value(src))
	ws := wordsOf(value)
	parent := t.Parent()
	if parent == nil {
		return nil
	}
	cur := t // the node still holding the rest of the text
	offset := 0
	for k := 0; k < len(ws); k++ {
		term, end := m.match(ws, k, used)
		if term == nil {
			continue
		}
		used[term.id] = true
		ids = append(ids, term.id)
		s, e := seg.Start+ws[k].start, seg.Start+ws[end-1].end
		before := ast.NewTextSegment(text.NewSegment(seg.Start+offset, s))
		link := &glossaryLink{ID: term.id, Title: term.title, Acronym: term.acronym}
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(s, e)))
		parent.InsertBefore(parent, cur, before)
		parent.InsertBefore(parent, cur, link)
		offset = ws[end-1].end
		cur.Segment = text.NewSegment(seg.Start+offset, seg.Stop)
		k = end - 1
	}
	return ids
}

// renderGlossaryLink writes <a class="glossary-link" href="…"><abbr
// title="…">PLO</abbr></a> for an acronym, and a link with a title for a
// term.
func renderGlossaryLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*glossaryLink)
	title := escape(n.Title)
	if entering {
		w.WriteString(`<a class="glossary-link" href="` + glossaryMarker + "#" + n.ID + `"`)
		if n.Acronym {
			w.WriteString(`><abbr title="` + title + `">`)
		} else {
			w.WriteString(` title="` + title + `">`)
		}
		return ast.WalkContinue, nil
	}
	if n.Acronym {
		w.WriteString("</abbr>")
	}
	w.WriteString("</a>")
	return ast.WalkContinue, nil
}

type glossaryRenderer struct{}

func (glossaryRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindGlossaryLink, renderGlossaryLink)
}

// glossaryLinkRe finds a rendered glossary link, for a handbook without a
// glossary page: its text stays, the link goes. Our renderer wrote these
// bytes, and a glossary link never holds another link.
var glossaryLinkRe = regexp.MustCompile(`<a class="glossary-link" href="\x00glossary\x00#[^"]*"(?: title="[^"]*")?>(.*?)</a>`)

// resolveGlossaryLinks points the glossary links in a chapter's HTML at
// the glossary page (its URL), or removes them when url is "".
func resolveGlossaryLinks(body []byte, url string) []byte {
	if !bytes.Contains(body, []byte(glossaryMarker)) {
		return body
	}
	if url == "" {
		return glossaryLinkRe.ReplaceAll(body, []byte("$1"))
	}
	return bytes.ReplaceAll(body, []byte(glossaryMarker), []byte(escape(url)))
}
