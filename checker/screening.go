package checker

import "strings"

// Screening questions (contract section 7). No reading of a text can see a
// situation the draft is silent about, so the report also asks, and the
// practitioner's answer can raise a flag. An answer of "no" never hides a
// flag the text shows: the text is evidence the practitioner may not have
// weighed.

// Answers to screening questions.
const (
	AnswerYes        = "yes"
	AnswerNo         = "no"
	AnswerUnanswered = "unanswered"
)

// Screening is one screening question and what is known about it.
type Screening struct {
	ID       string // the flag's id
	Question string
	Answer   string // AnswerYes, AnswerNo or AnswerUnanswered
	Detected bool   // the text itself shows the situation
}

// screeningQuestions are asked in the order of the flags' table.
var screeningQuestions = []struct{ id, q string }{
	{"domestic_abuse", "Is there domestic abuse between adults in this family, including controlling or threatening behaviour, or an ex-partner who must be kept away?"},
	{"case_closure", "Is this agreement being made at, or to allow, the closure of the case?"},
	{"coercion", "Is anyone being pressed to sign, or told that something depends on their signing?"},
	{"previous_breach", "Is this agreement being made because an earlier agreement was broken?"},
	{"substitute_for_orders", "Is this agreement being used because a court order or child protection plan was sought and not obtained?"},
	{"reassure_professionals", "Is a main reason for this agreement to reassure professionals, managers or another agency?"},
	{"out_of_control", "Is this agreement meant to bring back control of a situation that has got out of control?"},
}

// ValidAnswer reports whether s is an answer Options.Answers accepts.
func ValidAnswer(s string) bool { return s == AnswerYes || s == AnswerNo }

// IsFlagID reports whether id names a flag (and so a screening question).
func IsFlagID(id string) bool {
	for _, q := range screeningQuestions {
		if q.id == id {
			return true
		}
	}
	return false
}

// screeningFor lists the questions that apply to a kind: all of them for
// an agreement; for an undertaking only domestic abuse, the one flag an
// undertaking can carry (contract section 3).
func screeningFor(kind string) []struct{ id, q string } {
	switch kind {
	case KindAgreement:
		return screeningQuestions
	case KindUndertaking:
		return screeningQuestions[:1]
	}
	return nil
}

// screen merges the practitioner's answers with the detected flags: it
// returns the screening entries and the flags to report.
func (a *analysis) screen(detected []Flag, answers map[string]string) ([]Screening, []Flag) {
	qs := screeningFor(a.kind)
	out := make([]Screening, 0, len(qs))
	flags := detected
	for _, q := range qs {
		ans := answers[q.id]
		if !ValidAnswer(ans) {
			ans = AnswerUnanswered
		}
		idx := -1
		for i, f := range flags {
			if f.ID == q.id {
				idx = i
			}
		}
		out = append(out, Screening{ID: q.id, Question: q.q, Answer: ans, Detected: idx >= 0})
		switch {
		case idx >= 0 && ans == AnswerNo:
			f := &flags[idx]
			quote := ""
			if len(f.Evidence) > 0 {
				quote = a.shortQuote(f.Evidence[0])
			}
			f.Message = "You answered no to the screening question, but the text suggests otherwise: \"" + quote + "\". " + f.Message
		case idx < 0 && ans == AnswerYes:
			r := ruleByID(q.id)
			flags = append(flags, Flag{ID: q.id, Title: r.Title, Guidance: r.Guidance, Evidence: []Span{},
				Message: "Raised from your answer to the screening question (\"" + q.q + "\"), not from the text. " + flagAdvice[q.id]})
		}
	}
	return out, flags
}

// shortQuote is the evidence's words, cut at about twenty words.
func (a *analysis) shortQuote(sp Span) string {
	s := strings.Join(strings.Fields(a.d.text[sp.Start:sp.End]), " ")
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			n++
			if n == 20 {
				return s[:i] + "…"
			}
		}
	}
	return s
}

// unanswered names the screening questions still to be answered, for the
// summary: "domestic abuse, coercion and case closure".
func unanswered(sc []Screening) (int, string) {
	var names []string
	for _, s := range sc {
		if s.Answer == AnswerUnanswered && !s.Detected {
			names = append(names, strings.ReplaceAll(s.ID, "_", " "))
		}
	}
	switch len(names) {
	case 0:
		return 0, ""
	case 1:
		return 1, names[0]
	}
	return len(names), strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
