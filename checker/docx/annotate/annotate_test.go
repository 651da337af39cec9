package annotate

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"handbook/checker"
	"handbook/checker/docx"
)

const date = "2026-12-02T18:33:17Z"

var opts = Options{Date: date, Guidance: "https://example.org/handbook/"}

// inputs are the documents the issue names: the agreement fixture, one
// with tables, lists, a text box, tracked changes and a comment, and a
// pasted draft.
func inputs(t testing.TB) []struct {
	name string
	word []byte
	text string
} {
	word := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return []struct {
		name string
		word []byte
		text string
	}{
		{"agreement.docx", word("../testdata/agreement.docx"), ""},
		{"layout.docx", word("../testdata/layout.docx"), ""},
		{"pasted.txt", nil, string(word("../../testdata/samples/p02-vague-supervision.txt"))},
	}
}

// original is the document an input is checked as, and its comments.
func original(t testing.TB, word []byte, text string) (*docx.Document, []docx.Comment, *checker.Report) {
	t.Helper()
	if word == nil {
		word = docx.FromText(text)
	}
	d, err := docx.Read(word, docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := checker.Check(d.Text, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, Comments(r, d, opts.Guidance), r
}

func annotated(t testing.TB, word []byte, text string) []byte {
	t.Helper()
	var out []byte
	var err error
	if word != nil {
		out, err = Word(word, opts)
	} else {
		out, err = Text(text, opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSameReport: the annotated copy reads as the same text and gets the
// same report, byte for byte, as the document it was made from; it holds
// one comment per finding and piece of flag evidence, and the overview.
func TestSameReport(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(in.name, func(t *testing.T) {
			d, comments, r := original(t, in.word, in.text)
			out := annotated(t, in.word, in.text)
			back, err := docx.Read(out, docx.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if back.Text != d.Text {
				t.Fatalf("the copy reads differently")
			}
			r2, _ := checker.Check(back.Text, checker.Options{})
			if !bytes.Equal(r.JSON(), r2.JSON()) {
				t.Errorf("reports differ:\n%s\n%s", r.JSON(), r2.JSON())
			}
			want := 1 + len(r.Findings)
			for _, f := range r.Flags {
				want += len(f.Evidence)
			}
			if len(comments) != want || len(r.Findings) == 0 {
				t.Errorf("%d comments for %d findings and %d flags", len(comments), len(r.Findings), len(r.Flags))
			}
			notes := part(t, out, "word/comments.xml")
			if n := strings.Count(notes, `w:author="Agreement checker" w:date="`+date+`"`); n != want {
				t.Errorf("%d comments by the checker, want %d", n, want)
			}
			for _, c := range r.Criteria {
				if c.Status != checker.StatusMet && !strings.Contains(notes, "Guidance: https://example.org/handbook/"+c.Guidance) {
					t.Errorf("the overview lacks %s's guidance address", c.ID)
				}
			}
			if in.word == nil {
				if !bytes.Equal(out, annotated(t, nil, in.text)) {
					t.Error("the same draft gave different bytes")
				}
			}
		})
	}
}

func TestOverview(t *testing.T) {
	r := &checker.Report{Summary: "2 of 14 checks need work.",
		Flags:     []checker.Flag{{ID: "coercion", Title: "Coercion", Message: "Do not.", Guidance: "g/#c"}},
		Screening: []checker.Screening{{ID: "domestic_abuse", Question: "Is there abuse?", Answer: checker.AnswerUnanswered}, {ID: "coercion", Question: "Pressed?", Answer: checker.AnswerYes}},
		Criteria: []checker.Criterion{{ID: "aim", Title: "Aim", Status: checker.StatusMet, Guidance: "g/#aim"},
			{ID: "review", Title: "Review", Status: checker.StatusPartly, Message: "Say when.", Guidance: "g/#review"}},
	}
	got := strings.Join(overview(r, "https://x/"), "\n")
	want := "Agreement checker: 2 of 14 checks need work.\n" +
		"Situations in which the guidance says not to use a written agreement:\n" +
		"• Coercion. Do not. Guidance: https://x/g/#c\n" +
		"Questions only you can answer (a text cannot show everything):\n" +
		"• Is there abuse? (not answered yet) Guidance: https://x/agreements-undertakings-and-safety-plans/#domestic-abuse\n" +
		"• Pressed? (answered yes) Guidance: https://x/" + flagGuidance("coercion") + "\n" +
		"Checklist items that need work:\n" +
		"• Review (partly met). Say when. Guidance: https://x/g/#review"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRefused: a document the reader refuses is refused with its message.
func TestRefused(t *testing.T) {
	bad := []byte("PK\x03\x04 not a document")
	_, want := docx.Read(bad, docx.Limits{})
	if _, err := Word(bad, opts); err == nil || err.Error() != want.Error() {
		t.Errorf("got %v, want %v", err, want)
	}
	if _, err := Text("Agreement\x00", opts); err == nil {
		t.Error("a draft the checker refuses was annotated")
	}
}

func part(t testing.TB, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	return string(b)
}

// TestLibreOffice opens each annotated copy in LibreOffice (headless, as
// Debian packages it), converts it to OpenDocument without a repair or
// load error, and finds every comment on the words of its range.
func TestLibreOffice(t *testing.T) {
	office := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): the annotated copies are not opened in it")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	var files []string
	for _, in := range inputs(t) {
		f := filepath.Join(dir, strings.TrimSuffix(in.name, filepath.Ext(in.name))+"-feedback.docx")
		os.WriteFile(f, annotated(t, in.word, in.text), 0o644)
		files = append(files, f)
	}
	cmd := exec.Command(office, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "odt", "--outdir", filepath.Join(dir, "odt")}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for i, in := range inputs(t) {
		t.Run(in.name, func(t *testing.T) {
			odt, err := os.ReadFile(filepath.Join(dir, "odt", strings.TrimSuffix(filepath.Base(files[i]), ".docx")+".odt"))
			if err != nil {
				t.Fatalf("LibreOffice did not convert the copy: %v\n%s", err, out)
			}
			d, comments, _ := original(t, in.word, in.text)
			got := odtComments(t, part(t, odt, "content.xml"))
			if len(got) != len(comments) {
				t.Fatalf("LibreOffice found %d comments by the checker, want %d", len(got), len(comments))
			}
			for j, c := range comments {
				span := squash(d.Text[c.Start:c.End])
				if g := squash(got[j]); g == "" || !strings.Contains(span, g) {
					t.Errorf("comment %d (%q) is on %q, not on %q", j, c.Text[0], got[j], d.Text[c.Start:c.End])
				}
			}
			if in.name == "layout.docx" && !strings.Contains(part(t, odt, "content.xml"), "When exactly?") {
				t.Error("the document's own comment is gone")
			}
		})
	}
}

var annotation = regexp.MustCompile(`(?s)<office:annotation [^>]*office:name="([^"]+)"[^>]*>(.*?)</office:annotation>(.*?)<office:annotation-end office:name="([^"]+)"/>`)

// odtComments gives the text each of the checker's comments is on, in
// document order. (Ranges never cross here in a way that nests names.)
func odtComments(t testing.TB, content string) []string {
	var out []string
	for {
		m := annotation.FindStringSubmatchIndex(content)
		if m == nil {
			return out
		}
		name := content[m[2]:m[3]]
		rest := content[m[5]:]
		end := strings.Index(rest, `<office:annotation-end office:name="`+name+`"/>`)
		if end < 0 {
			t.Fatalf("comment %s never ends", name)
		}
		if strings.Contains(content[m[4]:m[5]], "Agreement checker") {
			covered := regexp.MustCompile(`(?s)<office:annotation .*?</office:annotation>|<[^>]+>`).ReplaceAllString(rest[:end], "")
			out = append(out, strings.NewReplacer("&apos;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(covered))
		}
		content = content[m[5]:]
	}
}

// squash keeps letters and digits only: LibreOffice's text has no list
// numbers, and cells and paragraphs run together.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
