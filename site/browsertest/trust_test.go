package browsertest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// amplifiedDocx is issue 16's hostile Word document: a list whose level
// text is long, repeated on each of a thousand items. About 2 KB on disk,
// it once made hundreds of megabytes of text and crashed the page's tab.
func amplifiedDocx(t *testing.T) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	item := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`
	files := []struct{ name, data string }{
		{"word/document.xml", `<w:document ` + ns + `><w:body>` + strings.Repeat(item, 1000) + `</w:body></w:document>`},
		{"word/numbering.xml", `<w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
			`<w:numFmt w:val="decimal"/><w:lvlText w:val="` + strings.Repeat("%1", 5000) + `"/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCheckerRefusesAmplifiedWordFile opens issue 16's amplified document
// in the page: it is refused with a message saying why, the draft is left
// alone and the tab still answers.
func TestCheckerRefusesAmplifiedWordFile(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	if sc := eval[string](t, tab, `document.getElementById("checker-draft").getAttribute("spellcheck")`); sc != "false" {
		t.Errorf("the draft has spellcheck=%q, want false: some browsers send checked text to a service", sc)
	}
	data := amplifiedDocx(t)
	file := filepath.Join(t.TempDir(), "amplified.docx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	status := openRefused(t, tab, file)
	t.Logf("a %d-byte amplified document was refused after %s (upload included)", len(data), time.Since(start).Round(time.Millisecond))
	if want := "amplified.docx could not be opened: the Word document is too large: a list's number format is 10000 characters long"; !strings.Contains(status, want) {
		t.Errorf("status %q, want it to hold %q", status, want)
	}
	if v := eval[string](t, tab, `document.getElementById("checker-draft").value`); v != "" {
		t.Errorf("the draft was changed to %d bytes", len(v))
	}
}

// openRefused chooses a file in the checker page and returns the status
// line once it says the file could not be opened (or after Patience).
func openRefused(t *testing.T, tab *Tab, file string) string {
	t.Helper()
	if err := Do(tab, Patience, chromedp.SetUploadFiles(chromedp.CSS("#checker-file"), []string{file})); err != nil {
		t.Fatal(err)
	}
	var status string
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		status = eval[string](t, tab, `document.getElementById("checker-status").textContent`)
		if strings.Contains(status, "could not be opened") {
			break
		}
	}
	return status
}
