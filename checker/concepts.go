package checker

import (
	"errors"
	"strconv"
	"strings"
)

// Concepts: the never-use situations are recognised by meaning, so the
// lists in data/situations.txt name concepts ("harm to an adult", "an
// earlier agreement", "signing made a condition") as small patterns over
// word stems rather than as fixed phrases. A pattern is a sequence of
// elements separated by spaces:
//
//	word        a word, matched by its stem (push, pushed, pushing, pushes)
//	a/b/c       any one of these words
//	@name       anything the concept "name" matches
//	*           up to three words of any kind;  **  up to eight
//	NAME        a capitalised word that is not the first of its sentence
//	YEAR        a four-digit year
//	(word)      optional: the element may be left out
//
// Stems make "keeps her bank card" and "kept her bank card" one pattern, so
// a list states a pattern of the language, not a sentence someone wrote.

type elemKind uint8

const (
	eAlt elemKind = iota // one of words, names, years and concepts
	eGap
)

type elem struct {
	kind  elemKind
	words []string // stems
	refs  []int    // concept indexes
	name  bool     // a capitalised word inside a sentence
	year  bool     // a four-digit year
	gap   int      // for eGap
	opt   bool
}

type conceptSet struct {
	names    []string
	patterns [][][]elem // by concept: its patterns
	first    []map[string][]int
	anyFirst [][]int // patterns whose first element is not a plain word
	byName   map[string]int
}

var concepts *conceptSet

func init() {
	text, _ := dataFile("situations.txt")
	concepts, conceptErr = parseConcepts(text, "data/situations.txt")
}

// conceptErr is reported by TestConcepts with file and line.
var conceptErr error

// irregular maps irregular verb forms to the form the stemmer gives their
// base, so that "threw" matches "throw" and "kept" matches "keep".
var irregular = map[string]string{
	"threw": "throw", "thrown": "throw", "broke": "break", "broken": "break", "kept": "keep", "took": "take",
	"taken": "take", "held": "hold", "hit": "hit", "hits": "hit", "hitting": "hit", "beat": "beat", "beaten": "beat",
	"fought": "fight", "told": "tell", "said": "say", "made": "make", "went": "go", "gone": "go",
	"got": "get", "gotten": "get", "sent": "send", "stuck": "stick", "fell": "fall", "fallen": "fall",
	"came": "come", "saw": "see", "seen": "see", "cut": "cut", "put": "put", "bit": "bite", "bitten": "bite",
	"stole": "steal", "stolen": "steal", "drove": "drive", "driven": "drive", "brought": "bring", "found": "find",
	"controlling": "control", "controlled": "control", "controls": "control", "patrolled": "patrol",
	"signing": "sign", "signed": "sign", "signs": "sign", "agreed": "agree", "agreeing": "agree", "agrees": "agree",
	"used": "use", "using": "use", "uses": "use", "closing": "close", "closed": "close", "closes": "close",
	"closure": "closure", "ex": "ex", "was": "was", "has": "has", "is": "is", "this": "this", "us": "us",
	"his": "his", "her": "her", "does": "does", "goes": "go", "going": "go", "being": "be", "been": "be",
	"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "wont": "won't", "cant": "can't", "isnt": "isn't",
	"wasnt": "wasn't", "im": "i'm", "ill": "i'll", "hes": "he's", "shes": "she's",
	"ran": "run", "running": "run", "spiralled": "spiral", "spiralling": "spiral", "shouting": "shout",
	"children": "child", "kids": "kid", "men": "man", "women": "woman",
}

// stem reduces a normalised word to a crude stem: enough to join the
// inflections of English verbs and nouns, the same way on both sides.
func stem(w string) string {
	if s, ok := irregular[w]; ok {
		return dropE(s)
	}
	n := len(w)
	if n <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		w = w[:n-2]
	case strings.HasSuffix(w, "ing") && n > 5:
		w = undouble(w[:n-3])
	case strings.HasSuffix(w, "ied") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "ed") && n > 4:
		w = undouble(w[:n-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	return dropE(w)
}

// dropE joins "close" and "clos(ing)": a final e goes from longer words.
func dropE(w string) string {
	if len(w) > 4 && w[len(w)-1] == 'e' {
		return w[:len(w)-1]
	}
	return w
}

// undouble turns "stopp" into "stop" and "hitt" into "hit".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'b', 'd', 'g', 'm', 'n', 'p', 't', 'r':
			return w[:n-1]
		}
	}
	return w
}

// parseConcepts reads the concept file: "[name]" starts a concept, each
// further line is one pattern of it.
func parseConcepts(text, file string) (*conceptSet, error) {
	cs := &conceptSet{byName: map[string]int{}}
	type pending struct {
		concept, line int
		src           string
	}
	var lines []pending
	cur := -1
	var errs []error
	for n, raw := range strings.Split(text, "\n") {
		l := strings.TrimSpace(raw)
		if l == "" || l[0] == '#' {
			continue
		}
		if l[0] == '[' && l[len(l)-1] == ']' {
			name := strings.TrimSpace(l[1 : len(l)-1])
			if _, dup := cs.byName[name]; dup || name == "" || strings.ContainsAny(name, " /*") {
				errs = append(errs, errors.New(file+":"+strconv.Itoa(n+1)+": bad or repeated concept name "+strconv.Quote(name)))
				continue
			}
			cs.byName[name] = len(cs.names)
			cs.names = append(cs.names, name)
			cur = len(cs.names) - 1
			continue
		}
		if cur < 0 {
			errs = append(errs, errors.New(file+":"+strconv.Itoa(n+1)+": pattern before any @concept line"))
			continue
		}
		lines = append(lines, pending{cur, n + 1, l})
	}
	cs.patterns = make([][][]elem, len(cs.names))
	for _, p := range lines {
		var pat []elem
		for _, f := range strings.Fields(p.src) {
			e := elem{}
			if len(f) > 2 && f[0] == '(' && f[len(f)-1] == ')' {
				e.opt = true
				f = f[1 : len(f)-1]
			}
			switch {
			case f == "*":
				e.kind, e.gap = eGap, 3
			case f == "**":
				e.kind, e.gap = eGap, 8
			default:
				// Alternatives: words, NAME, YEAR and @concepts, mixed.
				for _, w := range strings.Split(f, "/") {
					switch {
					case w == "":
					case w == "NAME":
						e.name = true
					case w == "YEAR":
						e.year = true
					case w[0] == '@':
						idx, ok := cs.byName[w[1:]]
						if !ok {
							errs = append(errs, errors.New(file+":"+strconv.Itoa(p.line)+": unknown concept "+w))
							continue
						}
						e.refs = append(e.refs, idx)
					default:
						e.words = append(e.words, stem(w))
					}
				}
			}
			pat = append(pat, e)
		}
		if len(pat) == 0 || pat[0].kind == eGap || pat[0].opt || pat[0].kind == eAlt && len(pat[0].words)+len(pat[0].refs) == 0 && !pat[0].name && !pat[0].year {
			errs = append(errs, errors.New(file+":"+strconv.Itoa(p.line)+": a pattern must start with a word, a name or a concept"))
			continue
		}
		cs.patterns[p.concept] = append(cs.patterns[p.concept], pat)
	}
	// Index each concept's patterns by the stems they can start with.
	cs.first = make([]map[string][]int, len(cs.names))
	cs.anyFirst = make([][]int, len(cs.names))
	for c := range cs.names {
		cs.first[c] = map[string][]int{}
		for i, pat := range cs.patterns[c] {
			stems, any := cs.firstStems(pat[0], 0)
			if any {
				cs.anyFirst[c] = append(cs.anyFirst[c], i)
				continue
			}
			for _, s := range stems {
				cs.first[c][s] = append(cs.first[c][s], i)
			}
		}
	}
	return cs, errors.Join(errs...)
}

// firstStems lists the stems an element can start with; any is true when it
// can start with any word (a name, a year, or too deep a reference).
func (cs *conceptSet) firstStems(e elem, depth int) (stems []string, any bool) {
	if e.kind == eGap || e.name || e.year || depth > 4 {
		return nil, true
	}
	stems = append(stems, e.words...)
	for _, r := range e.refs {
		for _, pat := range cs.patterns[r] {
			s, a := cs.firstStems(pat[0], depth+1)
			if a {
				return nil, true
			}
			stems = append(stems, s...)
		}
	}
	return stems, false
}

// matcher matches concepts against one document's stems.
type matcher struct {
	cs    *conceptSet
	d     *document
	stems []string
}

func newMatcher(d *document) *matcher {
	m := &matcher{cs: concepts, d: d, stems: make([]string, len(d.toks))}
	for i := range d.toks {
		m.stems[i] = stem(d.w(i))
	}
	return m
}

// find returns the first match of concept c starting in t0..t1 and ending by
// t1, as token indexes, or ok false.
func (m *matcher) find(c string, t0, t1 int) (int, int, bool) {
	idx, ok := m.cs.byName[c]
	if !ok {
		panic("checker: unknown concept " + c) // a programming error caught by every test
	}
	for k := t0; k < t1; k++ {
		if e := m.at(idx, k, t1, 0); e > k {
			return k, e, true
		}
	}
	return 0, 0, false
}

// all returns every non-overlapping match of concept c in t0..t1.
func (m *matcher) all(c string, t0, t1 int) [][2]int {
	var out [][2]int
	for k := t0; k < t1; {
		s, e, ok := m.find(c, k, t1)
		if !ok {
			break
		}
		out = append(out, [2]int{s, e})
		k = e
	}
	return out
}

// at returns the end of the longest match of concept c at token k, or -1.
func (m *matcher) at(c, k, limit, depth int) int {
	if k >= limit || depth > 6 {
		return -1
	}
	best := -1
	try := func(list []int) {
		for _, i := range list {
			if e := m.seq(m.cs.patterns[c][i], 0, k, limit, depth); e > best {
				best = e
			}
		}
	}
	try(m.cs.first[c][m.stems[k]])
	try(m.cs.anyFirst[c])
	return best
}

// seq matches pattern elements from i at token k; it returns the end of
// the longest match or -1.
func (m *matcher) seq(pat []elem, i, k, limit, depth int) int {
	if i == len(pat) {
		return k
	}
	e := pat[i]
	best := -1
	if e.opt {
		best = m.seq(pat, i+1, k, limit, depth)
	}
	switch e.kind {
	case eGap:
		for g := 0; g <= e.gap && k+g <= limit; g++ {
			if g > 0 && isStop(m.d.w(k+g-1)) {
				break
			}
			if r := m.seq(pat, i+1, k+g, limit, depth); r > best {
				best = r
			}
		}
		return best
	}
	if k >= limit {
		return best
	}
	ends := m.alt(e, k, limit, depth)
	for _, end := range ends {
		if r := m.seq(pat, i+1, end, limit, depth); r > best {
			best = r
		}
	}
	return best
}

// alt returns the ends of the ways element e matches at token k.
func (m *matcher) alt(e elem, k, limit, depth int) []int {
	var ends []int
	for _, w := range e.words {
		if m.stems[k] == w {
			ends = append(ends, k+1)
			break
		}
	}
	if e.name {
		t := m.d.toks[k]
		if t.kind == tWord && t.cap && !t.upper && k > 0 && m.d.toks[k-1].line == t.line && !isStop(m.d.w(k-1)) {
			ends = append(ends, k+1)
		}
	}
	if e.year {
		if w := m.d.w(k); len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && m.d.toks[k].kind == tNum {
			ends = append(ends, k+1)
		}
	}
	for _, r := range e.refs {
		if end := m.at(r, k, limit, depth+1); end > k {
			ends = append(ends, end)
		}
	}
	return ends
}

// isStop reports a token that ends a clause for gaps and scopes.
func isStop(w string) bool {
	switch w {
	case ".", ";", "?", "!", ":":
		return true
	}
	return false
}
