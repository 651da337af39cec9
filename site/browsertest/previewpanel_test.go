package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPreviewErrorPanelFolds: the error panel folds to its heading and
// back, by a button that says whether it is open, stays folded when the
// page reloads, and axe-core finds nothing wrong with it either way.
func TestPreviewErrorPanelFolds(t *testing.T) {
	dir, url, srv := previewServer(t)
	tab := NewTab(t)
	previewOpen(t, tab, srv, url+"/using/", 1)
	chapter := filepath.Join(dir, "using.md")
	good, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(good), "weight: 10\n", "weight: 10\nnot_a_key: 1\n", 1)
	if err := os.WriteFile(chapter, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	const panel = `document.getElementById("handbook-build-errors")`
	const details = `document.getElementById("handbook-build-errors-details")`
	previewWaitFor(t, tab, "the error panel", panel+` !== null && `+details+` !== null && !`+details+`.hidden`)
	for _, v := range tab.Axe(t) {
		t.Errorf("panel open: %s", v)
	}
	height := func() float64 {
		return eval[float64](t, tab, panel+`.getBoundingClientRect().height`)
	}
	open := height()
	if err := Do(tab, Patience, chromedp.Click(chromedp.CSS(`#handbook-build-errors button[aria-controls]`))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, tab, details+`.hidden && document.querySelector("#handbook-build-errors button[aria-controls]").getAttribute("aria-expanded") === "false"`) {
		t.Fatal("the panel did not fold")
	}
	if folded := height(); folded >= open/2 || folded > 80 {
		t.Errorf("folded panel is %.0f px high (open: %.0f)", folded, open)
	}
	for _, v := range tab.Axe(t) {
		t.Errorf("panel folded: %s", v)
	}
	// A reload while the errors stand keeps it folded.
	if err := Do(tab, Patience, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the folded panel after a reload", panel+` !== null && `+details+` !== null && `+details+`.hidden`)
	if err := Do(tab, Patience, chromedp.Click(chromedp.CSS(`#handbook-build-errors button[aria-controls]`))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, tab, `!`+details+`.hidden && `+panel+`.textContent.includes("using.md:4")`) {
		t.Error("the panel did not open again with its errors")
	}
	if err := os.WriteFile(chapter, good, 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the panel to clear", panel+` === null`)
}
