package docx

import (
	"strconv"
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
	start  int    // where its start tag is
	tagEnd int    // where its start tag ends
	head   string // its start tag and properties, to open it again after a split
	props  bool   // its properties are being read
	depth  int    // elements open inside it
	opened int    // the output's length when its head was last written; -1 before
}

// bodyWriter copies word/document.xml, writing comment markers where
// they belong: where a marker falls inside a run, the run is ended and
// opened again after it with the same properties. A split that would
// leave a run empty moves the marker before or after the run instead.
type bodyWriter struct {
	src    string
	out    []byte
	copied int // src is copied up to here
	runs   []*openRun
	marks  []marker
	next   int    // the next marker to place
	tAt    int    // where the w:t being read starts
	tEnd   int    // and where its start tag ends
	afterT string // markup to write after the w:t being read
	odd    bool   // a marker fell in a w:t holding more than its text
}

// writeBody copies src with the markers, sorted by place, written in.
func writeBody(src string, marks []marker) ([]byte, error) {
	w := &bodyWriter{src: src, marks: marks, out: make([]byte, 0, len(src)+len(marks)*80)}
	z := newTokenizer([]byte(src))
	for z.next() {
		w.token(&z.tok, z.at)
	}
	w.copyTo(len(src))
	if w.next < len(marks) || w.odd {
		return nil, fail(ErrDamaged, "word/document.xml: a comment's place could not be found")
	}
	return w.out, nil
}

func (w *bodyWriter) copyTo(at int) {
	if at > w.copied {
		w.out = append(w.out, w.src[w.copied:at]...)
		w.copied = at
	}
}

// take returns the markup of the markers at pos with offset off.
func (w *bodyWriter) take(pos, off int) string {
	b := ""
	for w.here(pos) && w.marks[w.next].off == off {
		m := w.marks[w.next]
		id := strconv.Itoa(m.id)
		if m.rank == 1 {
			b += `<w:commentRangeStart w:id="` + id + `"/>`
		} else {
			b += `<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`
		}
		w.next++
	}
	return b
}

// here says whether markers wait at pos.
func (w *bodyWriter) here(pos int) bool {
	return w.next < len(w.marks) && w.marks[w.next].pos == pos
}

// split ends the innermost run where the output has got to, writes
// markup, and opens the run again; with nothing of the run written yet,
// the markup goes before it instead.
func (w *bodyWriter) split(markup string) {
	if len(w.runs) == 0 {
		w.out = append(w.out, markup...)
		return
	}
	r := w.runs[len(w.runs)-1]
	if len(w.out) == r.opened {
		w.out = append(w.out[:len(w.out)-len(r.head)], markup+r.head...)
	} else {
		w.out = append(w.out, "</w:r>"+markup+r.head...)
	}
	r.opened = len(w.out)
}

func (w *bodyWriter) token(t *token, end int) {
	var r *openRun
	if len(w.runs) > 0 {
		r = w.runs[len(w.runs)-1]
	}
	switch t.kind {
	case tokStart, tokEmpty:
		if t.name == "w:body" && w.here(-1) {
			w.copyTo(end)
			w.out = append(w.out, "<w:p>"+w.take(-1, 0)+"</w:p>"...)
		}
		if t.name == "w:r" && t.kind == tokStart {
			w.runs = append(w.runs, &openRun{start: t.pos, tagEnd: end, opened: -1})
			return
		}
		if r != nil && r.depth == 0 && r.opened < 0 {
			if t.name == "w:rPr" {
				r.props = true
			} else {
				w.headDone(r, r.tagEnd)
			}
		}
		if t.name == "w:t" {
			w.tAt, w.tEnd = t.pos, end
		}
		if w.here(t.pos) { // a tab, break or hyphen: markers go before it
			w.copyTo(t.pos)
			w.split(w.take(t.pos, 0))
		}
		if r != nil && t.kind == tokStart {
			r.depth++
		}
	case tokEnd:
		if r != nil {
			if r.depth == 0 { // the run ends: an empty second half goes
				w.runs = w.runs[:len(w.runs)-1]
				if w.copied == t.pos && len(w.out) == r.opened {
					w.out, w.copied = w.out[:len(w.out)-len(r.head)], end
				}
				return
			}
			r.depth--
			if r.depth == 0 && r.props {
				r.props = false
				w.headDone(r, end)
			}
		}
		if t.name == "w:t" && w.afterT != "" {
			w.copyTo(end)
			w.split(w.afterT)
			w.afterT = ""
		}
	case tokText:
		if w.here(t.pos) {
			w.text(t, end)
		}
	}
}

// headDone notes that a run's start tag and properties end at end: they
// are copied, so that a split before anything else in the run can take
// them back.
func (w *bodyWriter) headDone(r *openRun, end int) {
	w.copyTo(end)
	r.head, r.opened = w.src[r.start:end], len(w.out)
}

// text places the markers that fall in a w:t's text: before the w:t,
// after it, or inside it, splitting the run there.
func (w *bodyWriter) text(t *token, end int) {
	if t.pos != w.tEnd { // not what Word writes: refuse rather than guess
		w.odd = true
		return
	}
	d := t.text
	last, mid := 0, false
	for w.here(t.pos) {
		off := w.marks[w.next].off
		markup := w.take(t.pos, off)
		switch {
		case off <= 0:
			w.copyTo(w.tAt)
			w.split(markup)
		case off >= len(d):
			w.afterT += markup
		default:
			if !mid {
				w.copyTo(w.tAt)
				w.out = append(w.out, `<w:t xml:space="preserve">`...)
				w.copied, mid = t.pos, true
			}
			w.out = append(w.out, escapeXML(d[last:off])+"</w:t>"...)
			w.split(markup)
			w.out = append(w.out, `<w:t xml:space="preserve">`...)
			last = off
		}
	}
	if mid {
		w.out = append(w.out, escapeXML(d[last:])...)
		w.copied = end
	}
}
