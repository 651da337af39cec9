package site

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"handbook/content"
)

// TestPrintPage builds the default handbook and checks its print page:
// every chapter of guidance once, in reading order, ids unique, every
// link within the page landing on an id, headings one level down.
func TestPrintPage(t *testing.T) {
	res, err := NewBuilder(Options{Content: content.FS}).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["print/index.html"])
	if page == "" {
		t.Fatal("the default handbook has no print/index.html")
	}
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(`\bid="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s lands nowhere on the print page", m[1])
		}
	}
	for _, want := range []string{`id="print-when-never-to-use"`, `id="when-never-to-use--domestic-abuse"`, `<h3 id="good-written-agreements--review"`, "Contents"} {
		if !strings.Contains(page, want) {
			t.Errorf("print page lacks %s", want)
		}
	}
	if strings.Contains(page, `id="print-checker"`) || strings.Contains(page, `id="print-print"`) {
		t.Error("the print page prints the checker or itself")
	}
	// Reading order: introduction before when-to-use before the glossary.
	a, b, c := strings.Index(page, `id="print-introduction"`), strings.Index(page, `id="print-when-to-use"`), strings.Index(page, `id="print-glossary"`)
	if !(a >= 0 && a < b && b < c) {
		t.Errorf("chapters out of reading order: introduction at %d, when-to-use at %d, glossary at %d", a, b, c)
	}
}
