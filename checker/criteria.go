package checker

import (
	"strconv"
	"strings"
)

// ruleByID returns the catalogue entry for id.
func ruleByID(id string) Rule {
	for _, r := range catalogue {
		if r.ID == id {
			return r
		}
	}
	return Rule{ID: id}
}

func (a *analysis) crit(id, status, msg string, ev []Span) Criterion {
	r := ruleByID(id)
	if ev == nil {
		ev = []Span{}
	}
	if len(ev) > 6 {
		ev = ev[:6]
	}
	return Criterion{ID: id, Title: r.Title, Status: status, Message: msg, Guidance: r.Guidance, Evidence: ev}
}

func (a *analysis) commitSpan(c commitment) Span {
	return Span{Start: a.d.toks[c.t0].s, End: a.d.toks[c.t1-1].e}
}

// realCommits are the commitments that are not template text.
func (a *analysis) realCommits() []commitment {
	var out []commitment
	for _, c := range a.commits {
		if !c.ph || a.wordsIn(c.a0, c.a1) >= 3 {
			out = append(out, c)
		}
	}
	return out
}

// contentWords counts the words of a sentence after any label, outside placeholders.
func (a *analysis) contentWords(s sentence) int {
	ln := a.d.lines[s.line]
	t0 := s.t0
	if ln.kind == lLabel && ln.labelEnd > t0 {
		t0 = ln.labelEnd
	}
	return a.wordsIn(t0, s.t1)
}

// wordsIn counts words outside placeholders.
func (a *analysis) wordsIn(t0, t1 int) int {
	n := 0
	for k := t0; k < t1; k++ {
		t := a.d.toks[k]
		if t.kind != tPunct && !a.inPlaceholder(t.s) {
			n++
		}
	}
	return n
}

var outcomeWords = phraseList("safe", "safely", "safety", "protected", "protect", "harm", "harmed", "school", "nursery", "college",
	"health", "healthy", "well", "wellbeing", "development", "develop", "progress", "learning", "fed", "clean", "cared",
	"settled", "settle", "calm", "calmer", "violence", "sober", "treatment", "exploitation", "relationship", "needs",
	"attend", "attendance", "happy", "risk", "abuse", "neglect", "exposed", "exposure", "growing", "grow", "thrive",
	"home", "stable", "routine", "managed", "looked after", "care for", "eat", "sleep", "medicines", "accident",
	"returning", "return")

var aimMarkers = phraseList("the aim", "our aim", "aim of", "aims", "the purpose", "purpose of", "the goal", "our goal",
	"goal of", "objective", "we want to achieve", "this agreement is to", "this agreement is for", "this agreement is about",
	"this agreement aims", "it is to", "it is for", "this contract is to", "this is to", "so that", "in order that",
	"this agreement sets out how", "we want")
var aimMarkersStrict = phraseList("the aim", "our aim", "aim of", "aims", "the purpose", "purpose of", "the goal", "our goal",
	"goal of", "objective", "we want to achieve", "this agreement is to", "this agreement is for", "this agreement is about",
	"this agreement aims", "it is to", "it is for", "this contract is to", "this is to", "in order that",
	"this agreement sets out how")

// isAimSentence: the sentence states what the agreement is for.
func (a *analysis) isAimSentence(si int) bool {
	s := a.d.sents[si]
	if s.heading || s.sig {
		return false
	}
	ln := a.d.lines[s.line]
	if ln.kind == lLabel && ln.topic == topAim {
		return true
	}
	if a.has(s.t0, s.t1, aimMarkers) {
		return true
	}
	// "This agreement sets firm house rules to bring…"
	if a.has(s.t0, s.t1, selfReference) {
		for k := s.t0; k+1 < s.t1; k++ {
			if a.d.w(k) == "to" && a.d.toks[k+1].kind == tWord && k > s.t0+3 && a.d.w(k+1) != "the" && a.d.w(k-1) != "due" {
				return true
			}
		}
	}
	return false
}

func (a *analysis) aim(reassureEv []Span) Criterion {
	commits := a.commitSents()
	var vague, met []Span
	for si, s := range a.d.sents {
		if commits[si] || s.heading || s.sig || s.topic == topConseq || s.topic == topContingency || s.topic == topReview {
			continue
		}
		if !a.isAimSentence(si) {
			continue
		}
		if s.ph && a.wordsOutsidePlaceholders(s) < 4 {
			continue
		}
		// "so that" only counts in the opening part, before commitments.
		if !a.has(s.t0, s.t1, aimMarkersStrict) && !(a.d.lines[s.line].kind == lLabel) {
			if len(a.commits) > 0 && s.t0 > a.commits[0].t0 {
				continue
			}
		}
		sp := a.sentSpan(si)
		reassuring := false
		for _, r := range reassureEv {
			if r == sp {
				reassuring = true
			}
		}
		if a.has(s.t0, s.t1, outcomeWords) && !reassuring && !s.ph {
			met = append(met, sp)
		} else {
			vague = append(vague, sp)
		}
	}
	switch {
	case len(met) > 0:
		return a.crit("aim", StatusMet, "Says what the agreement is for and what should be different for the child.", met)
	case len(vague) > 0:
		return a.crit("aim", StatusPartly, "The aim is too general to check. Say what will be different for the child, for example \"The aim is that Harry is fed, clean and gaining weight, so that he is healthy.\"", vague)
	}
	return a.crit("aim", StatusMissing, "There is no aim. Add one sentence near the top: \"The aim of this agreement is that [child] … so that [what will be better for them].\"", nil)
}

func (a *analysis) specific(cs []commitment) (Criterion, []Finding) {
	var fs []Finding
	var ev []Span
	vague := 0
	for _, c := range cs {
		if len(c.vague) > 0 || c.ph {
			vague++
			ev = append(ev, a.commitSpan(c))
		}
	}
	n := len(cs)
	switch {
	case n == 0:
		return a.crit("specific", StatusMissing, "No commitments were found. Write each one as who will do what, for example \"Sarah will take Mia to nursery by 9am every weekday.\"", nil), fs
	case vague == 0:
		return a.crit("specific", StatusMet, "Every commitment says who does what, in words that cannot be misread.", nil), fs
	case vague*5 > n*3:
		return a.crit("specific", StatusMissing, strconv.Itoa(vague)+" of "+strconv.Itoa(n)+" commitments use words that can be read many ways. Define each one where it is used: who does it, what exactly, where and when.", ev), fs
	}
	return a.crit("specific", StatusPartly, strconv.Itoa(vague)+" of "+strconv.Itoa(n)+" commitments use words that can be read many ways. Define each one where it is used: who does it, what exactly, where and when.", ev), fs
}

func (a *analysis) measurable(cs []commitment) Criterion {
	var ev []Span
	ok := 0
	for _, c := range cs {
		if c.checkable {
			ok++
		} else {
			ev = append(ev, a.commitSpan(c))
		}
	}
	n := len(cs)
	switch {
	case n == 0:
		return a.crit("measurable", StatusMissing, "No commitments were found to check. Write actions someone else could see were done: attend, phone, provide, a count or a frequency.", nil)
	case ok == n:
		return a.crit("measurable", StatusMet, "Whether each commitment was kept could be checked by someone else.", nil)
	case ok*10 >= n*3:
		return a.crit("measurable", StatusPartly, strconv.Itoa(n-ok)+" of "+strconv.Itoa(n)+" commitments could not be checked. Replace words like \"engage\" or \"behave appropriately\" with actions others could see: attend, phone, provide, test.", ev)
	}
	return a.crit("measurable", StatusMissing, "Few commitments could be checked. Replace words like \"engage\" or \"behave appropriately\" with actions others could see: attend, phone, provide, test, with a count or a frequency.", ev)
}

func (a *analysis) achievable(cs []commitment) Criterion {
	var ev []Span
	abs := 0
	fam, pro := 0, 0
	for _, c := range cs {
		for _, x := range c.absolutes {
			abs++
			ev = append(ev, Span{Start: a.d.toks[x.s].s, End: a.d.toks[x.e-1].e})
		}
		if c.side == PartyFamily {
			fam++
		} else {
			pro++
		}
	}
	switch {
	case len(cs) == 0:
		return a.crit("achievable", StatusMissing, "No commitments were found, so nothing shows the plan is realistic. Write what each person will do, with the help they will get.", nil)
	case abs >= 3:
		return a.crit("achievable", StatusMissing, "Absolute demands such as \"at all times\", \"never again\" or \"100%\" cannot be kept by anyone. Say what the person will do and what happens if it slips, for example \"Jade will not drink when the children are in her care, and will ring her key worker if she does.\"", ev)
	case abs > 0:
		return a.crit("achievable", StatusPartly, "Take out absolute words such as \"at all times\" or \"never again\": nobody can promise them. Say what the person will do, and what happens if it slips.", ev)
	case fam >= 6 && pro == 0:
		return a.crit("achievable", StatusPartly, "The family is handed a long list with no help from anyone. Cut the list to what matters most and add what professionals will do to help.", nil)
	}
	return a.crit("achievable", StatusMet, "Asks nothing impossible or absolute.", nil)
}

func (a *analysis) timeLimited(tf timeFrame) Criterion {
	var ev []Span
	if tf.start != nil {
		ev = append(ev, Span{Start: a.d.toks[tf.start.t0].s, End: a.d.toks[tf.start.t1-1].e})
	}
	end := tf.end
	if tf.end != nil {
		ev = append(ev, Span{Start: a.d.toks[tf.end.t0].s, End: a.d.toks[tf.end.t1-1].e})
	}
	hasEnd := tf.end != nil || tf.duration > 0
	if tf.duration > 0 && tf.durationSent >= 0 {
		ev = append(ev, a.sentSpan(tf.durationSent))
	}
	switch {
	case tf.start != nil && hasEnd:
		if max := a.set.MaxLength; !max.IsZero() {
			length := tf.duration
			if end != nil {
				length = end.days() - tf.start.days()
			}
			limit := addInterval(*tf.start, max).days() - tf.start.days()
			if length > limit {
				return a.crit("time_limited", StatusPartly, "The agreement runs for "+daysInWords(length)+", longer than the "+max.Words()+" local guidance allows. End it sooner, or plan a review that decides whether it is still needed.", ev)
			}
		}
		return a.crit("time_limited", StatusMet, "Says when it starts and when it ends.", ev)
	case tf.start != nil:
		return a.crit("time_limited", StatusPartly, "It says when it starts but not when it ends. Add an end date or how long it lasts, for example \"This agreement lasts for 12 weeks, until 3 April 2028.\"", ev)
	case hasEnd:
		return a.crit("time_limited", StatusPartly, "It says when it ends but not when it starts. Add a start date.", ev)
	}
	return a.crit("time_limited", StatusMissing, "There is no start or end. Add both: \"This agreement runs from 10 January 2028 to 9 April 2028.\"", nil)
}

// daysInWords says a length of time exactly enough to compare with a
// limit: "45 days" rounded to "6 weeks" would read as within a six-week
// limit it breaks.
func daysInWords(days int) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return strconv.Itoa(n) + " " + unit + "s"
	}
	switch {
	case days >= 120:
		return "about " + plural((days*100+1522)/3044, "month")
	case days < 14:
		return plural(days, "day")
	case days%7 == 0:
		return plural(days/7, "week")
	}
	return plural(days/7, "week") + " and " + plural(days%7, "day")
}

func (a *analysis) timescales(cs []commitment) Criterion {
	var ev []Span
	timed := 0
	for _, c := range cs {
		if c.timed && !(c.ph && !a.timedOutsidePlaceholder(c)) {
			timed++
		} else {
			ev = append(ev, a.commitSpan(c))
		}
	}
	n := len(cs)
	switch {
	case n == 0 || timed == 0:
		return a.crit("timescales", StatusMissing, "No commitment says by when or how often. Add a time to each: \"by 14 March\", \"every Tuesday\", \"within 24 hours\".", ev)
	case timed*5 >= n*4:
		return a.crit("timescales", StatusMet, strconv.Itoa(timed)+" of "+strconv.Itoa(n)+" commitments say by when or how often.", nil)
	}
	return a.crit("timescales", StatusPartly, strconv.Itoa(n-timed)+" of "+strconv.Itoa(n)+" commitments do not say by when or how often. Add a time to each: \"by 14 March\", \"every Tuesday\", \"within 24 hours\".", ev)
}

func (a *analysis) timedOutsidePlaceholder(c commitment) bool {
	ts, ok := a.timescale(c.a0, c.a1)
	return ok && !strings.ContainsAny(ts, "<[") && !a.inPlaceholderText(ts)
}

func (a *analysis) inPlaceholderText(s string) bool {
	return strings.Contains(strings.ToLower(s), "insert") || strings.Contains(s, "XX")
}

func (a *analysis) balanced(cs []commitment) Criterion {
	var ev []Span
	pro, swla := 0, 0
	for _, c := range cs {
		if c.side == PartyProfessional && !c.ph {
			pro++
			if c.swOrLA {
				swla++
			}
			ev = append(ev, a.commitSpan(c))
		}
	}
	switch {
	case pro >= 2 && swla >= 1:
		return a.crit("balanced", StatusMet, "Professionals commit to actions too.", ev)
	case pro >= 2:
		return a.crit("balanced", StatusPartly, "Professionals commit to actions, but not the social worker or the council. Add what the social worker will do, and when.", ev)
	case pro == 1:
		return a.crit("balanced", StatusPartly, "Only one professional commitment. Add what the social worker and the other professionals will do, and when: visits, referrals, help with money or transport.", ev)
	}
	return a.crit("balanced", StatusMissing, "Only the family commits to anything. Add what the social worker and other professionals will do, and when.", nil)
}

var supportMentions = phraseList("support", "help", "helps", "helping", "assistance")

func (a *analysis) support(cs []commitment) Criterion {
	var ev []Span
	for _, c := range cs {
		if c.side == PartyProfessional && c.supportive && !c.ph {
			ev = append(ev, a.commitSpan(c))
		}
	}
	if len(ev) > 0 {
		return a.crit("support", StatusMet, "Names concrete support for the family.", ev)
	}
	for si, s := range a.d.sents {
		if s.heading || s.sig {
			continue
		}
		for k := s.t0; k < s.t1; k++ {
			if n, _ := a.d.longestAt(k, s.t1, supportMentions); n > 0 && !a.d.negated(s.t0, s.t1, k, k+n) {
				return a.crit("support", StatusPartly, "Support is promised without saying what it is. Name it: who will help, with what, and when (a referral, a named worker's visits, transport, money).", []Span{a.sentSpan(si)})
			}
		}
	}
	return a.crit("support", StatusMissing, "No support for the family is named. Add what help they will get: a referral to a named service, visits from a named worker, transport or money, and when.", nil)
}

var genericPlan = phraseList("the plan", "this plan", "their plan", "her plan", "his plan", "our plan", "a plan", "which plan", "the children's plan", "plan for", "plan agreed")

func (a *analysis) plans() Criterion {
	var partly []Span
	for si, s := range a.d.sents {
		if s.heading || s.sig {
			continue
		}
		for k := s.t0; k < s.t1; k++ {
			if n, _ := a.d.longestAt(k, s.t1, a.lx.plans); n > 0 {
				if !s.ph {
					return a.crit("plans", StatusMet, "Names the plan it builds on.", []Span{a.sentSpan(si)})
				}
				partly = append(partly, a.sentSpan(si))
			}
		}
		if a.d.w(s.t0) == "if" && s.topic != topNone {
			continue
		}
		for k := s.t0; k < s.t1; k++ {
			if n, _ := a.d.longestAt(k, s.t1, genericPlan); n > 0 {
				prev := a.d.w(k - 1)
				if prev == "contingency" || prev == "safety" || prev == "back-up" || a.d.w(k+n-1) == "plan" && (a.d.w(k+n) == "b" || a.d.w(k+n) == "safe") {
					continue
				}
				if a.d.w(k) == "plan" && a.d.w(k+1) == "for" && (a.d.w(k-1) == "help" || a.d.w(k-1) == "to") {
					continue
				}
				partly = append(partly, a.sentSpan(si))
				break
			}
		}
	}
	if len(partly) > 0 {
		return a.crit("plans", StatusPartly, "It mentions \"the plan\" without saying which. Name it: \"This agreement is part of Mia's child protection plan, made on 6 January 2028.\"", partly)
	}
	return a.crit("plans", StatusMissing, "It does not say which plan it builds on. Name it (child protection plan, child in need plan, care plan) and add the detail the agreement gives to that plan.", nil)
}

var failureCues = phraseList("not keep", "not kept", "don't keep", "doesn't keep", "not stick", "breaks", "break", "broken",
	"breach", "breaches", "breached", "not do", "doesn't do", "don't do", "not deliver", "not followed", "not follow", "fails", "fail",
	"misses", "miss", "non-compliance", "noncompliance", "not completed", "not meet", "drinks", "uses", "lets", "allows",
	"not attend", "not visit", "not happen", "not done", "not carry out", "not keep to", "not keeping", "not met",
	"not kept to", "is positive", "are positive", "comes to a visit having", "arrives having", "turns up drunk",
	"not improve", "does not improve", "doesn't improve", "not change", "have not changed", "has not changed", "gets worse",
	"still", "carry on", "not go", "not take", "not bring", "not ring", "not tell")
var proRemedy = phraseList("manager", "complain", "complaint", "complaints", "solicitor", "advocate", "children's rights", "independent reviewing officer")
var vagueConsequence = phraseList("further action", "action may be taken", "may take action", "will take action", "appropriate action", "necessary action", "action will be taken")

// conditionSide returns the side of whoever an "if" clause is about:
// "If Tomas, Kayla or the school don't keep to their parts" is about
// professionals; "If this agreement is not kept" about the family.
func (a *analysis) conditionSide(c0, c1 int) string {
	d := a.d
	for k := c0; k < c1; k++ {
		if n, side, role := a.roleAt(k); n > 0 {
			if d.w(k+n) == "'s" || role == "we" {
				k += n - 1
				continue
			}
			if side == PartyProfessional {
				return PartyProfessional
			}
			k += n - 1
			continue
		}
		if e := a.nameRun(k); e > k {
			if p := a.lookup(a.nameKeys(k, e)); p != nil && p.side == PartyProfessional && d.w(e) != "'s" {
				return PartyProfessional
			}
			k = e - 1
			continue
		}
		if d.toks[k].upper {
			if exp, ok := a.expansionOf(d.orig(k, k+1)); ok {
				for _, r := range []string{"social worker", "local authority", "health visitor", "team manager", "support worker", "safeguarding lead"} {
					if strings.Contains(strings.ToLower(exp), r) {
						return PartyProfessional
					}
				}
			}
		}
	}
	return PartyFamily
}

// ifClause finds an "if" clause in t0..t1: its start, end (the comma or
// the sentence end) and whether a consequence follows.
func (a *analysis) ifClauses(t0, t1 int) [][3]int {
	d := a.d
	var out [][3]int
	for k := t0; k < t1; k++ {
		if d.w(k) != "if" && !(d.w(k) == "unless") {
			continue
		}
		e := k + 1
		for e < t1 && d.w(e) != "," && d.w(e) != ";" && d.w(e) != ":" && !(d.w(e) == "." && e == t1-1) && d.w(e) != "-" {
			e++
		}
		if e >= t1-1 {
			// No comma: "If Connor breaks these rules again he may have to go into care."
			for j := k + 3; j < t1; j++ {
				if m := d.w(j); m == "will" || m == "may" || m == "might" || m == "could" || m == "can" || m == "would" || m == "must" {
					e = j - 1
					break
				}
			}
		}
		out = append(out, [3]int{k, e, 0})
	}
	return out
}

func (a *analysis) consequences() (Criterion, bool, bool) {
	d := a.d
	commits := a.commitSents()
	var famEv, proEv []Span
	vagueOnly := true
	for si, s := range d.sents {
		if s.heading || s.sig || commits[si] && s.topic != topConseq {
			continue
		}
		if s.ph && a.wordsOutsidePlaceholders(s) < 3 {
			continue
		}
		inTopic := s.topic == topConseq
		sp := a.sentSpan(si)
		found := false
		for _, ic := range a.ifClauses(s.t0, s.t1) {
			if !a.has(ic[0], ic[1], failureCues) {
				continue
			}
			// A consequence must follow (or precede) the condition.
			rest := a.wordsIn(s.t0, ic[0]) + a.wordsIn(ic[1], s.t1)
			if lab := d.lines[s.line].labelEnd; d.lines[s.line].kind == lLabel && lab > ic[0] && lab <= ic[1]+1 {
				rest = a.wordsIn(lab, s.t1) + a.wordsIn(s.t0, ic[0])
			}
			if rest < 2 {
				continue
			}
			found = true
			side := a.conditionSide(ic[0], ic[1])
			if a.has(s.t0, s.t1, proRemedy) {
				side = PartyProfessional
			}
			if side == PartyProfessional {
				proEv = append(proEv, sp)
			} else {
				famEv = append(famEv, sp)
				if !a.has(s.t0, s.t1, vagueConsequence) {
					vagueOnly = false
				}
			}
		}
		if found {
			continue
		}
		if a.has(s.t0, s.t1, nonComplianceCues) {
			famEv = append(famEv, sp)
			vagueOnly = false
			continue
		}
		if inTopic && a.contentWords(s) >= 4 {
			side := PartyFamily
			if ics := a.ifClauses(s.t0, s.t1); len(ics) > 0 {
				side = a.conditionSide(ics[0][0], ics[0][1])
				if a.has(ics[0][0], ics[0][1], troubleCues) && !a.has(ics[0][0], ics[0][1], failureCues) {
					continue // "if Amira is ill": a contingency
				}
			}
			if a.has(s.t0, s.t1, proRemedy) {
				side = PartyProfessional
			}
			if side == PartyProfessional {
				proEv = append(proEv, sp)
			} else {
				famEv = append(famEv, sp)
				if !a.has(s.t0, s.t1, vagueConsequence) {
					vagueOnly = false
				}
			}
		}
	}
	fam, pro := len(famEv) > 0, len(proEv) > 0
	ev := append(famEv, proEv...)
	if a.kind == KindUndertaking {
		switch {
		case fam && !vagueOnly:
			return a.crit("consequences", StatusMet, "Says what will follow if the undertaking is not kept.", ev), fam, pro
		case fam:
			return a.crit("consequences", StatusPartly, "\"Further action\" does not tell the carer what will happen. Say what Children's Services will do if the undertaking is broken, for example hold a strategy discussion or reconsider where the children live.", ev), fam, pro
		}
		return a.crit("consequences", StatusMissing, "It does not say what happens if the undertaking is broken. Add what Children's Services will do.", nil), fam, pro
	}
	switch {
	case fam && pro:
		return a.crit("consequences", StatusMet, "Says what follows if the family or the professionals do not keep their part.", ev), fam, pro
	case fam:
		return a.crit("consequences", StatusPartly, "It says what happens if the family do not keep to it, but not what the family can do if professionals do not deliver. Add, for example, \"If the social worker does not do what is agreed, you can ring her manager, [name], on [number], or make a complaint.\"", ev), fam, pro
	case pro:
		return a.crit("consequences", StatusPartly, "It says what the family can do if professionals do not deliver, but not what happens if the family do not keep to it. Say that plainly.", ev), fam, pro
	}
	return a.crit("consequences", StatusMissing, "It does not say what happens if the agreement is not kept. Add what follows if the family do not keep their part, and what the family can do if the professionals do not (speak to the manager, complain).", nil), fam, pro
}

var careCues = phraseList("stay with", "will care for", "to care", "care for", "look after", "looks after", "will have them",
	"will have him", "will have her", "have them", "will take", "go to", "can go to", "will go", "go back to", "another",
	"replacement", "made up", "refuge", "emergency placement", "collect", "999", "police", "emergency duty team",
	"duty team", "out-of-hours", "out of hours", "edt", "crisis line", "ooh", "101", "emergency department", "back-up carer",
	"has agreed to have", "will step in", "will ring", "ring")
var troubleCues = phraseList("ill", "unwell", "sick", "hospital", "cannot", "can't", "unable", "away", "goes wrong", "go wrong",
	"breaks down", "not safe", "unsafe", "hurt", "hurts", "afraid", "scared", "emergency", "attack", "swallows", "turns up",
	"comes to", "comes round", "missing", "not home", "not answering", "off sick", "cannot go ahead", "has to work", "no heating",
	"something happens", "out of office hours", "at night", "weekends", "crisis", "becomes", "does not feel safe", "doesn't feel safe",
	"violent", "not able", "is arrested", "in custody", "relapse", "relapses", "wants to end")
var contingencyMentions = phraseList("contingency", "back-up", "backup", "plan b", "alternative arrangement", "alternative arrangements", "emergency plan")

func (a *analysis) contingency() Criterion {
	d := a.d
	commits := a.commitSents()
	var met, partly []Span
	for si, s := range d.sents {
		if s.heading || s.sig || commits[si] && s.topic != topContingency {
			continue
		}
		if s.ph && a.wordsOutsidePlaceholders(s) < 4 {
			continue
		}
		ln := d.lines[s.line]
		if ln.kind == lLabel && ln.labelEnd >= s.t1 {
			continue
		}
		sp := a.sentSpan(si)
		care := a.has(s.t0, s.t1, careCues)
		if s.topic == topContingency && care && !s.ph {
			met = append(met, sp)
			continue
		}
		for _, ic := range a.ifClauses(s.t0, s.t1) {
			if a.has(ic[0], ic[1], failureCues) && !a.has(ic[0], ic[1], troubleCues) {
				continue
			}
			if !a.has(ic[0], ic[1], troubleCues) {
				continue
			}
			if a.has(ic[1], s.t1, careCues) || a.has(s.t0, ic[0], careCues) {
				met = append(met, sp)
				break
			}
		}
		if a.has(s.t0, s.t1, outOfHoursCues) && a.has(s.t0, s.t1, careCues) && s.topic != topCommit && !commits[si] && d.w(s.t0) != "if" {
			met = append(met, sp)
		}
		if a.has(s.t0, s.t1, contingencyMentions) {
			partly = append(partly, sp)
		}
	}
	switch {
	case len(met) > 0:
		return a.crit("contingency", StatusMet, "Says what happens, and who acts, if things go wrong.", met)
	case len(partly) > 0:
		return a.crit("contingency", StatusPartly, "A contingency is promised but not described. Say what will happen and who will act, for example \"If Dionne is ill, her sister Kerry will look after the children; out of hours ring the Emergency Duty Team on …\".", partly)
	}
	return a.crit("contingency", StatusMissing, "There is no contingency. Say who will care for the child if the plan cannot go ahead, and whom to call out of hours.", nil)
}

func (a *analysis) review(tf timeFrame) Criterion {
	iv := a.set.ReviewWithin
	var ev []Span
	if tf.reviewSent >= 0 {
		ev = append(ev, a.sentSpan(tf.reviewSent))
	}
	if tf.review != nil {
		if tf.start != nil {
			limit := addInterval(*tf.start, iv)
			if tf.review.days() > limit.days() {
				return a.crit("review", StatusPartly, "The review on "+tf.review.String()+" is "+daysInWords(tf.review.days()-limit.days())+" later than local guidance allows: review within "+iv.String()+" of the start on "+tf.start.String()+", by "+limit.String()+" at the latest.", ev)
			}
		}
		return a.crit("review", StatusMet, "Says when it will be reviewed.", ev)
	}
	if tf.reviewEveryDays > 0 {
		if tf.reviewEveryDays > intervalDays(iv) {
			return a.crit("review", StatusPartly, "A review every "+tf.reviewEvery.String()+" is too far apart. Review at least every "+iv.String()+", and give the first review date.", ev)
		}
		return a.crit("review", StatusMet, "Says how often it will be reviewed.", ev)
	}
	if a.kind == KindUndertaking && tf.undertakingEnd >= 0 {
		return a.crit("review", StatusMet, "Says when the undertaking ends.", []Span{a.sentSpan(tf.undertakingEnd)})
	}
	if tf.reviewMention >= 0 {
		return a.crit("review", StatusPartly, "A review is mentioned without a date. Give the date, no later than "+iv.String()+" after the start: \"We will review this agreement on 17 February 2028.\"", []Span{a.sentSpan(tf.reviewMention)})
	}
	return a.crit("review", StatusMissing, "It does not say when it will be reviewed. Add a review date no later than "+iv.String()+" after the start.", nil)
}
