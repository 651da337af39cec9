package browsertest

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"handbook/site/preview"
)

// previewServer runs `handbook serve`'s server on a copy of the site
// package's test handbook and returns the folder and the address.
func previewServer(t *testing.T) (dir, url string, srv *preview.Server) {
	t.Helper()
	dir = t.TempDir()
	src := filepath.Join("..", "testdata", "handbook")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err = preview.New(ctx, preview.Options{Content: os.DirFS(dir), Watch: []preview.WatchRoot{{Dir: dir}}})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("preview server: %v", err)
		}
	})
	return dir, "http://" + ln.Addr().String(), srv
}

// previewOpen loads path and waits until its reload script is listening.
func previewOpen(t *testing.T, tab *Tab, srv *preview.Server, url string, streams int) {
	t.Helper()
	if err := Do(tab, Patience, chromedp.Navigate(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	deadline := time.Now().Add(Patience)
	for srv.Hub().Len() < streams {
		if time.Now().After(deadline) {
			t.Fatal("the page never opened its event stream")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// previewWaitFor polls expr until it is true. It evaluates afresh each
// time rather than with chromedp.Poll, which fails when the page reloads
// under it, as these pages are meant to.
func previewWaitFor(t *testing.T, tab *Tab, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(Patience)
	for {
		ok, err := Run(tab, Patience, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: still false after %s (last error: %v)", what, Patience, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPreviewLiveReload: open a chapter, change its file, and the page
// shows the new text with nothing done in the browser; break the front
// matter and the error overlay names the file and line; fix it and the
// overlay goes.
func TestPreviewLiveReload(t *testing.T) {
	dir, url, srv := previewServer(t)
	tab := NewTab(t)
	previewOpen(t, tab, srv, url+"/using/", 1)
	chapter := filepath.Join(dir, "using.md")
	good, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	// Leave a mark the reload must wipe, to tell a reload from no change.
	if _, err := Run(tab, Patience, chromedp.Evaluate[bool](`window.previewMark = true`)); err != nil {
		t.Fatal(err)
	}
	saved := time.Now()
	if err := os.WriteFile(chapter, append(append([]byte(nil), good...), "\nA sentence added while the page was open.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the new text", `document.body.innerText.includes("A sentence added while the page was open.")`)
	t.Logf("from saving the chapter to the new text in the browser: %s", time.Since(saved).Round(time.Millisecond))
	if mark, _ := Run(tab, Patience, chromedp.Evaluate[bool](`window.previewMark === true`)); mark {
		t.Error("the page changed without reloading")
	}

	// The reloaded page opens a stream of its own before the next save.
	previewOpen(t, tab, srv, url+"/using/", 1)
	broken := strings.Replace(string(good), "weight: 10\n", "weight: 10\nnot_a_key: 1\n", 1)
	if err := os.WriteFile(chapter, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the error overlay",
		`(() => { const o = document.getElementById("handbook-build-errors"); return !!o && o.getAttribute("role") === "alert" && o.textContent.includes("using.md:4"); })()`)
	if err := os.WriteFile(chapter, good, 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the overlay to clear", `!document.getElementById("handbook-build-errors") && !document.body.innerText.includes("A sentence added")`)
}

// TestPreviewKeepsScrollAndSwapsCSS: after a reload the reader is where
// they were; a stylesheet-only change swaps stylesheets without a reload.
func TestPreviewKeepsScrollAndSwapsCSS(t *testing.T) {
	dir, url, srv := previewServer(t)
	chapter := filepath.Join(dir, "using.md")
	text, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	long := string(text) + strings.Repeat("\nA paragraph that makes the page long enough to scroll.\n", 300)
	if err := os.WriteFile(chapter, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "extra.css"), []byte("p { margin: 1em 0 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tab := NewTab(t)
	// Wait for the rebuild of the long chapter, then open it.
	previewOpen(t, tab, srv, url+"/using/", 1)
	previewWaitFor(t, tab, "the long chapter", `document.body.innerText.includes("long enough to scroll")`)
	previewOpen(t, tab, srv, url+"/using/", 1)
	if _, err := Run(tab, Patience, chromedp.Evaluate[bool](`window.scrollTo(0, 1500); window.previewMark = true`)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, []byte(long+"\nThe last line, edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the edit", `document.body.innerText.includes("The last line, edited.")`)
	previewWaitFor(t, tab, "the scroll position to return", `Math.abs(window.scrollY - 1500) < 5`)

	previewOpen(t, tab, srv, url+"/using/", 1)
	if _, err := Run(tab, Patience, chromedp.Evaluate[bool](`window.previewMark = true`)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "extra.css"), []byte("p { margin: 2em 0 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	previewWaitFor(t, tab, "the stylesheets to be swapped",
		`Array.from(document.querySelectorAll('link[rel="stylesheet"]')).every(l => l.href.includes("handbook-reload="))`)
	if mark, _ := Run(tab, Patience, chromedp.Evaluate[bool](`window.previewMark === true`)); !mark {
		t.Error("a stylesheet-only change reloaded the page")
	}
}

// TestPreviewCatchesUpAfterMissedRebuild: a page whose event stream was
// down during a rebuild reloads when the stream comes back, because the
// build that served it is not the current one.
func TestPreviewCatchesUpAfterMissedRebuild(t *testing.T) {
	dir, url, srv := previewServer(t)
	tab := NewTab(t)
	block := func(patterns ...string) {
		t.Helper()
		var list []*network.BlockPattern
		for _, p := range patterns {
			list = append(list, &network.BlockPattern{URLPattern: p, Block: true})
		}
		ctx, cancel := context.WithTimeout(tab.Ctx, Patience)
		defer cancel()
		if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: list}); err != nil {
			t.Fatalf("blocking %v: %v", patterns, err)
		}
	}
	block(url + "/_handbook/events")
	if err := Do(tab, Patience, chromedp.Navigate(url+"/using/")); err != nil {
		t.Fatal(err)
	}
	chapter := filepath.Join(dir, "using.md")
	text, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, append(text, "\nWritten while the page was not listening.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	// Wait for the rebuild; nobody is listening, so ask the server.
	deadline := time.Now().Add(Patience)
	for {
		resp, err := http.Get(url + "/using/")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), "Written while the page was not listening.") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the server never rebuilt")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := srv.Hub().Len(); n != 0 {
		t.Fatalf("the blocked page has %d event streams open, want 0", n)
	}
	block() // the stream reconnects by itself
	previewWaitFor(t, tab, "the page to catch up", `document.body.innerText.includes("Written while the page was not listening.")`)
}
