package checker

import "slices"

// Negation and hypothetical detection in the manner of NegEx (Chapman et
// al., 2001): a cue phrase negates a mention that falls within its scope —
// a few words after a "pre" cue, or before a "post" cue — unless a scope
// terminator ("but", "however", a full stop…) comes between them.
// Pseudo-cues ("not only", "no further") look like cues and are skipped.

const (
	negWindow = 8 // words a pre cue reaches forward
	postReach = 5 // words a post cue reaches back
	hypWindow = 14
)

// matchAt reports whether phrase p starts at token i (not running past end).
func (d *document) matchAt(i, end int, p phrase) bool {
	if len(p.words) == 0 || i+len(p.words) > end {
		return false
	}
	for k, w := range p.words {
		if d.w(i+k) != w {
			return false
		}
	}
	return true
}

// candidates returns the tokens in t0..t1 where a phrase of ps could
// begin, when ps is numbered; ok is false otherwise and the caller tries
// every token.
func (d *document) candidates(ps *phrases, t0, t1 int) (pos []int32, ok bool) {
	if ps == nil || ps.byID == nil || d.starts == nil || ps.idx >= len(d.starts) {
		return nil, false
	}
	if t1-t0 <= 48 {
		// A short range, as most sentences are: scanning the word
		// numbers costs less than searching the positions.
		return nil, false
	}
	all := d.starts[ps.idx]
	lo, _ := slices.BinarySearch(all, int32(t0))
	hi, _ := slices.BinarySearch(all, int32(t1))
	return all[lo:max(lo, hi)], true
}

// mayStart reports whether a phrase of the numbered list ps could begin
// with word number id.
func (ps *phrases) mayStart(id int32) bool {
	return id != 0 && int(id>>6) < len(ps.has) && ps.has[id>>6]&(1<<(id&63)) != 0
}

// idsAt reports whether the words from token i on are numbered ids.
func (d *document) idsAt(i int, ids []int32) bool {
	for k, id := range ids {
		if d.ids[i+k] != id {
			return false
		}
	}
	return true
}

// longestAt returns the length of the longest phrase in ps starting at i.
func (d *document) longestAt(i, end int, ps *phrases) (int, int) {
	best, idx := 0, -1
	if ps == nil || i < 0 || i >= len(d.toks) {
		return 0, -1
	}
	if ps.byID != nil && d.ids != nil {
		id := d.ids[i]
		if id == 0 || int(id>>6) >= len(ps.has) || ps.has[id>>6]&(1<<(id&63)) == 0 {
			return 0, -1
		}
		for _, j := range ps.byID[id] {
			ids := ps.ids[j]
			if len(ids) > best && i+len(ids) <= end && d.idsAt(i, ids) {
				best, idx = len(ids), int(j)
			}
		}
		return best, idx
	}
	w := d.w(i)
	if w == "" || ps.quick[w[0]]&(1<<(len(w)&63)) == 0 {
		return 0, -1
	}
	for _, j := range ps.first[w] {
		p := ps.list[j]
		if len(p.words) > best && d.matchAt(i, end, p) {
			best, idx = len(p.words), int(j)
		}
	}
	return best, idx
}

// negated reports whether the mention m0..m1 inside sentence t0..t1 is
// negated.
func (d *document) negated(t0, t1, m0, m1 int) bool {
	lx := words()
	// Pre cues before the mention.
	lo := max(t0, m0-negWindow)
	for k := m0 - 1; k >= lo; k-- {
		if lx.negTerm[d.w(k)] {
			break
		}
		if n, _ := d.longestAt(k, t1, lx.negPseudo); n > 0 {
			continue
		}
		if n, _ := d.longestAt(k, m0, lx.negPre); n > 0 {
			return true
		}
	}
	// Post cues after the mention.
	hi := min(t1, m1+postReach)
	for k := m1; k < hi; k++ {
		if lx.negTerm[d.w(k)] {
			break
		}
		if n, _ := d.longestAt(k, t1, lx.negPost); n > 0 {
			return true
		}
	}
	return false
}
