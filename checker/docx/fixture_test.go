package docx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handbook/checker"
)

var update = flag.Bool("update", false, "rewrite testdata/agreement.docx and agreement.txt")

// plainDocx writes text as Word would hold it if typed in: one paragraph
// per line, tabs as w:tab.
func plainDocx(t testing.TB, text string) []byte {
	var body strings.Builder
	for _, line := range strings.Split(text, "\n") {
		body.WriteString(p(line))
	}
	return newDocx(t, body.String(), nil)
}

// normalise is text as a paragraph-per-line document gives it back: Unix
// line ends, no run of blank lines, no blank lines at the ends.
func normalise(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`).ReplaceAllString(text, "\n\n")
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		}
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// TestDocumentAndTextSameReport writes every labelled agreement of the
// checker's testdata into a Word document, reads it back, and requires the
// same text and so the same report, byte for byte, as the text file.
func TestDocumentAndTextSameReport(t *testing.T) {
	files, _ := filepath.Glob("../testdata/agreements/*.txt")
	if len(files) < 30 {
		t.Fatalf("found %d agreements", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := normalise(strings.TrimPrefix(string(src), "\ufeff"))
		d, err := Read(plainDocx(t, text), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if d.Text != text {
			t.Errorf("%s: the document reads back differently", f)
			continue
		}
		if a, b := check(t, d.Text).JSON(), check(t, text).JSON(); !bytes.Equal(a, b) {
			t.Errorf("%s: reports differ", f)
		}
	}
}

// agreementDocx is a complete written agreement as a practitioner would
// lay it out in Word: a title in the Title style, section headings in
// Heading 1 numbered automatically, clauses numbered 1.1, 1.2 by Word,
// and the signatures in a table.
func agreementDocx(t testing.TB) []byte {
	src, err := os.ReadFile("../testdata/agreements/01-neglect-numbered-good.txt")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile(`^\d+\. (.*)$`)
	clause := regexp.MustCompile(`^\d+\.\d+ (.*)$`)
	var body strings.Builder
	var signatures [][]string
	for i, line := range strings.Split(normalise(string(src)), "\n") {
		switch {
		case i == 1:
			body.WriteString(p(line, style("Title")))
		case heading.MatchString(line):
			body.WriteString(p(heading.FindStringSubmatch(line)[1], style("Heading1"), numPr("1", "0")))
		case clause.MatchString(line):
			body.WriteString(p(clause.FindStringSubmatch(line)[1], numPr("1", "1")))
		case strings.Contains(line, "____"):
			name, rest, _ := strings.Cut(line, " ____")
			signatures = append(signatures, []string{name, "____" + strings.TrimSuffix(rest, " Date __________"), "Date __________"})
		default:
			body.WriteString(p(line))
		}
	}
	body.WriteString(table(signatures...))
	numbering := strings.Replace(numberingXML, `<w:lvlText w:val="%1.%2."/>`, `<w:lvlText w:val="%1.%2"/>`, 1)
	return newDocx(t, body.String(), docxFiles{"word/numbering.xml": numbering})
}

// TestAgreementFixture keeps testdata/agreement.docx, the command's and
// the page's test document, and testdata/agreement.txt, its text, in step
// with the generator, and holds the laid-out document to the same verdict
// as the typed text it came from.
func TestAgreementFixture(t *testing.T) {
	data := agreementDocx(t)
	d, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		os.WriteFile("testdata/agreement.docx", data, 0o644)
		os.WriteFile("testdata/agreement.txt", []byte(d.Text), 0o644)
	}
	want, err := os.ReadFile("testdata/agreement.txt")
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d.Text != string(want) {
		t.Errorf("the generated document reads as\n%s\nnot as testdata/agreement.txt (run go test -update after checking)", d.Text)
	}
	committed, err := os.ReadFile("testdata/agreement.docx")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := Read(committed, Limits{}); err != nil || c.Text != string(want) {
		t.Errorf("testdata/agreement.docx does not read as agreement.txt: %v", err)
	}

	src, _ := os.ReadFile("../testdata/agreements/01-neglect-numbered-good.txt")
	typed := check(t, string(src))
	laid := check(t, d.Text)
	if typed.Kind != laid.Kind || len(typed.Flags) != len(laid.Flags) {
		t.Errorf("kind %s and %d flags from the text, %s and %d from the document", typed.Kind, len(typed.Flags), laid.Kind, len(laid.Flags))
	}
	for i, c := range typed.Criteria {
		if laid.Criteria[i].Status != c.Status {
			t.Errorf("%s: %s from the text, %s from the document", c.ID, c.Status, laid.Criteria[i].Status)
		}
	}
}

func check(t testing.TB, text string) *checker.Report {
	t.Helper()
	r, err := checker.Check(text, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
