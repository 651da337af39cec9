package browsertest

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// cuttable serves h until cut is set, then drops every connection
// unanswered: to the browser, the network has gone.
func cuttable(cut *atomic.Bool) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !cut.Load() {
				h.ServeHTTP(w, r)
				return
			}
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			panic(http.ErrAbortHandler) // the server closes the connection
		})
	}
}

// TestOffline visits the home page once, cuts the network, and reads on:
// the home page, a chapter and the checker still work, each page says it
// is an offline copy, axe-core finds nothing wrong with one, and the copy
// holds only files the build published, never a draft.
func TestOffline(t *testing.T) {
	var cut atomic.Bool
	srv, checkerURL := checkerSite(t, siteOptions{wrap: cuttable(&cut)})
	tab := NewTab(t)
	if err := Do(tab, Patience, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, tab, `!document.querySelector("[data-offline-notice]").hidden`) {
		t.Error("a page from the network says it is an offline copy")
	}
	// The first visit is over once the worker has made its copy and taken over.
	if _, err := Run(tab, Patience, chromedp.Poll[bool](
		`navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"`,
		chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("the service worker never took over the page: %v", err)
	}
	cut.Store(true)

	offline := func(path, h1 string) {
		t.Helper()
		if err := Do(tab, Patience, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatalf("offline, opening %s: %v", path, err)
		}
		got := eval[string](t, tab, `document.querySelector("main h1").textContent`)
		if got != h1 {
			t.Errorf("offline, %s: heading %q, want %q", path, got, h1)
		}
		if !eval[bool](t, tab, `(() => { const n = document.querySelector("[data-offline-notice]"); return !n.hidden && n.getClientRects().length > 0 && /You are offline/.test(n.textContent); })()`) {
			t.Errorf("offline, %s does not say it is an offline copy", path)
		}
		if !eval[bool](t, tab, `getComputedStyle(document.body).fontFamily !== "" && document.styleSheets.length >= 2 && Array.from(document.styleSheets).every(s => { try { return s.cssRules.length > 0; } catch (e) { return false; } })`) {
			t.Errorf("offline, %s has lost its styles", path)
		}
	}
	offline("/", "Written agreements handbook")
	for _, v := range tab.Axe(t) {
		t.Errorf("offline home page: %s", v)
	}
	offline("/good-written-agreements/", "Good written agreements: what good looks like")

	path := strings.TrimPrefix(checkerURL, srv.URL)
	offline(path, "Agreement checker")
	phase, err := Run(tab, Patience, chromedp.Poll[string](
		`window.handbookChecker && handbookChecker.phase !== "loading" && handbookChecker.phase`,
		chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil || phase != "ready" {
		t.Fatalf("offline, the checker did not start: phase %q (%v)", phase, err)
	}
	const draft = "Written agreement. Gran will supervise contact. Signed: private-draft-marker"
	paste(t, tab, draft)
	if n := eval[int](t, tab, `document.querySelectorAll("#checker-results *").length`); n == 0 {
		t.Error("offline, the checker showed no feedback")
	}

	// What the copy holds: files of this build, by path, and nothing else.
	keys := eval[[]string](t, tab, `(async () => {
		const out = [];
		for (const name of await caches.keys()) {
			for (const req of await (await caches.open(name)).keys()) out.push(name + " " + req.method + " " + new URL(req.url).pathname + new URL(req.url).search);
		}
		return out;
	})()`)
	b := handbookSite(t, siteKey{})
	if len(keys) < 20 {
		t.Errorf("the offline copy holds %d files, want every page and asset", len(keys))
	}
	for _, k := range keys {
		f := strings.Fields(k)
		if len(f) != 3 || !strings.HasPrefix(f[0], "handbook-") || f[1] != "GET" {
			t.Errorf("unexpected cache entry %q", k)
			continue
		}
		if strings.Contains(k, "private-draft-marker") || strings.Contains(f[2], "?") {
			t.Errorf("the offline copy holds %q", k)
		}
		file := strings.TrimPrefix(f[2], "/")
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if _, err := os.Stat(filepath.Join(b.dir, filepath.FromSlash(file))); err != nil {
			t.Errorf("the offline copy holds %s, which the build did not publish", f[2])
		}
	}
}
