// Package annotate writes the checker's feedback into a Word document as
// comments, the way a manager reviews a draft: each finding and flag in
// the margin beside the words it is about, and one comment at the top with
// the summary, the flags, the screening questions and the checklist items
// that need work, each with the address of its guidance.
//
// The page's WebAssembly module and `handbook check --annotate` both call
// it, so that the same document, settings and date give the same bytes.
package annotate

import (
	"strings"
	"unicode/utf8"

	"handbook/checker"
	"handbook/checker/docx"
)

// Author is the name the comments are written by.
const Author = "Agreement checker"

// Options say how to check and how to write the comments.
type Options struct {
	Check    checker.Options
	Date     string // the comments' date, "2026-12-02T18:33:17Z": the caller's clock
	Guidance string // what the guidance paths are relative to ("https://example.org/handbook/"), or ""
}

// Word checks a Word document as `handbook check` does and returns a copy
// with the feedback as comments. A document the reader refuses is refused
// with the reader's error.
func Word(data []byte, opts Options) ([]byte, error) {
	d, err := docx.Read(data, docx.Limits{})
	if err != nil {
		return nil, err
	}
	return annotate(d, opts)
}

// Text builds a plain Word document from a pasted draft (docx.FromText),
// checks it and returns it with the feedback as comments.
func Text(text string, opts Options) ([]byte, error) {
	if strings.IndexByte(text, 0) >= 0 || !utf8.ValidString(text) {
		// Refused as the checker refuses it, not cleaned into a document.
		_, err := checker.Check(text, opts.Check)
		return nil, err
	}
	d, err := docx.Read(docx.FromText(text), docx.Limits{})
	if err != nil {
		return nil, err
	}
	return annotate(d, opts)
}

func annotate(d *docx.Document, opts Options) ([]byte, error) {
	r, err := checker.Check(d.Text, opts.Check)
	if err != nil {
		return nil, err
	}
	return d.Annotate(Comments(r, d, opts.Guidance), Author, "AC", opts.Date)
}

// Comments turns a report on d's text into comments: the overview first,
// on the document's first paragraph, then the flags' evidence and the
// findings in text order.
func Comments(r *checker.Report, d *docx.Document, guidance string) []docx.Comment {
	top := docx.Comment{}
	if len(d.Parts) > 0 {
		top.Start, top.End = d.Parts[0].Start, d.Parts[0].End
	}
	top.Text = overview(r, guidance)

	var notes []docx.Comment
	for _, f := range r.Flags {
		for i, ev := range f.Evidence {
			text := []string{"Stop: " + f.Title + ". " + f.Message, "Guidance: " + guidance + f.Guidance}
			if i > 0 {
				text = []string{"Also shows: " + f.Title + "."}
			}
			notes = append(notes, docx.Comment{Start: ev.Start, End: ev.End, Text: text})
		}
	}
	for _, f := range r.Findings {
		text := []string{severityWord(f.Severity) + ": " + f.Message}
		for _, c := range r.Criteria {
			if c.ID == f.Criterion && c.Guidance != "" {
				text = append(text, "Guidance: "+guidance+c.Guidance)
			}
		}
		notes = append(notes, docx.Comment{Start: f.Start, End: f.End, Text: text})
	}
	// Into text order, flags first where they start with a finding
	// (insertion sort: slices.SortStableFunc costs the page 2 KB).
	for i := 1; i < len(notes); i++ {
		for j := i; j > 0 && notes[j].Start < notes[j-1].Start; j-- {
			notes[j], notes[j-1] = notes[j-1], notes[j]
		}
	}
	return append([]docx.Comment{top}, notes...)
}

// overview is the top comment's paragraphs.
func overview(r *checker.Report, guidance string) []string {
	out := []string{"Agreement checker: " + r.Summary}
	if len(r.Flags) > 0 {
		out = append(out, "Situations in which the guidance says not to use a written agreement:")
		for _, f := range r.Flags {
			out = append(out, "• "+f.Title+". "+f.Message+" Guidance: "+guidance+f.Guidance)
		}
	}
	if len(r.Screening) > 0 {
		out = append(out, "Questions only you can answer (a text cannot show everything):")
		for _, q := range r.Screening {
			answer := "not answered yet"
			if q.Answer == checker.AnswerYes || q.Answer == checker.AnswerNo {
				answer = "answered " + q.Answer
			}
			out = append(out, "• "+q.Question+" ("+answer+") Guidance: "+guidance+flagGuidance(q.ID))
		}
	}
	first := true
	for _, c := range r.Criteria {
		if c.Status == checker.StatusMet || c.Status == checker.StatusNotApplicable {
			continue
		}
		if first {
			out = append(out, "Checklist items that need work:")
			first = false
		}
		word := "missing"
		if c.Status == checker.StatusPartly {
			word = "partly met"
		}
		out = append(out, "• "+c.Title+" ("+word+"). "+c.Message+" Guidance: "+guidance+c.Guidance)
	}
	return out
}

// flagGuidance is where the guidance on a flag is.
func flagGuidance(id string) string {
	for _, rule := range checker.Rules() {
		if rule.ID == id && rule.Kind == checker.RuleFlag {
			return rule.Guidance
		}
	}
	return ""
}

func severityWord(s string) string {
	switch s {
	case checker.SeverityError:
		return "Problem"
	case checker.SeverityWarning:
		return "Check"
	}
	return "Note"
}
