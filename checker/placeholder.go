package checker

import "strings"

var placeholderWords = map[string]bool{"insert": true, "add": true, "enter": true, "type": true, "fill": true,
	"complete": true, "delete": true, "tbc": true, "tba": true, "details": true, "detail": true, "name": true, "date": true,
	"tel": true, "phone": true, "telephone": true, "number": true, "address": true, "venue": true, "time": true, "role": true}

// findPlaceholders finds template text left in the draft: "(insert
// detail)", "[name]", "<date>", "XX/XX/XXXX", "TBC", and runs of dots or
// underscores outside signature lines. It marks the sentences that hold them.
func (a *analysis) findPlaceholders() {
	d := a.d
	var ph []span
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind != lSig {
			ph = append(ph, ln.blanks...)
		}
		for k := ln.t0; k < ln.t1; k++ {
			w := d.w(k)
			switch {
			case w == "(" && placeholderWords[d.w(k+1)]:
				// "(insert detail)", "(name of child)", "(tel number)": a
				// bracket of lower-case words that asks for something.
				if e := closeOn(d, k, ln.t1, ")", 12); e > k && (bareWords(d, k+1, e) || d.w(k+1) == "insert") {
					ph = append(ph, span{d.toks[k].s, d.toks[e].e})
					k = e
				}
			case w == "[":
				if e := closeOn(d, k, ln.t1, "]", 10); e > k+1 {
					ph = append(ph, span{d.toks[k].s, d.toks[e].e})
					k = e
				}
			case w == "<":
				// "<date>", "<<landlord>>".
				k0 := k
				if d.w(k+1) == "<" {
					k++
				}
				if e := closeOn(d, k, ln.t1, ">", 6); e > k+1 {
					if d.w(e+1) == ">" {
						e++
					}
					ph = append(ph, span{d.toks[k0].s, d.toks[e].e})
					k = e
				}
			case isXDate(w) || (w == "tbc" || w == "tba") && d.toks[k].upper:
				ph = append(ph, span{d.toks[k].s, d.toks[k].e})
			}
		}
	}
	sortSpans(ph)
	d.ph = ph
	j := 0
	for si := range d.sents {
		s := &d.sents[si]
		for j < len(ph) && ph[j].e <= s.s {
			j++
		}
		for k := j; k < len(ph) && ph[k].s < s.e; k++ {
			if ph[k].e > s.s {
				s.ph = true
			}
		}
		// Blanks sit between tokens, so a sentence can span one.
	}
}

// bareWords reports whether tokens t0..t1 are at most five lower-case
// words with no digits: "(name of child)", not "(Eastholme Young Carers)"
// or "(tel. 0191 498 0614)".
func bareWords(d *document, t0, t1 int) bool {
	if t1-t0 > 5 {
		return false
	}
	for k := t0; k < t1; k++ {
		if t := d.toks[k]; t.kind != tWord || t.cap {
			return false
		}
	}
	return true
}

func closeOn(d *document, k, end int, closer string, limit int) int {
	for j := k + 1; j < end && j <= k+limit; j++ {
		if d.w(j) == closer {
			return j
		}
		if w := d.w(j); w == "(" || w == "[" || w == "<" || w == "." && closer != ")" {
			return -1
		}
	}
	return -1
}

// isXDate reads "XX/XX/XXXX", "xx/xx/xx", "DD/MM/YYYY".
func isXDate(w string) bool {
	if strings.Count(w, "/") < 1 {
		return false
	}
	if w == "dd/mm/yyyy" || w == "dd/mm/yy" {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] != 'x' && w[i] != '/' {
			return false
		}
	}
	return strings.Count(w, "x") >= 2 // not a lone slash: "parent / carer" is not a placeholder
}

func sortSpans(ss []span) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].s < ss[j-1].s; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}
