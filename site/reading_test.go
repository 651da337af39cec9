package site

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"handbook/content"
)

// buildDefault builds the default handbook once per test that asks.
func buildDefault(t *testing.T) *Result {
	t.Helper()
	res, err := NewBuilder(Options{Content: content.FS}).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestAZKey(t *testing.T) {
	tests := []struct{ text, key, rest string }{
		{"At case closure", "case closure", "case closure"},
		{"The PLO", "plo", "PLO"},
		{"When to use a written agreement", "when to use a written agreement", "When to use a written agreement"},
		{"A&E", "a&e", "A&E"},
		{"At", "at", "At"},
		{"“Quoted”", "quoted”", "Quoted”"},
	}
	for _, tt := range tests {
		key, rest := azKey(tt.text)
		if key != tt.key || rest != tt.rest {
			t.Errorf("azKey(%q) = %q, %q; want %q, %q", tt.text, key, rest, tt.key, tt.rest)
		}
	}
}

// TestAZIndexOfHandbook: every name once, "At case closure" filed under
// C with the glossary's meaning and every chapter that covers it, and the
// editors' guide, footer pages and gathering pages left out.
func TestAZIndexOfHandbook(t *testing.T) {
	page := string(buildDefault(t).Files["a-z/index.html"])
	names := regexp.MustCompile(`class="az-entry__term"[^>]*>([^<]*)<`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, m := range names {
		k := strings.ToLower(m[1])
		if seen[k] {
			t.Errorf("%q is in the A to Z twice", m[1])
		}
		seen[k] = true
	}
	if len(names) < 50 {
		t.Fatalf("only %d entries in the A to Z", len(names))
	}
	i := strings.Index(page, ">Case closure<")
	if i < 0 || strings.Index(page, `id="az-c"`) > i {
		t.Fatal(`no "Case closure" entry under C`)
	}
	entry := page[i : i+strings.Index(page[i:], "</li>\n    </ul>")]
	for _, want := range []string{"When the social worker stops working", "/glossary/#term-case-closure", "/written-undertakings/#at-case-closure", "/when-never-to-use/#case-closure"} {
		if !strings.Contains(entry, want) {
			t.Errorf("the Case closure entry lacks %s:\n%s", want, entry)
		}
	}
	index := page[strings.Index(page, `<section class="letter-group"`):strings.Index(page, `<nav class="pagination"`)]
	for _, absent := range []string{"/editors/", "/privacy/", "/print/", "/amendments/"} {
		if strings.Contains(index, `href="`+absent) {
			t.Errorf("the A to Z lists %s", absent)
		}
	}
}

// TestNavigationGroups: the navigation shows the front matter's groups
// in order, marks the current page, leaves footer pages to the footer;
// the home page has one title and the groups as entry points.
func TestNavigationGroups(t *testing.T) {
	res := buildDefault(t)
	ch := string(res.Files["when-to-use/index.html"])
	nav := ch[strings.Index(ch, `<nav class="side-nav"`):strings.Index(ch, `<main`)]
	var groups []string
	for _, m := range regexp.MustCompile(`<h2 class="side-nav__heading">([^<]*)</h2>`).FindAllStringSubmatch(nav, -1) {
		groups = append(groups, m[1])
	}
	if got, want := strings.Join(groups, "|"), "Guidance|Models and examples|Tools|About this handbook"; got != want {
		t.Errorf("navigation groups %q, want %q", got, want)
	}
	if n := strings.Count(nav, `aria-current="page"`); n != 1 || !strings.Contains(nav, `href="/when-to-use/" aria-current="page"`) {
		t.Errorf("current page marked %d times, or not on its own link", n)
	}
	if strings.Contains(nav, "/privacy/") || !strings.Contains(ch[strings.Index(ch, "<footer"):], `href="/privacy/"`) {
		t.Error("the privacy notice should be in the footer, not the navigation")
	}
	if !strings.Contains(ch, `<a class="header__menu" href="#navigation">Menu</a>`) || !strings.Contains(ch, `id="navigation"`) {
		t.Error("no Menu link to the navigation")
	}
	home := string(res.Files["index.html"])
	if n := strings.Count(home[strings.Index(home, "<body>"):], "Written agreements handbook<"); n != 1 {
		t.Errorf("the home page says its title %d times, want once (the heading)", n)
	}
	if !strings.Contains(home, `class="button button--start"`) || !strings.Contains(home, `id="group-models-and-examples"`) {
		t.Error("the home page lacks its start button or grouped entry points")
	}
	recent := home[strings.Index(home, `id="recent-changes-heading"`):]
	for _, gatherer := range []string{"/a-z/", "/print/", "/editors/", "/privacy/"} {
		if strings.Contains(recent[:strings.Index(recent, "</ul>")], gatherer) {
			t.Errorf("recently updated lists %s", gatherer)
		}
	}
}

// TestChapterReading: one metadata line with GOV.UK dates, the full box
// folded and printed, a long contents list folded, examples as Do and
// Don't without glossary links, no ISO dates in sight.
func TestChapterReading(t *testing.T) {
	page := string(buildDefault(t).Files["good-written-agreements/index.html"])
	for _, want := range []string{
		`<p class="metadata-summary__line">Last updated <time datetime="2026-11-20">20 November 2026</time></p>`,
		`<div class="metadata-print">`,
		`Contents (16 sections)`,
		`<div class="do-dont__list do-dont__list--dont">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the chapter lacks %s", want)
		}
	}
	if regexp.MustCompile(`>\d{4}-\d\d-\d\d<`).MatchString(page) {
		t.Error("a date is shown as YYYY-MM-DD")
	}
	for _, block := range regexp.MustCompile(`(?s)<div class="do-dont">.*?</div>\n</div>`).FindAllString(page, -1) {
		if strings.Contains(block, "glossary-link") {
			t.Errorf("a glossary link inside examples:\n%s", block)
		}
	}
}

// TestPrintLeavesOutEditors: the printed handbook has no editors' guide
// or footer pages, names the shared owner once, and no YYYY-MM-DD dates.
func TestPrintLeavesOutEditors(t *testing.T) {
	page := string(buildDefault(t).Files["print/index.html"])
	for _, absent := range []string{`id="print-editors"`, `id="print-privacy"`, `id="print-contact"`, "Owner: "} {
		if strings.Contains(page, absent) {
			t.Errorf("the print page has %s", absent)
		}
	}
	if n := strings.Count(page, "owned by Practice Standards Team"); n != 1 {
		t.Errorf("the owner is named %d times, want once", n)
	}
}

// TestServiceWorker: sw.js at the root lists every page and asset but no
// gzip copy, keeps the search index for later, changes with the build,
// and is not written by the preview.
func TestServiceWorker(t *testing.T) {
	res := buildFixture(t, Options{})
	sw := res.Files["sw.js"]
	if sw == nil {
		t.Fatal("no sw.js")
	}
	for _, want := range []string{`"/using/"`, `"/404.html"`, `"/"`, `const LATER = ["/assets/search-index.`} {
		if !bytes.Contains(sw, []byte(want)) {
			t.Errorf("sw.js lacks %s", want)
		}
	}
	precache := regexp.MustCompile(`const PRECACHE = (.*);`).FindSubmatch(sw)
	if precache == nil || bytes.Contains(precache[1], []byte(".gz\"")) || bytes.Contains(precache[1], []byte("search-index")) {
		t.Errorf("PRECACHE wrong: %s", precache)
	}
	other := buildFixture(t, Options{BaseURL: "/hb/"})
	if bytes.Equal(other.Files["sw.js"], sw) || !bytes.Contains(other.Files["sw.js"], []byte(`const ROOT = "/hb/";`)) {
		t.Error("sw.js does not follow the build")
	}
	if live := buildFixture(t, Options{LiveReload: true}); live.Files["sw.js"] != nil || bytes.Contains(live.Files["index.html"], []byte("offline.js")) {
		t.Error("the preview has a service worker")
	}
	if checker := res.Files["checker/index.html"]; bytes.Contains(checker, []byte("offline.js")) {
		t.Error("the checker page registers the service worker")
	}
}
