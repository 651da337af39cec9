package checker

import "strings"

// person is someone the text names, with the side and role it gives them.
type person struct {
	display string
	side    string
	role    string // role phrase as listed in data/roles.txt, or ""
	age     int    // -1 when unknown
}

// commitment is one thing a party undertakes to do.
type commitment struct {
	sent       int
	t0, t1     int // the whole commitment (for evidence)
	a0, a1     int // the action, after the actor
	actor      string
	side       string
	swOrLA     bool // by the social worker or the local authority
	names      []string
	roleOnly   bool
	role       string
	timescale  string
	timed      bool
	checkable  bool
	vague      []int // token indexes of undefined vague terms (first token)
	vagueLen   []int
	absolutes  []span // token ranges
	negative   bool
	ph         bool
	supportive bool
}

var nameStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the this that these those a an if when what who why how which where and or but of for to in on at by
	from with we i you he she they it his her their our my your its signed signature signatures date review aim start end ends
	agreement agreements written undertaking plan dear hi hello thanks thank yours sincerely regards note name role all any no not yes please
	there here next first last each every both some after before until also then so as because since while however
	emergency court borough county district city metropolitan mbc street road close lane house hall town children's people's
	young child children protection need care looked contact time aid recovery alcohol drug drugs mental health
	background history purpose contingency consequences copies actions professionals will agrees undertakes given about tel
	email phone mobile sent subject present apologies draft template safety order freedom choices triple fire rescue
	keeping useful numbers important today tomorrow christmas easter bank holiday holidays term half year years
	week weeks month months day days am pm police family parent parents mum dad team services service school nursery
	is are was were be been being has have had do does did can could would should may might must shall our us me
	council local authority children social worker workers visitor centre hub project programme course group club
	if go take ring call text tell keep make give get come visit meet see let put pay refer arrange book apply attend
	stop not never always only just still yet again even more most less very much many few other another same such
	whole part parts period dates duration numbers who contacts worried broken copy signed`) {
		nameStop[w] = true
	}
	for w := range monthNames {
		nameStop[w] = true
	}
	for w := range weekdayNames {
		nameStop[w] = true
	}
}

var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "pc": true, "mx": true, "nurse": false}

// analysis holds what the rules share about one document.
type analysis struct {
	d        *document
	set      Settings
	lx       *lexicon
	dates    []date
	roleLen  []uint8
	roleIdx  []int16
	people   map[string]*person // by lower-case name word or full name
	commits  []commitment
	kind     string
	voice    voice
	vagueExt []phrase
	vague    *phrases // the list plus the settings' extra terms
}

// roleAt returns the length, side and phrase of the role starting at i.
func (a *analysis) roleAt(i int) (int, string, string) {
	if i < 0 || i >= len(a.roleLen) || a.roleLen[i] == 0 {
		return 0, "", ""
	}
	p := a.lx.roles.list[a.roleIdx[i]]
	return int(a.roleLen[i]), p.hint, p.text
}

func (a *analysis) indexRoles() {
	d := a.d
	a.roleLen = make([]uint8, len(d.toks))
	a.roleIdx = make([]int16, len(d.toks))
	for i := range d.toks {
		best, bi := 0, -1
		// Roles do not run over a line break: try shorter ones if the
		// longest does.
		for end := len(d.toks); ; {
			n, j := d.longestAt(i, end, a.lx.roles)
			if n == 0 {
				break
			}
			if d.toks[i+n-1].line == d.toks[i].line {
				best, bi = n, j
				break
			}
			end = i + n - 1
		}
		if bi >= 0 {
			// "we" is a role only when it is the whole actor; "pc" only before a name.
			a.roleLen[i] = uint8(best)
			a.roleIdx[i] = int16(bi)
		}
	}
}

// isNameTok reports whether token i can be part of a person's name.
func (a *analysis) isNameTok(i int) bool {
	d := a.d
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.kind != tWord || !t.cap {
		return false
	}
	w := d.w(i)
	if nameStop[w] || titles[w] || pronouns[pronounOf(w)] {
		return false
	}
	if n, _, _ := a.roleAt(i); n > 0 {
		return false
	}
	if t.upper && t.e-t.s <= 4 {
		return false // an acronym, not a name
	}
	return true
}

// nameRun returns the end of a run of name tokens starting at i (with an
// optional title and initials), or i when there is none.
func (a *analysis) nameRun(i int) int {
	d := a.d
	j := i
	if titles[d.w(j)] && d.toks[j].cap {
		j++
		if d.w(j) == "." {
			j++
		}
	}
	start := j
	for j < len(d.toks) {
		t := d.toks[j]
		if t.line != d.toks[i].line {
			break
		}
		if j > start && strings.IndexByte(d.text[d.toks[j-1].e:t.s], '\t') >= 0 {
			break // a name does not run into the next cell of a table
		}
		if t.kind == tWord && t.cap && t.e-t.s == 1 && d.w(j+1) == "." && a.isNameTok(j+2) {
			j += 2 // an initial: "D. Ossai"
			continue
		}
		if !a.isNameTok(j) {
			break
		}
		j++
	}
	if j == start {
		return i
	}
	return j
}

// nameKeys returns the lower-case words of a name run that identify the
// person (no titles or initials).
func (a *analysis) nameKeys(n0, n1 int) []string {
	var keys []string
	for k := n0; k < n1; k++ {
		w := a.d.w(k)
		if titles[w] || a.d.toks[k].kind != tWord || len(w) == 1 {
			continue
		}
		keys = append(keys, w)
	}
	return keys
}

func (a *analysis) register(n0, n1 int, side, role string, age int) {
	keys := a.nameKeys(n0, n1)
	if len(keys) == 0 {
		return
	}
	p := &person{display: a.d.orig(n0, n1), side: side, role: role, age: age}
	full := strings.Join(keys, " ")
	if old, ok := a.people[full]; ok {
		if old.age < 0 {
			old.age = age
		}
		if old.role == "" && role != "" {
			old.role, old.side = role, side
		}
		return
	}
	a.people[full] = p
	for _, k := range keys {
		if _, ok := a.people[k]; !ok {
			a.people[k] = p
		}
	}
}

// ageAfter reads "(14)", "(age 8)", ", aged 9", "(7 months)" after a name.
func (a *analysis) ageAfter(j int) int {
	d := a.d
	if d.w(j) == "(" {
		k := j + 1
		if d.w(k) == "age" || d.w(k) == "aged" {
			k++
		}
		if n, ok := quantity(d.w(k)); ok && n < 25 {
			if u := d.w(k + 1); u == "months" || u == "weeks" || u == "month" {
				return 0
			}
			if d.w(k+1) == ")" || d.w(k+1) == "," {
				return n
			}
		}
	}
	if d.w(j) == "," && d.w(j+1) == "aged" {
		if n, ok := quantity(d.w(j + 2)); ok {
			return n
		}
	}
	return -1
}

var determiners = map[string]bool{"the": true, "his": true, "her": true, "their": true, "our": true, "my": true,
	"your": true, "a": true, "an": true, "'s": true, "its": true}

// findPeople builds the register of named people from the patterns a
// practitioner uses: "Tomas Reyes, social worker", "Kayla Bright (youth
// worker)", "Social worker: Gareth Pryce", "her dad, Kwame Mensah",
// "Family: Dionne Clarke (mum), Mason Clarke (7)".
func (a *analysis) findPeople() {
	d := a.d
	a.people = map[string]*person{}
	for i := 0; i < len(d.toks); i++ {
		n, side, role := a.roleAt(i)
		if n == 0 || role == "we" {
			continue
		}
		end := i + n
		if d.w(end) == "'s" {
			continue // a possessor: "Tomas's manager"
		}
		// Left: "Name, role" or "Name (role)".
		if p := d.w(i - 1); (p == "," || p == "(") && i >= 2 {
			k := i - 2
			for k >= 0 && a.isNameTok(k) || k >= 1 && d.w(k) == "." && a.isNameTok(k-1) {
				k--
			}
			if k >= 0 && titles[d.w(k)] {
				k--
			}
			if k+1 <= i-2 && d.toks[k+1].line == d.toks[i].line {
				n0 := k + 1
				if a.nameRun(n0) >= i-1 {
					a.register(n0, i-1, side, role, a.ageAfter(i-1))
					continue
				}
			}
		}
		// Right: "role: Name", "role, Name", "role Name", "role (Name)".
		prev := d.w(i - 1)
		if i > 0 && a.isNameTok(i-1) && !determiners[prev] && d.toks[i-1].line == d.toks[i].line {
			continue // "Ravensholt Youth Hub": the role is part of a name
		}
		j := end
		if w := d.w(j); w == ":" || w == "," || w == "(" || w == "-" {
			j++
		}
		labelFamily := d.w(end) == ":" && side == PartyFamily
		for {
			e := a.nameRun(j)
			if e == j {
				break
			}
			age := a.ageAfter(e)
			pside, prole := side, role
			// "Family: Dionne Clarke (mum)" – a role in brackets wins.
			if d.w(e) == "(" {
				if n2, s2, r2 := a.roleAt(e + 1); n2 > 0 {
					pside, prole = s2, r2
				}
			}
			a.register(j, e, pside, prole, age)
			if !labelFamily && !(d.w(end) == ":") {
				break
			}
			// A list after a label: "Parents: Vicky Ward and Stephen Marsh".
			k := e
			for k < len(d.toks) && d.toks[k].line == d.toks[i].line && !a.isNameTok(k) && !titles[d.w(k)] {
				if n2, s2, _ := a.roleAt(k); n2 > 0 && s2 != side {
					k = len(d.toks)
					break
				}
				if d.w(k) == ":" {
					k = len(d.toks)
					break
				}
				k++
			}
			if k >= len(d.toks) || d.toks[k].line != d.toks[i].line {
				break
			}
			j = k
		}
	}
	// "Brenda Walsh (Kirsty's mum, Isla's nan)", "Kerry-Ann Moss (Eastholme
	// Young Carers)": a role or a service anywhere in the brackets after a
	// name says which side the person is on.
	for i := 1; i < len(d.toks); i++ {
		if d.w(i) != "(" || !a.isNameTok(i-1) {
			continue
		}
		k := i - 1
		for k > 0 && a.isNameTok(k-1) && d.toks[k-1].line == d.toks[i].line {
			k--
		}
		if titles[d.w(k-1)] && k > 0 {
			k--
		}
		keys := a.nameKeys(k, i)
		if len(keys) == 0 || a.lookup(keys) != nil && a.lookup(keys).role != "" {
			continue
		}
		for j := i + 1; j < len(d.toks) && j < i+12 && d.w(j) != ")" && d.toks[j].line == d.toks[i].line; j++ {
			if n, side, role := a.roleAt(j); n > 0 && role != "we" {
				a.register(k, i, side, role, a.ageAfter(i))
				break
			}
		}
	}
	// Whoever has a line to sign on is a party: "Liam Day ____ Date ____".
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind != lSig {
			continue
		}
		for k := ln.c0; k < ln.t1 && k < ln.c0+4; k++ {
			if w := d.w(k); w == "signed" || w == "signature" || w == "(" || w == ":" || w == "by" {
				continue
			}
			if e := a.nameRun(k); e > k && a.lookup(a.nameKeys(k, e)) == nil {
				side, role := PartyFamily, ""
				for j := e; j < ln.t1; j++ {
					if n, s2, r2 := a.roleAt(j); n > 0 && r2 != "we" {
						side, role = s2, r2
						break
					}
				}
				a.register(k, e, side, role, -1)
			}
			break
		}
	}
	// Children named with an age: "Rio Holloway (5)", "Olly Sutton (6)".
	for i := 0; i < len(d.toks); i++ {
		if d.w(i) != "(" || i == 0 || !a.isNameTok(i-1) {
			continue
		}
		if age := a.ageAfter(i); age >= 0 {
			k := i - 1
			for k > 0 && a.isNameTok(k-1) {
				k--
			}
			keys := a.nameKeys(k, i)
			if len(keys) == 0 {
				continue
			}
			if p, ok := a.people[strings.Join(keys, " ")]; ok {
				p.age = age
			} else {
				a.register(k, i, PartyFamily, "child", age)
			}
		}
	}
}

// lookup finds a registered person by the words of a name run.
func (a *analysis) lookup(keys []string) *person {
	if len(keys) == 0 {
		return nil
	}
	if p, ok := a.people[strings.Join(keys, " ")]; ok {
		return p
	}
	for _, k := range keys {
		if p, ok := a.people[k]; ok {
			return p
		}
	}
	return nil
}

// actorInfo is what an actor phrase tells us.
type actorInfo struct {
	ok      bool
	pronoun bool
	pron    string // the pronoun, when pronoun is set
	side    string
	role    string
	display string
	names   []string
	swOrLA  bool
}

var actorFiller = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "your": true, "and": true, "or": true, "both": true, "each": true, "all": true,
	"older": true, "younger": true, "eldest": true, "new": true, "aged": true, "age": true, "of": true, "'s": true,
	",": true, "(": true, ")": true, ":": true, "&": true, "/": true, "'": true, "-": true, "other": true, "also": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "me": true}

var swOrLARoles = map[string]bool{"social worker": true, "social workers": true, "student social worker": true,
	"team manager": true, "council": true, "local authority": true, "children's services": true,
	"children's social care": true, "social care": true, "department": true}

// resolveActor works out who the tokens a0..a1 name and which side they are on.
func (a *analysis) resolveActor(a0, a1 int) actorInfo {
	d := a.d
	var info actorInfo
	if a1 <= a0 || a1-a0 > 14 {
		return info
	}
	if a1-a0 == 1 && pronouns[pronounOf(d.w(a0))] {
		info.ok, info.pronoun, info.pron = true, true, pronounOf(d.w(a0))
		return info
	}
	var famRole, proRole string
	var nameDisplay []string
	firstPerson, titled := false, false
	for k := a0; k < a1; k++ {
		w := d.w(k)
		if titles[w] && d.toks[k].cap {
			// "Ms Keane", "Mr and Mrs McCarthy": the title stays in the name shown.
			j := k + 1
			if d.w(j) == "." {
				j++
			}
			if (d.w(j) == "and" || d.w(j) == "&") && titles[d.w(j+1)] {
				j += 2
				if d.w(j) == "." {
					j++
				}
			}
			if e := a.nameRun(j); e > j && e <= a1 {
				if d.w(e) != "'s" {
					info.names = append(info.names, a.nameKeys(j, e)...)
					nameDisplay = append(nameDisplay, d.orig(k, e))
				}
				k = e - 1
				continue
			}
			titled = true
			continue
		}
		if p := pronounOf(w); p == "i" || p == "me" {
			firstPerson = true
		}
		if n, side, role := a.roleAt(k); n > 0 && k+n <= a1 {
			if d.w(k+n) != "'s" && role != "we" {
				if side == PartyProfessional && proRole == "" {
					proRole = role
				}
				if side == PartyFamily && famRole == "" {
					famRole = role
				}
			}
			k += n - 1
			continue
		}
		if e := min(a.nameRun(k), a1); e > k {
			keys := a.nameKeys(k, e)
			if d.w(e) != "'s" {
				info.names = append(info.names, keys...)
				nameDisplay = append(nameDisplay, d.orig(k, e))
			}
			k = e - 1
			continue
		}
		t := d.toks[k]
		if t.kind == tWord && t.upper {
			if actorFiller[w] {
				continue // "AND" in a heading in capitals
			}
			if a.people[w] != nil {
				// A name in capitals, or initials the text gave a person: "LISA", "JW".
				info.names = append(info.names, w)
				nameDisplay = append(nameDisplay, d.orig(k, k+1))
				continue
			}
			// An acronym actor: SW, HV, DSL, KT.
			if exp, ok := a.expansionOf(d.orig(k, k+1)); ok {
				if side, role := a.expansionRole(exp); side == PartyProfessional && proRole == "" {
					proRole = role
				} else if side == PartyFamily && famRole == "" {
					famRole = role
				}
			} else {
				info.names = append(info.names, w)
			}
			nameDisplay = append(nameDisplay, d.orig(k, k+1))
			continue
		}
		if t.kind == tNum || actorFiller[w] || pronouns[pronounOf(w)] {
			continue
		}
		return actorInfo{} // a word that does not belong in a name: not an actor
	}
	if len(nameDisplay) > 0 {
		info.display = strings.Join(nameDisplay, " and ")
	}
	if titled {
		info.display = strings.TrimSpace(d.orig(a0, a1))
	}
	if firstPerson && a.voice.i.ok && proRole == "" && famRole == "" {
		// "Me (Sam)", "I (Lewis Grant)": the writer, on the writer's side.
		v := a.voice.i
		info.side, info.swOrLA = v.side, v.swOrLA
		if len(nameDisplay) == 0 {
			info.display = v.display
		}
		if len(info.names) == 0 {
			info.names = v.names
		}
		info.ok = true
		if info.display == "" {
			info.display = strings.TrimSpace(d.orig(a0, a1))
		}
		return info
	}
	switch {
	case proRole != "":
		info.side, info.role = PartyProfessional, proRole
	case famRole != "":
		info.side, info.role = PartyFamily, famRole
	}
	if len(info.names) > 0 {
		if p := a.lookup(info.names); p != nil && (info.side == "" || p.side == PartyProfessional && info.role == "") {
			info.side = p.side
			if info.role == "" {
				info.role = p.role
			}
		}
	}
	if info.side == "" {
		if len(info.names) == 0 {
			return actorInfo{}
		}
		info.side = PartyFamily // a named person with no role: the family
	}
	if info.display == "" {
		b := a0
		for b < a1-1 && determiners[d.w(b)] {
			b++ // "Your social worker" is the social worker
		}
		info.display = strings.TrimSpace(d.orig(b, a1))
	}
	info.display = strings.Trim(info.display, " ,:(")
	info.swOrLA = swOrLARoles[info.role]
	if !info.swOrLA && info.role == "" {
		for _, n := range info.names {
			if p := a.lookup([]string{n}); p != nil && swOrLARoles[p.role] {
				info.swOrLA = true
			}
		}
	}
	info.ok = true
	return info
}

// expansionRole returns the side and role an acronym's expansion names:
// "designated safeguarding lead" is a professional. A professional role
// wins over a family one.
func (a *analysis) expansionRole(exp string) (string, string) {
	ex := " " + strings.ToLower(exp) + " "
	side, role := "", ""
	for _, p := range a.lx.roles.list {
		if strings.Contains(ex, " "+p.text+" ") && (side == "" || p.hint == PartyProfessional && side != p.hint) {
			side, role = p.hint, p.text
		}
	}
	return side, role
}

// expansionOf returns what an acronym stands for, from the glossary or the
// settings.
func (a *analysis) expansionOf(acr string) (string, bool) {
	if e, ok := a.set.ExtraAcronyms[acr]; ok {
		return e, true
	}
	e, ok := a.lx.expansion[acr]
	return e, ok
}

// firstNamedBeforeModal finds the first person or role named before a
// "will" or "is to" in an item.
func (a *analysis) firstNamedBeforeModal(t0, t1 int) actorInfo {
	d := a.d
	m := -1
	for k := t0; k < t1; k++ {
		if w := d.w(k); w == "will" || (w == "is" || w == "are") && d.w(k+1) == "to" {
			m = k
			break
		}
	}
	if m < 0 {
		return actorInfo{}
	}
	for k := t0; k < m; k++ {
		if e := a.nameRun(k); e > k {
			return a.personActor(k, e, PartyFamily)
		}
		if n, _, _ := a.roleAt(k); n > 0 && d.w(k+n) != "'s" {
			return a.resolveActor(k, k+n)
		}
	}
	return actorInfo{}
}

// knownActor reports whether every word of t0..t1 is an acronym, a role,
// a filler word or a registered name: "KT", "SW (Dan)", "EYFS DSL", but not
// "Ask the police", where the first word is a verb.
func (a *analysis) knownActor(t0, t1 int) bool { return a.known(t0, t1, false) }

// modalAt finds where an actor phrase ends and the action starts in
// tokens t0..t1: "X will", "X won't", "X agrees to", "X undertakes that",
// "X is to", "X needs to", "X has agreed to", "X is expected to", "X said
// she'll", "you'll", "KT to attend". It returns the actor's end and the
// action's start.
func (a *analysis) modalAt(t0, t1 int) (int, int, bool) {
	d := a.d
	for k := t0; k < t1 && k < t0+16; k++ {
		w := d.w(k)
		next := d.w(k + 1)
		if modalContraction(w) {
			// "you'll", "I'll": the pronoun is the actor.
			return k + 1, k + 1, true
		}
		switch w {
		case "will", "must", "shall", "should", "can't", "won't", "cannot", "would":
			if k == t0 || w == "should" || w == "can't" || w == "cannot" || w == "would" {
				return 0, 0, false
			}
			return k, k + 1, true
		case "agrees", "agree", "undertakes", "undertake", "promise", "promises", "commits":
			if k == t0 {
				return 0, 0, false
			}
			if next == "to" || next == "that" || next == ":" {
				return k, k + 2, true
			}
			return k, k + 1, true
		case "needs", "need", "has", "have":
			if k == t0 {
				return 0, 0, false
			}
			switch next {
			case "to":
				return k, k + 2, true
			case "agreed", "promised", "undertaken", "offered":
				if x := d.w(k + 2); x == "to" || x == "that" {
					return k, k + 3, true
				}
				return k, k + 2, true
			}
			return 0, 0, false
		case "is", "are":
			if k == t0 {
				return 0, 0, false
			}
			switch next {
			case "to":
				return k, k + 2, true
			case "expected", "asked", "going", "required":
				if d.w(k+2) == "to" {
					return k, k + 3, true
				}
			case "responsible":
				if d.w(k+2) == "for" {
					return k, k + 3, true
				}
			}
			return 0, 0, false
		case "said", "says":
			// "Gary said he will do the school run", "Mrs Devlin said she'll try".
			if k == t0 {
				return 0, 0, false
			}
			j := k + 1
			if d.w(j) == "that" {
				j++
			}
			if modalContraction(d.w(j)) {
				return k, j + 1, true
			}
			if pronouns[d.w(j)] && d.w(j+1) == "will" {
				return k, j + 2, true
			}
			return 0, 0, false
		case "to":
			if k > t0 && k-t0 <= 4 && d.toks[k-1].kind != tPunct || k > t0 && d.w(k-1) == ")" && k-t0 <= 6 {
				// "KT to attend", "SW (Dan) to visit": only when all before is a name or role.
				if info := a.resolveActor(t0, k); info.ok && !info.pronoun && a.knownActor(t0, k) {
					return k, k + 1, true
				}
			}
			return 0, 0, false
		case ".", ";", "?", "!":
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// passiveAt reports whether the action at a0 is passive: "be" and a
// participle ("be told", "be supervised", "not be left").
func (a *analysis) passiveAt(a0, a1 int) bool {
	d := a.d
	k := a0 + boolInt(d.w(a0) == "not")
	w := d.w(k + 1)
	return d.w(k) == "be" && k+1 < a1 && d.toks[k+1].kind == tWord && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || a.lx.participles[w])
}

// passiveAgent finds the agent of a passive action: "(Visits) will be
// supervised by Sharon Hill", "is to be collected by her nan". It returns
// the agent when the action starts with "be" and a participle and names
// one after "by".
func (a *analysis) passiveAgent(a0, a1 int) (actorInfo, bool) {
	d := a.d
	if !a.passiveAt(a0, a1) {
		return actorInfo{}, false
	}
	k := a0 + boolInt(d.w(a0) == "not")
	for j := k + 2; j < a1 && j < k+8; j++ {
		switch d.w(j) {
		case ".", ";", ",", "(":
			return actorInfo{}, false
		case "by":
			e := j + 1
			for e < a1 && e < j+8 {
				w := d.w(e)
				if w == "," || w == "." || w == ";" || w == "(" || w == "on" || w == "at" || w == "every" || w == "each" ||
					w == "until" || w == "from" || w == "in" || w == "for" || w == "within" || w == "who" || w == "if" || w == "when" {
					break
				}
				e++
			}
			for e > j+1 {
				if info := a.resolveActor(j+1, e); info.ok && !info.pronoun {
					return info, true
				}
				e--
			}
			return actorInfo{}, false
		}
	}
	return actorInfo{}, false
}

var nonStarters = map[string]bool{"if": true, "when": true, "where": true, "should": true, "unless": true,
	"once": true, "while": true, "whenever": true, "in": true, "at": true, "on": true, "after": true, "before": true,
	"this": true, "it": true, "there": true, "these": true, "that": true, "here": true}

// findCommitments finds every commitment: sentences that start with an
// actor and "will" (or "agrees to", "is to", "needs to"…), passives with
// their agent ("Visits will be supervised by Sharon"), items and rows
// under a heading that names who acts ("Kwame will:", "What will the
// professionals do?", "Kirsty", "Hannah (social worker)"), "Name – action"
// rows, and the rows of a Who / What / When table. "I", "we" and "you"
// stand for whom the document's form says (see findVoices).
func (a *analysis) findCommitments() {
	d := a.d
	var last actorInfo
	lastPara := -1
	secActors := make([]actorInfo, len(d.secs))
	for i, sec := range d.secs {
		if sec.hasActor {
			secActors[i] = a.headingActorInfo(sec)
		}
	}
	for si := range d.sents {
		s := &d.sents[si]
		if s.heading || s.sig {
			continue
		}
		switch s.topic {
		case topAim, topBackground, topConseq, topContingency, topReview, topSign, topCopies, topBreach, topDefs:
			continue
		}
		ln := &d.lines[s.line]
		if ln.kind == lTable && ln.header {
			continue
		}
		para := a.paragraphOf(s.line)
		if para != lastPara {
			last = actorInfo{}
			lastPara = para
		}
		secInfo := secActors[ln.section]
		underHeader := secInfo.ok && (s.item || s.row || !d.secs[ln.section].nameOnly && a.firstParagraph(ln.section, s.line))
		first := d.w(s.t0)
		if nonStarters[first] && !underHeader {
			continue
		}
		if first == "if" || first == "when" || first == "unless" || first == "should" {
			continue
		}
		var info actorInfo
		actStart := s.t0
		switch {
		case ln.dashAt >= 0 && ln.dashAt > s.t0 && ln.dashAt < s.t1:
			info = a.resolveActor(s.t0, ln.dashAt)
			actStart = a.skipSubject(ln.dashAt+1, s.t1)
		case ln.kind == lTable && len(ln.cells) >= 2:
			var ok bool
			info, actStart, ok = a.tableRow(ln)
			if !ok {
				continue
			}
		default:
			if ae, as, ok := a.modalAt(s.t0, s.t1); ok {
				info = a.resolveActor(s.t0, ae)
				actStart = as
				if ag, ok := a.passiveAgent(as, s.t1); ok {
					info = ag // the subject of a passive does not act: its agent does
				} else if a.passiveAt(as, s.t1) {
					continue // "Pete will be told…": done to the subject, by no one named
				} else if !info.ok && pronouns[d.w(s.t0)] && d.w(s.t0+1) == "," {
					info = a.resolveActor(s.t0, s.t0+1) // "I, Tara Stone, of …, undertake that…"
				} else if info.ok && !info.pronoun && !a.plausibleActor(s.t0, ae) {
					info = actorInfo{}
				}
				if !info.ok && s.item && !underHeader {
					info = a.firstNamedBeforeModal(s.t0, s.t1)
					actStart = s.t0
				}
				if !info.ok && !underHeader {
					continue
				}
			} else if s.item && !underHeader {
				// A list item whose subject is not first: "Connor's time with
				// Harry is to be supervised by…". The first person named acts.
				info = a.firstNamedBeforeModal(s.t0, s.t1)
				if !info.ok {
					continue
				}
			} else if !underHeader {
				continue
			}
		}
		if info.pronoun {
			if v, ok := a.pronounActor(info.pron); ok {
				info = v
			}
		}
		if !info.ok || info.pronoun {
			switch {
			case underHeader:
				info = secInfo
			case info.pronoun && last.ok:
				info = last
			default:
				continue
			}
		}
		if !info.ok || info.pronoun {
			continue
		}
		last = info
		c := commitment{sent: si, t0: s.t0, t1: s.t1, a0: actStart, a1: s.t1, actor: info.display,
			side: info.side, swOrLA: info.swOrLA, names: info.names, roleOnly: len(info.names) == 0, role: info.role, ph: s.ph}
		a.describe(&c)
		a.commits = append(a.commits, c)
	}
}

// skipSubject steps over a pronoun and modal that open an action after a
// dash: "Joanne – you'll get…", "Me – I'll ask…", "Gary – you will…".
func (a *analysis) skipSubject(k, end int) int {
	d := a.d
	if k < end && modalContraction(d.w(k)) {
		return k + 1
	}
	if k+1 < end && pronouns[d.w(k)] && (d.w(k+1) == "will" || d.w(k+1) == "won't") {
		if d.w(k+1) == "won't" {
			return k + 1
		}
		return k + 2
	}
	return k
}

// headingActorInfo resolves the actor a heading names. A heading that is
// only a name or role ("Kirsty", "Hannah (social worker)") counts only
// when every word of it is a known person, a role or a filler: a
// capitalised heading word is not a party.
func (a *analysis) headingActorInfo(sec section) actorInfo {
	info := a.resolveActor(sec.actor[0], sec.actor[1])
	if info.pronoun {
		if v, ok := a.pronounActor(info.pron); ok {
			return v
		}
		return actorInfo{}
	}
	if !info.ok {
		return actorInfo{}
	}
	if sec.nameOnly && !a.knownPeople(sec.actor[0], sec.actor[1]) {
		return actorInfo{}
	}
	return info
}

// knownPeople is knownActor without acronyms, and with anything in
// brackets ("Kerry-Ann Moss (Eastholme Young Carers)"): a heading's words
// in capitals are not people.
func (a *analysis) knownPeople(t0, t1 int) bool { return a.known(t0, t1, true) }

func (a *analysis) known(t0, t1 int, people bool) bool {
	d := a.d
	depth, named := 0, !people
	for k := t0; k < t1; k++ {
		w := d.w(k)
		if people && (w == "(" || w == ")") {
			depth += 1 - 2*boolInt(w == ")")
			continue
		}
		if depth > 0 {
			continue
		}
		if n, _, _ := a.roleAt(k); n > 0 {
			k += n - 1
			named = true
			continue
		}
		t := d.toks[k]
		switch {
		case t.cap && a.people[w] != nil:
			named = true
		case actorFiller[w], titles[w], t.kind == tPunct, !people && (t.upper || t.kind == tNum):
		default:
			return false
		}
	}
	return named
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// plausibleActor reports whether t0..t1 can be who acts: not a single
// capitalised common noun that the text also writes in lower case
// ("Visits will…", "Mobiles will…").
func (a *analysis) plausibleActor(t0, t1 int) bool {
	d := a.d
	for k := t0; k < t1; k++ {
		if n, _, _ := a.roleAt(k); n > 0 {
			return true
		}
		w := d.w(k)
		if d.toks[k].kind == tWord && !actorFiller[w] && !titles[w] && !pronouns[w] {
			if a.people[w] != nil {
				return true
			}
			if !d.lowerSeen(w) {
				return true
			}
		}
	}
	return false
}

// tableRow reads the actor and the action from a table row: the column
// headed "Who" (or the first), the column headed "What" or "Action" (or
// the next). Rows of a table without such a header count only when the
// first cell is a known person or role and the next is not a name.
func (a *analysis) tableRow(ln *line) (actorInfo, int, bool) {
	d := a.d
	who, what := 0, 1
	hasWho := false
	if h := a.tableHeader(ln); h != nil {
		who, what = -1, -1
		for i, c := range h.cells {
			switch d.w(c.s) {
			case "who", "name", "person", "by":
				if who < 0 && (d.w(c.s) != "by" || d.w(c.s+1) == "whom") {
					who = i
				}
			case "what", "action", "actions", "task", "commitment", "commitments":
				if what < 0 {
					what = i
				}
			}
		}
		hasWho = who >= 0
		if who < 0 {
			who = 0
		}
		if what < 0 {
			what = who + 1
		}
	}
	if who >= len(ln.cells) || what >= len(ln.cells) {
		return actorInfo{}, 0, false
	}
	c := ln.cells[who]
	info := a.resolveActor(c.s, c.e)
	if !info.ok || info.pronoun {
		return actorInfo{}, 0, false
	}
	act := ln.cells[what]
	if !hasWho {
		// A label row such as "Social worker <tab> Priya Chandran" or
		// "Children: <tab> Poppy Green (10)": the second cell names someone
		// or something rather than saying what they do.
		if a.nameRun(act.s) > act.s && !d.lowerSeen(d.w(act.s)) || d.toks[act.s].kind != tWord ||
			d.w(c.e-1) == ":" || !a.knownActor(c.s, c.e) {
			return actorInfo{}, 0, false
		}
	}
	return info, act.s, true
}

// tableHeader returns the header row of the table that holds ln, if any.
func (a *analysis) tableHeader(ln *line) *line {
	d := a.d
	li := int(d.toks[ln.t0].line)
	for j := li - 1; j >= 0 && j >= li-200; j-- {
		l := &d.lines[j]
		if l.kind != lTable {
			return nil
		}
		if l.header {
			return l
		}
	}
	return nil
}

// paragraphOf returns the index of the first line of the paragraph holding line li.
func (a *analysis) paragraphOf(li int) int {
	return a.d.para[li]
}

// firstParagraph reports whether line li is in the first paragraph after
// the heading of section sec.
func (a *analysis) firstParagraph(sec, li int) bool {
	h := a.d.secs[sec].heading
	if h < 0 {
		return false
	}
	// The first non-blank line after the heading starts that paragraph.
	first := h + 1
	for first < li && a.d.lines[first].kind == lBlank {
		first++
	}
	return a.d.para[li] == first || a.d.para[li] == h+1
}

// describe fills in a commitment's timescale, vague terms, absolutes and
// whether keeping it could be checked.
func (a *analysis) describe(c *commitment) {
	d := a.d
	c.timescale, c.timed = a.timescale(c.a0, c.a1)
	if w := d.w(c.a0); w == "not" || w == "never" || w == "no" {
		c.negative = true
	}
	vague := a.vague
	for k := c.a0; k < c.a1; k++ {
		if n, idx := d.longestAt(k, c.a1, vague); n > 0 {
			if !a.vagueExcused(k, n, c.a1, vague.list[idx]) {
				c.vague = append(c.vague, k)
				c.vagueLen = append(c.vagueLen, n)
			}
			k += n - 1
			continue
		}
		if n, _ := d.longestAt(k, c.a1, a.lx.absolutes); n > 0 {
			c.absolutes = append(c.absolutes, span{k, k + n})
			k += n - 1
		}
	}
	c.checkable = len(c.vague) == 0 && !c.ph
	for k := c.a0; k < c.a1; k++ {
		if a.lx.support[d.w(k)] {
			c.supportive = true
		}
	}
	if c.side == PartyProfessional && a.lx.support["role:"+c.role] {
		c.supportive = true
	}
}

// vagueExcused reports whether a vague word at k is not vague here: part of
// a name ("family support worker"), a noun use ("change of address"), or
// defined in the same commitment ("supervise (Sharon stays in the room)").
func (a *analysis) vagueExcused(k, n, end int, p phrase) bool {
	d := a.d
	next := d.w(k + n)
	if a.lx.support["name:"+next] {
		return true // "support worker", "supervision order": part of a name
	}
	prev := d.w(k - 1)
	if k > 0 && d.toks[k-1].kind == tWord && d.toks[k-1].cap && d.toks[k-1].line == d.toks[k].line && !d.toks[k].cap {
		if p.text == "support" || p.text == "supervision" || p.text == "monitoring" {
			return true // "DLA support", "Early Help support": a named thing
		}
	}
	switch p.text {
	case "address":
		if prev != "to" && prev != "will" && prev != "and" && prev != "must" {
			return true
		}
	case "monitor", "monitors":
		if prev == "baby" || prev == "a" || prev == "the" {
			return true
		}
	case "regular":
		if next == "basis" {
			return false
		}
	case "work with":
		for j := k + n; j < end && j < k+n+10; j++ {
			if w := d.w(j); w == "on" || w == "to" || w == "about" {
				return true
			}
		}
	}
	if d.toks[k].cap && k > 0 && d.toks[k-1].cap && d.toks[k-1].kind == tWord {
		return true // inside a proper name: "Carers' Support Service"
	}
	// A definition in the same commitment.
	for j := k + n; j < end && j < k+n+20; j++ {
		switch d.w(j) {
		case "(", ":", "means", "meaning", "i.e", "ie", "e.g", "eg", "namely", "defined":
			return true
		case "that":
			if d.w(j+1) == "is" && d.w(j-1) == "," {
				return true
			}
		case "such":
			if d.w(j+1) == "as" {
				return true
			}
		case "for":
			if d.w(j+1) == "example" {
				return true
			}
		case ".", ";":
			return false
		}
	}
	return false
}

// timescale finds by when or how often tokens t0..t1 say something happens.
func (a *analysis) timescale(t0, t1 int) (string, bool) {
	d := a.d
	found := func(s, e int) (string, bool) {
		if p := d.w(s - 1); s-1 >= t0 && (p == "by" || p == "on" || p == "from" || p == "before" || p == "until" || p == "at" || p == "within" || p == "in") {
			s--
		}
		return d.orig(s, min(e, t1)), true
	}
	for _, dt := range a.dates[firstDateFrom(a.dates, t0):] {
		if dt.t0 >= t1 {
			break
		}
		if dt.t1 <= t1 {
			return found(dt.t0, dt.t1)
		}
	}
	for k := t0; k < t1; k++ {
		w := d.w(k)
		switch {
		case timeWord(w):
			return found(k, k+1)
		case w == "every" || w == "each":
			e := k + 1
			for e < t1 && e < k+5 && d.toks[e].kind != tPunct {
				e++
				if _, ok := unitWords[d.w(e-1)]; ok && d.w(e-1) != "school" && d.w(e-1) != "working" {
					break
				}
				if _, ok := weekdayNames[d.w(e-1)]; ok {
					break
				}
				if x := d.w(e - 1); x == "time" || x == "visit" || x == "session" || x == "evening" || x == "morning" || x == "night" || x == "weekday" || x == "weekend" || x == "afternoon" {
					break
				}
			}
			return found(k, e)
		case w == "daily" || w == "weekly" || w == "fortnightly" || w == "monthly" || w == "nightly" || w == "weekdays" || w == "weekends" || w == "annually" || w == "termly":
			return found(k, k+1)
		case w == "twice" || w == "once" || w == "thrice":
			e := k + 1
			if x := d.w(e); x == "a" || x == "per" || x == "every" || x == "each" {
				e += 2
			}
			return found(k, e)
		case weekdayNames[w] >= 0 && isWeekday(w):
			return found(k, k+1)
		case w == "within" || w == "for":
			j := k + 1
			if d.w(j) == "the" {
				j++
			}
			if d.w(j) == "first" || d.w(j) == "next" || d.w(j) == "last" {
				j++
			}
			if _, _, e, ok := d.intervalAt(j); ok {
				return found(k, e)
			}
			if _, ok := quantity(d.w(j)); ok && (d.w(j+1) == "hours" || d.w(j+1) == "hour" || d.w(j+1) == "minutes") {
				return found(k, j+2)
			}
		case w == "today" || w == "tonight" || w == "tomorrow" || w == "immediately" || w == "fortnight":
			return found(k, k+1)
		case w == "straight" && d.w(k+1) == "away", w == "same" && d.w(k+1) == "day", w == "next" && (d.w(k+1) == "day" || d.w(k+1) == "working"),
			w == "at" && d.w(k+1) == "once", w == "right" && d.w(k+1) == "away":
			e := k + 2
			if d.w(k+1) == "working" {
				e++
			}
			return found(k, e)
		case w == "date" && d.w(k-1) == "the" && d.w(k+1) == "of":
			return found(k-1, k+3)
		case w == "half" && d.w(k+1) == "term":
			return found(k, k+2)
		}
		if _, ok := monthNames[w]; ok && d.toks[k].cap && (d.w(k-1) == "of" || d.w(k-1) == "by" || d.w(k-1) == "in" || d.w(k-1) == "before") {
			return found(k, k+1)
		}
		if n, ok := quantity(w); ok && n > 0 {
			// "four days a week", "5 x mornings per week", "3 times a week"
			j := k + 1
			if x := d.w(j); x == "x" || x == "times" {
				j++
			}
			if x := d.w(j); x == "days" || x == "mornings" || x == "evenings" || x == "nights" || x == "afternoons" || x == "sessions" || x == "visits" || x == "times" {
				j++
			}
			if x := d.w(j); (x == "a" || x == "per" || x == "each" || x == "every") && (d.w(j+1) == "week" || d.w(j+1) == "day" || d.w(j+1) == "month" || d.w(j+1) == "fortnight") && j > k+1 {
				return found(k, j+2)
			}
		}
		if w == "on" || w == "at" {
			if x := d.w(k + 1); x == "school" || x == "weekday" || x == "weekdays" || x == "weekends" || x == "weekend" {
				if y := d.w(k + 2); x == "school" && (y == "days" || y == "nights" || y == "mornings") || x != "school" {
					return found(k, k+3)
				}
			}
		}
	}
	return "", false
}

func isWeekday(w string) bool {
	_, ok := weekdayNames[w]
	return ok && len(w) > 3
}
