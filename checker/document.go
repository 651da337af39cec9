package checker

import (
	"strings"
	"unicode/utf8"
)

// Line kinds.
const (
	lBlank   = iota
	lText    // ordinary prose
	lItem    // a bulleted or numbered list item
	lHeading // a short line that names what follows
	lLabel   // "Review: 16 August 2027" — a label and its value on one line
	lTable   // a tab-separated row
	lSig     // a signature line
)

// Topics of a section or label: what the text under a heading is about.
const (
	topNone = iota
	topAim
	topBackground
	topConseq
	topContingency
	topReview
	topSign
	topCopies
	topBreach
	topCommit
	topTime
	topPlan
	topDefs // what the agreement's words mean
)

// span is a half-open range of byte offsets.
type span struct{ s, e int }

// line is one line of the text as pasted.
type line struct {
	s, e      int // the line without its line break
	t0, t1    int // tokens
	c0        int // first token of the content, after any list marker
	kind      int
	marker    int // list marker: 0 none, 1 bullet, 2 number
	topic     int // topic of the label, for lLabel; of the heading, for lHeading
	labelEnd  int // for lLabel: first token after the colon
	actor     [2]int
	hasActor  bool
	blanks    []span // runs of dots or underscores
	cells     []span // token ranges of tab-separated cells (as t0,t1 in s,e)
	dashAt    int    // token index of a "Name – action" separator, or -1
	section   int
	header    bool // a table's header row
	sigTable  bool
	paraStart bool // first non-blank line after a blank line
	allCaps   bool // every letter upper case: a heading or label in capitals
	nameOnly  bool // a heading that is only a name or role
}

// sentence is a run of tokens ending at a full stop or line end.
type sentence struct {
	t0, t1  int
	s, e    int
	line    int
	topic   int
	heading bool
	sig     bool
	item    bool
	row     bool
	ph      bool // holds a placeholder
}

// section is the text under one heading.
type section struct {
	heading  int // line index, or -1 for the text before the first heading
	topic    int
	actor    [2]int // heading actor tokens, when the heading names who acts
	hasActor bool
	nameOnly bool // the heading is only a name or role: "Kirsty", "Hannah (social worker)"
}

// document is the text segmented for the rules.
type document struct {
	text      string
	norm      string
	toks      []token
	words     []string       // each token's normalised text: w(i) is the rules' most frequent call
	ids       []int32        // each token's number in the vocabulary of the built-in lists, or 0
	topics    map[string]int // topicOf by wording
	starts    [][]int32      // for each numbered list, the tokens its phrases' first words are at
	lines     []line
	sents     []sentence
	secs      []section
	ph        []span // placeholders, in text order
	lineStart []int
	para      []int           // for each line, the first line of its paragraph
	lower     map[string]bool // words the text writes in lower case somewhere
}

// lowerSeen reports whether the text writes w in lower case somewhere: a
// name is capitalised wherever it appears, a common noun is not.
func (d *document) lowerSeen(w string) bool {
	if d.lower == nil {
		d.lower = map[string]bool{}
		for i, t := range d.toks {
			if t.kind == tWord && !t.cap {
				d.lower[d.words[i]] = true
			}
		}
	}
	return d.lower[w]
}

// w returns the normalised text of token i.
func (d *document) w(i int) string {
	if uint(i) >= uint(len(d.words)) {
		return ""
	}
	return d.words[i]
}

// joined returns the normalised tokens t0..t1 joined by spaces.
func (d *document) joined(t0, t1 int) string {
	var b strings.Builder
	for i := t0; i < t1; i++ {
		if i > t0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.w(i))
	}
	return b.String()
}

// orig returns the original text of tokens t0..t1.
func (d *document) orig(t0, t1 int) string {
	if t0 >= t1 {
		return ""
	}
	return d.text[d.toks[t0].s:d.toks[t1-1].e]
}

func newDocument(text string) *document {
	d := &document{text: text}
	// Size the line slices once: growing them by doubling copied more
	// than the lines themselves on long texts.
	nl := strings.Count(text, "\n") + 1
	d.lines = make([]line, 0, nl)
	d.lineStart = make([]int, 0, nl)
	z := tokenizer{text: text, norm: make([]byte, 0, len(text)+16), toks: make([]token, 0, len(text)/4+8)}
	start := 0
	if strings.HasPrefix(text, "\ufeff") {
		start = 3
	}
	for i := start; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		next := len(text) + 1
		if j >= 0 {
			end = i + j
			next = end + 1
		}
		le := end
		if le > i && text[le-1] == '\r' {
			le--
		}
		d.lineStart = append(d.lineStart, i)
		d.addLine(&z, i, le)
		i = next
	}
	d.norm = string(z.norm)
	d.toks = z.toks
	d.words = make([]string, len(d.toks))
	for i, t := range d.toks {
		d.words[i] = d.norm[t.ns:t.ne]
	}
	if v := words(); v != nil && vocab != nil {
		d.ids = make([]int32, len(d.toks))
		count := make([]int, numberedLists)
		for i := range d.toks {
			id := vocab[d.words[i]]
			d.ids[i] = id
			for _, li := range startsOf[id] {
				count[li]++
			}
		}
		// One block for all the lists' positions, counted first, rather
		// than tens of slices grown by doubling.
		total := 0
		for _, c := range count {
			total += c
		}
		block := make([]int32, 0, total)
		d.starts = make([][]int32, numberedLists)
		for li, c := range count {
			d.starts[li] = block[len(block) : len(block) : len(block)+c]
			block = block[:len(block)+c]
		}
		for i, id := range d.ids {
			for _, li := range startsOf[id] {
				d.starts[li] = append(d.starts[li], int32(i))
			}
		}
	}
	d.classify()
	d.splitSentences()
	return d
}

// addLine tokenises one line, keeping runs of dots and underscores aside
// as blanks (signature spaces or placeholders).
func (d *document) addLine(z *tokenizer, s, e int) {
	ln := line{s: s, e: e, t0: len(z.toks), dashAt: -1}
	n := len(d.lines)
	seg := s
	if !hasBlankChars(d.text[s:e]) {
		z.run(s, e, n) // no dots, underscores or ellipses: no blanks
		ln.t1 = len(z.toks)
		ln.c0 = ln.t0
		d.lines = append(d.lines, ln)
		return
	}
	for i := s; i < e; {
		c := d.text[i]
		runEnd := i
		switch {
		case c == '_':
			for runEnd < e && d.text[runEnd] == '_' {
				runEnd++
			}
			if runEnd-i < 3 {
				runEnd = i
			}
		case c == '.' || strings.HasPrefix(d.text[i:e], "…"):
			dots, ell := 0, 0
			for runEnd < e {
				if d.text[runEnd] == '.' {
					dots++
					runEnd++
				} else if strings.HasPrefix(d.text[runEnd:e], "…") {
					ell++
					runEnd += len("…")
				} else {
					break
				}
			}
			if dots < 4 && ell < 2 && !(ell >= 1 && dots >= 1) {
				runEnd = i
			}
		}
		if runEnd > i {
			z.run(seg, i, n)
			ln.blanks = append(ln.blanks, span{i, runEnd})
			seg = runEnd
			i = runEnd
			continue
		}
		_, size := utf8.DecodeRuneInString(d.text[i:e])
		i += size
	}
	z.run(seg, e, n)
	ln.t1 = len(z.toks)
	ln.c0 = ln.t0
	d.lines = append(d.lines, ln)
}

// hasBlankChars reports whether s holds a dot, an underscore or the first
// byte of an ellipsis. (strings.IndexAny takes a slow path for a
// non-ASCII set, and this runs on every line.)
func hasBlankChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '_' || c == '.' || c == 0xe2 {
			return true
		}
	}
	return false
}
