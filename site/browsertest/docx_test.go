package browsertest

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const (
	wordFixture = "../../checker/docx/testdata/agreement.docx"
	wordText    = "../../checker/docx/testdata/agreement.txt"
)

// TestCheckerOpensWordFile chooses a Word document in the page, as a
// practitioner would: the draft fills with the document's text, the report
// is the command's for that text byte for byte, the passages name the
// document's paragraphs, and nothing is sent anywhere.
func TestCheckerOpensWordFile(t *testing.T) {
	srv, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	before := len(srv.Requests())
	abs, err := filepath.Abs(wordFixture)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(wordText)
	if err != nil {
		t.Fatal(err)
	}
	if err := Do(tab, Patience, chromedp.SetUploadFiles(chromedp.CSS("#checker-file"), []string{abs})); err != nil {
		t.Fatal(err)
	}
	waitFeedback(t, tab, Patience)
	if got := eval[string](t, tab, `document.getElementById("checker-draft").value`); got != string(want) {
		t.Fatalf("the draft holds\n%s\nwant the document's text\n%s", got, want)
	}
	if got := eval[string](t, tab, `handbookChecker.report`); got != checkJSON(t, string(want)) {
		t.Errorf("the page's report differs from the command's:\n%s\n%s", got, checkJSON(t, string(want)))
	}
	labels := eval[[]string](t, tab, `Array.from(document.querySelectorAll(".checker-finding .checker-quote")).map(b => b.textContent.replace("Select in your draft: ", ""))`)
	if len(labels) == 0 {
		t.Fatal("no passages listed")
	}
	for _, l := range labels {
		if !strings.HasPrefix(l, "Paragraph ") && !strings.HasPrefix(l, "Table ") {
			t.Errorf("passage %q does not name the document's paragraph or cell", l)
		}
	}
	if status := eval[string](t, tab, `document.getElementById("checker-status").textContent`); !strings.Contains(status, "agreement.docx") {
		t.Errorf("status %q does not name the opened file", status)
	}
	if extra := srv.Requests()[before:]; len(extra) > 0 {
		t.Errorf("opening a Word document made requests: %v", extra)
	}

	// Once the draft is edited, notes no longer name paragraphs, only quote.
	if err := Do(tab, Patience, chromedp.SendKeys(chromedp.CSS("#checker-draft"), " ")); err != nil {
		t.Fatal(err)
	}
	waitFeedback(t, tab, Patience)
	if l := eval[string](t, tab, `document.querySelector(".checker-finding .checker-quote").textContent.replace("Select in your draft: ", "")`); !strings.HasPrefix(l, "“") {
		t.Errorf("after an edit, passage %q still names a paragraph", l)
	}
}

// TestCheckerRefusesBadWordFile: a file named .docx that is not one gets
// a clear message and leaves the draft alone.
func TestCheckerRefusesBadWordFile(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	bad := filepath.Join(t.TempDir(), "minutes.docx")
	if err := os.WriteFile(bad, []byte("not really Word"), 0o644); err != nil {
		t.Fatal(err)
	}
	status := openRefused(t, tab, bad)
	if !strings.Contains(status, "minutes.docx could not be opened: not a Word document (.docx)") {
		t.Errorf("status %q", status)
	}
	if v := eval[string](t, tab, `document.getElementById("checker-draft").value`); v != "" {
		t.Errorf("the draft was changed to %q", v)
	}
}

// TestCheckerDropWordFile drops a Word document on the text area.
func TestCheckerDropWordFile(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	data, err := os.ReadFile(wordFixture)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(wordText)
	eval[bool](t, tab, `(() => {
		const bytes = Uint8Array.from(atob("`+base64.StdEncoding.EncodeToString(data)+`"), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], "dropped.docx"));
		const area = document.getElementById("checker-draft");
		const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
		area.dispatchEvent(over);
		const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
		return !area.dispatchEvent(drop) && over.defaultPrevented;
	})()`)
	waitFeedback(t, tab, Patience)
	if got := eval[string](t, tab, `document.getElementById("checker-draft").value`); got != string(want) {
		t.Errorf("the dropped document did not fill the draft: got %d bytes, want %d", len(got), len(want))
	}
}
