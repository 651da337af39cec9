package checker

var breachCues = phraseList("broken", "breach", "breached", "worried", "concerned", "not kept", "not being kept")
var contactVerbs = phraseList("contact", "phone", "ring", "call", "tell", "report", "email", "text")
var copyCues = phraseList("copy", "copies")
var vagueRecipients = phraseList("relevant agencies", "relevant professionals", "appropriate agencies", "partner agencies", "agencies involved", "other agencies", "relevant people", "those involved")

// hasPhone reports whether tokens t0..t1 hold a phone number.
func (a *analysis) hasPhone(t0, t1 int) bool {
	d := a.d
	digits := 0
	for k := t0; k < t1; k++ {
		t := d.toks[k]
		if t.kind == tNum {
			w := d.w(k)
			allDigits := true
			for i := 0; i < len(w); i++ {
				if w[i] < '0' || w[i] > '9' {
					allDigits = false
				}
			}
			if allDigits {
				digits += len(w)
				if digits >= 10 || w == "999" || w == "101" || w == "111" {
					return true
				}
				continue
			}
		}
		if t.kind != tNum {
			digits = 0
		}
	}
	return a.has(t0, t1, emailCue) || false
}

func (a *analysis) breachContact() Criterion {
	d := a.d
	var met, partly []Span
	for si, s := range d.sents {
		if s.heading || s.sig {
			continue
		}
		topical := s.topic == topBreach
		if !topical && !(a.has(s.t0, s.t1, breachCues) && a.has(s.t0, s.t1, contactVerbs)) {
			continue
		}
		if a.hasPhone(s.t0, s.t1) {
			met = append(met, a.sentSpan(si))
		} else if a.has(s.t0, s.t1, contactVerbs) || topical {
			partly = append(partly, a.sentSpan(si))
		}
	}
	switch {
	case len(met) > 0:
		return a.crit("breach_contact", StatusMet, "Says whom to contact if it is broken, and how.", met)
	case len(partly) > 0:
		return a.crit("breach_contact", StatusPartly, "It says to contact someone but not who or how. Give a name and phone number, a duty number, and the out-of-hours number.", partly)
	}
	return a.crit("breach_contact", StatusMissing, "It does not say whom to contact if the undertaking is broken. Add the social worker's name and number, the duty team, the out-of-hours number, and 999 in an emergency.", nil)
}

func (a *analysis) copies() Criterion {
	d := a.d
	var met, partly []Span
	for si, s := range d.sents {
		if s.heading || s.sig {
			continue
		}
		if s.topic != topCopies && !a.has(s.t0, s.t1, copyCues) {
			continue
		}
		// Named recipients: capitalised names after the verb.
		named := 0
		for k := s.t0 + 1; k < s.t1; k++ {
			if d.toks[k].cap && d.toks[k].kind == tWord && d.w(k) != "i" {
				named++
			}
		}
		if a.has(s.t0, s.t1, vagueRecipients) && named < 2 || named < 2 {
			partly = append(partly, a.sentSpan(si))
			continue
		}
		met = append(met, a.sentSpan(si))
	}
	switch {
	case len(met) > 0:
		return a.crit("copies", StatusMet, "Says which agencies receive a signed copy.", met)
	case len(partly) > 0:
		return a.crit("copies", StatusPartly, "Name the agencies that will get a signed copy (the school, the GP, the police unit), not just \"relevant agencies\".", partly)
	}
	return a.crit("copies", StatusMissing, "It does not say who gets a signed copy. List the partner agencies (school, GP, police, clubs) that will be sent one, so they know what to look out for.", nil)
}

func (a *analysis) undertakingSpecific(cs []commitment) Criterion {
	d := a.d
	var ev []Span
	vague := false
	for si, s := range d.sents {
		if s.heading || s.sig {
			continue
		}
		if a.has(s.t0, s.t1, undertakeVerbs) || s.topic == topCommit && a.has(s.t0, s.t1, willWords) {
			ev = append(ev, a.sentSpan(si))
			for k := s.t0; k < s.t1; k++ {
				if n, _ := d.longestAt(k, s.t1, a.vague); n > 0 && !a.vagueExcused(k, n, s.t1, phrase{}) {
					vague = true
				}
			}
		}
	}
	for _, c := range cs {
		if len(c.vague) > 0 {
			vague = true
		}
	}
	switch {
	case len(ev) == 0:
		return a.crit("specific", StatusMissing, "It does not say exactly what the parent or carer will or will not do. Name the one risk, and write: \"[Name] undertakes that [person] will not …\".", nil)
	case vague:
		return a.crit("specific", StatusPartly, "Some of what is undertaken can be read many ways. Say exactly what will or will not happen, with whom and where.", ev)
	}
	return a.crit("specific", StatusMet, "Names the risk and exactly what the carer will or will not do.", ev)
}
