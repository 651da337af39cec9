package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"handbook/checker"
	"handbook/checker/docx"
)

// textStyle is how `handbook check` writes its text output.
type textStyle struct {
	colour  bool
	verbose bool   // also the items that are met, and info findings
	guide   string // the handbook's address when it is a full URL, else ""
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

func (st textStyle) paint(colour, s string) string {
	if !st.colour || colour == "" {
		return s
	}
	return colour + s + ansiReset
}

// severityColour: the word itself always says the severity; colour only
// repeats it, and only on a terminal.
func severityColour(sev string) string {
	switch sev {
	case "flag", checker.SeverityError, checker.StatusMissing:
		return ansiRed
	case checker.SeverityWarning, checker.StatusPartly:
		return ansiYellow
	case checker.StatusMet:
		return ansiGreen
	}
	return ""
}

// tally counts the problems in the reports written so far, for the total
// line a linter ends with.
type tally struct {
	files, withProblems, flags, missing, partly, notes, unknown int
	unanswered                                                  []string // screening questions left unanswered, by id, in order
	unansweredIn                                                int      // files with any of them
}

func (t tally) problems() int { return t.flags + t.missing + t.partly }

// writeTextReport prints one report as a linter does, one problem a line
// (file:line:col: severity: message [rule]): the flags first, each with its
// line and a short quote of its words; then each checklist item that needs
// work, followed by the notes on passages that belong to it; then any other
// notes. With verbose, the items that are met follow.
//
// For a Word document a line names its paragraph or table cell instead of
// a line and column of text the reader never saw.
func writeTextReport(w io.Writer, name, text string, r *checker.Report, doc *docx.Document, st textStyle, t *tally) {
	t.files++
	before := t.problems()
	open := false
	for _, q := range r.Screening {
		if q.Answer == checker.AnswerUnanswered && !q.Detected {
			open = true
			if !slices.Contains(t.unanswered, q.ID) {
				t.unanswered = append(t.unanswered, q.ID)
			}
		}
	}
	if open {
		t.unansweredIn++
	}
	where := func(start int) string {
		if doc != nil {
			if p, ok := doc.PartAt(start); ok {
				return name + ": " + p.Label
			}
		}
		line, col := position(text, start)
		return fmt.Sprintf("%s:%d:%d", name, line, col)
	}
	say := func(at, sev, msg, rule, guidance string) {
		fmt.Fprintf(w, "%s: %s: %s [%s]\n", at, st.paint(severityColour(sev), sev), msg, rule)
		if guidance != "" && st.guide != "" {
			fmt.Fprintf(w, "    see %s\n", st.guide+guidance)
		}
	}

	switch r.Kind {
	case checker.KindUnknown:
		t.unknown++
		t.withProblems++
		say(name, "error", "this does not look like a written agreement or undertaking, so nothing was checked: the whole document, with its title, is needed", "kind", "")
		return
	case checker.KindSafetyPlan:
		if st.verbose {
			fmt.Fprintf(w, "%s: info: a safety plan, which this checker does not judge [kind]\n", name)
		}
		return
	}

	for _, f := range r.Flags {
		t.flags++
		at := name
		msg := f.Title + ". " + f.Message
		if len(f.Evidence) > 0 {
			at = where(f.Evidence[0].Start)
			msg = f.Title + ": " + quote(text, f.Evidence[0]) + ". " + f.Message
		}
		say(at, "flag", msg, f.ID, f.Guidance)
	}

	shown := map[int]bool{} // findings already printed under their criterion
	finding := func(i int) {
		f := r.Findings[i]
		shown[i] = true
		if f.Severity == checker.SeverityInfo && !st.verbose {
			return
		}
		t.notes++
		say(where(f.Start), f.Severity, f.Message, f.Rule, "")
	}
	for _, c := range r.Criteria {
		if c.Status != checker.StatusMissing && c.Status != checker.StatusPartly {
			continue
		}
		if c.Status == checker.StatusMissing {
			t.missing++
		} else {
			t.partly++
		}
		at := name
		if len(c.Evidence) > 0 {
			at = where(c.Evidence[0].Start)
		}
		say(at, c.Status, c.Title+": "+c.Message, c.ID, c.Guidance)
		for i, f := range r.Findings {
			if f.Criterion == c.ID {
				finding(i)
			}
		}
	}
	for i := range r.Findings {
		if !shown[i] {
			finding(i)
		}
	}
	if t.problems() > before {
		t.withProblems++
	}
	if st.verbose {
		for _, c := range r.Criteria {
			if c.Status == checker.StatusMet {
				say(name, c.Status, c.Title, c.ID, "")
			}
		}
	}
}

// writeTotal ends the text output with one line, as a linter does:
// "23 problems in 5 of 8 files: 2 flags, 14 missing, 7 partly".
func writeTotal(w io.Writer, t tally, refused int) {
	files := plural(t.files, "file", "files")
	var line string
	if t.problems() == 0 && t.unknown == 0 {
		line = "No problems found in the text of " + files
	} else {
		where := ""
		if t.files > 1 {
			where = fmt.Sprintf(" in %d of %s", t.withProblems, files)
		}
		line = fmt.Sprintf("%s%s: %s, %d missing, %d partly",
			plural(t.problems(), "problem", "problems"), where,
			plural(t.flags, "flag", "flags"), t.missing, t.partly)
		if t.notes > 0 {
			line += "; " + plural(t.notes, "note", "notes") + " on passages"
		}
		if t.unknown > 0 {
			line += "; " + plural(t.unknown, "file", "files") + " not recognised as an agreement or undertaking"
		}
	}
	if refused > 0 {
		line += "; " + plural(refused, "file", "files") + " could not be read"
	}
	// The text cannot show everything: until the practitioner answers the
	// screening questions, no output may read as a clean bill of health.
	if t.unansweredIn > 0 {
		them := "them"
		if len(t.unanswered) == 1 {
			them = "it"
		}
		fmt.Fprintf(w, "Screening questions not answered for %s: %s. Answer %s with --answer ID=yes or ID=no.\n",
			plural(t.unansweredIn, "file", "files"), strings.Join(t.unanswered, ", "), them)
	}
	fmt.Fprintln(w, line+".")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// position is the 1-based line and column (in characters) of a byte
// offset, counted as the checker counts them: a byte-order mark is not a
// column.
func position(text string, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	start := strings.LastIndexByte(text[:off], '\n') + 1
	if start == 0 && strings.HasPrefix(text, "\uFEFF") && off >= 3 {
		start = 3
	}
	return strings.Count(text[:off], "\n") + 1, utf8.RuneCountInString(text[start:off]) + 1
}

// quote gives a span's words as a short quotation on one line.
func quote(text string, s checker.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return `""`
	}
	words := strings.Join(strings.Fields(text[s.Start:s.End]), " ")
	const most = 60
	if utf8.RuneCountInString(words) > most {
		r := []rune(words)
		cut := most
		for cut > most/2 && r[cut] != ' ' {
			cut--
		}
		words = strings.TrimRight(string(r[:cut]), " ,;:") + "…"
	}
	return "“" + words + "”"
}
