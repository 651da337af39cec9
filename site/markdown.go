package site

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Heading is one entry of a chapter's "on this page" list.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// link is one link found in a chapter, for checking after every chapter is read.
type link struct {
	Written  string // destination as the editor wrote it
	Line     int
	Page     string // target page key ("" home, "x/", "s/x/"); "-" when the target is a file
	File     string // target content file when not a page
	Anchor   string // without '#'
	External bool
}

// rendered is the cached result of rendering one chapter's Markdown.
type rendered struct {
	HTML     []byte
	Headings []Heading     // every heading, in order
	Sections []SectionText // the text by section, for search
	IDs      []string      // every id a link may target
	Links    []link
	Errors   []*Error
	Warnings []*Error // what the page leaves out of the source: raw HTML, unsafe links
	Terms    []string // glossary ids linked from the chapter, in order of first use
}

// docInfo is the per-document state the parser extensions share.
type docInfo struct {
	file     string // content path of the chapter
	lineBase int    // file line of the first body line, minus one
	source   []byte
	tokens   map[string]string
	basePath string // "/" or "/handbook/"
	out      *rendered
	// glossaryLinks marks the first use of glossary terms (every page but
	// the glossary itself).
	glossaryLinks bool
}

func (d *docInfo) line(offset int) int {
	if offset > len(d.source) {
		offset = len(d.source)
	}
	return d.lineBase + 1 + bytes.Count(d.source[:offset], []byte{'\n'})
}

func (d *docInfo) errorf(offset int, format string, args ...any) {
	var e errs
	e.add(d.file, d.line(offset), format, args...)
	d.out.Errors = append(d.out.Errors, e.list...)
}

// warnf notes something the page leaves out that the editor may not
// expect, without stopping the build.
func (d *docInfo) warnf(offset int, format string, args ...any) {
	var e errs
	e.add(d.file, d.line(offset), format, args...)
	d.out.Warnings = append(d.out.Warnings, e.list...)
}

var docKey = parser.NewContextKey()

func docOf(pc parser.Context) *docInfo { d, _ := pc.Get(docKey).(*docInfo); return d }

// newMarkdown returns the goldmark instance every chapter is rendered with.
// It is safe for concurrent use: per-document state lives in the context.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithInlineParsers(util.Prioritized(tokenParser{}, 50)),
			// Lower runs first: examples are marked before the glossary
			// links, which keep out of them.
			parser.WithASTTransformers(util.Prioritized(handbookTransformer{}, 100), util.Prioritized(examplesTransformer{}, 150),
				util.Prioritized(glossaryTransformer{}, 200)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&handbookRenderer{}, 100), util.Prioritized(glossaryRenderer{}, 100),
				util.Prioritized(examplesRenderer{}, 100)),
		),
	)
}

// renderMarkdown renders one chapter body. It never fails on bad content:
// problems are returned in rendered.Errors.
func renderMarkdown(md goldmark.Markdown, file string, body []byte, bodyLine int, tokens map[string]string, basePath string, glossaryLinks bool) *rendered {
	out := &rendered{}
	d := &docInfo{file: file, lineBase: bodyLine - 1, source: body, tokens: tokens, basePath: basePath, out: out, glossaryLinks: glossaryLinks}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(docKey, d)
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	out.Sections = sectionsOf(doc, body)
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, body, doc); err != nil {
		d.errorf(0, "cannot render: %v", err)
	}
	out.HTML = buf.Bytes()
	return out
}

// headingIDs makes heading ids from their text: lower case, letters of any
// script and digits kept, everything else one hyphen ("Café & co" →
// "café-co"); a repeat gets "-2", "-3". next remembers, for each base,
// the suffix to try next, so that a thousand headings of the same text
// take a thousand steps, not half a million.
type headingIDs struct {
	used map[string]bool
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	if h.used[id] {
		n := max(h.next[base], 2)
		for id = base + "-" + strconv.Itoa(n); h.used[id]; id = base + "-" + strconv.Itoa(n) {
			n++
		}
		h.next[base] = n + 1
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// ---- settings tokens: {{review-interval}} ----

type tokenParser struct{}

func (tokenParser) Trigger() []byte { return []byte{'{'} }

func (tokenParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 4 || line[1] != '{' {
		return nil
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		return nil
	}
	name := strings.TrimSpace(string(line[2:end]))
	block.Advance(end + 2)
	d := docOf(pc)
	if d == nil {
		return nil
	}
	v, ok := d.tokens[name]
	if !ok {
		d.errorf(seg.Start, "unknown setting {{%s}} (known: {{max-length}}, {{review-interval}})", name)
		v = ""
	}
	return ast.NewString([]byte(v))
}

// ---- callouts, links and headings ----

// Callout is a "> [!MUST]", "> [!NEVER]" or "> [!NOTE]" block quote.
type Callout struct {
	ast.BaseBlock
	CalloutKind string // "must", "never", "note"
}

// KindCallout is the node kind of Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Kind implements ast.Node.
func (*Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (c *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(c, source, level, map[string]string{"Kind": c.CalloutKind}, nil)
}

type handbookTransformer struct{}

func (handbookTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := docOf(pc)
	if d == nil {
		return
	}
	src := reader.Source()
	var quotes []*ast.Blockquote
	seenIDs := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote:
			quotes = append(quotes, n)
		case *ast.Heading:
			id := ""
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
			d.out.Headings = append(d.out.Headings, Heading{Level: n.Level, ID: id, Text: plainText(n, src)})
			if id != "" {
				if seenIDs[id] {
					off := 0
					if n.Lines().Len() > 0 {
						off = n.Lines().At(0).Start
					}
					d.errorf(off, "heading id #%s is used twice in this chapter", id)
				}
				seenIDs[id] = true
				d.out.IDs = append(d.out.IDs, id)
			}
		case *ast.HTMLBlock:
			// Comments are editors' notes, left out on purpose.
			if n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
				d.warnf(n.Lines().At(0).Start, "raw HTML is left out of the page; write it in Markdown instead")
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				if raw := seg.Value(src); !bytes.HasPrefix(raw, []byte("<!--")) {
					d.warnf(seg.Start, "raw HTML %s is left out of the page; write it in Markdown instead", raw)
				}
			}
		case *ast.Link:
			d.link(n, n.Destination, nodeOffset(n))
		case *ast.Image:
			d.link(n, n.Destination, nodeOffset(n))
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := string(n.URL(src))
				if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
					d.out.Links = append(d.out.Links, link{Written: u, External: true, Line: d.line(nodeOffset(n))})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		calloutize(q, src)
	}
}

var calloutKinds = map[string]string{"[!MUST]": "must", "[!NEVER]": "never", "[!NOTE]": "note"}

// calloutize turns a block quote whose first line is a marker into a Callout.
func calloutize(q *ast.Blockquote, src []byte) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	kind, ok := calloutKinds[strings.ToUpper(strings.TrimSpace(string(first.Value(src))))]
	if !ok {
		return
	}
	// Drop the marker's inline nodes (and the line break after it).
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, isText := c.(*ast.Text)
		if !isText || t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		c = next
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	}
	co := &Callout{CalloutKind: kind}
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		co.AppendChild(co, c)
		c = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, co)
}

// nodeOffset finds a source offset for an inline node, for line numbers.
func nodeOffset(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines() != nil && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// plainText is the text of an inline container such as a heading, with
// runs of white space made single.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	blockText(&b, n, src)
	return strings.Join(strings.Fields(b.String()), " ")
}

// link classifies a destination, rewrites internal ones to root-relative
// URLs and records it for checking.
func (d *docInfo) link(n ast.Node, dest []byte, off int) {
	w := string(dest)
	l := link{Written: w, Line: d.line(off)}
	lower := strings.ToLower(w)
	switch {
	case w == "":
		return
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), strings.HasPrefix(w, "//"):
		l.External = true
		d.out.Links = append(d.out.Links, l)
		return
	case gmhtml.IsDangerousURL(dest):
		// The renderer drops it (goldmark is safe by default): say so.
		d.warnf(off, "the link to %q is left out of the page: links may not run scripts or open local files", w)
		return
	case strings.Contains(w[:max(0, strings.IndexAny(w, "/#?"))], ":") || strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "tel:"):
		return // other schemes: nothing to check
	}
	target, anchor, _ := strings.Cut(w, "#")
	l.Anchor = anchor
	if i := strings.IndexByte(target, '?'); i >= 0 {
		target = target[:i]
	}
	var newDest string
	switch {
	case target == "":
		l.Page = pageKey(d.file)
		newDest = ""
	case strings.HasPrefix(target, "/"):
		p := strings.TrimPrefix(path.Clean(target), "/")
		if p == "." {
			p = ""
		}
		if strings.HasSuffix(p, ".md") {
			l.Page = pageKey(p)
		} else if path.Ext(p) != "" {
			l.Page, l.File = "-", p
		} else {
			if p != "" {
				p += "/"
			}
			l.Page = p
		}
	default:
		p := path.Clean(path.Join(path.Dir(d.file), target))
		switch {
		case strings.HasSuffix(p, ".md"):
			l.Page = pageKey(p)
		case path.Ext(p) != "":
			l.Page, l.File = "-", p
		default:
			// A relative URL without .md is relative to the page's URL.
			base := pageKey(d.file)
			q := path.Clean(path.Join("/"+base, target))
			q = strings.TrimPrefix(q, "/")
			if q != "" {
				q += "/"
			}
			l.Page = q
		}
	}
	if target != "" {
		if l.File != "" {
			newDest = d.basePath + l.File
		} else {
			newDest = d.basePath + l.Page
		}
	}
	if anchor != "" || target == "" {
		newDest += "#" + anchor
	}
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = []byte(newDest)
	case *ast.Image:
		n.Destination = []byte(newDest)
	}
	d.out.Links = append(d.out.Links, l)
}

// pageKey maps a content file to its page key: "index.md" → "",
// "x.md" → "x/", "s/index.md" → "s/", "s/x.md" → "s/x/".
func pageKey(file string) string {
	p := strings.TrimSuffix(file, ".md")
	if p == "index" {
		return ""
	}
	p = strings.TrimSuffix(p, "/index")
	return p + "/"
}

// ---- rendering ----

type handbookRenderer struct{}

func (r *handbookRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindFencedCodeBlock, r.fenced)
	reg.Register(KindCallout, r.callout)
	reg.Register(east.KindTaskCheckBox, r.taskCheckBox)
}

// taskCheckBox draws a task list's box as a mark with words for screen
// readers: a disabled form control without a label is an accessibility
// fault, and the reader cannot tick it anyway.
func (r *handbookRenderer) taskCheckBox(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		w.WriteString(`<span class="task-mark task-mark--done" aria-hidden="true">✓</span><span class="visually-hidden">Done: </span>`)
	} else {
		w.WriteString(`<span class="task-mark" aria-hidden="true"></span><span class="visually-hidden">To do: </span>`)
	}
	return ast.WalkContinue, nil
}

func (r *handbookRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	if entering {
		w.WriteString("<h")
		w.WriteByte("0123456"[n.Level])
		if n.Attributes() != nil {
			gmhtml.RenderAttributes(w, node, gmhtml.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if len(idb) > 0 {
		w.WriteString(`<a class="heading-link" href="#`)
		w.WriteString(escape(string(idb)))
		w.WriteString(`"><span class="visually-hidden">Link to this section</span></a>`)
	}
	w.WriteString("</h")
	w.WriteByte("0123456"[n.Level])
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (r *handbookRenderer) callout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if n.CalloutKind == "note" {
		if entering {
			w.WriteString(`<div class="inset-text">` + "\n")
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	}
	label := "You must"
	if n.CalloutKind == "never" {
		label = "You must never"
	}
	if entering {
		w.WriteString(`<div class="warning-text warning-text--` + n.CalloutKind + `">` + "\n")
		w.WriteString(`<span class="warning-text__icon" aria-hidden="true">!</span>` + "\n")
		w.WriteString(`<div class="warning-text__text"><strong class="warning-text__label">` + label + `</strong>` + "\n")
	} else {
		w.WriteString("</div>\n</div>\n")
	}
	return ast.WalkContinue, nil
}

// codeFormatter is shared: it caches the style's classes, which are costly
// to work out per code block. It is safe for concurrent use.
var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

var modelLabels = map[string]string{"agreement": "Example written agreement", "undertaking": "Example written undertaking"}

func (r *handbookRenderer) fenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	info := ""
	if n.Info != nil {
		info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
	}
	words := strings.Fields(info)
	lang := ""
	if len(words) > 0 {
		lang = strings.ToLower(words[0])
	}
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	if label, ok := modelLabels[lang]; ok {
		weak := len(words) > 1 && strings.EqualFold(words[1], "weak")
		cls := "model-document model-document--" + lang
		if weak {
			cls += " model-document--weak"
			label = "Weak draft: " + strings.ToLower(label[:1]) + label[1:] + " to learn from, not to copy"
		}
		w.WriteString(`<figure class="` + cls + `" data-kind="` + lang + `"`)
		if weak {
			w.WriteString(` data-weak="true"`)
		}
		w.WriteString(">\n<figcaption class=\"model-document__label\">" + escape(label) + "</figcaption>\n")
		w.WriteString(`<div class="model-document__text">`)
		w.WriteString(escape(strings.TrimRight(code.String(), "\n")))
		w.WriteString("</div>\n</figure>\n")
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<div class="code-block"><pre class="chroma" tabindex="0"><code`)
	if lang != "" {
		w.WriteString(` class="language-` + escape(lang) + `"`)
	}
	w.WriteByte('>')
	if lexer := lexers.Get(lang); lang != "" && lexer != nil {
		it, err := lexer.Tokenise(nil, code.String())
		if err == nil {
			if err := codeFormatter.Format(w, chromaStyle, it); err == nil {
				w.WriteString("</code></pre></div>\n")
				return ast.WalkSkipChildren, nil
			}
		}
	}
	w.WriteString(escape(code.String()))
	w.WriteString("</code></pre></div>\n")
	return ast.WalkSkipChildren, nil
}
