package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handbook/checker"
	"handbook/checker/docx"
)

const wordFixture = "../../checker/docx/testdata/agreement.docx"

// zipBomb is a .docx whose document unpacks to 100 MB of spaces.
func zipBomb(t testing.TB) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<w:document><w:body><w:p><w:r><w:t>"))
	space := bytes.Repeat([]byte(" "), 1<<20)
	for range 100 {
		w.Write(space)
	}
	zw.Close()
	return b.Bytes()
}

// auditFolder writes a folder as a team manager might have it: Word and
// text agreements in subfolders, files that are not agreements, and bad
// Word documents of every kind.
func auditFolder(t *testing.T) string {
	dir := t.TempDir()
	word, err := os.ReadFile(wordFixture)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../../checker/docx/testdata/agreement.txt")
	if err != nil {
		t.Fatal(err)
	}
	weak, err := os.ReadFile("../../checker/testdata/agreements/09-vague-terms-weak.txt")
	if err != nil {
		t.Fatal(err)
	}
	ole := []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	encrypted := append(append(append([]byte{}, ole...), make([]byte, 512)...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	files := map[string][]byte{
		"clarke/agreement.docx": word,
		"clarke/agreement.txt":  text,
		"2027/march/weak.txt":   weak,
		"2027/notes.pdf":        []byte("%PDF-1.4 not looked at"),
		"bad/not-word.docx":     []byte("Sarah will attend."),
		"bad/cut.docx":          word[:len(word)/2],
		"bad/old.docx":          append(append([]byte{}, ole...), make([]byte, 512)...),
		"bad/password.docx":     encrypted,
		"bad/bomb.docx":         zipBomb(t),
		"bad/huge.docx":         append([]byte("PK\x03\x04"), make([]byte, 50<<20)...),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCheckFolder checks a folder of Word and text files: every
// agreement is checked, each bad file gets one line naming it and saying
// what is wrong, and the exit status says something was refused.
func TestCheckFolder(t *testing.T) {
	dir := auditFolder(t)
	code, out, errs := runCmd(t, "", "check", "--format", "csv", dir)
	if code != exitUsage {
		t.Errorf("exit %d, want %d (something refused)", code, exitUsage)
	}
	wantErrors := map[string]string{
		"bad/not-word.docx": "not a Word document (.docx)",
		"bad/cut.docx":      "damaged",
		"bad/old.docx":      "save it as .docx",
		"bad/password.docx": "password-protected",
		"bad/bomb.docx":     "unpacks to more than 64 MB",
		"bad/huge.docx":     "larger than the limit of 50 MB",
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(wantErrors) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(wantErrors), errs)
	}
	for name, says := range wantErrors {
		found := false
		for _, l := range lines {
			if strings.Contains(l, filepath.Join(dir, name)+": ") && strings.Contains(l, says) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line for %s saying %q in:\n%s", name, says, errs)
		}
	}

	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3+len(wantErrors) {
		t.Fatalf("%d CSV rows, want a header and %d files:\n%s", len(rows), 3+len(wantErrors), out)
	}
	byFile := map[string][]string{}
	for _, r := range rows[1:] {
		rel, _ := filepath.Rel(dir, r[0])
		byFile[filepath.ToSlash(rel)] = r[1:]
	}
	if _, ok := byFile["2027/notes.pdf"]; ok {
		t.Error("a PDF was checked")
	}
	if a, b := strings.Join(byFile["clarke/agreement.docx"], ","), strings.Join(byFile["clarke/agreement.txt"], ","); a != b || !strings.HasPrefix(a, "agreement,met") {
		t.Errorf("the Word document and its text differ:\n%s\n%s", a, b)
	}
	if r := byFile["2027/march/weak.txt"]; len(r) == 0 || r[0] != "agreement" {
		t.Errorf("weak.txt: %v", r)
	}
	if r := byFile["bad/cut.docx"]; len(r) == 0 || !strings.Contains(r[len(r)-1], "damaged") {
		t.Errorf("the CSV does not say why cut.docx was refused: %v", r)
	}
}

// TestCheckWordSameAsText: a Word document and its text give the same
// JSON report, and the text output names paragraphs, not lines.
func TestCheckWordSameAsText(t *testing.T) {
	_, fromWord, _ := runCmd(t, "", "check", "--format", "json", wordFixture)
	_, fromText, _ := runCmd(t, "", "check", "--format", "json", "../../checker/docx/testdata/agreement.txt")
	if fromWord != fromText || !strings.Contains(fromWord, `"kind":"agreement"`) {
		t.Errorf("reports differ:\n%s\n%s", fromWord, fromText)
	}
	word, _ := os.ReadFile(wordFixture)
	_, fromStdin, _ := runCmd(t, string(word), "check", "--format", "json", "-")
	if fromStdin != fromText {
		t.Error("a Word document on standard input is not read as one")
	}
	_, out, _ := runCmd(t, "", "check", "--verbose", wordFixture)
	if !strings.Contains(out, wordFixture+": paragraph ") {
		t.Errorf("text output does not name paragraphs:\n%s", out)
	}
}

// TestCheckSummary: totals per criterion across a folder.
func TestCheckSummary(t *testing.T) {
	dir := t.TempDir()
	weak, _ := os.ReadFile("../../checker/testdata/agreements/09-vague-terms-weak.txt")
	good, _ := os.ReadFile(wordFixture)
	for i := range 3 {
		os.WriteFile(filepath.Join(dir, "weak"+strconv.Itoa(i)+".txt"), weak, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "good.docx"), good, 0o644)
	code, out, errs := runCmd(t, "", "check", "--summary", dir)
	if code != exitFail || errs != "" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"4 files checked: 4 agreements.\n",
		"\nMost often missing:\n  Specific: who does what, in words that cannot be misread: missing in 3 of 4 (75%)\n      " + filepath.Join(dir, "weak0.txt") + "\n",
		"\n       1      0       3  Built on an existing plan\n",
		"No situation where a written agreement should not be used was found.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// BenchmarkCheckFolder checks 1,000 agreements, half Word documents and
// half text, on every core, as `handbook check DIR` does.
func BenchmarkCheckFolder(b *testing.B) {
	dir := b.TempDir()
	word, err := os.ReadFile(wordFixture)
	if err != nil {
		b.Fatal(err)
	}
	texts, _ := filepath.Glob("../../checker/testdata/agreements/*.txt")
	for i := range 1000 {
		name := filepath.Join(dir, "a"+strconv.Itoa(i))
		if i%2 == 0 {
			os.WriteFile(name+".docx", word, 0o644)
		} else {
			data, _ := os.ReadFile(texts[i%len(texts)])
			os.WriteFile(name+".txt", data, 0o644)
		}
	}
	files, errs := expandInputs([]string{dir})
	if len(errs) > 0 || len(files) != 1000 {
		b.Fatalf("%d files, %v", len(files), errs)
	}
	read := func(name string) (string, *docx.Document, error) { return readCheckInput(name, nil) }
	b.ResetTimer()
	for b.Loop() {
		for _, r := range checkAll(files, read, checker.Options{}) {
			if r.err != nil {
				b.Fatal(r.err)
			}
		}
	}
}
