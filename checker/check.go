package checker

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Options configure a check.
type Options struct {
	Settings Settings // the zero value means DefaultSettings()
	// Answers holds the practitioner's answers to the screening questions
	// (contract section 7): a flag id mapped to AnswerYes or AnswerNo.
	// Absent ids, and any other value, are unanswered.
	Answers map[string]string
}

// RefusedError is returned for text the checker will not judge: text that
// is not valid UTF-8 or that holds a NUL byte.
type RefusedError struct {
	Offset int    // byte offset of the first bad byte
	Reason string // "not valid UTF-8" or "holds a NUL byte"
}

func (e *RefusedError) Error() string {
	return "text refused: " + e.Reason + " at byte " + itoa(e.Offset)
}

// Check judges text against the guidance and returns the report.
func Check(text string, opts Options) (*Report, error) {
	if err := validate(text); err != nil {
		return nil, err
	}
	s := opts.Settings.normalised()
	r := &Report{
		Version:     ReportVersion,
		Kind:        KindUnknown,
		Settings:    s.Hash(),
		Criteria:    []Criterion{},
		Flags:       []Flag{},
		Findings:    []Finding{},
		Commitments: []Commitment{},
		Screening:   []Screening{},
	}
	a := newAnalysis(text, s)
	a.judge(r, opts.Answers)
	return r, nil
}

func newAnalysis(text string, s Settings) *analysis {
	a := &analysis{d: newDocument(text), set: s, lx: words()}
	for _, v := range s.VagueTerms {
		if strings.TrimSpace(v) != "" {
			a.vagueExt = append(a.vagueExt, newPhrase(v, "say exactly what \""+strings.TrimSpace(v)+"\" means here: who does what, and when", ""))
		}
	}
	a.vague = a.lx.vague
	if len(a.vagueExt) > 0 {
		a.vague = newPhrases(append(append([]phrase{}, a.lx.vague.list...), a.vagueExt...))
	}
	a.indexRoles()
	a.dates = a.d.findDates()
	a.findPeople()
	a.findVoices()
	a.findPlaceholders()
	a.findCommitments()
	a.kind = a.detectKind()
	return a
}

// childActorAge is the age below which a commitment should not rest on a
// child: a teenager can make an agreement about their own time home, a
// six-year-old cannot promise to keep a house safe.
const childActorAge = 12

// judge fills in the report.
func (a *analysis) judge(r *Report, answers map[string]string) {
	r.Kind = a.kind
	r.Stats = a.stats()
	var findings []Finding
	for _, p := range a.d.ph {
		findings = append(findings, a.placeholderFinding(p))
	}
	switch a.kind {
	case KindSafetyPlan:
		r.Summary = "This looks like a safety plan. Safety plans are the right tool where there is domestic abuse; this checker judges written agreements and undertakings, so it has no checklist for it."
		r.Findings = []Finding{}
		return
	case KindUnknown:
		r.Summary = "This does not look like a written agreement or a written undertaking, so there is nothing to check. Paste the whole agreement, including its title."
		r.Findings = []Finding{}
		return
	}
	cs := a.realCommits()
	tf := a.findTimeFrame()
	r.Screening, r.Flags = a.screen(a.flags(), answers)
	var reassureEv []Span
	for _, f := range r.Flags {
		if f.ID == "reassure_professionals" {
			reassureEv = f.Evidence
		}
	}
	for _, c := range a.commits {
		for i, k := range c.vague {
			t0, t1 := a.d.toks[k].s, a.d.toks[k+c.vagueLen[i]-1].e
			word := a.d.text[t0:t1]
			hint := a.vagueHint(k, c.vagueLen[i])
			findings = append(findings, a.finding("vague-term", "specific", SeverityWarning, t0, t1,
				"\""+word+"\" is not defined here: "+hint+"."))
		}
		if a.kind == KindAgreement {
			for _, x := range c.absolutes {
				t0, t1 := a.d.toks[x.s].s, a.d.toks[x.e-1].e
				findings = append(findings, a.finding("absolute", "achievable", SeverityWarning, t0, t1,
					"\""+a.d.text[t0:t1]+"\" is an absolute demand no one can promise. Say what the person will do, and what happens if it slips."))
			}
		}
		if p := a.lookup(c.names); p != nil && p.age >= 0 && p.age < childActorAge && p.side == PartyFamily {
			s0, s1 := a.d.toks[c.t0].s, a.d.toks[c.t1-1].e
			findings = append(findings, a.finding("child-actor", "achievable", SeverityWarning, s0, s1,
				"This commitment rests on "+p.display+", who is "+itoa(p.age)+". A young child cannot carry a commitment: say which adult will make sure it happens."))
		}
		r.Commitments = append(r.Commitments, Commitment{Party: c.side, Actor: c.actor, Start: a.d.toks[c.t0].s,
			End: a.d.toks[c.t1-1].e, Timescale: c.timescale, Checkable: c.checkable})
	}
	var crit []Criterion
	switch a.kind {
	case KindAgreement:
		crit = append(crit, a.aim(reassureEv))
		spec, _ := a.specific(cs)
		crit = append(crit, spec, a.measurable(cs), a.achievable(cs), a.timeLimited(tf), a.timescales(cs),
			a.balanced(cs), a.support(cs), a.plans())
		cons, _, _ := a.consequences()
		crit = append(crit, cons, a.contingency())
	case KindUndertaking:
		cons, _, _ := a.consequences()
		crit = append(crit, a.undertakingSpecific(cs), cons, a.breachContact(), a.copies())
	}
	plain, pf := a.plainLanguage()
	findings = append(findings, pf...)
	crit = append(crit, plain, a.review(tf), a.signed(cs))
	cons, cf := a.consistent(tf)
	findings = append(findings, cf...)
	crit = append(crit, cons)
	r.Criteria = crit
	slices.SortStableFunc(findings, func(x, y Finding) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return strings.Compare(x.Rule, y.Rule)
	})
	if findings == nil {
		findings = []Finding{}
	}
	a.fillPositions(findings)
	r.Findings = findings
	r.Summary = a.summary(r)
}

func (a *analysis) vagueHint(k, n int) string {
	if m, idx := a.d.longestAt(k, k+n, a.vague); m == n && idx >= 0 {
		return a.vague.list[idx].hint
	}
	return "say exactly what it means here"
}

func (a *analysis) placeholderFinding(p span) Finding {
	text := a.d.text[p.s:p.e]
	shown := text
	if utf8.RuneCountInString(shown) > 12 && (shown[0] == '.' || shown[0] == '_' || strings.HasPrefix(shown, "…")) {
		shown = string([]rune(shown)[:6]) + "…"
	}
	crit := ""
	for _, s := range a.d.sents {
		if p.s >= s.s && p.s < s.e {
			crit = topicCriterion(s.topic)
			break
		}
	}
	return a.finding("placeholder", crit, SeverityError, p.s, p.e,
		"Template text left in: \""+shown+"\". Replace it with the real name, date or detail before anyone signs.")
}

func topicCriterion(t int) string {
	switch t {
	case topAim:
		return "aim"
	case topConseq:
		return "consequences"
	case topContingency:
		return "contingency"
	case topReview:
		return "review"
	case topPlan:
		return "plans"
	case topTime:
		return "time_limited"
	case topSign:
		return "signed"
	case topCommit:
		return "specific"
	case topBreach:
		return "breach_contact"
	case topCopies:
		return "copies"
	}
	return ""
}

func (a *analysis) summary(r *Report) string {
	need := 0
	for _, c := range r.Criteria {
		if c.Status != StatusMet && c.Status != StatusNotApplicable {
			need++
		}
	}
	var b strings.Builder
	ph := 0
	for _, f := range r.Findings {
		if f.Rule == "placeholder" {
			ph++
		}
	}
	if ph > 0 {
		b.WriteString("This draft is not finished: " + plural(ph, "placeholder is", "placeholders are") + " still to be filled in. ")
	}
	n := len(r.Criteria)
	open, names := unanswered(r.Screening)
	if need == 0 && len(r.Flags) == 0 && open > 0 {
		b.WriteString("All " + strconv.Itoa(n) + " checks are met, but ")
		if open == 1 {
			b.WriteString("the screening question on " + names + " is still to be answered.")
		} else {
			b.WriteString(strconv.Itoa(open) + " screening questions are still to be answered (" + names + ").")
		}
		return b.String()
	}
	if need == 0 {
		b.WriteString("All " + strconv.Itoa(n) + " checks are met")
	} else {
		b.WriteString(strconv.Itoa(need) + " of " + strconv.Itoa(n) + " checks need work")
	}
	if f := len(r.Flags); f > 0 {
		noun := "a written agreement"
		if a.kind == KindUndertaking {
			noun = "a written undertaking"
		}
		if f == 1 {
			b.WriteString("; 1 situation where " + noun + " should not be used")
		} else {
			b.WriteString("; " + strconv.Itoa(f) + " situations where " + noun + " should not be used")
		}
	}
	b.WriteString(".")
	return b.String()
}

func validate(text string) error {
	for i := 0; i < len(text); {
		c := text[i]
		if c == 0 {
			return &RefusedError{Offset: i, Reason: "holds a NUL byte"}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return &RefusedError{Offset: i, Reason: "not valid UTF-8"}
		}
		i += size
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
