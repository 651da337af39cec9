package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestWriteDirFailureLeavesPreviousOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	good := &Result{Files: map[string][]byte{"index.html": []byte("old"), "x/index.html": []byte("old x")}}
	if err := good.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	// "a" is both a file and a folder: the write must fail part-way.
	bad := &Result{Files: map[string][]byte{"a": []byte("file"), "a/index.html": []byte("new"), "index.html": []byte("new")}}
	if err := bad.WriteDir(dir); err == nil {
		t.Fatal("got no error writing a clashing site, want one")
	}
	got, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || string(got) != "old" {
		t.Errorf("after a failed write, index.html is %q (%v), want %q", got, err, "old")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("got %v beside the output, want only public (no temporary folders left)", names)
	}
	// A good write replaces the old output entirely.
	if err := (&Result{Files: map[string][]byte{"index.html": []byte("new")}}).WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale folder x survived a rebuild: %v", err)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a := buildFixture(t, Options{})
	b := buildFixture(t, Options{})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("got %d and %d files", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestCacheRerendersOnlyChangedChapter(t *testing.T) {
	m := goodFS()
	b := NewBuilder(Options{Content: m})
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := map[string]*rendered{}
	for k, v := range b.cache {
		before[k] = v.r
	}
	m["a.md"] = &fstest.MapFile{Data: []byte(chapter("A", "## First\n\nChanged.\n"))}
	res, err := b.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if b.cache["index.md"].r != before["index.md"] {
		t.Error("index.md was re-rendered although it did not change")
	}
	if b.cache["a.md"].r == before["a.md"] {
		t.Error("a.md was not re-rendered after it changed")
	}
	if !bytes.Contains(res.Files["a/index.html"], []byte("Changed.")) {
		t.Error("the rebuilt page lacks the change")
	}
	// A settings change re-renders every chapter (tokens may use it).
	m["handbook.yaml"] = &fstest.MapFile{Data: []byte(goodSettings + "checker:\n  review_within_weeks: 6\n")}
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b.cache["index.md"].r == before["index.md"] {
		t.Error("index.md was not re-rendered after the settings changed")
	}
}

func TestPageBasics(t *testing.T) {
	res := buildFixture(t, Options{})
	for name, data := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		for _, want := range []string{
			`<html lang="en-GB">`,
			`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'">`,
			`<link rel="icon" href="/assets/favicon.`,
			`<a href="#main-content" class="skip-link">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		for _, bad := range []string{"<style", " style=", "<script>", "livereload", "http://", "https://fonts"} {
			if strings.Contains(page, bad) && !(bad == "http://" && strings.Contains(page, "http://www.w3.org")) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	using := string(res.Files["using/index.html"])
	if !strings.Contains(using, `<a href="/using/" aria-current="page">`) {
		t.Error("the current chapter is not marked in the navigation")
	}
	if len(res.ExternalLinks) != 2 || res.ExternalLinks[0].URL != "https://example.com/auto" || res.ExternalLinks[0].Line != 37 {
		t.Errorf("got external links %+v, want example.com (using.md:37) and gov.uk", res.ExternalLinks)
	}
	if len(res.Warnings) != 2 || res.Warnings[0].Error() != "using.md:61: raw HTML is left out of the page; write it in Markdown instead" ||
		res.Warnings[1].Error() != "glossary.md:7: review was due 2026-11-02" {
		t.Errorf("got warnings %v, want the script left out and the overdue glossary", res.Warnings)
	}
	if !strings.Contains(string(res.Files["glossary/index.html"]), "overdue for review") {
		t.Error("the overdue chapter does not say so")
	}
}

func TestFilesAreCopied(t *testing.T) {
	m := goodFS()
	m["img/there.png"] = &fstest.MapFile{Data: []byte("PNG")}
	m["a.md"] = &fstest.MapFile{Data: []byte(chapter("A", "![ok](img/there.png)\n"))}
	res, err := NewBuilder(Options{Content: m, BaseURL: "/hb/"}).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Files["img/there.png"]) != "PNG" {
		t.Error("img/there.png was not copied")
	}
	if !bytes.Contains(res.Files["a/index.html"], []byte(`<img src="/hb/img/there.png" alt="ok">`)) {
		t.Errorf("image link not rewritten:\n%s", res.Files["a/index.html"])
	}
}

func TestLiveReload(t *testing.T) {
	res := buildFixture(t, Options{LiveReload: true})
	if !bytes.Contains(res.Files["using/index.html"], []byte(`<script src="/_handbook/livereload.js" defer></script>`)) {
		t.Error("LiveReload build lacks the reload script")
	}
}

func TestStrictMakesWarningsErrors(t *testing.T) {
	_, err := NewBuilder(Options{Content: os.DirFS("testdata/handbook"), Today: "2026-11-22", Strict: true}).Build(context.Background())
	if err == nil || !strings.Contains(err.Error(), "glossary.md:7: review was due 2026-11-02") {
		t.Errorf("got %v, want the overdue review as an error", err)
	}
}

func TestBaseURLAndCheckerAssets(t *testing.T) {
	res := buildFixture(t, Options{BaseURL: "https://x.example/hb/", CheckerFiles: map[string][]byte{
		"checker.wasm": bytes.Repeat([]byte("wasm"), 10000), "wasm_exec.js": []byte("//glue"),
	}})
	page := string(res.Files["checker/index.html"])
	for _, want := range []string{`href="/hb/assets/handbook.`, `data-wasm="/hb/assets/checker.`, `.wasm"`, `href="/hb/using/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("checker page lacks %s", want)
		}
	}
	var wasm string
	for n := range res.Files {
		if strings.HasSuffix(n, ".wasm") {
			wasm = n
		}
	}
	if _, ok := res.Files[wasm+".gz"]; wasm == "" || !ok {
		t.Errorf("no gzip copy of the large wasm asset %q", wasm)
	}
	if !strings.Contains(string(res.Files["sitemap.xml"]), "<loc>https://x.example/hb/using/</loc>") {
		t.Errorf("sitemap lacks absolute URLs:\n%s", res.Files["sitemap.xml"])
	}
}

func TestRuleGuidanceMustResolve(t *testing.T) {
	m := goodFS()
	m["good-written-agreements.md"] = &fstest.MapFile{Data: []byte(chapter("Good", "## Aim\n"))}
	_, err := NewBuilder(Options{Content: m}).Build(context.Background())
	if err == nil || !strings.Contains(err.Error(), "rule specific: guidance good-written-agreements/#specific does not resolve") {
		t.Errorf("got %v, want unresolved rule guidance errors", err)
	}
}

func TestLoadSettings(t *testing.T) {
	m := fstest.MapFS{"handbook.yaml": {Data: []byte("title: T\nbase_url: /hb/\ncheck:\n  x: 1\nchecker:\n  review_within_weeks: 6\n  max_length_months: 6\n  required_signatories: [team manager]\n  extra_acronyms: {PLO: Public Law Outline}\n  vague_terms: [monitor]\n")}}
	s, err := LoadSettings(m)
	if err == nil || err.Error() != `handbook.yaml:3: unknown setting "check" (known: title, organisation, base_url, footer, checker)` {
		t.Errorf("got %v, want the unknown key at line 3", err)
	}
	if s.Checker.ReviewWithin.Words() != "six weeks" || s.Checker.MaxLength.String() != "6 months" ||
		s.Checker.ExtraAcronyms["PLO"] != "Public Law Outline" || s.Checker.VagueTerms[0] != "monitor" ||
		s.Checker.RequiredSignatories[0] != "team manager" || s.BaseURL != "/hb/" {
		t.Errorf("got %+v", s)
	}
	if _, err := LoadSettings(fstest.MapFS{}); err == nil {
		t.Error("got no error for a missing settings file")
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: A\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\nchanges:\n  - date: 2026-01-01\n    note: x\n---\nbody"))
	f.Add([]byte("---\n: [\n---\n"))
	f.Add([]byte("---\ntitle: &a [*a]\n---\n"))
	f.Add([]byte("---\nrelated: {a: b}\nchanges: [1, {date: x}]\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var e errs
		header, _, _, ok := splitFrontMatter("f.md", src, &e)
		if ok {
			parseFrontMatter("f.md", header, 1, &e)
		}
		for _, err := range e.list {
			if err.File != "f.md" || err.Line < 0 || strings.Contains(err.Message, "\n") {
				t.Errorf("bad error %q", err.Error())
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("> [!MUST]\n> x\n\n{{review-interval}} {{x}} [a](b.md#c)\n```agreement weak\nx\n```\n"))
	f.Add([]byte("> [!NOTE]\n\n{{"))
	f.Add([]byte(strings.Repeat("## Same\n", 500) + "<b>x</b> [y](javascript:z)\n"))
	f.Add([]byte("The PLO and a child protection plan; *CSC* and [CIN](x.md), `SW`.\n\n## SW\n"))
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src []byte) {
		// With glossary links on: the transformer rewrites text nodes.
		r := renderMarkdown(md, "f.md", src, 1, map[string]string{"review-interval": "three months"}, "/", true)
		// Output bounded by input: markup, escaping and each glossary
		// term's first link multiply the text by a bounded factor only.
		if bound := 64*len(src) + 64<<10; len(r.HTML) > bound {
			t.Errorf("%d bytes of Markdown made %d bytes of HTML, over %d", len(src), len(r.HTML), bound)
		}
		if n := len(r.Errors) + len(r.Warnings) + len(r.Headings) + len(r.Links); n > len(src)+1 {
			t.Errorf("%d bytes of Markdown made %d errors, warnings, headings and links", len(src), n)
		}
		for _, err := range r.Errors {
			if err.Line < 1 {
				t.Errorf("error without a line: %v", err)
			}
		}
	})
}
