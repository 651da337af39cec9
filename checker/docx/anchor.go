package docx

import (
	"strconv"
	"strings"
)

// cut is a place in word/document.xml: before the decoded byte off of the
// text token at pos, or (off 0) before the element at pos. pos -1 is the
// start of the body, for a document with no text to anchor on.
type cut struct{ pos, off int }

// marker is where a comment starts or ends.
type marker struct {
	cut
	rank int // at one cut: 0 ends a range begun earlier, 1 starts one, 2 ends an empty one
	id   int
}

// anchor finds where the range [s, e) of Text starts and ends in the XML:
// before its first and after its last character that came from the
// document. A range with no such character becomes a point before the
// next one (or after the last); ok is false when the text has none at all.
func (d *Document) anchor(s, e int) (start, end cut, ok bool) {
	s = min(max(s, 0), len(d.Text))
	e = min(max(e, s), len(d.Text))
	src := d.src
	coverEnd := func(i int) int {
		if i+1 < len(src) {
			return src[i+1].at
		}
		return len(d.Text)
	}
	// The first character from the document at or after s.
	first, fi := -1, 0 // offset into Text, and its origin
	for i := max(d.originAfter(s)-1, 0); i < len(src); i++ {
		if x := max(src[i].at, s); src[i].pos >= 0 && x < coverEnd(i) {
			first, fi = x, i
			break
		}
	}
	// The last character from the document before e.
	last, li := -1, 0
	for i := d.originAfter(e-1) - 1; i >= 0; i-- {
		if y := min(e, coverEnd(i)) - 1; src[i].pos >= 0 && y >= src[i].at {
			last, li = y, i
			break
		}
	}
	at := func(i, x int) cut { return cut{src[i].pos, max(src[i].off+x-src[i].at, 0)} }
	after := func(i, y int) cut {
		if src[i].off < 0 { // an element: end before it rather than split around it
			return cut{src[i].pos, 0}
		}
		return cut{src[i].pos, src[i].off + y + 1 - src[i].at}
	}
	switch {
	case first >= 0 && first < e && last >= first:
		return at(fi, first), after(li, last), true
	case first >= 0:
		c := at(fi, first)
		return c, c, true
	case last >= 0:
		c := after(li, last)
		return c, c, true
	}
	return cut{}, cut{}, false
}

// originAfter is the index of the first origin starting after offset x.
func (d *Document) originAfter(x int) int {
	lo, hi := 0, len(d.src)
	for lo < hi {
		if mid := (lo + hi) / 2; d.src[mid].at <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// openRun is a w:r element being copied.
type openRun struct {
	start    int    // where its start tag is
	tagEnd   int    // where its start tag ends
	head     string // its start tag and properties, to open the run again after a split
	headDone bool
	inProps  bool
	depth    int // elements open inside it
	children int // elements directly inside it after its properties
	split    bool
	opened   int    // the length of the output when a split last opened it again
	after    string // markup to write after it ends
}

// bodyWriter copies word/document.xml, writing comment markers where
// they belong. It copies lazily, so that a marker that turns out to go
// before a run that has not been split is written before it, untouched.
type bodyWriter struct {
	src    string
	out    []byte
	copied int // src is copied up to here
	runs   []*openRun
	marks  []marker
	next   int    // the next marker to place
	tAt    int    // where the w:t being read starts
	afterT string // markup to write after the w:t being read
}

// writeBody copies src with the markers, sorted by place, written in.
func writeBody(src string, marks []marker) ([]byte, error) {
	w := &bodyWriter{src: src, marks: marks, out: make([]byte, 0, len(src)+len(marks)*80)}
	z := newTokenizer([]byte(src))
	for z.next() {
		w.token(&z.tok, z.at)
	}
	w.copyTo(len(src))
	if w.next < len(marks) {
		return nil, fail(ErrDamaged, "word/document.xml: a comment's place could not be found (marker at "+strconv.Itoa(marks[w.next].pos)+")")
	}
	return w.out, nil
}

func (w *bodyWriter) copyTo(at int) {
	if at > w.copied {
		w.out = append(w.out, w.src[w.copied:at]...)
		w.copied = at
	}
}

func (w *bodyWriter) top() *openRun {
	if len(w.runs) == 0 {
		return nil
	}
	return w.runs[len(w.runs)-1]
}

// take returns the markup of the markers at pos with offset off.
func (w *bodyWriter) take(pos, off int) string {
	var b strings.Builder
	for w.next < len(w.marks) && w.marks[w.next].pos == pos && w.marks[w.next].off == off {
		m := w.marks[w.next]
		id := strconv.Itoa(m.id)
		if m.rank == 1 {
			b.WriteString(`<w:commentRangeStart w:id="` + id + `"/>`)
		} else {
			b.WriteString(`<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`)
		}
		w.next++
	}
	return b.String()
}

// here says whether markers wait at pos.
func (w *bodyWriter) here(pos int) bool {
	return w.next < len(w.marks) && w.marks[w.next].pos == pos
}

// splitRun ends the run r, writes markup, and opens the run again with
// the same properties.
func (w *bodyWriter) splitRun(r *openRun, markup string) {
	if r == nil {
		w.out = append(w.out, markup...)
		return
	}
	if r.split && len(w.out) == r.opened { // nothing since the last split: no empty run
		w.out = append(w.out[:len(w.out)-len(r.head)], markup+r.head...)
	} else {
		w.out = append(w.out, "</w:r>"+markup+r.head...)
	}
	r.split, r.opened = true, len(w.out)
}

func (w *bodyWriter) token(t *token, end int) {
	r := w.top()
	switch t.kind {
	case tokStart, tokEmpty:
		if t.name == "w:body" && w.here(-1) {
			w.copyTo(end)
			w.out = append(w.out, "<w:p>"+w.take(-1, 0)+"</w:p>"...)
		}
		if t.name == "w:r" && t.kind == tokStart {
			w.runs = append(w.runs, &openRun{start: t.pos, tagEnd: end})
			return
		}
		first := false
		if r != nil && r.depth == 0 {
			if t.name == "w:rPr" && !r.headDone {
				r.inProps = true
			} else {
				if !r.headDone {
					r.head, r.headDone = w.src[r.start:r.tagEnd], true
				}
				first = r.children == 0
				r.children++
			}
		}
		if t.name == "w:t" {
			w.tAt = t.pos
		}
		if w.here(t.pos) { // a tab, break or hyphen: markers go before it
			markup := w.take(t.pos, 0)
			if r != nil && first && !r.split && w.copied <= r.start {
				w.copyTo(r.start)
				w.out = append(w.out, markup...)
			} else {
				w.copyTo(t.pos)
				w.splitRun(r, markup)
			}
		}
		if r != nil && t.kind == tokStart {
			r.depth++
		}
	case tokEnd:
		if r != nil {
			if r.depth == 0 {
				w.runs = w.runs[:len(w.runs)-1]
				if r.after != "" {
					w.copyTo(end)
					w.out = append(w.out, r.after...)
				}
				return
			}
			r.depth--
			if r.depth == 0 && r.inProps {
				r.head, r.headDone, r.inProps = w.src[r.start:end], true, false
			}
		}
		if t.name == "w:t" && w.afterT != "" {
			w.copyTo(end)
			w.splitRun(r, w.afterT)
			w.afterT = ""
		}
	case tokText:
		if w.here(t.pos) {
			w.text(t, end, r)
		}
	}
}

// text places the markers that fall in a w:t's text: before it, after it,
// or inside it, splitting the run there.
func (w *bodyWriter) text(t *token, end int, r *openRun) {
	d := t.text
	last, mid := 0, false
	for w.here(t.pos) {
		off := w.marks[w.next].off
		markup := w.take(t.pos, off)
		switch {
		case off <= 0:
			if r != nil && r.children == 1 && !r.split && w.copied <= r.start {
				w.copyTo(r.start) // at the start of the run: before it
				w.out = append(w.out, markup...)
			} else {
				w.copyTo(w.tAt)
				w.splitRun(r, markup)
			}
		case off >= len(d):
			if r != nil && endsRun(w.src[end:]) {
				r.after += markup
			} else {
				w.afterT += markup
			}
		default:
			if !mid {
				w.copyTo(w.tAt)
				w.out = append(w.out, `<w:t xml:space="preserve">`...)
				w.copied = t.pos
				mid = true
			}
			w.out = append(w.out, escapeXML(d[last:off])+"</w:t>"...)
			w.splitRun(r, markup)
			w.out = append(w.out, `<w:t xml:space="preserve">`...)
			last = off
		}
	}
	if mid {
		w.out = append(w.out, escapeXML(d[last:])...)
		w.copied = end
	}
}

// endsRun says whether the XML after a w:t's text closes the w:t and then
// its run.
func endsRun(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\r\n")
	if !strings.HasPrefix(rest, "</w:t>") {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(rest[6:], " \t\r\n"), "</w:r>")
}
