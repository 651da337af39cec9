package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"handbook/checker"
)

// feedbackFixture is a draft with accents, curly quotes and an emoji, and
// a report on it built by hand, so that every part of the feedback is
// drawn whatever the checker's rules find today.
func feedbackFixture(t *testing.T) (text string, report *checker.Report) {
	text = "Written agreement for Zoë 👍🏽 and Siân.\n" +
		"Siân will “supervise” contact every Saturday.\n" +
		"The social worker will visit weekly.\n" +
		"If you do not sign, the children will be removed.\n"
	span := func(s string, nth int) checker.Span {
		from := 0
		for ; nth > 0; nth-- {
			i := strings.Index(text[from:], s)
			if i < 0 {
				t.Fatalf("%q not in the fixture", s)
			}
			from += i + len(s)
		}
		return checker.Span{Start: from - len(s), End: from}
	}
	supervise := span("“supervise”", 1)
	sign := span("If you do not sign, the children will be removed.", 1)
	sian := span("Siân", 2)
	family := span("Siân will “supervise” contact every Saturday.", 1)
	worker := span("The social worker will visit weekly.", 1)
	emoji := span("Zoë 👍🏽", 1)
	report = &checker.Report{
		Version:  checker.ReportVersion,
		Kind:     checker.KindAgreement,
		Summary:  "2 of 3 checks need work; 1 situation where a written agreement should not be used.",
		Settings: checker.DefaultSettings().Hash(),
		Criteria: []checker.Criterion{
			{ID: "specific", Title: "Specific: who does what, in words that cannot be misread", Status: checker.StatusPartly,
				Message: "Say what “supervise” means here.", Guidance: "good-written-agreements/#specific", Evidence: []checker.Span{supervise}},
			{ID: "balanced", Title: "Balanced: professionals commit too", Status: checker.StatusMet,
				Guidance: "good-written-agreements/#balanced", Evidence: []checker.Span{worker}},
			{ID: "review", Title: "Clear about when it will be reviewed", Status: checker.StatusMissing,
				Message: "Say when it will be reviewed.", Guidance: "good-written-agreements/#review", Evidence: []checker.Span{}},
		},
		Flags: []checker.Flag{
			{ID: "coercion", Title: "Coercion: an agreement cannot force anyone", Message: "Signing is made a condition.",
				Guidance: "when-never-to-use/#coercion", Evidence: []checker.Span{sign}},
		},
		Findings: []checker.Finding{
			{Rule: "emoji", Criterion: "plain_language", Severity: checker.SeverityInfo, Start: emoji.Start, End: emoji.End, Line: 1, Column: 23, Message: "An emoji <b>here</b>."},
			{Rule: "vague-term", Criterion: "specific", Severity: checker.SeverityWarning, Start: supervise.Start, End: supervise.End, Line: 2, Column: 11, Message: "\"supervise\" is not defined."},
			{Rule: "name", Criterion: "specific", Severity: checker.SeverityError, Start: sian.Start, End: sian.End, Line: 2, Column: 1, Message: "Say who Siân is."},
		},
		Commitments: []checker.Commitment{
			{Party: checker.PartyFamily, Actor: "Siân", Start: family.Start, End: family.End, Timescale: "every Saturday", Checkable: true},
			{Party: checker.PartyProfessional, Actor: "The social worker", Start: worker.Start, End: worker.End, Timescale: "weekly", Checkable: false},
		},
		Stats: checker.Stats{Words: 30, Sentences: 4, ReadingEase: 71.25},
	}
	return text, report
}

// TestCheckerFeedback draws a known report: the summary first, flags as
// warning text with their words, fix these first, statuses in words, met
// items folded away, passages as quotes of their own words (never
// "passage N" or a column), commitments and statistics.
func TestCheckerFeedback(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	text, report := feedbackFixture(t)
	eval[bool](t, tab, fmt.Sprintf(`handbookChecker.show(%s, %s), true`, mustJSON(string(report.JSON())), mustJSON(text)))

	order := eval[[]string](t, tab, `Array.from(document.querySelectorAll("#checker-feedback h3, #checker-feedback summary"), h => h.closest("[hidden]") ? "" : h.textContent).filter(s => s)`)
	want := []string{"Stop: a written agreement may be the wrong tool", "Fix these first", "Checklist", "1 check is met", "Who commits to what", "Length and reading ease"}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Errorf("sections: got %q, want %q", order, want)
	}
	if first := eval[string](t, tab, `document.querySelector("#checker-feedback .checker-summary-box").textContent`); !strings.Contains(first, "1 situation where a written agreement should not be used") || !strings.Contains(first, "2 of 3 checks need work") {
		t.Errorf("summary box: %q", first)
	}
	if n := eval[int](t, tab, `document.querySelectorAll(".checker-flags .warning-text .warning-text__icon").length`); n != 1 {
		t.Errorf("flags drawn as warning text: %d, want 1", n)
	}
	if q := eval[string](t, tab, `document.querySelector(".checker-flag .checker-quote").textContent`); !strings.Contains(q, "“If you do not sign, the children will be removed.”") {
		t.Errorf("the flag does not quote its words: %q", q)
	}
	fix := eval[[]string](t, tab, `Array.from(document.querySelectorAll(".checker-fix-list a"), a => a.textContent)`)
	if strings.Join(fix, "|") != "Clear about when it will be reviewed|Specific: who does what, in words that cannot be misread" {
		t.Errorf("fix these first: got %q, missing before partly", fix)
	}

	statuses := eval[[]string](t, tab, `Array.from(document.querySelectorAll(".checker-criterion"), p => p.textContent)`)
	if len(statuses) != 3 {
		t.Fatalf("got %d criteria, want 3", len(statuses))
	}
	for i, w := range []string{"Partly met Specific", "Missing Clear about when", "Met Balanced"} {
		if !strings.Contains(statuses[i], w) {
			t.Errorf("criterion %d: got %q, want it to say %q", i, statuses[i], w)
		}
	}
	if eval[bool](t, tab, `document.querySelector("details.checker-met").open`) {
		t.Error("met items are not folded away")
	}
	all := eval[string](t, tab, `document.getElementById("checker-feedback").textContent`)
	for _, not := range []string{"passage 1", "Passage", "column", "Column"} {
		if strings.Contains(all, not) {
			t.Errorf("the feedback says %q", not)
		}
	}

	links := eval[[]string](t, tab, `Array.from(document.querySelectorAll("#checker-feedback a.checker-guidance"), a => a.href)`)
	for _, l := range links {
		if !strings.HasPrefix(l, strings.TrimSuffix(url, "checker/")) || strings.Contains(l, "/checker/") || !strings.Contains(l, "/#") {
			t.Errorf("guidance link %q does not resolve from the handbook root", l)
		}
	}

	if n := eval[int](t, tab, `document.querySelectorAll("#checker-feedback b").length`); n != 0 {
		t.Errorf("a message's markup became %d elements", n)
	}

	rows := eval[[][]string](t, tab, `Array.from(document.querySelectorAll(".checker-commitments tbody tr"), r => Array.from(r.cells, c => c.textContent.replace("Select in your draft: ", "")))`)
	wantRows := [][]string{
		{"Siân (family)", "“Siân will “supervise” contact every Saturday.”", "every Saturday", "Yes"},
		{"The social worker (professional)", "“The social worker will visit weekly.”", "weekly", "No"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(wantRows) {
		t.Errorf("commitments: got %q, want %q", rows, wantRows)
	}
	if stats := eval[string](t, tab, `document.querySelector(".checker-stats").textContent`); !strings.Contains(stats, "71.3 out of 100") && !strings.Contains(stats, "71.2 out of 100") {
		t.Errorf("statistics: got %q, want the reading ease to one decimal place, explained", stats)
	}

	fb := eval[string](t, tab, `handbookChecker.feedbackText()`)
	for _, w := range []string{"STOP", "Partly met: Specific", "““supervise””: \"supervise\" is not defined.", "Siân (family): “Siân will", "reading ease"} {
		if !strings.Contains(fb, w) {
			t.Errorf("copied feedback lacks %q:\n%s", w, fb)
		}
	}

	for _, v := range tab.Axe(t) {
		t.Errorf("axe on the drawn feedback: %s", v)
	}
	if path := os.Getenv("CHECKER_SCREENSHOT"); path != "" {
		png, err := Run(tab, Patience, chromedp.FullScreenshot(100))
		if err == nil {
			err = os.WriteFile(path, png, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}
