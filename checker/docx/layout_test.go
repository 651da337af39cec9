package docx

import (
	"os"
	"testing"
)

// layoutDocx is a weak agreement laid out with everything Word gives a
// writer: a title, a numbered list with a tracked change in it, a table
// with a two-paragraph cell, a text box, and a manager's comment already
// in the margin. The annotation tests and the LibreOffice check use it.
func layoutDocx(t testing.TB) []byte {
	body := p("Written Agreement", style("Title")) +
		p("Family: Jodie Whelan (mum) and Connor Lyle (dad), for baby Harry, 7 months. Starting 21 June 2027.") +
		p("What we will do", style("Heading1")) +
		p("Connor's time with Harry is to be supervised by Jodie's mum, Sharon Whelan.", numPr("1", "0")) +
		`<w:p><w:pPr>` + numPr("1", "0") + `</w:pPr>` + run("Jodie will make sure Harry is ") +
		`<w:del w:id="90" w:author="Gareth" w:date="2027-06-01T10:00:00Z"><w:r><w:delText>well </w:delText></w:r></w:del>` +
		`<w:ins w:id="91" w:author="Gareth" w:date="2027-06-01T10:00:00Z"><w:r><w:t xml:space="preserve">appropriately </w:t></w:r></w:ins>` +
		run("dressed and fed.") + `</w:p>` +
		p("Jodie and Connor will accept support from the health visitor.", numPr("1", "0")) +
		table([]string{"Who", "What", "When"},
			[]string{"Sharon Whelan", "Supervise Connor's contact\nat the flat as required", "Every Saturday"},
			[]string{"Anita Gill (health visitor)", "Weigh Harry at home", "Once a month"}) +
		textBox("If you are worried:", "Ring the duty team on 01632 960 000 and they will support you.") +
		`<w:p><w:r><w:t xml:space="preserve">This agreement will be reviewed </w:t></w:r><w:commentRangeStart w:id="0"/>` + run("in due course") +
		`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` + run(".") + `</w:p>` +
		p("Signed: Jodie Whelan ........ Connor Lyle ........ Gareth Pryce (social worker) ........")
	return newDocx(t, body, docxFiles{
		"word/numbering.xml": numberingXML,
		"word/styles.xml":    stylesXML,
		"word/comments.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:comments ` + wordNS + `>` +
			`<w:comment w:id="0" w:author="Ruth Akinola" w:date="2027-06-02T09:00:00Z" w:initials="RA"><w:p><w:r><w:t>When exactly?</w:t></w:r></w:p></w:comment></w:comments>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId3" Type="` + relComments + `" Target="comments.xml"/></Relationships>`,
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
	})
}

// TestLayoutFixture keeps testdata/layout.docx in step with layoutDocx
// (go test -update rewrites it) and annotates it on every range of words.
func TestLayoutFixture(t *testing.T) {
	data := layoutDocx(t)
	if *update {
		os.WriteFile("testdata/layout.docx", data, 0o644)
	}
	committed, err := os.ReadFile("testdata/layout.docx")
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	want, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Read(committed, Limits{}); err != nil || got.Text != want.Text {
		t.Fatalf("testdata/layout.docx does not read as the generator's document (run go test -update): %v", err)
	}
	var comments []Comment
	for _, w := range []string{"supervised", "appropriately", "support", "as required", "duty team", "in due course", "Harry is appropriately dressed", "Sharon Whelan\tSupervise"} {
		comments = append(comments, span(t, want.Text, w))
	}
	_, got := annotateCheck(t, committed, comments)
	wantAnchored := []string{"supervised", "appropriately", "support", "as required", "duty team", "in due course", "Harry is appropriately dressed", "Sharon Whelan¶Supervise"}
	for i := range got {
		if got[i] != wantAnchored[i] {
			t.Errorf("comment on %q anchored on %q", wantAnchored[i], got[i])
		}
	}
}
