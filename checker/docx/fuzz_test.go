package docx

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzRead(f *testing.F) {
	if data, err := os.ReadFile("testdata/agreement.docx"); err == nil {
		f.Add(data)
	}
	f.Add(newDocx(f, p("a")+table([]string{"b", "c"})+textBox("d", "e"), docxFiles{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1})
	f.Fuzz(func(t *testing.T, data []byte) {
		const budget = 1 << 20
		d, err := Read(data, Limits{MaxUnpacked: budget})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on more than one line: %q", err)
			}
			return
		}
		// Whatever the input, the text it makes stays within the budget.
		if n := produced(d); n > budget {
			t.Fatalf("%d bytes of input made %d bytes of text and labels, over the budget %d", len(data), n, budget)
		}
		end := 0
		for _, pt := range d.Parts {
			if pt.Start < end || pt.End < pt.Start || pt.End > len(d.Text) {
				t.Fatalf("part %+v out of order or outside the text (%d bytes)", pt, len(d.Text))
			}
			if !utf8.ValidString(d.Text[:pt.Start]) && utf8.ValidString(d.Text) {
				t.Fatalf("part %+v starts inside a character", pt)
			}
			if got, ok := d.PartAt(pt.Start); pt.End > pt.Start && (!ok || got != pt) {
				t.Fatalf("PartAt(%d) = %+v, want %+v", pt.Start, got, pt)
			}
			end = pt.End
		}
	})
}

// BenchmarkRead reads a Word document of about 1,000 words.
func BenchmarkRead(b *testing.B) {
	var body strings.Builder
	for i := range 40 {
		body.WriteString(p("Sarah will take Mason to school by 8.45am every weekday, and ring the school by 9am if he is ill.", numPr("1", "0")))
		if i%10 == 0 {
			body.WriteString(table([]string{"Who", "What", "When"}, []string{"Gareth", "Visit at home", "Every other Thursday"}))
		}
	}
	data := newDocx(b, body.String(), docxFiles{"word/numbering.xml": numberingXML})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzAnnotate puts comments on fuzzed ranges of fuzzed documents: the
// copy must read back as the same text, and never panic.
func FuzzAnnotate(f *testing.F) {
	f.Add(p("Sarah will attend.")+table([]string{"a\tb", "c"})+textBox("d", "e f"), 0, 5, 3, 3)
	f.Add(`<w:p><w:r><w:t>Tom &amp; Sam</w:t><w:tab/><w:br/></w:r><w:ins><w:r><w:t>x</w:t></w:r></w:ins></w:p>`, 1, 9, 0, 40)
	f.Fuzz(func(t *testing.T, body string, s1, e1, s2, e2 int) {
		d, err := Read(newDocx(t, body, docxFiles{"word/numbering.xml": numberingXML}), Limits{MaxUnpacked: 1 << 20})
		if err != nil {
			return
		}
		out, err := d.Annotate([]Comment{{Start: s1, End: e1, Text: []string{body}}, {Start: s2, End: e2}}, "A", "A", testDate)
		if err != nil {
			return // a body the writer cannot place a comment in is refused, not broken
		}
		back, err := Read(out, Limits{})
		if err != nil {
			t.Fatalf("the copy cannot be read: %v", err)
		}
		if back.Text != d.Text {
			t.Fatalf("the copy reads as %q, not %q", back.Text, d.Text)
		}
	})
}
