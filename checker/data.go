package checker

import (
	"errors"
	"strconv"
	"strings"
)

// The word lists live in data/ as plain text so that practice leads can
// change them without touching the rules. data_gen.go holds them as string
// constants (go test ./checker -run TestDataGen -update rewrites it, and
// the test fails when it is stale): //go:embed would import embed, io/fs
// and with them time and godebug, which cost the page's WebAssembly module
// about 60 KB gzipped for nothing the checker needs.

// phrase is one entry of a word list, split into normalised tokens so it
// can be matched against the text's tokens.
type phrase struct {
	words []string
	text  string // as written in the list (lower case)
	hint  string // the second field, when the list has one
	extra string // the third field, when the list has one
}

// lexicon holds every parsed list.
type lexicon struct {
	vague       *phrases
	absolutes   *phrases
	jargon      *phrases
	plans       *phrases
	support     map[string]bool
	participles map[string]bool     // irregular past participles: "told", "kept"
	headings    map[string][]string // heading phrases by topic name
	kinds       map[string][]string // data/kinds.txt phrases by class
	roles       *phrases            // hint is "family" or "professional"
	negPre      *phrases
	negPost     *phrases
	negPseudo   *phrases
	negHyp      *phrases
	negTerm     map[string]bool
	acronyms    map[string]Term // by upper-case acronym
	expansion   map[string]string
	terms       []Term // the glossary, in file order
	lists       []*phrases
}

var lex *lexicon

// The lists are parsed when the package initialises (about a millisecond),
// after every package-level list has registered itself with builtin, so
// that Check needs no lock and the page's module no sync package.
func init() {
	// A broken list is a programming error: TestDataFiles fails on it
	// with the file and line. At run time the checker carries on with
	// what parsed.
	lex, _ = loadLexicon(dataFile)
	vocab = numberVocab(append(lex.lists, builtinLists...))
}

// words returns the parsed lists. A broken data file is a programming
// error caught by TestDataFiles; at run time the checker carries on with
// what parsed.
func words() *lexicon { return lex }

// loadLexicon parses the lists; read returns a file of data/ by name.
func loadLexicon(read func(name string) (string, bool)) (*lexicon, error) {
	l := &lexicon{
		support:     map[string]bool{},
		participles: map[string]bool{},
		headings:    map[string][]string{},
		kinds:       map[string][]string{},
		negTerm:     map[string]bool{},
		acronyms:    map[string]Term{},
		expansion:   map[string]string{},
	}
	var errs []error
	var vague, absolutes, jargon, plans, roles, negPre, negPost, negPseudo, negHyp []phrase
	each := func(file string, fields int, fn func(f []string) error) {
		b, ok := read(file)
		if !ok {
			errs = append(errs, errors.New("data/"+file+": missing"))
			return
		}
		for n, line := range strings.Split(b, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "|")
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			if len(f) < fields || f[0] == "" {
				errs = append(errs, errors.New("data/"+file+":"+strconv.Itoa(n+1)+": want "+strconv.Itoa(fields)+" fields separated by |"))
				continue
			}
			if err := fn(f); err != nil {
				errs = append(errs, errors.New("data/"+file+":"+strconv.Itoa(n+1)+": "+err.Error()))
			}
		}
	}
	each("vague.txt", 2, func(f []string) error {
		for _, form := range strings.Split(f[0], ",") {
			vague = append(vague, newPhrase(form, f[1], ""))
		}
		return nil
	})
	each("absolutes.txt", 1, func(f []string) error { absolutes = append(absolutes, newPhrase(f[0], "", "")); return nil })
	each("jargon.txt", 2, func(f []string) error { jargon = append(jargon, newPhrase(f[0], f[1], "")); return nil })
	each("plans.txt", 1, func(f []string) error { plans = append(plans, newPhrase(f[0], "", "")); return nil })
	each("support.txt", 1, func(f []string) error { l.support[strings.ToLower(f[0])] = true; return nil })
	each("kinds.txt", 2, func(f []string) error {
		switch f[0] {
		case "other", "about", "note", "agreed":
			l.kinds[f[0]] = append(l.kinds[f[0]], joinNorm(f[1]))
		default:
			return errors.New("unknown class " + strconv.Quote(f[0]))
		}
		return nil
	})
	each("headings.txt", 2, func(f []string) error {
		known := false
		for _, tn := range topicNames {
			known = known || tn.name == f[0]
		}
		if !known {
			return errors.New("unknown topic " + strconv.Quote(f[0]))
		}
		// Headings are matched against normalised words joined by spaces.
		star := strings.HasSuffix(f[1], "*")
		h := joinNorm(strings.TrimSuffix(f[1], "*"))
		if star {
			h += "*"
		}
		l.headings[f[0]] = append(l.headings[f[0]], h)
		return nil
	})
	each("participles.txt", 1, func(f []string) error { l.participles[strings.ToLower(f[0])] = true; return nil })
	each("roles.txt", 2, func(f []string) error {
		if f[1] != PartyFamily && f[1] != PartyProfessional {
			return errors.New(strconv.Quote(f[0]) + ": side must be family or professional")
		}
		roles = append(roles, newPhrase(f[0], f[1], ""))
		return nil
	})
	each("negation.txt", 1, func(f []string) error {
		kind, cue, ok := strings.Cut(f[0], ":")
		cue = strings.TrimSpace(cue)
		if kind == "term" && cue == "" { // "term: :" splits oddly
			cue = ":"
		}
		if !ok || cue == "" {
			return errors.New(strconv.Quote(f[0]) + ": want kind: cue")
		}
		p := newPhrase(cue, "", "")
		switch kind {
		case "pre":
			negPre = append(negPre, p)
		case "post":
			negPost = append(negPost, p)
		case "pseudo":
			negPseudo = append(negPseudo, p)
		case "hyp":
			negHyp = append(negHyp, p)
		case "term":
			l.negTerm[cue] = true
		default:
			return errors.New("unknown kind " + strconv.Quote(kind))
		}
		return nil
	})
	each("glossary.txt", 2, func(f []string) error {
		if len(f) == 3 {
			t := Term{Term: f[0], Meaning: capitalise(f[1]) + ". " + f[2], Acronym: true}
			l.acronyms[f[0]] = t
			l.expansion[f[0]] = f[1]
			l.terms = append(l.terms, t)
			return nil
		}
		l.terms = append(l.terms, Term{Term: f[0], Meaning: f[1]})
		return nil
	})
	l.vague, l.absolutes, l.jargon, l.plans = newPhrases(vague), newPhrases(absolutes), newPhrases(jargon), newPhrases(plans)
	l.roles, l.negPre, l.negPost = newPhrases(roles), newPhrases(negPre), newPhrases(negPost)
	l.negPseudo, l.negHyp = newPhrases(negPseudo), newPhrases(negHyp)
	l.lists = []*phrases{l.vague, l.absolutes, l.jargon, l.plans, l.roles, l.negPre, l.negPost, l.negPseudo, l.negHyp}
	return l, errors.Join(errs...)
}

// joinNorm returns a list entry as the text's normalised words joined by
// spaces, the form document.joined gives.
func joinNorm(s string) string {
	norm, toks := tokenize(strings.ToLower(s))
	ws := make([]string, 0, len(toks))
	for _, t := range toks {
		ws = append(ws, norm[t.ns:t.ne])
	}
	return strings.Join(ws, " ")
}

// newPhrase tokenises a list entry the same way the text is tokenised.
func newPhrase(text, hint, extra string) phrase {
	text = strings.ToLower(strings.TrimSpace(text))
	norm, toks := tokenize(text)
	p := phrase{text: text, hint: hint, extra: extra}
	for _, t := range toks {
		p.words = append(p.words, norm[t.ns:t.ne])
	}
	return p
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-32) + s[1:]
}

// phrases is a word list indexed by first word, so that matching at a
// token looks only at the entries that could start there.
type phrases struct {
	list  []phrase
	first map[string][]int32
	quick [256]uint64 // bit len%64 set for each first word's first byte: a cheap "cannot match"

	// The numbered form, for built-in lists once the vocabulary is
	// numbered (see numberVocab): each phrase as word numbers, the phrases
	// by the number of their first word, and a bit set of those numbers.
	ids  [][]int32
	byID map[int32][]int32
	has  []uint64
	idx  int // position among the numbered lists
}

// builtinLists holds every list built into the package. They are
// numbered together when the lexicon loads, so that a document's words
// are looked up once and matched as integers afterwards: on a 10 MB text
// the rules scan the words many times, and comparing strings dominated.
var builtinLists []*phrases

// builtin registers a list built at package initialisation or while the
// lexicon loads (both single-threaded).
func builtin(x *phrases) *phrases {
	builtinLists = append(builtinLists, x)
	return x
}

// vocab numbers every word of the built-in lists from 1; a word of the
// text that is in no list is 0.
var vocab map[string]int32

// startsOf lists, for each word number, the numbered lists that have a
// phrase beginning with that word; a document uses it to record where
// each list could match in one pass over its words.
var startsOf [][]int16

// numberedLists counts the numbered lists.
var numberedLists int

func numberVocab(lists []*phrases) map[string]int32 {
	v := map[string]int32{}
	for _, x := range lists {
		for _, p := range x.list {
			for _, w := range p.words {
				if _, ok := v[w]; !ok {
					v[w] = int32(len(v) + 1)
				}
			}
		}
	}
	words := (len(v) + 1 + 63) / 64
	startsOf = make([][]int16, len(v)+1)
	numberedLists = len(lists)
	for li, x := range lists {
		x.idx = li
		x.ids = make([][]int32, len(x.list))
		x.byID = map[int32][]int32{}
		x.has = make([]uint64, words)
		for i, p := range x.list {
			if len(p.words) == 0 {
				continue
			}
			ids := make([]int32, len(p.words))
			for k, w := range p.words {
				ids[k] = v[w]
			}
			x.ids[i] = ids
			if len(x.byID[ids[0]]) == 0 {
				startsOf[ids[0]] = append(startsOf[ids[0]], int16(li))
			}
			x.byID[ids[0]] = append(x.byID[ids[0]], int32(i))
			x.has[ids[0]>>6] |= 1 << (ids[0] & 63)
		}
	}
	return v
}

func newPhrases(ps []phrase) *phrases {
	x := &phrases{list: ps, first: map[string][]int32{}}
	for i, p := range ps {
		if len(p.words) > 0 {
			x.first[p.words[0]] = append(x.first[p.words[0]], int32(i))
			w := p.words[0]
			x.quick[w[0]] |= 1 << (len(w) & 63)
		}
	}
	return x
}
