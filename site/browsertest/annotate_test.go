package browsertest

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/checker"
	"handbook/checker/docx/annotate"
	"handbook/content"
	"handbook/site"
	"handbook/site/wasmbuild"
)

// annotateWasm builds the checker module with -tags annotate, the build
// that can write Word comments (it does not fit the default module's size
// ceiling yet; see wasm/annotate.go).
func annotateWasm(t *testing.T) []byte {
	t.Helper()
	goTool, err := wasmbuild.FindGo("")
	if err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "checker.wasm")
	cmd := exec.Command(goTool, "build", "-tags", "annotate", "-trimpath", "-ldflags=-s -w", "-gcflags=handbook/checker/...=-l", "-o", out, "./wasm")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the module with -tags annotate: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCheckerDownloadsWord: with the annotating module, "Download as Word
// with comments" gives, for an opened Word document and for a pasted
// draft, the bytes `handbook check --annotate` writes (the same Go code,
// the same date and guidance address), and sends nothing anywhere.
func TestCheckerDownloadsWord(t *testing.T) {
	tagged := annotateWasm(t)
	srv, url := checkerSite(t, siteOptions{wrap: func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				w.Header().Set("Content-Type", "application/wasm")
				w.Write(tagged)
				return
			}
			h.ServeHTTP(w, r)
		})
	}})
	tab, _ := openChecker(t, url)
	if hidden := eval[bool](t, tab, `document.getElementById("checker-download-word").hidden`); hidden {
		t.Fatal("the Word download is hidden although the module can annotate")
	}
	const date = "2026-12-02T18:33:17Z"
	eval[bool](t, tab, `Date.prototype.toISOString = function () { return "2026-12-02T18:33:17.123Z"; }, true`)
	guidance := eval[string](t, tab, `new URL(document.getElementById("checker").dataset.root || "", document.baseURI).href`)
	settings, err := site.LoadSettings(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	opts := annotate.Options{Check: checker.Options{Settings: settings.Checker}, Date: date, Guidance: guidance}
	before := len(srv.Requests())

	download := func() []byte {
		t.Helper()
		eval[bool](t, tab, `window.previousWord = handbookChecker.word, true`)
		click(t, tab, "checker-download-word")
		if _, err := Run(tab, Patience, chromedp.Poll[bool](`handbookChecker.word !== window.previousWord`,
			chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
			t.Fatalf("waiting for the Word document: %v (status %q)", err,
				eval[string](t, tab, `document.getElementById("checker-status").textContent`))
		}
		b64 := eval[string](t, tab, `(() => { let s = ""; for (const b of handbookChecker.word) s += String.fromCharCode(b); return btoa(s); })()`)
		b, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	word, err := os.ReadFile(wordFixture)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(wordFixture)
	if err := Do(tab, 5*time.Second, chromedp.SetUploadFiles(chromedp.CSS("#checker-file"), []string{abs})); err != nil {
		t.Fatal(err)
	}
	waitFeedback(t, tab, 10*time.Second)
	want, err := annotate.Word(word, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := download(); !bytes.Equal(got, want) {
		t.Errorf("the page's annotated agreement.docx (%d bytes) differs from the command's (%d bytes)", len(got), len(want))
	}
	if status := eval[string](t, tab, `document.getElementById("checker-status").textContent`); !strings.Contains(status, "agreement-feedback.docx") {
		t.Errorf("status %q does not name the saved file", status)
	}

	paste(t, tab, samples(t)["p02-vague-supervision.txt"])
	draft := eval[string](t, tab, `document.getElementById("checker-draft").value`)
	want, err = annotate.Text(draft, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := download(); !bytes.Equal(got, want) {
		t.Errorf("the page's annotated draft (%d bytes) differs from the command's (%d bytes)", len(got), len(want))
	}
	if extra := srv.Requests()[before:]; len(extra) > 0 {
		t.Errorf("annotating made requests: %v", extra)
	}
}
