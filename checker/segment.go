package checker

import "strings"

var bulletMarks = map[string]bool{"•": true, "·": true, "*": true, "-": true, "▪": true, "◦": true,
	"○": true, "●": true, "►": true, "‣": true, "⁃": true, "✓": true, "o": false, ">": true, "+": true}

var questionWords = map[string]bool{"what": true, "who": true, "when": true, "why": true, "how": true, "which": true, "if": true, "where": true}

// classify sets each line's kind, list marker, label, heading topic and
// section, and marks signature lines.
func (d *document) classify() {
	for i := range d.lines {
		d.classifyLine(i)
	}
	// Paragraph starts.
	prevBlank := true
	d.para = make([]int, len(d.lines))
	cur := 0
	for i := range d.lines {
		ln := &d.lines[i]
		if ln.kind == lBlank {
			prevBlank = true
			d.para[i] = i
			continue
		}
		ln.paraStart = prevBlank || ln.kind == lHeading
		if ln.paraStart {
			cur = i
		}
		d.para[i] = cur
		prevBlank = false
	}
	// Sections and signature blocks.
	d.secs = append(d.secs, section{heading: -1})
	cur = 0
	for i := range d.lines {
		ln := &d.lines[i]
		if ln.kind == lHeading {
			sec := section{heading: i, topic: ln.topic, actor: ln.actor, hasActor: ln.hasActor, nameOnly: ln.nameOnly}
			if sec.topic == topNone && sec.hasActor && !sec.nameOnly {
				sec.topic = topCommit
			}
			d.secs = append(d.secs, sec)
			cur = len(d.secs) - 1
		}
		ln.section = cur
		if ln.kind != lHeading && ln.kind != lBlank && d.secs[cur].topic == topSign && ln.kind != lLabel {
			ln.kind = lSig
		}
		if ln.kind == lTable && ln.header && ln.sigTable {
			ln.kind = lSig
		}
	}
	// Rows under a signature table header are signature rows.
	for i := 1; i < len(d.lines); i++ {
		if d.lines[i].kind == lTable && (d.lines[i-1].kind == lSig && d.lines[i-1].sigTable) {
			d.lines[i].kind = lSig
			d.lines[i].sigTable = true
		}
	}
}

func (d *document) classifyLine(i int) {
	ln := &d.lines[i]
	if ln.t0 == ln.t1 {
		if len(ln.blanks) == 0 {
			ln.kind = lBlank
		} else {
			ln.kind = lSig
		}
		return
	}
	ln.kind = lText
	t0 := ln.t0
	words, upper := 0, 0
	for k := ln.t0; k < ln.t1; k++ {
		if t := d.toks[k]; t.kind == tWord {
			words++
			if t.upper || t.cap && t.e-t.s == 1 {
				upper++
			}
		}
	}
	ln.allCaps = words >= 2 && upper == words
	// List markers.
	first := d.w(t0)
	switch {
	case bulletMarks[first] && t0+1 < ln.t1:
		ln.marker, ln.c0 = 1, t0+1
	case d.toks[t0].kind == tNum && isMarkerNumber(first) && t0+1 < ln.t1:
		if strings.Contains(first, ".") && d.toks[t0+1].kind != tPunct {
			ln.marker, ln.c0 = 2, t0+1
		} else if (d.w(t0+1) == "." || d.w(t0+1) == ")") && t0+2 < ln.t1 && d.toks[t0+1].s == d.toks[t0].e {
			ln.marker, ln.c0 = 2, t0+2
		}
	case first == "(" && t0+3 < ln.t1 && d.w(t0+2) == ")" && len(d.w(t0+1)) <= 4:
		ln.marker, ln.c0 = 2, t0+3
	case len(first) == 1 && first[0] >= 'a' && first[0] <= 'z' && !d.toks[t0].cap && d.w(t0+1) == ")" && t0+2 < ln.t1:
		ln.marker, ln.c0 = 2, t0+2
	}
	if ln.marker != 0 {
		ln.kind = lItem
	}
	if ln.c0 >= ln.t1 {
		ln.kind = lBlank
		return
	}
	raw := d.text[ln.s:ln.e]
	// Tab-separated rows.
	if strings.Contains(strings.TrimSpace(raw), "\t") {
		d.splitCells(ln)
		if len(ln.cells) >= 2 {
			ln.kind = lTable
			return
		}
		ln.cells = nil
	}
	if d.isSigLine(ln) {
		ln.kind = lSig
		return
	}
	// "Label: value" lines.
	for k := ln.c0; k < ln.t1 && k < ln.c0+8; k++ {
		if d.w(k) != ":" {
			continue
		}
		if k == ln.c0 {
			break
		}
		if k+1 < ln.t1 {
			ln.kind = lLabel
			ln.labelEnd = k + 1
			ln.topic = d.topicOf(ln.c0, k)
			return
		}
		break
	}
	// "Name – action" rows.
	for k := ln.c0 + 1; k < ln.t1-1 && k <= ln.c0+8; k++ {
		if d.w(k) != "-" || d.toks[k].e-d.toks[k].s == 1 && d.text[d.toks[k].s] == '-' && false {
			continue
		}
		t := d.toks[k]
		if t.s == 0 || t.e >= len(d.text) || d.text[t.s-1] != ' ' || (d.text[t.e] != ' ' && d.text[t.e] != '\u00a0'&0xff) {
			continue
		}
		if nx := d.w(k + 1); d.toks[k+1].kind == tWord && (!d.toks[k+1].cap || nx == "i" || modalContraction(nx)) {
			ln.dashAt = k
		}
		break
	}
	if len(ln.blanks) == 0 && ln.dashAt < 0 && d.looksLikeHeading(ln) {
		ln.kind = lHeading
		ln.topic = d.topicOf(ln.c0, ln.t1)
		ln.actor, ln.hasActor = d.headingActor(ln.c0, ln.t1)
		if !ln.hasActor {
			ln.actor, ln.nameOnly = d.nameHeading(ln.c0, ln.t1)
			ln.hasActor = ln.nameOnly
		}
	}
}

func isMarkerNumber(s string) bool {
	if len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			return false
		}
	}
	return s[0] != '0' && !(len(s) >= 3 && s[0] != '.' && !strings.Contains(s, "."))
}

// splitCells records the token ranges of the tab-separated cells of ln.
func (d *document) splitCells(ln *line) {
	cellStart := ln.s
	flush := func(end int) {
		t0, t1 := -1, -1
		for k := ln.c0; k < ln.t1; k++ {
			if d.toks[k].s >= cellStart && d.toks[k].e <= end {
				if t0 < 0 {
					t0 = k
				}
				t1 = k + 1
			}
		}
		if t0 >= 0 {
			ln.cells = append(ln.cells, span{t0, t1})
		}
	}
	for i := ln.s; i < ln.e; i++ {
		if d.text[i] == '\t' {
			flush(i)
			cellStart = i + 1
		}
	}
	flush(ln.e)
	if len(ln.cells) >= 2 {
		words := 0
		digits := false
		sig := false
		for _, c := range ln.cells {
			words = max(words, c.e-c.s)
			for k := c.s; k < c.e; k++ {
				if d.toks[k].kind == tNum {
					digits = true
				}
				if w := d.w(k); w == "signature" || w == "signed" || w == "sign" {
					sig = true
				}
			}
		}
		// Only the first row of a table can be its header.
		prev := int(d.toks[ln.t0].line) - 1
		first := prev < 0 || d.lines[prev].kind != lTable && d.lines[prev].kind != lSig
		if first && !digits && words <= 4 && d.toks[ln.cells[0].s].cap && len(ln.blanks) == 0 {
			ln.header = true
			ln.sigTable = sig
		}
	}
}

// isSigLine reports whether ln is a place to sign: blanks to write in and
// either a signing word, a "Date", or nothing but a name before the blank.
func (d *document) isSigLine(ln *line) bool {
	first := d.w(ln.c0)
	if first == "signed" || first == "signature" || first == "signatures" {
		if len(ln.blanks) > 0 || d.hasWord(ln.c0, ln.t1, "date") {
			return true
		}
	}
	if len(ln.blanks) == 0 {
		return false
	}
	if d.hasWord(ln.c0, ln.t1, "will") || d.hasWord(ln.c0, ln.t1, "to") {
		return false
	}
	for k := ln.c0; k < ln.t1; k++ {
		if d.w(k) == "date" && (k == ln.c0 || d.w(k-1) != "<") {
			return true
		}
	}
	// Nothing but a name (and a role in brackets) before the first blank.
	n := 0
	for k := ln.c0; k < ln.t1 && d.toks[k].e <= ln.blanks[0].s; k++ {
		t := d.toks[k]
		if t.kind == tWord && !t.cap {
			return false
		}
		n++
	}
	return n > 0 && n <= 8
}

func (d *document) hasWord(t0, t1 int, w string) bool {
	for k := t0; k < t1; k++ {
		if d.w(k) == w {
			return true
		}
	}
	return false
}

func (d *document) looksLikeHeading(ln *line) bool {
	last := d.w(ln.t1 - 1)
	if last == "." || last == "," || last == ";" {
		return false
	}
	words := 0
	letters, uppers := 0, 0
	will := false
	for k := ln.c0; k < ln.t1; k++ {
		t := d.toks[k]
		if t.kind == tPunct {
			continue
		}
		words++
		if t.kind == tWord {
			letters++
			if t.upper || (t.cap && t.e-t.s == 1) {
				uppers++
			}
		}
		switch d.w(k) {
		case "will", "agree", "agrees", "undertake", "undertakes", "must", "shall":
			will = true
		}
	}
	if words == 0 {
		return false
	}
	q := last == "?"
	colon := last == ":"
	qStart := questionWords[d.w(ln.c0)]
	allCaps := letters > 0 && uppers == letters
	if ln.marker == 1 {
		return false
	}
	if ln.marker == 2 {
		if !d.toks[ln.c0].cap {
			return false
		}
		if qStart || q {
			return words <= 10
		}
		return words <= 6 && !will
	}
	switch {
	case q:
		return words <= 16
	case colon:
		return words <= 12
	case allCaps:
		return words <= 14
	}
	return words <= 10 && (!will || qStart)
}

// topicOf says what a heading or label is about.
// topicOf is topicOf for tokens t0..t1, remembered per wording: long
// texts repeat their headings and labels, and each wording is tried
// against many phrases.
func (d *document) topicOf(t0, t1 int) int {
	h := d.joined(t0, t1)
	if t, ok := d.topics[h]; ok {
		return t
	}
	if d.topics == nil {
		d.topics = map[string]int{}
	}
	t := topicOf(h)
	d.topics[h] = t
	return t
}

// topicNames are the topics of data/headings.txt in the order they are
// tried.
var topicNames = []struct {
	name  string
	topic int
}{{"copies", topCopies}, {"sign", topSign}, {"breach", topBreach}, {"contingency", topContingency},
	{"consequences", topConseq}, {"review", topReview}, {"aim", topAim}, {"defs", topDefs},
	{"background", topBackground}, {"time", topTime}, {"plan", topPlan}, {"commit", topCommit}}

// topicOf says what a heading or label is about: the first topic in
// data/headings.txt with a phrase that occurs in h as whole words.
func topicOf(h string) int {
	lx := words()
	if lx == nil {
		return topNone
	}
	for _, tn := range topicNames {
		for _, p := range lx.headings[tn.name] {
			if hasWordPrefix(h, p) {
				return tn.topic
			}
		}
	}
	return topNone
}

// hasWordPrefix reports whether p occurs in h starting at a word boundary
// and, unless p ends in "*", ending at one.
func hasWordPrefix(h, p string) bool {
	prefix := strings.HasSuffix(p, "*")
	p = strings.TrimSuffix(p, "*")
	for i := 0; ; {
		j := strings.Index(h[i:], p)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(p)
		if (j == 0 || !isWordByte(h[j-1])) && (prefix || end == len(h) || !isWordByte(h[end])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c >= 0x80
}

// headingActor finds who a heading says will act: "Kwame will:",
// "What will Abena do?", "What the professionals will do", "Jake agrees:",
// "Pat undertakes that:".
func (d *document) headingActor(t0, t1 int) ([2]int, bool) {
	// Drop a trailing ":" or "?".
	for t1 > t0 && (d.w(t1-1) == ":" || d.w(t1-1) == "?") {
		t1--
	}
	if t1-t0 < 2 {
		return [2]int{}, false
	}
	ok := func(a0, a1 int) ([2]int, bool) {
		for a0 < a1 && (d.w(a0) == "the" || d.w(a0) == ",") {
			a0++
		}
		for a1 > a0 && d.w(a1-1) == "," {
			a1--
		}
		if a1 <= a0 || a1-a0 > 10 {
			return [2]int{}, false
		}
		switch d.joined(a0, a1) {
		case "each person", "everyone", "we all", "who", "each of us", "people", "each person in this agreement":
			return [2]int{}, false
		}
		return [2]int{a0, a1}, true
	}
	first := d.w(t0)
	if first == "what" || first == "who" {
		// "What will X do", "What X will do", "What X undertakes".
		if d.w(t0+1) == "will" || d.w(t0+1) == "does" || d.w(t0+1) == "do" {
			end := t1
			if d.w(end-1) == "do" {
				end--
			}
			return ok(t0+2, end)
		}
		for k := t0 + 1; k < t1; k++ {
			switch d.w(k) {
			case "will", "agrees", "agree", "undertakes", "undertake", "is", "are", "has", "have":
				if d.w(k) == "is" || d.w(k) == "are" || d.w(k) == "has" || d.w(k) == "have" {
					if d.w(k+1) != "going" && d.w(k+1) != "agreed" {
						continue
					}
				}
				return ok(t0+1, k)
			}
		}
		return [2]int{}, false
	}
	last := d.w(t1 - 1)
	switch last {
	case "will", "agrees", "agree", "undertakes", "undertake", "commits":
		return ok(t0, t1-1)
	case "that":
		if w := d.w(t1 - 2); w == "undertakes" || w == "undertake" || w == "agrees" || w == "agree" {
			return ok(t0, t1-2)
		}
	case "to", "do":
		switch d.w(t1 - 2) {
		case "agrees", "agree", "will", "needs", "need", "promises", "promise", "undertakes", "undertake":
			return ok(t0, t1-2)
		case "expected", "agreed", "asked", "going", "required", "promised":
			// "Mr and Mrs Kowalski are expected to:", "Dad has agreed to:".
			switch d.w(t1 - 3) {
			case "is", "are", "has", "have":
				return ok(t0, t1-3)
			}
		}
	}
	return [2]int{}, false
}

// nameHeading reads a heading that is only a name or role, with perhaps
// a role in brackets: "Kirsty", "Hannah (social worker)", "LEE CARVER".
// Whether the words name a party is decided once people are known.
func (d *document) nameHeading(t0, t1 int) ([2]int, bool) {
	for t1 > t0 && (d.w(t1-1) == ":" || d.w(t1-1) == "-") {
		t1--
	}
	if t1 <= t0 || t1-t0 > 8 || !d.toks[t0].cap {
		return [2]int{}, false
	}
	for k := t0; k < t1; k++ {
		if d.toks[k].kind == tNum || d.w(k) == "-" || d.w(k) == ":" || d.w(k) == "|" {
			return [2]int{}, false
		}
	}
	return [2]int{t0, t1}, true
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true,
	"vs": true, "etc": true, "approx": true, "tel": true, "ref": true, "eg": true, "ie": true, "nb": true, "cllr": true, "prof": true}

// splitSentences cuts each line into sentences.
func (d *document) splitSentences() {
	d.sents = make([]sentence, 0, len(d.lines))
	for li := range d.lines {
		ln := &d.lines[li]
		topic := d.secs[ln.section].topic
		if ln.kind == lLabel && ln.topic != topNone {
			topic = ln.topic
		}
		add := func(t0, t1 int) {
			if t0 >= t1 {
				return
			}
			s := sentence{t0: t0, t1: t1, s: d.toks[t0].s, e: d.toks[t1-1].e, line: li, topic: topic}
			switch ln.kind {
			case lHeading:
				s.heading = true
				s.topic = ln.topic
			case lSig:
				s.sig = true
			case lItem:
				s.item = true
			case lTable:
				s.row = true
			}
			if ln.dashAt >= 0 {
				s.row = true
			}
			d.sents = append(d.sents, s)
		}
		switch ln.kind {
		case lBlank:
			continue
		case lHeading, lSig, lTable:
			add(ln.c0, ln.t1)
			continue
		}
		start := ln.c0
		for k := ln.c0; k < ln.t1; k++ {
			w := d.w(k)
			if w != "." && w != "?" && w != "!" {
				continue
			}
			if k+1 < ln.t1 {
				next := d.toks[k+1]
				if next.kind == tWord && !next.cap {
					continue
				}
				if d.toks[k+1].s == d.toks[k].e { // "e.g." or "a.m."
					continue
				}
			}
			if w == "." && k > start {
				p := d.toks[k-1]
				pw := d.w(k - 1)
				if abbreviations[pw] || p.kind == tWord && p.e-p.s == 1 {
					continue
				}
			}
			add(start, k+1)
			start = k + 1
		}
		add(start, ln.t1)
	}
}
