package browsertest

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// builtPages lists the URL path of every HTML page of a built site.
func builtPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			pages = append(pages, "/404.html")
			return nil
		}
		pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// TestAccessibilityEveryPage runs axe-core over every page of the built
// default handbook (home, chapters, glossary, A to Z, print page, 404)
// and fails on any violation.
func TestAccessibilityEveryPage(t *testing.T) {
	srv, _ := checkerSite(t, siteOptions{})
	b := handbookSite(t, siteKey{})
	pages := builtPages(t, b.dir)
	if len(pages) < 18 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}
	for _, p := range pages {
		t.Run(strings.Trim(p, "/"), func(t *testing.T) {
			// A tab each, two or so at once: axe-core keeps a core busy
			// for a second a page, and nothing here needs the focus.
			t.Parallel()
			tab := NewTab(t)
			if err := Do(tab, Patience, chromedp.Navigate(srv.URL+p)); err != nil {
				t.Fatal(err)
			}
			for _, v := range tab.Axe(t) {
				t.Errorf("%s: %s", p, v)
			}
		})
	}
}

// TestKeyboardNavigation: from the top of a chapter, Tab reaches the skip
// link first and it moves focus to the main content; the side navigation's
// links and the heading self-links are reachable by Tab and show a focus
// indicator; Enter on a navigation link opens the chapter.
func TestKeyboardNavigation(t *testing.T) {
	srv, _ := checkerSite(t, siteOptions{})
	tab := NewTab(t)
	if err := Do(tab, Patience, chromedp.Navigate(srv.URL+"/when-to-use/")); err != nil {
		t.Fatal(err)
	}
	press := func(key string) {
		t.Helper()
		if err := Do(tab, Patience, chromedp.KeyEvent(key)); err != nil {
			t.Fatalf("pressing %q: %v", key, err)
		}
	}
	active := func() string {
		t.Helper()
		return eval[string](t, tab, `(() => { const a = document.activeElement; return a ? (a.className + "|" + (a.getAttribute("href") || a.id || a.tagName)) : ""; })()`)
	}
	press(kb.Tab)
	if a := active(); !strings.Contains(a, "skip-link") {
		t.Fatalf("first Tab: focus on %q, want the skip link", a)
	}
	press(kb.Enter)
	time.Sleep(100 * time.Millisecond)
	if a := active(); !strings.Contains(a, "main-content") && !strings.Contains(a, "MAIN") {
		t.Errorf("the skip link moved focus to %q, want the main content", a)
	}

	// Walk forward until a side navigation link has focus; every stop
	// must show a visible focus indicator.
	if err := Do(tab, Patience, chromedp.Navigate(srv.URL+"/when-to-use/")); err != nil {
		t.Fatal(err)
	}
	var sawNav, sawSelfLink bool
	for i := 0; i < 80 && !(sawNav && sawSelfLink); i++ {
		press(kb.Tab)
		info := eval[string](t, tab, `(() => {
			const a = document.activeElement;
			if (!a || a === document.body) return "";
			const s = getComputedStyle(a);
			const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none" || s.backgroundColor === "rgb(255, 221, 0)";
			const where = a.closest(".side-nav") ? "nav" : a.classList.contains("heading-link") ? "self" : "other";
			return where + "|" + visible + "|" + (a.getAttribute("href") || a.id);
		})()`)
		parts := strings.SplitN(info, "|", 3)
		if len(parts) < 3 {
			continue
		}
		if parts[1] != "true" {
			t.Errorf("focus on %s has no visible focus indicator", parts[2])
		}
		switch parts[0] {
		case "nav":
			sawNav = true
		case "self":
			sawSelfLink = true
		}
	}
	if !sawNav {
		t.Error("Tab never reached the side navigation")
	}
	if !sawSelfLink {
		t.Error("Tab never reached a heading's link to itself")
	}

	// Enter on a focused navigation link opens that chapter.
	if err := Do(tab, Patience, chromedp.Focus(chromedp.CSS(`.side-nav a[href$="/when-never-to-use/"]`))); err != nil {
		t.Fatal(err)
	}
	press(kb.Enter)
	// The page is replaced under the poll, so each try is a fresh
	// evaluation and errors while it navigates are retried.
	var path string
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		p, err := Run(tab, Patience, chromedp.Evaluate[string](`document.readyState === "complete" ? location.pathname : ""`))
		if err == nil && strings.HasSuffix(p, "/when-never-to-use/") {
			path = p
			break
		}
	}
	if path == "" {
		t.Error("Enter on a navigation link did not open the chapter")
	}
}
