package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"handbook/checker"
	"handbook/content"
	"handbook/site"
)

// TestCheckerMarks: the marks layer behind the text area underlines the
// exact characters of each note, by level, in a draft with curly quotes,
// an emoji and accented names (UTF-8 offsets drawn on UTF-16 text);
// choosing a note's quote selects those characters in the text area;
// clicking a mark opens its note; an edit moves the marks with the words.
func TestCheckerMarks(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	text, report := feedbackFixture(t)
	eval[bool](t, tab, fmt.Sprintf(`handbookChecker.show(%s, %s), true`, mustJSON(string(report.JSON())), mustJSON(text)))

	if got := eval[string](t, tab, `document.getElementById("checker-marks").textContent`); got != text+"\u200b" {
		t.Fatalf("marks layer: got %q, want the draft", got)
	}
	type want struct{ note, level, words string }
	wants := []want{{"checker-note-flag-0", "flag", text[report.Flags[0].Evidence[0].Start:report.Flags[0].Evidence[0].End]}}
	for i, f := range report.Findings {
		wants = append(wants, want{fmt.Sprintf("checker-note-f-%d", i), f.Severity, text[f.Start:f.End]})
	}
	for _, w := range wants {
		got := eval[string](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll('#checker-marks mark[data-note=%q].checker-mark-%s'), m => m.textContent).join("")`, w.note, w.level))
		if got != w.words {
			t.Errorf("%s: marked %q as %s, want %q", w.note, got, w.level, w.words)
		}
	}
	// Each level has its own line shape, not only a colour.
	shapes := eval[[]string](t, tab, `["flag", "error", "warning", "info"].map(l => getComputedStyle(document.querySelector("#checker-key .checker-mark-" + l)).borderBottomStyle)`)
	if strings.Join(shapes, " ") != "double solid dashed dotted" {
		t.Errorf("line shapes by level: got %q", shapes)
	}

	// Choosing a note's quote selects its words in the editable draft.
	for i, f := range report.Findings {
		got := eval[string](t, tab, fmt.Sprintf(`(() => {
			document.querySelector("#checker-note-f-%d .checker-quote").click();
			const d = document.activeElement;
			return d && d.id === "checker-draft" ? d.value.slice(d.selectionStart, d.selectionEnd) : "focus did not move to the draft";
		})()`, i))
		if want := text[f.Start:f.End]; got != want {
			t.Errorf("finding %d: selected %q, want %q", i, got, want)
		}
	}

	// Clicking inside the marked "Siân" opens its note.
	opened := eval[string](t, tab, `(() => {
		const d = document.getElementById("checker-draft");
		const at = d.value.indexOf("Siân will") + 2;
		d.focus();
		d.setSelectionRange(at, at);
		d.click();
		const note = document.querySelector("#checker-feedback .checker-current");
		const here = document.getElementById("checker-here");
		return (note ? note.id : "no note opened") + "|" + (here.hidden ? "" : here.textContent);
	})()`)
	if !strings.HasPrefix(opened, "checker-note-f-2|Must be fixed: Say who Siân is.") {
		t.Errorf("clicking the mark: got %q", opened)
	}

	// Typing before the marks moves them with their words until the
	// checker's next report.
	moved := eval[string](t, tab, `(() => {
		const d = document.getElementById("checker-draft");
		d.setRangeText("New: ", 0, 0, "end");
		d.dispatchEvent(new Event("input"));
		return Array.from(document.querySelectorAll('#checker-marks mark[data-note="checker-note-f-1"]'), m => m.textContent).join("");
	})()`)
	if moved != "“supervise”" {
		t.Errorf("after an edit before it, the mark covers %q", moved)
	}
}

// TestCheckerMarksScroll: the marks layer scrolls with a long draft.
func TestCheckerMarksScroll(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	paste(t, tab, strings.Repeat(textareaValue(samples(t)["p02-vague-supervision.txt"]), 3))
	got := eval[string](t, tab, `(() => {
		const d = document.getElementById("checker-draft"), m = document.getElementById("checker-marks");
		d.scrollTop = 400;
		d.dispatchEvent(new Event("scroll"));
		const border = parseFloat(getComputedStyle(d).borderLeftWidth) * 2;
		return [d.scrollTop === m.scrollTop, m.offsetWidth === d.clientWidth + border, m.offsetHeight === d.offsetHeight].join(" ");
	})()`)
	if got != "true true true" {
		t.Errorf("scroll, width, height in step: %s", got)
	}
}

// setViewport emulates a screen of the given size.
func setViewport(t *testing.T, tab *Tab, w, h int64) {
	t.Helper()
	if _, err := Run(tab, Patience, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: w, Height: h, DeviceScaleFactor: 1, Mobile: w < 700})
		return err
	})); err != nil {
		t.Fatal(err)
	}
}

// TestCheckerFirstScreen: the draft box is on the first screen on a laptop
// and a phone; on a wide screen the feedback is beside it; nothing scrolls
// sideways down to 320 px.
func TestCheckerFirstScreen(t *testing.T) {
	_, url := checkerSite(t, siteOptions{})
	weak := textareaValue(samples(t)["p02-vague-supervision.txt"])
	for _, size := range [][2]int64{{1280, 800}, {375, 667}, {320, 568}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tab, _ := openChecker(t, url)
			setViewport(t, tab, size[0], size[1])
			if err := Do(tab, Patience, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			if _, err := Run(tab, Patience, chromedp.Poll[bool](`window.handbookChecker && handbookChecker.phase === "ready"`)); err != nil {
				t.Fatal(err)
			}
			top := eval[float64](t, tab, `document.getElementById("checker-draft").getBoundingClientRect().top + scrollY`)
			if top > float64(size[1])-60 && size[0] >= 375 {
				t.Errorf("the draft box starts at %.0f px, below the first screen of %d px", top, size[1])
			}
			paste(t, tab, weak)
			if wide := eval[string](t, tab, `document.documentElement.scrollWidth + " " + document.documentElement.clientWidth`); func() bool {
				var sw, cw int
				fmt.Sscan(wide, &sw, &cw)
				return sw > cw
			}() {
				t.Errorf("the page scrolls sideways: scroll width and client width %s", wide)
			}
			if size[0] >= 1024 {
				beside := eval[bool](t, tab, `(() => {
					const d = document.getElementById("checker-draft").getBoundingClientRect();
					const f = document.getElementById("checker-feedback").getBoundingClientRect();
					return f.left >= d.right && f.top < innerHeight;
				})()`)
				if !beside {
					t.Error("the feedback is not beside the draft on a wide screen")
				}
			}
		})
	}
}

// checkJSONWith is the command's JSON for text with the practitioner's
// answers, as `handbook check --answer` gives it.
func checkJSONWith(t testing.TB, text string, answers map[string]string) string {
	t.Helper()
	settings, err := site.LoadSettings(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := checker.Check(text, checker.Options{Settings: settings.Checker, Answers: answers})
	if err != nil {
		t.Fatal(err)
	}
	return string(r.JSON())
}

// TestCheckerScreening: the page asks the screening questions beside the
// draft; answers stay in the page, go to the checker, and the page's
// report is the command's for the same answers; until every question is
// answered the page does not call the draft fine.
func TestCheckerScreening(t *testing.T) {
	srv, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	before := len(srv.Requests())
	good := textareaValue(samples(t)["p01-questions-good.txt"])
	paste(t, tab, good)
	if n := eval[int](t, tab, `document.querySelectorAll("#checker-questions fieldset").length`); n != 7 {
		t.Fatalf("%d questions, want 7", n)
	}
	box := eval[string](t, tab, `document.querySelector(".checker-summary-box").textContent`)
	if !strings.Contains(box, "7 questions only you can answer") || strings.Contains(box, "All 15 checks are met") {
		t.Errorf("with questions open the summary says: %q", box)
	}

	answer := func(id, value string) {
		t.Helper()
		eval[bool](t, tab, fmt.Sprintf(`document.getElementById("checker-q-%s-%s").click(), true`, id, value))
		if _, err := Run(tab, Patience, chromedp.Poll[bool](fmt.Sprintf(
			`handbookChecker.phase === "done" && JSON.parse(handbookChecker.report).screening.some(q => q.id === %q && q.answer === %q)`, id, value))); err != nil {
			t.Fatalf("answering %s=%s: %v", id, value, err)
		}
	}
	answer("domestic_abuse", "yes")
	if got, want := eval[string](t, tab, `handbookChecker.report`), checkJSONWith(t, good, map[string]string{"domestic_abuse": "yes"}); got != want {
		t.Errorf("page report with an answer differs from the command's\n got: %s\nwant: %s", got, want)
	}
	if n := eval[int](t, tab, `document.querySelectorAll(".checker-flags .warning-text").length`); n != 1 {
		t.Errorf("a yes raised %d flags on the page, want 1", n)
	}

	all := map[string]string{}
	for _, id := range []string{"domestic_abuse", "case_closure", "coercion", "previous_breach", "substitute_for_orders", "reassure_professionals", "out_of_control"} {
		answer(id, "no")
		all[id] = "no"
	}
	if got, want := eval[string](t, tab, `handbookChecker.report`), checkJSONWith(t, good, all); got != want {
		t.Errorf("page report with every answer differs from the command's\n got: %s\nwant: %s", got, want)
	}
	if answers := eval[map[string]string](t, tab, `handbookChecker.answers`); fmt.Sprint(answers) != fmt.Sprint(all) {
		t.Errorf("answers kept: %v", answers)
	}
	if box := eval[string](t, tab, `document.querySelector(".checker-summary-box").textContent`); strings.Contains(box, "questions only you can answer") {
		t.Errorf("every question answered, yet the summary says: %q", box)
	}
	// The worker gets the same answers through handbookChecker.check.
	allJSON, _ := json.Marshal(all)
	if got := eval[string](t, tab, fmt.Sprintf(`handbookChecker.check(%s, %s)`, mustJSON(good), allJSON)); got != checkJSONWith(t, good, all) {
		t.Error("handbookChecker.check with answers differs from the command's JSON")
	}
	if eval[bool](t, tab, `localStorage.length > 0 || sessionStorage.length > 0`) {
		t.Error("answers or the draft were stored")
	}
	if extra := srv.Requests()[before:]; len(extra) > 0 {
		t.Errorf("answering made requests: %v", extra)
	}
}

// TestCheckerDownloads: copy, print and both downloads are never
// disabled; before there is feedback they say so; afterwards the files are
// made in the page (the report exactly as the checker wrote it) and nothing
// is requested.
func TestCheckerDownloads(t *testing.T) {
	srv, url := checkerSite(t, siteOptions{})
	tab, _ := openChecker(t, url)
	if n := eval[int](t, tab, `document.querySelectorAll("#checker button:disabled").length`); n != 0 {
		t.Errorf("%d disabled buttons", n)
	}
	click(t, tab, "checker-download-json")
	if s := eval[string](t, tab, `document.getElementById("checker-status").textContent`); !strings.Contains(s, "no report to download yet") {
		t.Errorf("download before feedback: status %q", s)
	}
	paste(t, tab, textareaValue(samples(t)["p02-vague-supervision.txt"]))
	before := len(srv.Requests())
	// Catch the files as they are made, without saving them anywhere.
	eval[bool](t, tab, `(() => {
		window.made = [];
		const create = URL.createObjectURL;
		URL.createObjectURL = b => { b.text().then(s => window.made.push(s)); return create(b); };
		return true;
	})()`)
	click(t, tab, "checker-download-json")
	click(t, tab, "checker-download-text")
	if _, err := Run(tab, Patience, chromedp.Poll[bool](`window.made.length === 2`)); err != nil {
		t.Fatal(err)
	}
	made := eval[[]string](t, tab, `window.made`)
	if want := eval[string](t, tab, `handbookChecker.report`) + "\n"; made[0] != want {
		t.Errorf("downloaded JSON differs from the report")
	}
	if !strings.HasPrefix(made[1], "Feedback from the written agreement checker\n") || !strings.Contains(made[1], "Needs work\n") {
		t.Errorf("downloaded text:\n%s", made[1])
	}
	if s := eval[string](t, tab, `document.getElementById("checker-status").textContent`); !strings.Contains(s, "Saved agreement-feedback.txt") {
		t.Errorf("status after download: %q", s)
	}
	if extra := srv.Requests()[before:]; len(extra) > 0 {
		t.Errorf("downloads made requests: %v", extra)
	}
}
