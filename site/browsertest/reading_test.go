package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearchResultsPage: typing shows a count and a link to every
// result, the A to Z page with the query, which shows the
// count and every hit above the index, with the editors' guide after all
// practice guidance; axe-core finds nothing wrong with it.
func TestSearchResultsPage(t *testing.T) {
	srv, _ := checkerSite(t, siteOptions{})
	tab := NewTab(t)
	if err := Do(tab, Patience, chromedp.Navigate(srv.URL+"/when-to-use/"), chromedp.WaitReady(chromedp.CSS("#search-input"))); err != nil {
		t.Fatal(err)
	}
	if err := Do(tab, Patience, chromedp.Focus(chromedp.CSS("#search-input")), chromedp.SendKeys(chromedp.CSS("#search-input"), "review")); err != nil {
		t.Fatal(err)
	}
	waitHits(t, tab, "review")
	count := eval[string](t, tab, `document.querySelector("#search-results .search__count").textContent`)
	all := eval[string](t, tab, `document.querySelector("#search-results .search__all a").href`)
	if !strings.HasSuffix(count, "the best 10 first") || !strings.HasSuffix(all, "/a-z/?q=review") {
		t.Errorf("drop-down: count %q, link to every result %q", count, all)
	}
	// The link, not Enter: this harness's CSP header says form-action
	// 'none' (the pages themselves allow 'self'), which blocks the form.
	if err := Do(tab, Patience, chromedp.Click(chromedp.CSS("#search-results .search__all a"))); err != nil {
		t.Fatal(err)
	}
	// Each try is a fresh evaluation: the page is replaced under it.
	deadline := time.Now().Add(Patience)
	for {
		ok, err := Run(tab, Patience, chromedp.Evaluate[bool](`location.pathname === "/a-z/" && !!document.getElementById("search-page") && !document.getElementById("search-page").hidden`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			loc, _ := Run(tab, Patience, chromedp.Evaluate[string](`location.href`))
			t.Fatalf("Enter did not open the results page: at %s (%v)", loc, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	heading := eval[string](t, tab, `document.getElementById("search-page-heading").textContent`)
	n := eval[int](t, tab, `document.querySelectorAll("#search-page-results li").length`)
	if !strings.HasPrefix(heading, strings.Split(count, " ")[0]+" results for “review”") || n < 11 {
		t.Errorf("results page: heading %q with %d hits, want the drop-down's count (%q) and every hit", heading, n, count)
	}
	urls := eval[[]string](t, tab, `Array.from(document.querySelectorAll("#search-page-results li > a")).map(a => new URL(a.href).pathname)`)
	editors := false
	for _, u := range urls {
		if u == "/editors/" {
			editors = true
		} else if editors {
			t.Errorf("%s comes after the editors' guide in the results: %v", u, urls)
			break
		}
	}
	if h1 := eval[string](t, tab, `document.querySelector("main h1").textContent`); h1 != "Search results" {
		t.Errorf("results page heading %q", h1)
	}
	for _, v := range tab.Axe(t) {
		t.Errorf("results page: %s", v)
	}
}

// TestMenuOnPhones: at 375 px the header's Menu link shows and takes the
// reader to the navigation, with the current page marked; at 1280 px the
// navigation is beside the text and Menu is hidden.
func TestMenuOnPhones(t *testing.T) {
	srv, checker := checkerSite(t, siteOptions{})
	tab := NewTab(t)
	for _, path := range []string{"/good-written-agreements/", strings.TrimPrefix(checker, srv.URL), "/"} {
		if err := Do(tab, Patience, chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
		if !eval[bool](t, tab, `document.querySelector(".header__menu").getClientRects().length > 0`) {
			t.Fatalf("%s: no Menu link at 375 px", path)
		}
		if err := Do(tab, Patience, chromedp.Click(chromedp.CSS(".header__menu"))); err != nil {
			t.Fatal(err)
		}
		if _, err := Run(tab, Patience, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === "navigation" && Math.abs(document.getElementById("navigation").getBoundingClientRect().top) < 5`)); err != nil {
			t.Errorf("%s: Menu did not take the reader to the navigation: %v", path, err)
		}
		if path != "/" && !eval[bool](t, tab, `!!document.querySelector('#navigation a[aria-current="page"]')`) {
			t.Errorf("%s: the navigation does not mark the current page", path)
		}
	}
	if err := Do(tab, Patience, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/good-written-agreements/")); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, tab, `document.querySelector(".header__menu").getClientRects().length > 0`) {
		t.Error("the Menu link shows at 1280 px, beside the navigation")
	}
}
