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
// author and dated date (an ISO 8601 UTC time such as
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
// change are stored uncompressed.
func (d *Document) Annotate(comments []Comment, author, date string) ([]byte, error) {
	if d.zip == nil {
		return nil, fail(ErrNotDocx, "the document was not read from a file")
	}
	if !validDate(date) {
		return nil, fail(ErrNotDocx, "the comments' date "+strconv.Quote(date)+" is not a time such as 2026-12-02T18:33:17Z")
	}
	a := d.zip
	ns := rootAttr(d.body, "xmlns:w")
	if ns == "" {
		ns = wordMain
	}
	relType := relComments
	if ns == strictMain {
		relType = strictRelComments
	}

	// The parts that say where the comments are, and what they are.
	const relsName, typesName = "word/_rels/document.xml.rels", "[Content_Types].xml"
	rels, err := a.readOr(relsName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if err != nil {
		return nil, err
	}
	types, err := a.readOr(typesName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`)
	if err != nil {
		return nil, err
	}
	target, ids := relationships(rels, relType)
	commentsName := "word/comments.xml"
	if target != "" {
		commentsName = partName(target)
	}
	existing := ""
	if a.has(commentsName) {
		b, err := a.read(commentsName)
		if err != nil {
			return nil, err
		}
		existing = string(b)
	}
	first := max(maxID(existing, "w:comment"), maxID(string(d.body), "w:commentRangeStart", "w:commentReference")) + 1

	// The comments' anchors, then the body with them.
	var marks []marker
	for i, c := range comments {
		id := first + i
		start, end, ok := d.anchor(c.Start, c.End)
		if !ok {
			start, end = cut{pos: -1}, cut{pos: -1}
		}
		endRank := 0
		if start == end {
			endRank = 2
		}
		marks = append(marks, marker{start, 1, id}, marker{end, endRank, id})
	}
	sortMarkers(marks)
	body, err := writeBody(string(d.body), marks)
	if err != nil {
		return nil, err
	}

	// The comments themselves.
	var notes strings.Builder
	initials := initialsOf(author)
	rootName, _ := rootElement(existing)
	for i, c := range comments {
		notes.WriteString(`<w:comment w:id="` + strconv.Itoa(first+i) + `" w:author="` + escapeXML(author) +
			`" w:date="` + date + `" w:initials="` + escapeXML(initials) + `"`)
		if rootName != "" && rootName != "w:comments" {
			notes.WriteString(` xmlns:w="` + ns + `"`) // the part binds w to something else, or nothing
		}
		notes.WriteString(">")
		paras := c.Text
		if len(paras) == 0 {
			paras = []string{""}
		}
		for j, p := range paras {
			notes.WriteString("<w:p>")
			if j == 0 {
				notes.WriteString("<w:r><w:annotationRef/></w:r>")
			}
			notes.WriteString(`<w:r><w:t xml:space="preserve">` + escapeXML(printable(p)) + "</w:t></w:r></w:p>")
		}
		notes.WriteString("</w:comment>")
	}
	if existing == "" {
		existing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:comments xmlns:w="` + ns + `"></w:comments>`
	}
	changed := map[string][]byte{"word/document.xml": body}
	var added []string
	if changed[commentsName], err = insertAtEnd(commentsName, existing, notes.String()); err != nil {
		return nil, err
	}
	if target == "" {
		id := "rId1"
		for n := 1; slices.Contains(ids, id); n++ {
			id = "rId" + strconv.Itoa(n)
		}
		rel := `<Relationship Id="` + id + `" Type="` + relType + `" Target="comments.xml"/>`
		if changed[relsName], err = insertAtEnd(relsName, string(rels), rel); err != nil {
			return nil, err
		}
	}
	if !hasOverride(types, "/"+commentsName) {
		override := `<Override PartName="/` + commentsName + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
		if changed[typesName], err = insertAtEnd(typesName, string(types), override); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{typesName, relsName, commentsName} {
		if _, ok := changed[name]; ok && !a.has(name) {
			added = append(added, name)
		}
	}
	return a.rewrite(changed, added)
}

// sortMarkers sorts markers by place, then rank and id. The comments come
// mostly in order, so insertion sort does little work (and slices.SortFunc
// would cost the page's module more than this whole writer).
func sortMarkers(m []marker) {
	less := func(x, y marker) bool {
		if x.pos != y.pos {
			return x.pos < y.pos
		}
		if x.off != y.off {
			return x.off < y.off
		}
		if x.rank != y.rank {
			return x.rank < y.rank
		}
		return x.id < y.id
	}
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && less(m[j], m[j-1]); j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

const (
	wordMain          = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	strictMain        = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	relComments       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	strictRelComments = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
)

// validDate accepts YYYY-MM-DDTHH:MM:SSZ, the form Word writes.
func validDate(s string) bool {
	const shape = "0000-00-00T00:00:00Z"
	if len(s) != len(shape) {
		return false
	}
	for i := range shape {
		if (shape[i] == '0') != (s[i] >= '0' && s[i] <= '9') || (shape[i] != '0' && s[i] != shape[i]) {
			return false
		}
	}
	return true
}

// initialsOf is the first letter of each word of a name, as Word shows
// beside a comment, in capitals when ASCII.
func initialsOf(name string) string {
	var b []byte
	for i := 0; i < len(name); i++ {
		if c := name[i]; c != ' ' && (i == 0 || name[i-1] == ' ') && c < 0x80 {
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// readOr reads a part, or gives blank when the document has none.
func (a *archive) readOr(name, blank string) ([]byte, error) {
	if !a.has(name) {
		return []byte(blank), nil
	}
	return a.read(name)
}

// partName resolves a relationship's target from word/document.xml.
func partName(target string) string {
	if strings.HasPrefix(target, "/") {
		return target[1:]
	}
	name := "word/" + target
	for strings.Contains(name, "/../") {
		i := strings.Index(name, "/../")
		j := strings.LastIndexByte(name[:i], '/')
		name = name[:j+1] + name[i+4:]
	}
	return name
}

// rootElement is the name of a part's root element, and whether it is
// empty (<w:comments/>).
func rootElement(src string) (string, bool) {
	z := newTokenizer([]byte(src))
	for z.next() {
		if z.tok.kind == tokStart || z.tok.kind == tokEmpty {
			return z.tok.name, z.tok.kind == tokEmpty
		}
	}
	return "", false
}

// rootAttr is an attribute of a part's root element.
func rootAttr(src []byte, name string) string {
	z := newTokenizer(src)
	for z.next() {
		if z.tok.kind == tokStart || z.tok.kind == tokEmpty {
			return z.tok.attr(name)
		}
	}
	return ""
}

// insertAtEnd puts markup at the end of a part's root element, with the
// root's namespace prefix on its element names.
func insertAtEnd(name, src, markup string) ([]byte, error) {
	root, empty := rootElement(src)
	if root == "" {
		return nil, fail(ErrDamaged, name+" has no root element")
	}
	if i := strings.IndexByte(root, ':'); i >= 0 && !strings.HasPrefix(markup, "<"+root[:i+1]) {
		markup = strings.ReplaceAll(markup, "<", "<"+root[:i+1])
	}
	if empty {
		at := strings.Index(src, "<"+root)
		end := at + strings.Index(src[at:], "/>")
		return []byte(src[:end] + ">" + markup + "</" + root + ">" + src[end+2:]), nil
	}
	at := strings.LastIndex(src, "</"+root)
	if at < 0 {
		return nil, fail(ErrDamaged, name+" does not end its root element")
	}
	return []byte(src[:at] + markup + src[at:]), nil
}

// relationships finds the target of the relationship of type relType, if
// any, and every relationship's id.
func relationships(src []byte, relType string) (target string, ids []string) {
	z := newTokenizer(src)
	for z.next() {
		t := &z.tok
		if (t.kind == tokStart || t.kind == tokEmpty) && localName(t.name) == "Relationship" {
			ids = append(ids, t.attr("Id"))
			if t.attr("Type") == relType && t.attr("TargetMode") != "External" {
				target = t.attr("Target")
			}
		}
	}
	return target, ids
}

// hasOverride says whether [Content_Types].xml names a part's type.
func hasOverride(src []byte, part string) bool {
	z := newTokenizer(src)
	for z.next() {
		t := &z.tok
		if (t.kind == tokStart || t.kind == tokEmpty) && localName(t.name) == "Override" && lowerASCII(t.attr("PartName")) == lowerASCII(part) {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases ASCII letters: part names compare without case
// (strings.EqualFold would link Unicode's case tables into the page).
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func localName(name string) string { return name[strings.IndexByte(name, ':')+1:] }

// maxID is the largest w:id of the named elements in src, or -1.
func maxID(src string, names ...string) int {
	id := -1
	z := newTokenizer([]byte(src))
	for z.next() {
		t := &z.tok
		if (t.kind == tokStart || t.kind == tokEmpty) && slices.Contains(names, t.name) {
			if n, err := strconv.Atoi(t.attr("w:id")); err == nil && n < 1<<30 {
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
