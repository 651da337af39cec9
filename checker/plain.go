package checker

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Capitals that are ordinary words or so well known they need no expansion.
var plainCaps = map[string]bool{"GP": true, "NHS": true, "PC": true, "TV": true, "UK": true, "OK": true, "ID": true,
	"A&E": true, "MP": true, "CCTV": true, "ADHD": true, "IT": true, "PE": true, "BBC": true, "DVD": true, "USB": true,
	"SIM": true, "PIN": true, "AM": true, "PM": true, "II": true, "III": true, "IV": true, "NOT": true, "NO": true,
	"ALL": true, "AND": true, "THE": true, "MUST": true, "NEVER": true, "ONLY": true, "ANY": true, "NB": true, "PS": true,
	"OR": true, "IS": true, "BE": true, "WILL": true, "DO": true, "ME": true, "MY": true, "WE": true, "US": true,
	"TO": true, "IN": true, "ON": true, "AT": true, "OF": true, "IF": true, "BY": true, "SO": true, "AS": true, "UP": true,
	"FOR": true, "YOU": true, "CAN": true, "DRAFT": true, "NOTE": true, "RE": true, "MOT": true, "DNA": true, "IQ": true,
	"SMS": true, "ASAP": false, "CV": true, "HIV": true, "COVID": true, "FAQ": true}

// acronymCandidate reports whether token k is an acronym to explain.
func (a *analysis) acronymCandidate(k int, capsLine bool) (string, bool) {
	d := a.d
	t := d.toks[k]
	if t.kind != tWord || !t.upper {
		return "", false
	}
	raw := d.text[t.s:t.e]
	base := raw
	if i := strings.IndexByte(base, '-'); i > 0 {
		base = base[:i] // "ASQ-3"
	}
	if len(base) < 2 || len(base) > 6 || plainCaps[base] {
		return "", false
	}
	for _, r := range base {
		if !(r >= 'A' && r <= 'Z' || r == '&') {
			return "", false
		}
	}
	_, known := a.expansionOf(base)
	if capsLine && !known {
		return "", false // a heading in capitals, not an acronym
	}
	return base, true
}

// capsLine: most words on the line are in capitals (a heading or title).
func (a *analysis) capsLine(li int) bool {
	d := a.d
	ln := d.lines[li]
	words, caps := 0, 0
	for k := ln.c0; k < ln.t1; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			continue
		}
		words++
		if t.upper {
			caps++
		}
	}
	return words >= 1 && caps*10 >= words*6
}

// definedNear reports whether acronym acr at token k is defined beside
// it: "child protection (CP) plan", "CP (child protection)", or its
// meaning within a few words.
func (a *analysis) definedNear(acr string, k int) bool {
	d := a.d
	initials := func(t0, t1 int) string {
		var b strings.Builder
		for j := t0; j < t1; j++ {
			if d.toks[j].kind == tWord {
				w := d.w(j)
				b.WriteByte(w[0])
				// "Co-ordinator", "Non-molestation": letters after hyphens count too.
				for i := 1; i < len(w); i++ {
					if w[i-1] == '-' {
						b.WriteByte(w[i])
					}
				}
			}
		}
		return b.String()
	}
	low := strings.ToLower(acr)
	// Words before "(ACR".
	if d.w(k-1) == "(" {
		lo := max(0, k-1-10)
		if d.toks[lo].line == d.toks[k].line || true {
			if strings.Contains(initials(lo, k-1), low) {
				return true
			}
		}
	}
	// "ACR (words)".
	if d.w(k+1) == "(" {
		e := k + 2
		for e < len(d.toks) && d.w(e) != ")" && e < k+14 {
			e++
		}
		if strings.Contains(initials(k+2, e), low) || strings.HasPrefix(initials(k+2, e), low[:1]) && len(low) <= 2 && e-k-2 >= 2 {
			if strings.Contains(initials(k+2, e), low) {
				return true
			}
		}
	}
	// The glossary's expansion written next to it.
	if exp, ok := a.expansionOf(acr); ok {
		window := strings.ToLower(d.text[d.toks[max(0, k-12)].s:d.toks[min(len(d.toks)-1, k+12)].e])
		if strings.Contains(window, strings.ToLower(exp)) {
			return true
		}
	}
	return false
}

// plainLanguage judges acronyms, jargon and sentence length.
func (a *analysis) plainLanguage() (Criterion, []Finding) {
	d := a.d
	var fs []Finding
	type acr struct {
		first   int
		defined bool
	}
	acrs := map[string]*acr{}
	var order []string
	capsCache := make([]int8, len(d.lines)) // 0 unknown, 1 no, 2 yes
	for k := range d.toks {
		if t := d.toks[k]; t.kind != tWord || !t.upper {
			continue
		}
		li := int(d.toks[k].line)
		if capsCache[li] == 0 {
			capsCache[li] = 1
			if a.capsLine(li) {
				capsCache[li] = 2
			}
		}
		cl := capsCache[li] == 2
		base, ok := a.acronymCandidate(k, cl)
		if !ok {
			continue
		}
		x, seen := acrs[base]
		if !seen {
			x = &acr{first: k}
			acrs[base] = x
			order = append(order, base)
		}
		if !x.defined && a.definedNear(base, k) {
			x.defined = true
		}
	}
	issues := 0
	var ev []Span
	for _, base := range order {
		x := acrs[base]
		if x.defined {
			continue
		}
		issues++
		t := d.toks[x.first]
		msg := "\"" + base + "\" is not explained. "
		if exp, ok := a.expansionOf(base); ok {
			msg += "Write \"" + exp + "\" in full, or give it once in brackets: " + exp + " (" + base + ")."
		} else {
			msg += "Write out what it stands for, or give it once in brackets after the words in full."
		}
		fs = append(fs, a.finding("undefined-acronym", "plain_language", SeverityWarning, t.s, t.e, msg))
		ev = append(ev, Span{Start: t.s, End: t.e})
	}
	// Jargon.
	seenJ := map[string]bool{}
	for si, s := range d.sents {
		if s.sig {
			continue
		}
		_ = si
		for k := s.t0; k < s.t1; k++ {
			n, idx := d.longestAt(k, s.t1, a.lx.jargon)
			if n == 0 {
				continue
			}
			p := a.lx.jargon.list[idx]
			if !seenJ[p.text] {
				seenJ[p.text] = true
				issues++
				st, en := d.toks[k].s, d.toks[k+n-1].e
				fs = append(fs, a.finding("jargon", "plain_language", SeverityWarning, st, en,
					"\""+d.text[st:en]+"\" is professional jargon. Write \""+p.hint+"\" instead."))
				ev = append(ev, Span{Start: st, End: en})
			}
			k += n - 1
		}
	}
	// Long sentences.
	long := 0
	for _, s := range d.sents {
		if s.sig || s.heading || s.row {
			continue
		}
		n := 0
		for k := s.t0; k < s.t1; k++ {
			if d.toks[k].kind != tPunct {
				n++
			}
		}
		if n > longSentence {
			long++
			fs = append(fs, a.finding("long-sentence", "plain_language", SeverityInfo, s.s, s.e,
				"This sentence has "+strconv.Itoa(n)+" words. Split it into shorter sentences of one idea each; aim for under 25 words."))
		}
	}
	switch {
	case issues >= 3:
		return a.crit("plain_language", StatusMissing, strconv.Itoa(issues)+" acronyms or jargon terms are not explained. Write them out in words a parent would use; if an acronym must stay, give it once in brackets after the words in full.", ev), fs
	case issues > 0:
		return a.crit("plain_language", StatusPartly, "Explain "+plural(issues, "term", "terms")+" a parent may not know: write it out in full, or give it once in brackets after the words.", ev), fs
	case long >= 3 && a.stats().ReadingEase < 30:
		return a.crit("plain_language", StatusPartly, "Several sentences are long and hard to follow. Split them into short sentences of one idea each.", nil), fs
	}
	return a.crit("plain_language", StatusMet, "Written in plain words, with acronyms explained.", nil), fs
}

const longSentence = 35

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// finding builds a finding with its line and column.
func (a *analysis) finding(rule, criterion, severity string, s, e int, msg string) Finding {
	return Finding{Rule: rule, Criterion: criterion, Severity: severity, Start: s, End: e, Message: msg}
}

// fillPositions sets the line and column of findings sorted by Start, in
// one pass over the text.
func (a *analysis) fillPositions(fs []Finding) {
	ls := a.d.lineStart
	li, off, col := 0, 0, 1
	if len(ls) > 0 {
		off = ls[0]
	}
	for i := range fs {
		target := fs[i].Start
		for li+1 < len(ls) && ls[li+1] <= target {
			li++
			off, col = ls[li], 1
		}
		if target < off { // inside a byte-order mark
			off, col = target, 1
		}
		for off < target {
			_, size := utf8.DecodeRuneInString(a.d.text[off:])
			off += size
			col++
		}
		fs[i].Line, fs[i].Column = li+1, col
	}
}

// position returns the 1-based line and column (in characters) of offset off.
func (a *analysis) position(off int) (int, int) {
	ls := a.d.lineStart
	lo, hi := 0, len(ls)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ls[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := 1
	for _, r := range a.d.text[ls[lo]:off] {
		_ = r
		col++
	}
	return lo + 1, col
}
