package docx

import (
	"strings"
	"testing"
)

// textBox writes a paragraph anchoring a text box, as Word 2010 and later
// do: the drawing in mc:Choice and a VML copy in mc:Fallback.
func textBox(anchor string, lines ...string) string {
	var inner strings.Builder
	for _, l := range lines {
		inner.WriteString(p(l))
	}
	return `<w:p>` + run(anchor) + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` +
		inner.String() + `</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
		inner.String() + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
}

func TestRead(t *testing.T) {
	lists := docxFiles{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}
	tests := []struct {
		name  string
		body  string
		extra docxFiles
		text  string
		parts []string // "label: text" for each part
	}{
		{"paragraphs", p("Written agreement") + p("") + p("") + p("Sarah will attend."), nil,
			"Written agreement\n\nSarah will attend.",
			[]string{"paragraph 1: Written agreement", "paragraph 2: Sarah will attend."}},
		{"runs, tabs and breaks",
			`<w:p><w:r><w:t>Sarah </w:t></w:r><w:r><w:t xml:space="preserve">will </w:t><w:tab/><w:t>call</w:t><w:br/><w:t>on Monday</w:t></w:r><w:r><w:noBreakHyphen/><w:t>ish</w:t></w:r></w:p>`, nil,
			"Sarah will \tcall\non Monday-ish", []string{"paragraph 1: Sarah will \tcall\non Monday-ish"}},
		{"entities", `<w:p><w:r><w:t>Tom &amp; Sarah&#8217;s &lt;plan&gt; &#x2014; &quot;ok&quot; &bogus; &#0;</w:t></w:r></w:p>`, nil,
			"Tom & Sarah’s <plan> — \"ok\" &bogus; &#0;", []string{"paragraph 1: Tom & Sarah’s <plan> — \"ok\" &bogus; &#0;"}},
		{"headings by style id and by name", p("Agreement", style("Heading1")) + p("Parties", style("berschrift1")) + p("Text"), lists,
			"Agreement\nParties\nText",
			[]string{"paragraph 1 (heading): Agreement", "paragraph 2 (heading): Parties", "paragraph 3: Text"}},
		{"numbered list with levels and restart",
			p("First", numPr("1", "0")) + p("Second", numPr("1", "0")) + p("Sub one", numPr("1", "1")) + p("Sub two", numPr("1", "1")) +
				p("Letter", numPr("1", "2")) + p("Third", numPr("1", "0")) + p("Sub again", numPr("1", "1")) +
				p("Other list", numPr("3", "0")) + p("By style", style("ListNumber")), lists,
			"1. First\n2. Second\n2.1. Sub one\n2.2. Sub two\na) Letter\n3. Third\n3.1. Sub again\n1. Other list\n2. By style",
			[]string{"paragraph 1 (list item 1): 1. First", "paragraph 2 (list item 2): 2. Second", "paragraph 3 (list item 2.1): 2.1. Sub one",
				"paragraph 4 (list item 2.2): 2.2. Sub two", "paragraph 5 (list item a): a) Letter", "paragraph 6 (list item 3): 3. Third",
				"paragraph 7 (list item 3.1): 3.1. Sub again", "paragraph 8 (list item 1): 1. Other list", "paragraph 9 (list item 2): 2. By style"}},
		{"bullets", p("One", numPr("2", "0")) + p("Two", numPr("2", "0")), lists,
			"• One\n• Two", []string{"paragraph 1 (bullet point): • One", "paragraph 2 (bullet point): • Two"}},
		{"numbering without numbering.xml is left out", p("One", numPr("1", "0")), nil,
			"One", []string{"paragraph 1: One"}},
		{"table rows as tab-separated lines",
			p("Who does what") + table([]string{"Who", "What", "When"}, []string{"Sarah", "Attend the parenting course\nevery Tuesday", "By 1 May 2027"}, []string{"", "", ""}) + p("After"), nil,
			"Who does what\nWho\tWhat\tWhen\nSarah\tAttend the parenting course every Tuesday\tBy 1 May 2027\nAfter",
			[]string{"paragraph 1: Who does what", "table 1, row 1, cell 1: Who", "table 1, row 1, cell 2: What", "table 1, row 1, cell 3: When",
				"table 1, row 2, cell 1: Sarah", "table 1, row 2, cell 2: Attend the parenting course every Tuesday", "table 1, row 2, cell 3: By 1 May 2027", "paragraph 2: After"}},
		{"nested table flattened into its cell",
			`<w:tbl><w:tr><w:tc>` + p("Outer") + table([]string{"in a", "in b"}) + `</w:tc><w:tc>` + p("Next") + `</w:tc></w:tr></w:tbl>`, nil,
			"Outer in a in b\tNext", []string{"table 1, row 1, cell 1: Outer in a in b", "table 1, row 1, cell 2: Next"}},
		{"text box once, after its paragraph", textBox("Anchor text", "Boxed one", "Boxed two") + p("Then"), nil,
			"Anchor text\nBoxed one\nBoxed two\nThen",
			[]string{"paragraph 1: Anchor text", "text box 1: Boxed one", "text box 1: Boxed two", "paragraph 2: Then"}},
		{"tracked changes accepted",
			`<w:p><w:r><w:t>Sarah will </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>try to </w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A"><w:r><w:t>attend </w:t></w:r></w:ins><w:moveFrom><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>weekly.</w:t></w:r></w:moveTo></w:p>`, nil,
			"Sarah will attend weekly.", []string{"paragraph 1: Sarah will attend weekly."}},
		{"field instructions and old properties left out",
			`<w:p><w:pPr><w:pPrChange><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "d MMMM yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 March 2027</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, nil,
			"3 March 2027", []string{"paragraph 1: 3 March 2027"}},
		{"content controls, hyperlinks and CDATA",
			`<w:sdt><w:sdtContent><w:p><w:hyperlink><w:r><w:t><![CDATA[a <b> c]]></w:t></w:r></w:hyperlink><!-- note --></w:p></w:sdtContent></w:sdt>`, nil,
			"a <b> c", []string{"paragraph 1: a <b> c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(newDocx(t, tc.body, tc.extra), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.text {
				t.Errorf("text\ngot  %q\nwant %q", d.Text, tc.text)
			}
			var got []string
			for _, pt := range d.Parts {
				got = append(got, pt.Label+": "+d.Text[pt.Start:pt.End])
			}
			if strings.Join(got, "\n") != strings.Join(tc.parts, "\n") {
				t.Errorf("parts\ngot  %q\nwant %q", got, tc.parts)
			}
		})
	}
}

func TestPartAt(t *testing.T) {
	d, err := Read(newDocx(t, p("First")+table([]string{"a", "", "c"}), nil), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// "First\na\t\tc"
	tests := []struct {
		offset int
		label  string
	}{
		{0, "paragraph 1"}, {4, "paragraph 1"}, {5, ""}, {6, "table 1, row 1, cell 1"}, {7, ""}, {9, "table 1, row 1, cell 3"}, {10, ""}, {-1, ""},
	}
	for _, tc := range tests {
		got, ok := d.PartAt(tc.offset)
		if ok != (tc.label != "") || got.Label != tc.label {
			t.Errorf("PartAt(%d) = %q, %v; want %q", tc.offset, got.Label, ok, tc.label)
		}
	}
}
