package checker

// Flags: situations in which a written agreement should never be used
// (contract section 3). Each detector looks for the situation by meaning:
// concepts from data/situations.txt (harm between adults, an earlier
// agreement that was broken, signing made a condition…) found in a
// sentence, then ConText-style modifiers that set aside a mention that is
// negated, historical, hypothetical, about someone else, quoted guidance,
// or handled by a separate tool.

// phraseList builds phrases from literal strings.
func phraseList(ss ...string) *phrases {
	out := make([]phrase, len(ss))
	for i, s := range ss {
		out[i] = newPhrase(s, "", "")
	}
	return builtin(newPhrases(out))
}

func (a *analysis) has(t0, t1 int, ps *phrases) bool {
	if cand, ok := a.d.candidates(ps, t0, t1); ok {
		for _, k := range cand {
			if n, _ := a.d.longestAt(int(k), t1, ps); n > 0 {
				return true
			}
		}
		return false
	}
	if ps != nil && ps.byID != nil && a.d.ids != nil {
		for k := max(t0, 0); k < t1 && k < len(a.d.ids); k++ {
			if !ps.mayStart(a.d.ids[k]) {
				continue
			}
			if n, _ := a.d.longestAt(k, t1, ps); n > 0 {
				return true
			}
		}
		return false
	}
	for k := t0; k < t1; k++ {
		if n, _ := a.d.longestAt(k, t1, ps); n > 0 {
			return true
		}
	}
	return false
}

func (a *analysis) sentSpan(si int) Span {
	s := a.d.sents[si]
	return Span{Start: s.s, End: s.e}
}

// flags returns the raised flags in text order of their first evidence.
func (a *analysis) flags() []Flag {
	if a.kind != KindAgreement && a.kind != KindUndertaking {
		return []Flag{}
	}
	sc := a.newSituations()
	var out []Flag
	add := func(id string, ev []Span) {
		if len(ev) == 0 {
			return
		}
		r := ruleByID(id)
		out = append(out, Flag{ID: id, Title: r.Title, Message: flagMessage(id, a.kindNoun()), Guidance: r.Guidance, Evidence: ev})
	}
	// An undertaking can carry only the domestic abuse flag (contract
	// section 3).
	for _, f := range situationMap {
		if a.kind == KindAgreement || f.id == "domestic_abuse" {
			add(f.id, sc.detect(f.id))
		}
	}
	// Text order of first evidence.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Evidence[0].Start < out[j-1].Evidence[0].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if out == nil {
		out = []Flag{}
	}
	return out
}

func (a *analysis) kindNoun() string {
	if a.kind == KindUndertaking {
		return "undertaking"
	}
	return "agreement"
}
