package checker

import "strings"

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
	kind elemKind
	ids  []int32 // the stems' numbers in the concept set's vocabulary
	refs []int   // concept indexes
	name bool    // a capitalised word inside a sentence
	year bool    // a four-digit year
	gap  int     // for eGap
	opt  bool
}

type conceptSet struct {
	names    []string
	patterns [][][]elem        // by concept: its patterns
	first    []map[int32][]int // by concept: patterns by the stem number they start with
	vocab    map[string]int32  // stem -> number (from 1)
	anyFirst [][]int           // patterns whose first element is not a plain word
	byName   map[string]int
	byStem   [][]int // by stem number: concepts that can start with it
	anyStart []int   // concepts that can start with any word
}

var concepts *conceptSet

func init() {
	f := strings.Fields(irregularPairs)
	for i := 0; i+1 < len(f); i += 2 {
		irregular[f[i]] = f[i+1]
	}
	concepts = decodeConcepts(conceptNames, conceptStems, conceptCode[:])
}

// decodeConcepts reads the tables concepts_gen.go holds: the concept
// names, the stems (numbered from 1) and the patterns as numbers. The
// tables are made from data/situations.txt by TestConceptGen, so the
// page's module carries neither the text nor its parser.
func decodeConcepts(names, stems string, code []uint16) *conceptSet {
	cs := &conceptSet{byName: map[string]int{}, vocab: map[string]int32{}}
	cs.names = strings.Fields(names)
	for i, n := range cs.names {
		cs.byName[n] = i
	}
	for i, st := range strings.Fields(stems) {
		cs.vocab[st] = int32(i + 1)
	}
	cs.patterns = make([][][]elem, len(cs.names))
	next := func() int {
		v := int(code[0])
		code = code[1:]
		return v
	}
	for c := range cs.names {
		for np := next(); np > 0; np-- {
			pat := make([]elem, next())
			for i := range pat {
				fl := next()
				e := elem{opt: fl&1 != 0, name: fl&2 != 0, year: fl&4 != 0}
				if g := fl >> 3; g > 0 {
					e.kind, e.gap = eGap, g
				}
				for n := next(); n > 0; n-- {
					e.ids = append(e.ids, int32(next()))
				}
				for n := next(); n > 0; n-- {
					e.refs = append(e.refs, next())
				}
				pat[i] = e
			}
			cs.patterns[c] = append(cs.patterns[c], pat)
		}
	}
	cs.index()
	return cs
}

// irregular maps irregular forms to the form the stemmer gives their base,
// so that "threw" matches "throw" and "kept" matches "keep". It is read
// from the [irregular] section of data/situations.txt ("threw throw").
var irregular = map[string]string{}

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

// index builds the lookups that let the matcher try only the patterns
// that can start at a word.
func (cs *conceptSet) index() {
	// Index each concept's patterns by the stems they can start with.
	cs.first = make([]map[int32][]int, len(cs.names))
	cs.anyFirst = make([][]int, len(cs.names))
	for c := range cs.names {
		cs.first[c] = map[int32][]int{}
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
	cs.byStem = make([][]int, len(cs.vocab)+1)
	for c := range cs.names {
		if len(cs.anyFirst[c]) > 0 {
			cs.anyStart = append(cs.anyStart, c)
			continue
		}
		for st := range cs.first[c] {
			cs.byStem[st] = append(cs.byStem[st], c)
		}
	}
	// Map order is random; keep each list in concept order so that every
	// run does the same work in the same order.
	for st := range cs.byStem {
		insertionSort(cs.byStem[st])
	}
}

// firstStems lists the stems an element can start with; any is true when it
// can start with any word (a name, a year, or too deep a reference).
func (cs *conceptSet) firstStems(e elem, depth int) (stems []int32, any bool) {
	if e.kind == eGap || e.name || e.year || depth > 4 {
		return nil, true
	}
	stems = append(stems, e.ids...)
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

// matcher matches concepts against one document's stems. It finds every
// match of every concept once, in one pass over the tokens that can start
// one, so that the detectors' many questions cost a binary search each and
// the whole stays linear in the length of the text.
type matcher struct {
	cs     *conceptSet
	d      *document
	ids    []int32      // each token's stem number, 0 when no pattern uses it
	starts [][][2]int32 // by concept: (start, end) of the longest match at each start
}

func newMatcher(d *document) *matcher { return newMatcherWith(concepts, d) }

func newMatcherWith(cs *conceptSet, d *document) *matcher {
	m := &matcher{cs: cs, d: d, ids: make([]int32, len(d.toks))}
	// Stem each distinct word once.
	seen := map[string]int32{}
	for i := range d.toks {
		w := d.w(i)
		id, ok := seen[w]
		if !ok {
			id = cs.vocab[stem(w)]
			seen[w] = id
		}
		m.ids[i] = id
	}
	m.starts = make([][][2]int32, len(m.cs.names))
	for _, sn := range d.sents {
		for k := sn.t0; k < sn.t1; k++ {
			try := func(c int) {
				if e := m.at(c, k, sn.t1, 0); e > k {
					if l := m.starts[c]; len(l) == 0 || int(l[len(l)-1][0]) != k {
						m.starts[c] = append(m.starts[c], [2]int32{int32(k), int32(e)})
					}
				}
			}
			for _, c := range m.cs.byStem[m.ids[k]] {
				try(c)
			}
			for _, c := range m.cs.anyStart {
				try(c)
			}
		}
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
	l := m.starts[idx]
	lo, hi := 0, len(l)
	for lo < hi {
		mid := (lo + hi) / 2
		if int(l[mid][0]) < t0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for i := lo; i < len(l) && int(l[i][0]) < t1; i++ {
		if int(l[i][1]) <= t1 {
			return int(l[i][0]), int(l[i][1]), true
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
	if id := m.ids[k]; id != 0 {
		try(m.cs.first[c][id])
	}
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
	next := func(end int) {
		if r := m.seq(pat, i+1, end, limit, depth); r > best {
			best = r
		}
	}
	if id := m.ids[k]; id != 0 {
		for _, w := range e.ids {
			if id == w {
				next(k + 1)
				break
			}
		}
	}
	if e.name {
		t := m.d.toks[k]
		if t.kind == tWord && t.cap && !t.upper && (k > 0 && m.d.toks[k-1].line == t.line && !isStop(m.d.w(k-1)) || m.ids[k] == 0 && !strings.Contains(sentenceOpeners, " "+m.d.w(k)+" ")) {
			next(k + 1)
		}
	}
	if e.year {
		if w := m.d.w(k); len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && m.d.toks[k].kind == tNum {
			next(k + 1)
		}
	}
	for _, r := range e.refs {
		if end := m.at(r, k, limit, depth+1); end > k {
			next(end)
		}
	}
	return best
}

// insertionSort sorts a short list. slices.Sort would link a generic
// pdqsort for each element type into the page's module, about 3 KB
// gzipped apiece, for lists of a handful of items.
func insertionSort[T int | string](s []T) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// sentenceOpeners are capitalised at the head of a sentence without being
// names.
const sentenceOpeners = " the this that these those if when we i you he she it they there our your his her their a an in on at after before please as so for all any each every no not what who why how where once while until both mum dad "

// isStop reports a token that ends a clause for gaps and scopes.
func isStop(w string) bool {
	switch w {
	case ".", ";", "?", "!", ":":
		return true
	}
	return false
}
