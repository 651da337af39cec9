package docx

import (
	"strconv"
	"strings"
)

// origin says where a stretch of the text came from, so that the writer
// can put a comment on the words a span of the text is about: the text
// from at (up to the next origin's at) is the token at pos in
// word/document.xml from its decoded byte off on, a w:t's text or a w:tab,
// w:br or w:noBreakHyphen element standing for one character. pos < 0
// marks text the reader made: list numbers and the spaces, tabs and line
// ends between cells and paragraphs.
type origin struct{ at, pos, off int }

// tracer records origins while the reader reads. Only Annotate passes
// one (origins), so the page's module, which reads but does not annotate,
// links none of the bookkeeping.
type tracer interface {
	note(dst *[]origin, at, pos, off int)
	clip(dst *[]origin, src []origin, from, to, base int)
}

// origins is the tracer that keeps the origins.
type origins struct{}

func (origins) note(dst *[]origin, at, pos, off int) { *dst = append(*dst, origin{at, pos, off}) }

// clip appends the origins of src's text [from, to) to dst, for that text
// placed at base.
func (origins) clip(dst *[]origin, src []origin, from, to, base int) {
	for i, o := range src {
		end := to
		if i+1 < len(src) {
			end = min(end, src[i+1].at)
		}
		if end <= from || o.at >= to || end <= o.at {
			continue
		}
		start := max(o.at, from)
		*dst = append(*dst, origin{base + start - from, o.pos, o.off + start - o.at})
	}
}

// note and clip pass to the tracer, if any. pos -1 marks text the reader
// made.
func (r *bodyReader) note(dst *[]origin, at, pos, off int) {
	if r.tr != nil {
		r.tr.note(dst, at, pos, off)
	}
}

func (r *bodyReader) clip(dst *[]origin, src []origin, from, to, base int) {
	if r.tr != nil {
		r.tr.clip(dst, src, from, to, base)
	}
}

// para is a paragraph being read.
type para struct {
	text    strings.Builder
	style   string
	numID   string
	ilvl    int
	hasNum  bool
	heading bool   // an outline level in its own properties
	box     int    // the text box it is in (numbered from 1), or 0
	boxes   []line // text box paragraphs anchored in it, read
	src     []origin
}

// write adds text from the token at pos (off -1: an element standing for
// one character, which cannot be split).
func (r *bodyReader) write(p *para, text string, pos, off int) {
	r.note(&p.src, p.text.Len(), pos, off)
	p.text.WriteString(text)
}

// line is a finished paragraph: its text and what it was.
type line struct {
	text   string
	kind   Kind
	number string // list number, for the label
	box    int
	src    []origin
	_      [0]func() // not comparable: no equality function in the page's module
}

// bodyReader turns word/document.xml's body into text and parts.
type bodyReader struct {
	num    *numbering
	styles map[string]styleInfo

	out   strings.Builder
	src   []origin // where each stretch of out came from, when traced
	tr    tracer
	parts []Part
	blank bool // the text ends with an empty line

	paras    []*para // the open paragraph, then any text box paragraph inside it
	skip     int     // depth inside an element that is left out
	inText   int     // inside w:t
	inRun    int     // inside w:r
	boxDepth int     // inside w:txbxContent
	boxes    int     // text boxes seen

	paragraphs int // body paragraphs with text, for labels

	// budget is what is left of Limits.MaxUnpacked for the text and the
	// parts' labels; over it, tooLarge is set and the rest is skipped.
	budget   int64
	tooLarge bool

	tableDepth int
	tables     int
	row        int
	cells      []string // the current row's cells (of the outermost table)
	cellSrc    [][]origin
	cell       strings.Builder
	curSrc     []origin // the current cell's origins
}

// leftOut are the elements whose content is not part of the text: tracked
// deletions and moves away, the fallback copy of drawings (the mc:Choice
// copy is read), field instructions, and the earlier properties that a
// tracked formatting change keeps.
func leftOut(name string) bool {
	switch name {
	case "w:del", "w:moveFrom", "w:delText", "w:delInstrText", "w:instrText", "mc:Fallback":
		return true
	}
	return strings.HasSuffix(name, "PrChange")
}

// partCost is what one Part costs beyond its label's bytes, counted
// against the budget so that a million empty-looking list items cannot
// fill memory with parts either.
const partCost = 48

// readBody reads the body with budget bytes left of limit, which the
// refusal names.
func readBody(src []byte, num *numbering, styles map[string]styleInfo, budget, limit int64, tr tracer) (*Document, error) {
	r := &bodyReader{num: num, styles: styles, blank: true, budget: budget, tr: tr}
	z := newTokenizer(src)
	for !r.tooLarge && z.next() {
		r.token(&z.tok)
	}
	if r.tooLarge {
		return nil, fail(ErrTooLarge, "with its list numbers it unpacks to more than "+megabytes(limit)+" of text")
	}
	if z.err != "" {
		return nil, fail(ErrDamaged, "word/document.xml: "+z.err)
	}
	return &Document{Text: strings.TrimRight(r.out.String(), "\n"), Parts: r.parts, src: r.src}, nil
}

func (r *bodyReader) top() *para {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

func (r *bodyReader) token(t *token) {
	if r.skip > 0 {
		switch t.kind {
		case tokStart:
			r.skip++
		case tokEnd:
			r.skip--
		}
		return
	}
	switch t.kind {
	case tokText:
		if p := r.top(); p != nil && r.inText > 0 {
			r.write(p, t.text, t.pos, 0)
		}
	case tokStart, tokEmpty:
		if leftOut(t.name) {
			if t.kind == tokStart {
				r.skip = 1
			}
			return
		}
		r.start(t)
		if t.kind == tokEmpty {
			r.end(t.name)
		}
	case tokEnd:
		r.end(t.name)
	}
}

func (r *bodyReader) start(t *token) {
	p := r.top()
	switch t.name {
	case "w:p":
		r.paras = append(r.paras, &para{box: r.boxOf()})
	case "w:t":
		r.inText++
	case "w:r":
		r.inRun++
	case "w:pStyle":
		if p != nil {
			p.style = t.attr("w:val")
		}
	case "w:numId":
		if p != nil {
			p.numID, p.hasNum = t.attr("w:val"), true
		}
	case "w:ilvl":
		if p != nil {
			p.ilvl = atoi(t.attr("w:val"), 0)
		}
	case "w:outlineLvl":
		if p != nil && atoi(t.attr("w:val"), 9) < 9 {
			p.heading = true
		}
	case "w:tab", "w:ptab":
		if p != nil && r.inRun > 0 {
			r.write(p, "\t", t.pos, -1)
		}
	case "w:br", "w:cr":
		if p != nil && r.inRun > 0 {
			r.write(p, "\n", t.pos, -1)
		}
	case "w:noBreakHyphen":
		if p != nil {
			r.write(p, "-", t.pos, -1)
		}
	case "w:txbxContent":
		r.boxDepth++
		if r.boxDepth == 1 {
			r.boxes++
		}
	case "w:tbl":
		r.tableDepth++
		if r.tableDepth == 1 {
			r.tables++
			r.row = 0
		}
	case "w:tr":
		if r.tableDepth == 1 {
			r.row++
			r.cells = r.cells[:0]
			r.cellSrc = r.cellSrc[:0]
		}
	case "w:tc":
		if r.tableDepth == 1 {
			r.cell.Reset()
			r.curSrc = nil
		}
	}
}

// boxOf is the number of the text box being read, or 0.
func (r *bodyReader) boxOf() int {
	if r.boxDepth > 0 {
		return r.boxes
	}
	return 0
}

func (r *bodyReader) end(name string) {
	switch name {
	case "w:p":
		if len(r.paras) > 0 {
			p := r.paras[len(r.paras)-1]
			r.paras = r.paras[:len(r.paras)-1]
			r.endParagraph(p)
		}
	case "w:t":
		r.inText = max(0, r.inText-1)
	case "w:r":
		r.inRun = max(0, r.inRun-1)
	case "w:txbxContent":
		r.boxDepth = max(0, r.boxDepth-1)
	case "w:tc":
		if r.tableDepth == 1 {
			r.cells = append(r.cells, r.cell.String())
			r.cellSrc = append(r.cellSrc, r.curSrc)
		}
	case "w:tr":
		if r.tableDepth == 1 {
			r.emitRow()
		}
	case "w:tbl":
		r.tableDepth = max(0, r.tableDepth-1)
	}
}

// endParagraph finishes a paragraph: into its anchoring paragraph when it
// is in a text box, into the cell when in a table, else onto the text.
func (r *bodyReader) endParagraph(p *para) {
	l := r.finish(p)
	if parent := r.top(); parent != nil && p.box != 0 {
		parent.boxes = append(parent.boxes, l)
		parent.boxes = append(parent.boxes, p.boxes...)
		return
	}
	if r.tableDepth > 0 {
		for _, x := range append([]line{l}, p.boxes...) {
			trimmed := strings.TrimSpace(x.text)
			if trimmed == "" {
				continue
			}
			if r.cell.Len() > 0 {
				r.note(&r.curSrc, r.cell.Len(), -1, 0)
				r.cell.WriteByte(' ')
			}
			lead := strings.Index(x.text, trimmed)
			r.clip(&r.curSrc, x.src, lead, lead+len(trimmed), r.cell.Len())
			r.cell.WriteString(trimmed)
		}
		return
	}
	r.emit(l)
	for _, b := range p.boxes {
		r.emit(b)
	}
}

// finish works out a paragraph's kind and list number.
func (r *bodyReader) finish(p *para) line {
	style := r.styles[p.style]
	l := line{text: p.text.String(), kind: Paragraph, box: p.box, src: p.src}
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum && style.numID != "" {
		numID, ilvl = style.numID, style.ilvl
	}
	switch {
	case p.box != 0:
		l.kind = TextBox
	case p.heading || style.heading || isHeadingID(p.style):
		l.kind = Heading
	}
	if numID != "" && strings.TrimSpace(l.text) != "" {
		if n, ok := r.num.label(numID, ilvl); ok {
			l.number = n
			var src []origin
			r.note(&src, 0, -1, 0)
			r.clip(&src, l.src, 0, len(l.text), len(n)+1)
			l.src = src
			l.text = n + " " + l.text
			if l.kind == Paragraph {
				l.kind = ListItem
			}
		}
	}
	return l
}

// emit writes one line of text, and its part when it has any text.
func (r *bodyReader) emit(l line) {
	text := strings.TrimRight(l.text, " \t\n")
	if strings.TrimSpace(text) == "" {
		if !r.blank {
			r.note(&r.src, r.out.Len(), -1, 0)
			r.out.WriteByte('\n')
			r.blank = true
		}
		return
	}
	n := l.box
	if l.kind != TextBox {
		r.paragraphs++
		n = r.paragraphs
	}
	lab := label(l.kind, n, l.number)
	if !r.spend(len(text) + 1 + len(lab) + partCost) {
		return
	}
	start := r.out.Len()
	r.clip(&r.src, l.src, 0, len(text), start)
	r.out.WriteString(text)
	r.parts = append(r.parts, Part{Start: start, End: r.out.Len(), Kind: l.kind, Label: lab})
	r.note(&r.src, r.out.Len(), -1, 0)
	r.out.WriteByte('\n')
	r.blank = false
}

// spend takes n bytes from the budget, and reports whether they were there.
func (r *bodyReader) spend(n int) bool {
	r.budget -= int64(n)
	if r.budget < 0 {
		r.tooLarge = true
	}
	return !r.tooLarge
}

// emitRow writes a table row as one line, its cells separated by tabs, as
// the checker reads a table pasted from Word.
func (r *bodyReader) emitRow() {
	empty := true
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			empty = false
		}
	}
	if empty {
		return
	}
	prefix := "table " + strconv.Itoa(r.tables) + ", row " + strconv.Itoa(r.row) + ", cell "
	for i, c := range r.cells {
		if i > 0 {
			r.note(&r.src, r.out.Len(), -1, 0)
			r.out.WriteByte('\t')
		}
		c = strings.ReplaceAll(strings.ReplaceAll(c, "\t", " "), "\n", " ")
		if !r.spend(len(c) + 1 + len(prefix) + 4 + partCost) {
			return
		}
		start := r.out.Len()
		r.clip(&r.src, r.cellSrc[i], 0, len(c), start)
		r.out.WriteString(c)
		if c != "" {
			r.parts = append(r.parts, Part{Start: start, End: r.out.Len(), Kind: TableCell, Label: prefix + strconv.Itoa(i+1)})
		}
	}
	r.note(&r.src, r.out.Len(), -1, 0)
	r.out.WriteByte('\n')
	r.blank = false
}
