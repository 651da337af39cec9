package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const testDate = "2026-12-02T18:33:17Z"

// annotated reads what the comments of an annotated document are anchored
// on, as the reader sees text (deletions and fallbacks left out): comment
// id -> the text between its range's start and end.
func annotated(t testing.TB, body []byte) map[int]string {
	t.Helper()
	open := map[int]*strings.Builder{}
	got := map[int]string{}
	z := newTokenizer(body)
	skip, inText, inRun := 0, 0, 0
	write := func(s string) {
		for _, b := range open {
			b.WriteString(s)
		}
	}
	for z.next() {
		tok := z.tok
		if skip > 0 {
			switch tok.kind {
			case tokStart:
				skip++
			case tokEnd:
				skip--
			}
			continue
		}
		switch tok.kind {
		case tokStart, tokEmpty:
			if leftOut(tok.name) {
				if tok.kind == tokStart {
					skip = 1
				}
				continue
			}
			id, _ := strconv.Atoi(tok.attr("w:id"))
			switch tok.name {
			case "w:commentRangeStart":
				open[id] = &strings.Builder{}
			case "w:commentRangeEnd":
				if b, ok := open[id]; ok {
					got[id] = b.String()
					delete(open, id)
				} else {
					t.Errorf("comment %d ends before it starts", id)
				}
			case "w:t":
				if tok.kind == tokStart {
					inText++
				}
			case "w:r":
				if tok.kind == tokStart {
					inRun++
				}
			case "w:tab":
				if inRun > 0 {
					write("\t")
				}
			case "w:p":
				if tok.kind == tokStart {
					write("¶")
				}
			}
		case tokEnd:
			switch tok.name {
			case "w:t":
				inText--
			case "w:r":
				inRun--
			}
		case tokText:
			if inText > 0 {
				write(tok.text)
			}
		}
	}
	if len(open) > 0 {
		t.Errorf("comments never ended: %v", open)
	}
	return got
}

// unzip gives a zip's parts, and their raw (still compressed) bytes.
func unzip(t testing.TB, data []byte) (files, raw map[string]string, order []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the annotated copy is not a zip file: %v", err)
	}
	files, raw = map[string]string{}, map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = string(b)
		rr, _ := f.OpenRaw()
		rb, _ := io.ReadAll(rr)
		raw[f.Name] = string(rb)
		order = append(order, f.Name)
	}
	return files, raw, order
}

// wellFormed parses XML strictly with encoding/xml.
func wellFormed(t testing.TB, name, src string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(src))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v\n%s", name, err, src)
		}
	}
}

// annotateCheck annotates data with comments and checks what every
// annotated copy must be: the same text and parts when read back, the
// other parts byte for byte, well-formed XML, the comments in
// comments.xml by the author on the date. It returns the copy and the
// anchored text of each new comment, in order.
func annotateCheck(t testing.TB, data []byte, comments []Comment) ([]byte, []string) {
	t.Helper()
	d, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Annotate(comments, "Agreement checker", "AC", testDate)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(out, Limits{})
	if err != nil {
		t.Fatalf("the annotated copy cannot be read: %v", err)
	}
	if back.Text != d.Text {
		t.Fatalf("the annotated copy reads as\n%q\nnot\n%q", back.Text, d.Text)
	}
	if !slices.Equal(back.Parts, d.Parts) {
		t.Errorf("parts differ:\n%v\n%v", back.Parts, d.Parts)
	}
	before, beforeRaw, beforeOrder := unzip(t, data)
	after, afterRaw, afterOrder := unzip(t, out)
	if !slices.Equal(afterOrder[:len(beforeOrder)], beforeOrder) {
		t.Errorf("parts reordered: %v, was %v", afterOrder, beforeOrder)
	}
	for name, b := range before {
		switch name {
		case "word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml":
			wellFormed(t, name, after[name])
		default:
			if after[name] != b || afterRaw[name] != beforeRaw[name] {
				t.Errorf("%s changed", name)
			}
		}
	}
	for _, name := range []string{"word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"} {
		wellFormed(t, name, after[name])
	}
	if !strings.Contains(after["[Content_Types].xml"], `PartName="/word/comments.xml"`) ||
		!strings.Contains(after["word/_rels/document.xml.rels"], `Target="comments.xml"`) {
		t.Errorf("the comments part is not declared:\n%s\n%s", after["[Content_Types].xml"], after["word/_rels/document.xml.rels"])
	}
	if n := strings.Count(after["word/comments.xml"], `w:author="Agreement checker" w:date="`+testDate+`" w:initials="AC"`); n != len(comments) {
		t.Errorf("%d comments by the checker in comments.xml, want %d", n, len(comments))
	}
	if strings.Contains(after["word/document.xml"], "<w:t></w:t>") || regexpEmptyRun.MatchString(after["word/document.xml"]) {
		t.Errorf("the split left an empty run or text:\n%s", after["word/document.xml"])
	}
	spans := annotated(t, []byte(after["word/document.xml"]))
	first := len(spans) - len(comments)
	var anchored []string
	for i := range comments {
		s, ok := spans[first+i]
		if !ok {
			t.Errorf("comment %d is not in the document", first+i)
		}
		anchored = append(anchored, s)
	}
	return out, anchored
}

var regexpEmptyRun = regexp.MustCompile(`<w:r>(<w:rPr>(?:[^<]|<[^/]|</[^w]|</w:[^r])*</w:rPr>)?</w:r>`)

// span makes a comment on the first occurrence of what in text (after
// from, when given).
func span(t testing.TB, text, what string, from ...string) Comment {
	t.Helper()
	base := 0
	if len(from) > 0 {
		base = strings.Index(text, from[0])
	}
	i := strings.Index(text[base:], what)
	if i < 0 {
		t.Fatalf("%q is not in %q", what, text)
	}
	return Comment{Start: base + i, End: base + i + len(what), Text: []string{"About " + what}}
}

func TestAnnotate(t *testing.T) {
	lists := docxFiles{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}
	tests := []struct {
		name   string
		body   string
		extra  docxFiles
		spans  [][]string // what (and after what) to comment on
		want   []string   // the text each comment is anchored on; ¶ starts a paragraph
		points []int      // empty ranges: at these offsets
	}{
		{"inside a run", p("Sarah will supervise contact every Saturday."), nil,
			[][]string{{"supervise"}}, []string{"supervise"}, nil},
		{"whole run, run start and run end",
			`<w:p>` + run("Sarah ") + run("will") + run(" attend.") + `</w:p>`, nil,
			[][]string{{"will"}, {"Sarah"}, {"attend."}}, []string{"will", "Sarah", "attend."}, nil},
		{"across runs and paragraphs", p("The aim of this") + p("agreement is to keep Mia safe."), nil,
			[][]string{{"this\nagreement"}, {"aim of this\nagreement is"}}, []string{"this¶agreement", "aim of this¶agreement is"}, nil},
		{"overlapping and nested", p("Gareth will visit every other Thursday."), nil,
			[][]string{{"Gareth will visit"}, {"will visit every"}, {"visit"}, {"visit"}},
			[]string{"Gareth will visit", "will visit every", "visit", "visit"}, nil},
		{"list numbers are not in the document", p("Sarah will attend.", numPr("1", "0")) + p("Tom will call.", numPr("1", "1")), lists,
			[][]string{{"1. Sarah"}, {"1.1. "}, {"will attend.\n1.1. Tom"}}, []string{"Sarah", "", "will attend.¶Tom"}, nil},
		{"table cells", p("Who does what") + table([]string{"Who", "What"}, []string{"Sarah", "Attend the course\nevery Tuesday"}), nil,
			[][]string{{"Who\tWhat"}, {"course every"}, {"Sarah\tAttend"}}, []string{"Who¶What", "course¶every", "Sarah¶Attend"}, nil},
		{"text box", textBox("Anchor text", "Boxed words here") + p("Then"), nil,
			[][]string{{"words"}, {"text\nBoxed"}}, []string{"words", "text¶Boxed"}, nil},
		{"tracked changes",
			`<w:p><w:r><w:t xml:space="preserve">Sarah will </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>never </w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A"><w:r><w:t>always ring</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> the school.</w:t></w:r></w:p>`, nil,
			[][]string{{"will always"}, {"ring"}, {"always ring the"}}, []string{"will always", "ring", "always ring the"}, nil},
		{"tabs, breaks and hyphens",
			`<w:p><w:r><w:t>Sarah</w:t><w:tab/><w:t>will</w:t><w:br/><w:t>call</w:t><w:noBreakHyphen/><w:t>back</w:t></w:r></w:p>`, nil,
			[][]string{{"Sarah\twill"}, {"\twill"}, {"will\ncall"}, {"call-back"}, {"-back"}},
			[]string{"Sarah\twill", "\twill", "willcall", "callback", "back"}, nil},
		{"references split in the middle",
			`<w:p><w:r><w:t>Tom &amp; Sarah&#8217;s &lt;plan&gt;</w:t></w:r></w:p>`, nil,
			[][]string{{"&"}, {"Sarah’s"}, {"<plan>"}}, []string{"&", "Sarah’s", "<plan>"}, nil},
		{"points", p("Sarah will attend.", numPr("1", "0")), lists,
			nil, []string{"", "", ""}, []int{0, 4, 21}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := newDocx(t, tc.body, tc.extra)
			d, err := Read(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var comments []Comment
			for _, s := range tc.spans {
				comments = append(comments, span(t, d.Text, s[0], s[1:]...))
			}
			for _, at := range tc.points {
				comments = append(comments, Comment{Start: at, End: at, Text: []string{"Here"}})
			}
			out, got := annotateCheck(t, data, comments)
			if !slices.Equal(got, tc.want) {
				t.Errorf("anchored on %q, want %q", got, tc.want)
			}
			files, _, _ := unzip(t, out)
			if strings.Contains(tc.body, "<w:b/>") && strings.Count(files["word/document.xml"], "<w:r><w:rPr><w:b/></w:rPr>") < strings.Count(tc.body, "<w:r><w:rPr><w:b/></w:rPr>") {
				t.Errorf("a split run lost its properties:\n%s", files["word/document.xml"])
			}
		})
	}
}

// TestAnnotateKeepsComments: a document's own comments stay, and the new
// ones are numbered after them, in its own comments part.
func TestAnnotateKeepsComments(t *testing.T) {
	body := `<w:p><w:commentRangeStart w:id="3"/>` + run("Sarah will attend.") + `<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>`
	own := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:comments ` + wordNS + `>` +
		`<w:comment w:id="0" w:author="Manager" w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>Old</w:t></w:r></w:p></w:comment>` +
		`<w:comment w:id="3" w:author="Manager" w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>Good</w:t></w:r></w:p></w:comment></w:comments>`
	data := newDocx(t, body, docxFiles{
		"word/notes.xml": own,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relComments + `" Target="notes.xml"/></Relationships>`,
	})
	d, _ := Read(data, Limits{})
	out, err := d.Annotate([]Comment{span(t, d.Text, "attend"), span(t, d.Text, "Sarah")}, "Agreement checker", "AC", testDate)
	if err != nil {
		t.Fatal(err)
	}
	files, _, _ := unzip(t, out)
	notes := files["word/notes.xml"]
	wellFormed(t, "word/notes.xml", notes)
	for _, want := range []string{`w:id="0" w:author="Manager"`, `w:id="3" w:author="Manager"`, `<w:comment w:id="4" w:author="Agreement checker"`, `<w:comment w:id="5" w:author="Agreement checker"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("comments part lacks %s:\n%s", want, notes)
		}
	}
	if _, ok := files["word/comments.xml"]; ok {
		t.Error("a second comments part was added")
	}
	if got := annotated(t, []byte(files["word/document.xml"])); got[3] != "Sarah will attend." || got[4] != "attend" || got[5] != "Sarah" {
		t.Errorf("anchored: %v", got)
	}
	if !strings.Contains(files["[Content_Types].xml"], `PartName="/word/notes.xml"`) {
		t.Errorf("the comments part's type is not declared:\n%s", files["[Content_Types].xml"])
	}
}

func TestAnnotateRefuses(t *testing.T) {
	d, err := Read(newDocx(t, p("Sarah"), nil), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, date := range []string{"", "2026-12-02", "2026-12-02T18:33:17.123Z", "2026-12-02 18:33:17Z"} {
		if _, err := d.Annotate(nil, "A", "A", date); err == nil {
			t.Errorf("date %q accepted", date)
		}
	}
	if _, err := (&Document{Text: "x"}).Annotate(nil, "A", "A", testDate); err == nil {
		t.Error("a Document not read from a file was annotated")
	}
}

// TestAnnotateEveryRange comments on every range of a small document with
// tables, lists, a text box and tracked changes: each copy reads back the
// same, and each comment covers its range's text less what the reader made.
func TestAnnotateEveryRange(t *testing.T) {
	body := p("Aim: keep Mia safe.", numPr("1", "0")) +
		`<w:p><w:r><w:t xml:space="preserve">Tom </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>&amp; Sam</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:tab/><w:t>call</w:t></w:r></w:p>` +
		table([]string{"Who", "When"}, []string{"Gareth", "Every\nweek"}) + textBox("Box:", "in box")
	data := newDocx(t, body, docxFiles{"word/numbering.xml": numberingXML})
	d, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d, err = d.traced()
	if err != nil {
		t.Fatal(err)
	}
	for s := 0; s <= len(d.Text); s++ {
		var comments []Comment
		for e := s; e <= len(d.Text); e++ {
			comments = append(comments, Comment{Start: s, End: e, Text: []string{"x"}})
		}
		_, got := annotateCheck(t, data, comments)
		for i, c := range comments {
			if want := fromDocument(d, c.Start, c.End); strings.ReplaceAll(got[i], "¶", "") != want {
				t.Fatalf("range %d-%d %q anchored on %q, want %q", c.Start, c.End, d.Text[c.Start:c.End], got[i], want)
			}
		}
	}
}

// fromDocument is the text of [s, e) that came from the document, less a
// tab at its end (a range ends before an element).
func fromDocument(d *Document, s, e int) string {
	var b strings.Builder
	elementLast := false
	for x := s; x < e; x++ {
		i := d.originAfter(x) - 1
		if i >= 0 && d.src[i].pos >= 0 {
			b.WriteByte(d.Text[x])
			elementLast = d.src[i].off < 0
		}
	}
	out := b.String()
	if elementLast {
		out = out[:len(out)-1]
	}
	return out
}
