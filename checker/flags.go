package checker

// Flags: situations in which a written agreement should never be used
// (contract section 3). Each detector looks for the situation described in
// the text, not for a keyword: a negated or hypothetical mention ("there
// are no concerns about domestic abuse", "closure will only be considered
// at review") raises nothing.

// phraseList builds phrases from literal strings.
func phraseList(ss ...string) *phrases {
	out := make([]phrase, len(ss))
	for i, s := range ss {
		out[i] = newPhrase(s, "", "")
	}
	return builtin(newPhrases(out))
}

var (
	violenceWords = phraseList("assault", "assaulted", "assaults", "assaulting", "hit", "hits", "hitting", "punch", "punched",
		"punching", "push", "pushed", "pushing", "kick", "kicked", "kicking", "slap", "slapped", "strangle", "strangled",
		"choke", "choked", "strangulation", "violent", "violence", "abuse", "abused", "abusive", "attacked", "beat", "beaten",
		"threatened", "threatening", "coercive control", "controlling", "get physical", "got physical", "gets physical",
		"held her against", "grabbed", "bruising", "bruised")
	partnerWords = phraseList("partner", "ex-partner", "ex partner", "husband", "wife", "boyfriend", "girlfriend",
		"between their parents", "between the parents", "between the adults", "between her parents", "between his parents",
		"between the couple", "domestic", "each other", "ex-husband", "ex-wife", "ex-boyfriend", "ex-girlfriend",
		"relationship", "mummy", "mum's boyfriend", "dad's girlfriend")
	domesticPhrases = phraseList("domestic abuse", "domestic violence", "domestic violence and abuse", "coercive control")
	daManaging      = phraseList("fight", "fighting", "argue", "arguing", "argument", "arguments", "relationship",
		"get physical", "violent", "violence", "hit", "push", "shout", "threaten", "assault", "abuse", "calm")
	notAbuse = map[string]bool{"substance": true, "drug": true, "alcohol": true, "solvent": true}

	closurePhrases = phraseList("close the case", "case can be closed", "case can close", "case will close", "case will be closed",
		"case to close", "case to be closed", "case closes", "case closure", "closure of the case", "closing the case",
		"closing agreement", "close our involvement", "end our involvement", "social work involvement ends",
		"social work involvement will end", "involvement ends", "closure", "closing", "case is closed", "be closed",
		"no longer be involved", "case will be stepped down")
	agreementRef = phraseList("agreement", "contract", "agreement's")

	coercionPhrases = phraseList("does not sign", "do not sign", "did not sign", "doesn't sign", "don't sign", "refuses to sign",
		"refuse to sign", "won't sign", "will not sign", "not signed", "no choice", "condition of", "conditional on", "conditional upon",
		"have to sign", "has to sign", "must sign", "required to sign", "made to sign", "if she refuses", "if he refuses",
		"if they refuse", "if you refuse", "unless both parents sign", "unless you sign", "unless he signs", "unless she signs",
		"unless they sign", "unless both sign", "or else")

	breachRefs    = phraseList("previous agreement", "previous written agreement", "last agreement", "last written agreement", "earlier agreement", "first agreement", "old agreement", "that one", "the written agreement signed", "the agreement signed", "the agreement made", "the written agreement made", "the first written agreement", "the previous one", "the last one", "a previous agreement", "an earlier agreement", "the earlier agreement", "the previous contract", "the last contract")
	breachPhrases = phraseList("was broken", "were broken", "was not kept", "wasn't kept", "were not kept", "has been broken", "had been broken",
		"was breached", "has been breached", "was reneged", "were reneged", "reneged on", "broke", "broken", "did not keep",
		"didn't keep", "was not followed", "was not stuck to", "were not followed", "not kept to", "failed")

	substitutePhrases = phraseList("threshold for proceedings is not met", "threshold is not met", "threshold was not met", "threshold has not been met",
		"threshold for care proceedings is not met", "threshold was not reached", "threshold is not reached", "not meet the threshold",
		"does not meet the threshold", "did not meet the threshold", "not granted", "refused the", "court refused", "was refused",
		"were refused", "has been refused", "application was refused", "declined to make", "instead of care proceedings",
		"instead of proceedings", "instead of an order", "instead of a child protection plan", "rather than care proceedings",
		"rather than proceedings", "rather than a child protection plan", "decided not to make a child protection plan",
		"not made subject to a child protection plan", "no child protection plan was made", "not be made subject to",
		"threshold for proceedings was not met")
	orderWords = phraseList("order", "orders", "proceedings", "application", "threshold", "child protection plan", "court", "legal")

	reassureVerbs   = phraseList("reassure", "reassured", "reassurance", "reassuring", "give confidence", "confidence", "comfort")
	professionalObj = phraseList("school", "professionals", "managers", "manager", "team manager", "agencies", "partner agencies",
		"conference", "police", "health", "council", "local authority", "court", "nursery", "services", "the team", "colleagues",
		"panel", "senior", "partners", "the department", "professional", "headteacher", "gp", "health visitor")

	controlPhrases = phraseList("under control", "back under control", "controls around", "control around", "restore order",
		"regain control", "out of control", "lost control", "take control", "put controls", "boundaries around", "get control",
		"bring order", "bring some order", "impose order")
	controlPurpose = phraseList("this agreement", "this contract", "aim", "purpose", "to bring", "to put", "to restore", "to regain",
		"rules", "this written agreement", "so that", "in order to", "to take", "to get", "to impose")
)

// findIn returns the first place phrase list ps occurs in t0..t1 that is
// neither negated nor (when hyp is set) hypothetical.
func (a *analysis) findIn(t0, t1 int, ps *phrases, hyp bool) (int, int, bool) {
	d := a.d
	if cand, ok := d.candidates(ps, t0, t1); ok {
		next := t0
		for _, c := range cand {
			k := int(c)
			if k < next {
				continue
			}
			n, _ := d.longestAt(k, t1, ps)
			if n == 0 {
				continue
			}
			if d.negated(t0, t1, k, k+n) || hyp && d.hypothetical(t0, t1, k, k+n) {
				next = k + n
				continue
			}
			return k, k + n, true
		}
		return 0, 0, false
	}
	numbered := ps != nil && ps.byID != nil && d.ids != nil
	for k := t0; k < t1; k++ {
		if numbered && k >= 0 && k < len(d.ids) && !ps.mayStart(d.ids[k]) {
			continue
		}
		n, _ := d.longestAt(k, t1, ps)
		if n == 0 {
			continue
		}
		if d.negated(t0, t1, k, k+n) || hyp && d.hypothetical(t0, t1, k, k+n) {
			k += n - 1
			continue
		}
		return k, k + n, true
	}
	return 0, 0, false
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
	var out []Flag
	add := func(id, msg string, ev []Span) {
		if len(ev) == 0 {
			return
		}
		r := ruleByID(id)
		out = append(out, Flag{ID: id, Title: r.Title, Message: msg, Guidance: r.Guidance, Evidence: ev})
	}
	if a.kind != KindAgreement && a.kind != KindUndertaking {
		return []Flag{}
	}
	add("domestic_abuse", flagMessage("domestic_abuse", a.kindNoun()), a.domesticAbuse())
	if a.kind == KindAgreement {
		add("case_closure", flagMessage("case_closure", a.kindNoun()), a.caseClosure())
		add("coercion", flagMessage("coercion", a.kindNoun()), a.coercion())
		add("previous_breach", flagMessage("previous_breach", a.kindNoun()), a.previousBreach())
		add("substitute_for_orders", flagMessage("substitute_for_orders", a.kindNoun()), a.substituteForOrders())
		add("reassure_professionals", flagMessage("reassure_professionals", a.kindNoun()), a.reassure())
		add("out_of_control", flagMessage("out_of_control", a.kindNoun()), a.outOfControl())
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

// domesticAbuse: the text shows violence or abuse between partners and the
// agreement's aim or commitments are about managing it.
func (a *analysis) domesticAbuse() []Span {
	d := a.d
	var evidence []Span
	names := map[string]bool{}
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		found := false
		if _, k1, ok := a.findIn(s.t0, s.t1, domesticPhrases, true); ok {
			if !isServiceName(d, k1) {
				found = true
			}
		}
		if !found {
			if k0, k1, ok := a.findIn(s.t0, s.t1, violenceWords, true); ok && !notAbuse[d.w(k0-1)] && a.directed(k0, k1, s.t1) {
				if _, _, ok := a.findIn(s.t0, s.t1, partnerWords, false); ok && !a.partnerPossessive(s.t0, s.t1) {
					found = true
				}
			}
		}
		if !found {
			continue
		}
		evidence = append(evidence, a.sentSpan(si))
		for k := s.t0; k < s.t1; k++ {
			if e := a.nameRun(k); e > k {
				for _, n := range a.nameKeys(k, e) {
					names[n] = true
				}
				k = e - 1
			}
		}
	}
	if len(evidence) == 0 {
		return nil
	}
	// Is the document managing it? An aim about the violence, or a
	// commitment about the relationship or the people involved.
	managing := false
	var manageEv []Span
	for _, c := range a.commits {
		hit := a.has(c.a0, c.a1, daManaging)
		for k := c.a0; k < c.a1 && !hit; k++ {
			if names[d.w(k)] && d.toks[k].cap {
				hit = true
			}
		}
		if hit {
			managing = true
			manageEv = append(manageEv, Span{Start: d.toks[c.t0].s, End: d.toks[c.t1-1].e})
			break
		}
	}
	for si, s := range d.sents {
		if s.topic == topAim || a.isAimSentence(si) {
			if _, _, ok := a.findIn(s.t0, s.t1, violenceWords, false); ok {
				managing = true
			}
		}
	}
	if !managing {
		return nil
	}
	return append(evidence[:min(len(evidence), 2)], manageEv...)
}

// directed reports whether the violence at k0..k1 is aimed at a person
// ("assaulted her", "pushed Mummy", "violence between their parents"),
// rather than a record ("convictions for violence").
func (a *analysis) directed(k0, k1, end int) bool {
	d := a.d
	for j := k1; j < end && j <= k1+2; j++ {
		w := d.w(j)
		switch w {
		case "her", "him", "mummy", "mum", "mother", "daddy", "dad", "father", "each", "between", "towards", "toward",
			"against", "at", "to", "in", "during":
			if w == "to" && d.w(j+1) != "her" && d.w(j+1) != "him" {
				continue
			}
			if w == "in" && d.w(j+1) != "front" {
				continue
			}
			return true
		}
		if d.toks[j].cap && d.toks[j].kind == tWord {
			return true
		}
	}
	switch d.w(k0) {
	case "coercive", "controlling", "held", "grabbed", "get", "got", "gets":
		return true
	}
	return d.w(k1) == "relationship" || d.w(k0-1) == "violent" || d.w(k0-1) == "abusive"
}

func isServiceName(d *document, k int) bool {
	switch d.w(k) {
	case "service", "services", "team", "worker", "workers", "outreach", "adviser", "advisor", "unit", "programme",
		"helpline", "support", "officer", "charity", "project", "group", "course", "perpetrator":
		return true
	}
	return false
}

// partnerPossessive: "his new partner's son" is about the son, not the partner.
func (a *analysis) partnerPossessive(t0, t1 int) bool {
	d := a.d
	only := true
	for k := t0; k < t1; k++ {
		if n, _ := d.longestAt(k, t1, partnerWords); n > 0 {
			if d.w(k+n) != "'s" {
				only = false
			}
			k += n - 1
		}
	}
	return only
}

func (a *analysis) caseClosure() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		if _, _, ok := a.findIn(s.t0, s.t1, closurePhrases, true); !ok {
			continue
		}
		title := s.heading && d.lines[s.line].section <= 1 || s.line < 6 && s.heading
		if title && a.has(s.t0, s.t1, agreementRef) {
			ev = append(ev, a.sentSpan(si))
			continue
		}
		if a.has(s.t0, s.t1, agreementRef) {
			ev = append(ev, a.sentSpan(si))
		}
	}
	return ev
}

func (a *analysis) coercion() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		for k := s.t0; k < s.t1; k++ {
			n, idx := d.longestAt(k, s.t1, coercionPhrases)
			if n == 0 {
				continue
			}
			p := coercionPhrases.list[idx].text
			if d.negated(s.t0, s.t1, k, k+n) && p != "does not sign" && p != "do not sign" {
				k += n - 1
				continue
			}
			// "does not sign" carries its own "not"; look before it only.
			if (p == "does not sign" || p == "do not sign") && d.negated(s.t0, s.t1, k-1, k) {
				k += n - 1
				continue
			}
			switch p {
			case "condition of", "conditional on", "conditional upon", "no choice", "or else", "if she refuses", "if he refuses", "if they refuse", "if you refuse":
				if !a.has(s.t0, s.t1, signingWords) {
					k += n - 1
					continue
				}
			case "not signed":
				k += n - 1
				continue
			}
			ev = append(ev, a.sentSpan(si))
			break
		}
	}
	return ev
}

func (a *analysis) previousBreach() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig || d.w(s.t0) == "if" {
			continue
		}
		r0, r1, ok := a.findIn(s.t0, s.t1, breachRefs, false)
		if !ok {
			continue
		}
		b0, _, ok := a.findIn(r1, s.t1, breachPhrases, true)
		if !ok || b0-r0 > 20 {
			continue
		}
		if d.hypothetical(s.t0, s.t1, b0, b0+1) {
			continue
		}
		ev = append(ev, a.sentSpan(si))
	}
	return ev
}

func (a *analysis) substituteForOrders() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		k0, k1, ok := a.findIn(s.t0, s.t1, substitutePhrases, true)
		if !ok {
			continue
		}
		_ = k1
		// "not granted" and "refused" must be about an order, an application or planning.
		if p := d.w(k0); p == "not" || p == "refused" || p == "court" || p == "was" || p == "were" || p == "has" || p == "application" || p == "declined" {
			if !a.has(s.t0, s.t1, orderWords) {
				continue
			}
		}
		ev = append(ev, a.sentSpan(si))
	}
	return ev
}

func (a *analysis) reassure() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		k0, k1, ok := a.findIn(s.t0, s.t1, reassureVerbs, true)
		if !ok {
			continue
		}
		w := d.w(k0)
		if (w == "confidence" || w == "comfort") && d.w(k0-1) != "give" && d.w(k0-1) != "gives" && !a.has(max(s.t0, k0-10), k0, givingWords) {
			continue
		}
		// The object: a professional audience near the verb.
		lo, hi := max(s.t0, k0-10), min(s.t1, k1+8)
		if !a.has(lo, hi, professionalObj) {
			continue
		}
		ev = append(ev, a.sentSpan(si))
	}
	return ev
}

func (a *analysis) outOfControl() []Span {
	d := a.d
	var ev []Span
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		if _, _, ok := a.findIn(s.t0, s.t1, controlPhrases, true); !ok {
			continue
		}
		if !a.has(s.t0, s.t1, controlPurpose) {
			continue
		}
		ev = append(ev, a.sentSpan(si))
	}
	return ev
}
