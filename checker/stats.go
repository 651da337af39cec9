package checker

import "math"

// stats counts words and sentences and computes Flesch reading ease.
func (a *analysis) stats() Stats {
	d := a.d
	words, sents, syll := 0, 0, 0
	for _, s := range d.sents {
		if s.sig {
			continue
		}
		n := 0
		for k := s.t0; k < s.t1; k++ {
			t := d.toks[k]
			switch t.kind {
			case tWord:
				n++
				syll += syllables(d.w(k))
			case tNum:
				n++
				syll++
			}
		}
		if n > 0 {
			words += n
			sents++
		}
	}
	st := Stats{Words: words, Sentences: sents}
	if words > 0 && sents > 0 {
		ease := 206.835 - 1.015*float64(words)/float64(sents) - 84.6*float64(syll)/float64(words)
		st.ReadingEase = math.Round(ease*10) / 10
	}
	return st
}

// syllables estimates the syllables in a lower-case word by counting
// vowel groups, less a silent final e.
func syllables(w string) int {
	n := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if l := len(w); l > 2 && w[l-1] == 'e' && w[l-2] != 'l' && n > 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}
