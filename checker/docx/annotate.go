package docx

import (
	"slices"
	"strconv"
	"strings"
)

// Comment is a note on a range of a Document's Text, to be written into a
// copy of the document as a Word comment on the words of that range.
type Comment struct {
	Start, End int      // byte offsets into Text; an empty range marks a point
	Text       []string // the comment's paragraphs
}

// Annotate returns a copy of the document with the comments added, by
// author (with initials) and dated date (a UTC time such as
// "2026-12-02T18:33:17Z", from the caller's clock: this package has none).
//
// Each comment is anchored on the words its range is about: where a range
// starts or ends inside a run of text, the run is split in two with the
// same properties. Text the reader made up (list numbers, the tabs between
// table cells) is not in the document, so a range is anchored from its
// first to its last character that is. Everything else is kept byte for
// byte: the other parts are copied as they are, and word/document.xml
// changes only where a comment starts or ends. Comments already in the
// document are kept and the new ones numbered after them. The parts that
// change are stored uncompressed. (Strict Open XML documents, and comment
// parts that bind w: to nothing, are written as if transitional: rare, and
// each branch costs the page's module.)
func (d *Document) Annotate(comments []Comment, author, initials, date string) ([]byte, error) {
	a := d.zip
	if a == nil || len(date) != 20 || date[10] != 'T' || date[19] != 'Z' {
		return nil, fail(ErrNotDocx, "nothing to annotate, or a date not like 2026-12-02T18:33:17Z: "+date)
	}
	// The parts that say where the comments are, and what they are.
	const relsName, typesName = "word/_rels/document.xml.rels", "[Content_Types].xml"
	rels, err := a.readOr(relsName, xmlHead+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if err != nil {
		return nil, err
	}
	types, err := a.readOr(typesName, xmlHead+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`)
	if err != nil {
		return nil, err
	}
	target := ""
	z := newTokenizer([]byte(rels))
	for z.next() {
		if z.tok.attr("Type") == relComments && z.tok.attr("TargetMode") != "External" {
			target = z.tok.attr("Target")
		}
	}
	name := "word/comments.xml"
	if strings.HasPrefix(target, "/") {
		name = target[1:]
	} else if target != "" {
		name = "word/" + target
	}
	notes, err := a.readOr(name, xmlHead+`<w:comments xmlns:w="`+wordMain+`"></w:comments>`)
	if err != nil {
		return nil, err
	}
	first := max(maxID(notes, "w:comment"), maxID(string(d.body), "w:commentRangeStart", "w:commentReference")) + 1

	// The comments, and their anchors in the body.
	t, err := d.traced()
	if err != nil {
		return nil, err
	}
	var marks []marker
	added := ""
	for i, c := range comments {
		id := first + i
		start, end, ok := t.anchor(c.Start, c.End)
		if !ok {
			start, end = cut{pos: -1}, cut{pos: -1}
		}
		endRank := 0
		if start == end {
			endRank = 2
		}
		marks = append(marks, marker{start, 1, id}, marker{end, endRank, id})
		added += `<w:comment w:id="` + strconv.Itoa(id) + `" w:author="` + escapeXML(author) + `" w:date="` + date +
			`" w:initials="` + escapeXML(initials) + `"><w:p><w:r><w:annotationRef/></w:r>`
		for j, p := range c.Text {
			if j > 0 {
				added += "<w:p>"
			}
			added += `<w:r><w:t xml:space="preserve">` + escapeXML(printable(p)) + "</w:t></w:r></w:p>"
		}
		if len(c.Text) == 0 {
			added += "</w:p>"
		}
		added += "</w:comment>"
	}
	sortMarkers(marks)
	body, err := writeBody(string(d.body), marks)
	if err != nil {
		return nil, err
	}
	// XML Word would not write (a run never closed) could make a split
	// change the text: refuse that rather than hand back a changed document.
	d.num.counters = map[string]*[9]int{} // number the lists afresh
	if back, err := readBody(body, d.num, d.styles, 1<<40, 1<<40, nil); err != nil || back.Text != d.Text {
		return nil, fail(ErrDamaged, "word/document.xml is too unusual to annotate")
	}
	changed := map[string][]byte{"word/document.xml": body, name: insert(notes, added)}
	if target == "" {
		changed[relsName] = insert(rels, `<Relationship Id="rIdAgreementCheckerComments" Type="`+relComments+`" Target="comments.xml"/>`)
	}
	if !strings.Contains(types, `"/`+name+`"`) {
		changed[typesName] = insert(types, `<Override PartName="/`+name+`" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`)
	}
	var extra []string
	for _, n := range []string{typesName, relsName, name} {
		if changed[n] != nil && !a.has(n) {
			extra = append(extra, n)
		}
	}
	return a.rewrite(changed, extra)
}

// traced reads the body again, keeping where each stretch of the text
// came from (Read does not, to keep the page's module small).
func (d *Document) traced() (*Document, error) {
	d.num.counters = map[string]*[9]int{} // number the lists afresh
	t, err := readBody(d.body, d.num, d.styles, 1<<40, 1<<40, origins{})
	if err != nil || t.Text != d.Text {
		return nil, fail(ErrDamaged, "word/document.xml reads differently a second time")
	}
	return t, nil
}

const (
	wordMain    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	relComments = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
)

// insert puts markup before a part's last end tag: its root element's.
func insert(part, markup string) []byte {
	i := strings.LastIndex(part, "</")
	return []byte(part[:i] + markup + part[i:])
}

// sortMarkers sorts markers by place, then rank and id. The comments come
// mostly in order, so insertion sort does little work (and slices.SortFunc
// would cost the page's module 2 KB).
func sortMarkers(m []marker) {
	for i := 1; i < len(m); i++ {
		for j := i; j > 0; j-- {
			x, y := m[j], m[j-1]
			if x.pos > y.pos || x.pos == y.pos && (x.off > y.off || x.off == y.off && (x.rank > y.rank || x.rank == y.rank && x.id >= y.id)) {
				break
			}
			m[j], m[j-1] = y, x
		}
	}
}

// readOr reads a part as text, or gives blank when the document has none
// or it has no end tag to write before (<w:comments/>).
func (a *archive) readOr(name, blank string) (string, error) {
	if !a.has(name) {
		return blank, nil
	}
	b, err := a.read(name)
	if strings.LastIndex(string(b), "</") < 0 {
		return blank, err
	}
	return string(b), err
}

// maxID is the largest w:id of the named elements in src, or -1.
func maxID(src string, names ...string) int {
	id := -1
	z := newTokenizer([]byte(src))
	for z.next() {
		if slices.Contains(names, z.tok.name) && z.tok.kind != tokEnd {
			if n, err := strconv.Atoi(z.tok.attr("w:id")); err == nil && n < 1<<30 {
				id = max(id, n)
			}
		}
	}
	return id
}

// escapeXML escapes text for an element or attribute so that the reader
// decodes it to the same string: control characters become references.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n':
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// printable drops the control characters XML 1.0 cannot hold from a
// comment's own text.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' {
			return -1
		}
		return r
	}, s)
}
