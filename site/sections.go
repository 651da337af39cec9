package site

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// SectionText is the plain text of one part of a chapter, for the search
// index: the opening text before the first heading (ID ""), then each
// level-2 or level-3 heading and the text under it.
type SectionText struct {
	ID      string // the heading's id, "" for the opening text
	Heading string
	Level   int // 2 or 3; 1 for the opening text
	Text    string
}

// sectionsOf splits a parsed chapter into sections at its level-2 and
// level-3 headings. Model documents and tables count as text: a reader
// searching for "bus pass" should find the model agreement.
func sectionsOf(doc ast.Node, src []byte) []SectionText {
	out := []SectionText{{Level: 1}}
	var b strings.Builder
	flush := func() {
		out[len(out)-1].Text = strings.Join(strings.Fields(b.String()), " ")
		b.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && (h.Level == 2 || h.Level == 3) {
			flush()
			id := ""
			if v, ok := h.AttributeString("id"); ok {
				if s, ok := v.([]byte); ok {
					id = string(s)
				}
			}
			out = append(out, SectionText{ID: id, Heading: plainText(h, src), Level: h.Level})
			continue
		}
		blockText(&b, n, src)
	}
	flush()
	if out[0].Text == "" && len(out) > 1 {
		out = out[1:]
	}
	return out
}

// blockText appends the text of a block and everything in it, with a
// space between blocks and between lines of code.
func blockText(b *strings.Builder, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's quotes and dashes are HTML entities.
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
				b.WriteByte(' ')
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for g := c.FirstChild(); g != nil; g = g.NextSibling() {
				if t, ok := g.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
