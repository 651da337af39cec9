package checker

import "unicode/utf8"

var utf8DecodeRune = utf8.DecodeRuneInString

// situations finds the never-use situations in one document.
type situations struct {
	a      *analysis
	d      *document
	m      *matcher
	daMode bool            // judging domestic abuse: dates alone do not make history
	mods   []uint8         // per sentence: see sentenceMod
	titled map[string]bool // names used with Mr, Mrs, Ms or Miss
	actors []string        // actors of the family's commitments
	// latest is the latest year the document mentions: a year two or more
	// before it is history.
	latest int
}

func (a *analysis) newSituations() *situations {
	s := &situations{a: a, d: a.d, m: newMatcher(a.d)}
	for k, t := range a.d.toks {
		if t.kind == tNum {
			if w := a.d.w(k); len(w) == 4 && (w[:2] == "19" || w[:2] == "20") {
				if y := atoiSafe(w); y > s.latest {
					s.latest = y
				}
			}
		}
	}
	return s
}

func atoiSafe(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0
		}
		n = n*10 + int(w[i]-'0')
	}
	return n
}

// window returns the token range of sentence si and its neighbours in the
// same paragraph: a passage often states the harm in one sentence and what
// the agreement asks in the next.
func (s *situations) window(si int) (int, int) {
	d := s.d
	t0, t1 := d.sents[si].t0, d.sents[si].t1
	para := func(i int) int { return d.para[d.sents[i].line] }
	if si > 0 && para(si-1) == para(si) && !d.sents[si-1].sig {
		t0 = d.sents[si-1].t0
	}
	if si+1 < len(d.sents) && para(si+1) == para(si) && !d.sents[si+1].sig {
		t1 = d.sents[si+1].t1
	}
	return t0, t1
}

// context modifiers --------------------------------------------------------

// clauseStart is where the clause holding token k begins, looking back at
// most n tokens within t0.
func (s *situations) clauseStart(t0, k, n int) int {
	lo := max(t0, k-n)
	for j := k - 1; j >= lo; j-- {
		switch s.d.w(j) {
		case ".", ";", "?", "!", ":", "but", "however", "although", "though", "whereas", "yet", "who", "which":
			return j + 1
		}
	}
	return lo
}

// negated: a negation cue before the mention in its clause that is not a
// commitment's own "not" ("agrees not to push", "will not let him in": a
// promise not to do something shows the thing is the concern).
func (s *situations) negated(t0, m0 int) bool {
	lo := s.clauseStart(t0, m0, 9)
	// A subordinate clause before a comma does not reach past it: in "if
	// that doesn't happen, we'll look at other options" the "not" belongs
	// to the condition.
	for j := m0 - 1; j > lo; j-- {
		if s.d.w(j) != "," {
			continue
		}
		c := s.clauseStart(t0, j, 12)
		switch s.d.w(c) {
		case "if", "unless", "when", "once", "because", "although", "though", "as", "since", "while", "whether":
			lo = j + 1
		}
		break
	}
	for j := m0 - 1; j >= lo; j-- {
		ns, ne, ok := s.m.find("neg_pre", j, m0)
		if !ok || ns != j {
			continue
		}
		// A commitment's negation, read around the cue, when it governs the
		// mention directly: "agrees not to push", "will not let him in"
		// (but not "will not lead to the case closing").
		if cs, ce, ok := s.m.find("neg_commit", max(lo, j-3), min(m0+1, ne+3)); ok && cs <= j && ce >= ne && m0-ce <= 2 {
			continue
		}
		if w := s.d.w(j - 1); w == "agree" || w == "agrees" || w == "agreed" || w == "undertakes" || w == "promise" || w == "promises" {
			continue
		}
		return true
	}
	// Post cues: "domestic abuse is not an issue in our home".
	end := m0
	for end < len(s.d.toks) && end < m0+12 && !isStop(s.d.w(end)) && s.d.w(end) != "but" {
		end++
	}
	if _, _, ok := s.m.find("neg_post", m0, end); ok {
		return true
	}
	return false
}

// hypothetical: a possibility, not a fact ("if Mum ever tells us she is
// frightened", "closure might be considered"), unless the words show it has
// happened before ("if he hits her again").
func (s *situations) hypothetical(t0, t1, m0, m1 int) bool {
	lo := s.clauseStart(t0, m0, 10)
	cl := m1
	for cl < t1 && !isStop(s.d.w(cl)) && s.d.w(cl) != "," {
		cl++
	}
	if _, _, ok := s.m.find("recur", lo, cl); ok {
		return false
	}
	for _, h := range s.m.all("hyp", lo, m0) {
		// "May" the month is not "may"; a relative clause ("if Mr Hussain,
		// who assaulted her, …") states a fact inside the condition.
		if s.d.toks[h[0]].cap && h[0] > t0 && s.d.w(h[0]) == "may" {
			continue
		}
		// "should" and "would" open a condition only at the head of a
		// clause ("Should Mr Dale's girlfriend move in…").
		if st := s.d.w(h[0]); (st == "should" || st == "would") && h[0] != lo {
			continue
		}
		rel := false
		for j := h[1]; j < m0; j++ {
			if w := s.d.w(j); w == "who" || w == "which" || w == "after" || w == "because" || w == "since" {
				rel = true
			}
		}
		if !rel {
			return true
		}
	}
	// "closure might be considered": the cue just after the mention.
	for _, h := range s.m.all("hyp", m1, min(cl, m1+4)) {
		if st := s.d.w(h[0]); st == "may" && s.d.toks[h[0]].cap || st == "should" || st == "would" || st == "if" {
			continue
		}
		return true
	}
	return false
}

// historical: the sentence (or the one after it) says it is over, or dates
// it two or more years before the document's latest year.
func (s *situations) historical(si int, timeToo bool) bool {
	d := s.d
	check := func(i int) bool {
		sn := d.sents[i]
		hits := s.m.all("resolved", sn.t0, sn.t1)
		if timeToo {
			hits = append(hits, s.m.all("resolved_time", sn.t0, sn.t1)...)
		}
		for _, h := range hits {
			if d.toks[h[0]].kind == tNum || s.d.w(h[0]) == "since" || s.d.w(h[0]) == "in" {
				// A year: history only when it is well before the latest.
				y := 0
				for k := h[0]; k < h[1]; k++ {
					if d.toks[k].kind == tNum {
						y = atoiSafe(d.w(k))
					}
				}
				if y == 0 || s.latest-y < 2 {
					continue
				}
			}
			return true
		}
		return false
	}
	if check(si) {
		return true
	}
	return si+1 < len(d.sents) && d.para[d.sents[si+1].line] == d.para[d.sents[si].line] && check(si+1) && !s.mentionsAny(si+1)
}

// mentionsAny reports whether sentence si holds a situation concept of its
// own (so its resolution words belong to it, not to the sentence before).
func (s *situations) mentionsAny(si int) bool {
	sn := s.d.sents[si]
	for _, c := range []string{"harm", "control", "da_manage", "closure", "coercion"} {
		if _, _, ok := s.m.find(c, sn.t0, sn.t1); ok {
			return true
		}
	}
	return false
}

func (s *situations) in(c string, si int) bool {
	sn := s.d.sents[si]
	_, _, ok := s.m.find(c, sn.t0, sn.t1)
	return ok
}

// setAside reports whether the mention at m0..m1 in sentence si is not a
// situation this agreement is in: negated, hypothetical, historical, about
// someone else, quoted guidance or handled by a separate tool.
func (s *situations) setAside(si, m0, m1 int, hyp bool) bool {
	if s.mods == nil {
		s.mods = make([]uint8, len(s.d.sents))
	}
	sn := s.d.sents[si]
	if s.negated(sn.t0, m0) {
		return true
	}
	if hyp && s.hypothetical(sn.t0, sn.t1, m0, m1) {
		return true
	}
	// Domestic abuse "last year" is still this family's abuse unless the
	// text says it is over; for the other situations a date well in the
	// past is enough.
	return s.sentenceMod(si, !s.daMode)
}

// sentenceMod caches the modifiers that hold for a whole sentence:
// historical (with or without dates), about someone else, quoted guidance,
// handled by a separate tool.
func (s *situations) sentenceMod(si int, timeToo bool) bool {
	const known, withTime, noTime = 1, 2, 4
	m := s.mods[si]
	if m&known == 0 {
		m = known
		rest := s.in("other", si) || s.quoted(si) || s.in("separate", si)
		if rest || s.historical(si, true) {
			m |= withTime
		}
		if rest || s.historical(si, false) {
			m |= noTime
		}
		s.mods[si] = m
	}
	if timeToo {
		return m&withTime != 0
	}
	return m&noTime != 0
}

// quoted: the sentence quotes or paraphrases guidance, itself or as part
// of a quotation opened earlier in its paragraph by words like "our
// procedures say".
func (s *situations) quoted(si int) bool {
	if s.in("quoted", si) {
		return true
	}
	d := s.d
	start := d.lines[d.para[d.sents[si].line]].s
	open := -1
	for i := start; i < d.sents[si].s; {
		r, n := utf8DecodeRune(d.text[i:])
		switch r {
		case '“':
			open = i
		case '”':
			open = -1
		}
		i += n
	}
	if open < 0 {
		return false
	}
	for j := si - 1; j >= 0 && d.sents[j].e > start; j-- {
		if d.sents[j].s <= open && s.in("quoted", j) {
			return true
		}
		if d.sents[j].s <= open {
			break
		}
	}
	return false
}

// firstAsserted returns the first mention of concept c in sentence si that
// is not set aside.
func (s *situations) firstAsserted(c string, si int, hyp bool) (int, int, bool) {
	sn := s.d.sents[si]
	for _, h := range s.m.all(c, sn.t0, sn.t1) {
		if !s.setAside(si, h[0], h[1], hyp) {
			return h[0], h[1], true
		}
	}
	return 0, 0, false
}

// the flags -----------------------------------------------------------------

// A path is one way the text can show a situation: a trigger concept in a
// sentence, not set aside by its context, with what else must be near it.
// Each flag is a list of paths; the first that holds in a sentence makes
// that sentence evidence. Keeping the rules as data in one table, rather
// than as a function per flag, keeps them comparable and the page's module
// small.
type path struct {
	trigger string
	hyp     bool       // a condition ("if…") sets the trigger aside
	window  [][]string // each group: one of these concepts, unnegated, in the sentence or its neighbours
	near    string     // a concept within ten words of the trigger
	not     string     // a concept that must not be in the sentence
	check   int        // a special check, below
}

// Special checks.
const (
	checkNone          = iota
	checkHarm          // the harm is aimed at an adult, or the passage names a partner
	checkThreat        // the threat hangs on signing
	checkAudience      // a professional audience for the reassurance
	checkRecordNotHarm // a record of violence is not harm now
)

var (
	intimate     = [][]string{{"intimate"}}
	harmOrWorse  = [][]string{{"harm", "fear", "control", "da_term"}}
	situationMap = []struct {
		id    string
		paths []path
	}{
		{"domestic_abuse", []path{
			{trigger: "da_term", hyp: true},
			{trigger: "control", hyp: true},
			{trigger: "fear", hyp: true},
			{trigger: "harm", hyp: true, check: checkHarm},
			{trigger: "harm_verbal", hyp: true, window: intimate},
			// No contact with the other adult, or the relationship ended.
			{trigger: "da_contact", window: intimate},
			// Keeping someone away is domestic abuse when the passage shows
			// harm, fear or control; a partner kept away for another risk
			// (drugs, a risk to the child) is not.
			{trigger: "da_manage", window: harmOrWorse},
		}},
		{"case_closure", []path{{trigger: "closure", hyp: true}}},
		{"coercion", []path{
			{trigger: "coercion"},
			{trigger: "threat", check: checkThreat},
			// A refusal, and this agreement to make them do it anyway.
			{trigger: "refusal", hyp: true, window: [][]string{{"compel"}}},
		}},
		// An agreement was broken, and this one follows.
		{"previous_breach", []path{{trigger: "broken", hyp: true, window: [][]string{{"earlier"}, {"agreement_word"}}}}},
		// The order or planning is what was not obtained ("the court refused
		// our application"), and this agreement stands in.
		{"substitute_for_orders", []path{{trigger: "not_obtained", hyp: true, near: "orders", window: [][]string{{"instead"}}}}},
		{"reassure_professionals", []path{{trigger: "reassure", hyp: true, check: checkAudience}}},
		// Things out of hand between partners are domestic abuse, not this.
		{"out_of_control", []path{{trigger: "ooc", not: "intimate"}}},
	}
)

// detect returns the evidence for flag id: every sentence one of its
// paths holds in.
func (s *situations) detect(id string) []Span {
	var paths []path
	for _, f := range situationMap {
		if f.id == id {
			paths = f.paths
		}
	}
	s.daMode = id == "domestic_abuse"
	var ev []Span
	for si, sn := range s.d.sents {
		if sn.sig {
			continue
		}
		for _, p := range paths {
			if s.holds(p, si) {
				ev = append(ev, s.a.sentSpan(si))
				break
			}
		}
	}
	return ev
}

func (s *situations) holds(p path, si int) bool {
	sn := s.d.sents[si]
	t0, t1 := sn.t0, sn.t1
	w0, w1 := s.window(si)
	for _, g := range p.window {
		ok := false
		for _, c := range g {
			if s.unnegated(c, w0, w1) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if p.not != "" && s.in(p.not, si) {
		return false
	}
	for _, h := range s.m.all(p.trigger, t0, t1) {
		if s.setAside(si, h[0], h[1], p.hyp) {
			continue
		}
		if p.near != "" {
			if _, _, ok := s.m.find(p.near, max(t0, h[0]-10), min(t1, h[1]+10)); !ok {
				continue
			}
		}
		switch p.check {
		case checkHarm:
			// "old convictions for violence" is a record, not harm now.
			atAdult := s.harmAtAdult(h[1], t1)
			if rs, _, ok := s.m.find("record", max(t0, h[0]-4), h[0]); ok && rs < h[0] && !atAdult {
				continue
			}
			if !atAdult && !s.unnegated("intimate", w0, w1) {
				continue
			}
		case checkThreat:
			if !s.threatOnSigning(si, h[0]) {
				continue
			}
		case checkAudience:
			if !s.audience(si, h[0], h[1]) {
				continue
			}
		}
		return true
	}
	return false
}

// audience: a professional audience near the reassuring words, and not the
// family alone ("to reassure Mum"); "them" needs its referent before it.
func (s *situations) audience(si, r0, r1 int) bool {
	sn := s.d.sents[si]
	lo, hi := max(sn.t0, r0-12), min(sn.t1, r1+8)
	p0, _, ok := s.m.find("prof", lo, hi)
	if !ok {
		return false
	}
	if f0, _, ok := s.m.find("family_obj", r1, min(sn.t1, r1+3)); ok && f0 < p0 && p0 > r1+3 {
		return false
	}
	switch s.d.w(p0) {
	case "them", "they", "their", "her", "him":
		return si > 0 && s.in("prof", si-1) || s.profBefore(si, p0)
	}
	return true
}

// harmAtAdult: the harm's object, just after it, is an adult ("pushed her",
// "hit Mum", "threatened Ms Hall") and not a child.
func (s *situations) harmAtAdult(k, t1 int) bool {
	end := min(t1, k+6)
	// The person after "from" or "by" did it; the object comes before.
	for j := k; j < end; j++ {
		if w := s.d.w(j); w == "from" || w == "by" {
			end = j
		}
	}
	// A named adult of the family ("pushed Gemma"), not a child.
	for j := k; j < end; j++ {
		if adult, child := s.adultName(j); adult {
			return true
		} else if child {
			return false
		}
	}
	// "her father had hit her": the person harmed is a child; so is a
	// "him" or "her" in a passage that names one of the children.
	w0, w1 := s.window(s.sentOf(k))
	for j := w0; j < w1; j++ {
		if _, child := s.adultName(j); child {
			end = min(end, k+1)
			for x := k; x < min(t1, k+6); x++ {
				if adult, _ := s.adultName(x); adult {
					return true
				}
			}
			return false
		}
	}
	// "him" or "her" is an adult unless the sentence is about a child, or
	// the one who did it is that person's parent ("her father hit her").
	for j := k; j < end; j++ {
		if w := s.d.w(j); w == "him" || w == "her" {
			if _, _, ok := s.m.find("parent_of", w0, w1); ok && !s.unnegated("intimate", w0, w1) {
				return false
			}
			sn := s.d.sents[s.sentOf(k)]
			if _, _, ok := s.m.find("child", sn.t0, sn.t1); !ok {
				return true
			}
		}
	}
	if cs, _, ok := s.m.find("child", k, end); ok {
		if as, _, ok := s.m.find("adult", k, end); !ok || as > cs {
			return false
		}
	}
	_, _, ok := s.m.find("adult", k, end)
	return ok
}

// threatOnSigning: the threat at th hangs on a condition about signing:
// "if you do not sign…", or "if that doesn't happen" after a sentence
// asking for a signature. A condition about keeping the agreement ("if
// this agreement is broken…") is a consequence, not coercion.
func (s *situations) threatOnSigning(si, th int) bool {
	t0 := s.d.sents[si].t0
	c0 := -1
	for k := t0; k < th; k++ {
		if w := s.d.w(k); w == "if" || w == "unless" || w == "otherwise" {
			c0 = k
		}
	}
	if c0 < 0 {
		return false
	}
	c1 := c0 + 1
	for c1 < th && s.d.w(c1) != "," {
		c1++
	}
	if _, _, ok := s.m.find("broken", c0, c1); ok {
		return false
	}
	if _, _, ok := s.m.find("sign_word", c0, c1); ok {
		return true
	}
	// "if that doesn't happen": the condition's subject points back.
	anaphor, neg := false, false
	switch s.d.w(c0 + 1) {
	case "that", "this", "it":
		anaphor = true
	}
	for k := c0; k < c1; k++ {
		switch s.d.w(k) {
		case "not", "doesn't", "don't", "dont", "doesnt", "isn't", "won't":
			neg = true
		}
	}
	if s.d.w(c0) == "otherwise" {
		anaphor, neg = true, true
	}
	return anaphor && neg && si > 0 && s.in("sign_word", si-1)
}

// unnegated reports whether concept c occurs in t0..t1 other than negated
// ("no concerns about violence between the adults" is no evidence).
func (s *situations) unnegated(c string, t0, t1 int) bool {
	for _, h := range s.m.all(c, t0, t1) {
		if !s.negated(s.d.sents[s.sentOf(h[0])].t0, h[0]) {
			return true
		}
	}
	return false
}

// adultName reports whether token k is the name of an adult of the
// family: someone the document gives an adult role or age, or who makes a
// commitment and is not known to be a child.
func (s *situations) adultName(k int) (adult, child bool) {
	t := s.d.toks[k]
	if t.kind != tWord || !t.cap {
		return false, false
	}
	w := s.d.w(k)
	if p, ok := s.a.people[w]; ok {
		if p.age >= 0 && p.age < 18 {
			return false, true
		}
		if p.side == PartyFamily && p.role != "" {
			switch p.role {
			case "child", "son", "daughter", "young person", "baby", "brother", "sister":
				return false, true
			}
			return true, false
		}
	}
	if s.titled == nil {
		s.titled = map[string]bool{}
		for j := 1; j < len(s.d.toks); j++ {
			switch s.d.w(j - 1) {
			case "mr", "mrs", "ms", "miss":
				s.titled[s.d.w(j)] = true
			}
		}
		for _, c := range s.a.commits {
			if c.side == PartyFamily && c.actor != "" {
				s.actors = append(s.actors, c.actor)
			}
		}
	}
	if s.titled[w] {
		return true, false
	}
	for _, act := range s.actors {
		for _, f := range splitWords(act) {
			if f == w {
				return true, false
			}
		}
	}
	return false, false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, toLowerASCII(s[start:i]))
			start = -1
		}
	}
	return out
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sentOf returns the sentence holding token k.
func (s *situations) sentOf(k int) int {
	lo, hi := 0, len(s.d.sents)
	for lo < hi {
		mid := (lo + hi) / 2
		if s.d.sents[mid].t1 <= k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// profBefore: a professional named earlier in the same sentence.
func (s *situations) profBefore(si, k int) bool {
	t0 := s.d.sents[si].t0
	for _, h := range s.m.all("prof", t0, k) {
		if st := s.d.w(h[0]); st != "them" && st != "they" && st != "their" && st != "her" && st != "him" {
			return true
		}
	}
	return false
}
