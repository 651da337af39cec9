package checker

import "strconv"

var arrangementWords = phraseList("family time", "contact", "centre", "session", "sessions", "visit", "visits", "club",
	"course", "group", "appointment", "appointments", "lesson", "lessons", "calls", "call", "phone call", "meeting")

// consistent looks for the document contradicting itself.
func (a *analysis) consistent(tf timeFrame) (Criterion, []Finding) {
	d := a.d
	var fs []Finding
	var ev []Span
	dspan := func(t date) Span { return Span{Start: d.toks[t.t0].s, End: d.toks[t.t1-1].e} }
	// A weekday that does not match its date.
	for _, t := range a.dates {
		if t.wd < 0 {
			continue
		}
		if real := weekdayOf(t.y, t.m, t.d); real != t.wd {
			sp := dspan(t)
			fs = append(fs, a.finding("wrong-weekday", "consistent", SeverityError, sp.Start, sp.End,
				"\""+d.text[sp.Start:sp.End]+"\": "+t.String()+" is a "+weekdayFull[real]+", not a "+weekdayFull[t.wd]+". Check which is right and correct the other."))
			ev = append(ev, sp)
		}
	}
	// An end before the start.
	if tf.start != nil && tf.end != nil && tf.end.days() < tf.start.days() {
		s, e := dspan(*tf.end), dspan(*tf.start)
		fs = append(fs, a.finding("end-before-start", "consistent", SeverityError, s.Start, s.End,
			"The end date, "+tf.end.String()+", comes before the start date, "+tf.start.String()+" (line "+strconv.Itoa(a.lineOf(e.Start))+"). Correct whichever is wrong."))
		ev = append(ev, e, s)
	}
	// A review after the end.
	if tf.review != nil && tf.end != nil && tf.review.days() > tf.end.days() {
		s, e := dspan(*tf.review), dspan(*tf.end)
		fs = append(fs, a.finding("review-after-end", "consistent", SeverityError, s.Start, s.End,
			"The review, on "+tf.review.String()+", falls after the agreement ends on "+tf.end.String()+" (line "+strconv.Itoa(a.lineOf(e.Start))+"). Review it before it ends."))
		ev = append(ev, e, s)
	}
	// Two clauses giving different days for the same arrangement.
	type daysAt struct {
		si   int
		mask int
		n    int
	}
	var sets []daysAt
	for si, s := range d.sents {
		if s.heading || s.sig {
			continue
		}
		mask, n := 0, 0
		for k := s.t0; k < s.t1; k++ {
			w := d.w(k)
			if wd, ok := weekdayNames[w]; maybeWeekday(w) && ok && isWeekday(w) && !overlapsDate(a.dates, k) {
				if mask&(1<<wd) == 0 {
					n++
				}
				mask |= 1 << wd
			}
			if w == "to" && n > 0 && isWeekday(d.w(k-1)) && isWeekday(d.w(k+1)) {
				mask = -1 // "Monday to Friday" is a range, not a list
			}
		}
		if mask > 0 && n >= 2 && a.has(s.t0, s.t1, arrangementWords) {
			sets = append(sets, daysAt{si, mask, n})
		}
	}
	reported := map[int]bool{}
	for i := 0; i < len(sets); i++ {
		// Clauses about one arrangement sit near each other; comparing
		// within a window keeps the cost linear on very long texts.
		for j := i + 1; j < len(sets) && j <= i+40; j++ {
			x, y := sets[i], sets[j]
			if x.n != y.n || x.mask == y.mask || x.mask&y.mask == 0 || reported[y.si] {
				continue
			}
			if !a.shareArrangement(x.si, y.si) {
				continue
			}
			reported[y.si] = true
			sx, sy := a.sentSpan(x.si), a.sentSpan(y.si)
			fs = append(fs, a.finding("clashing-days", "consistent", SeverityError, sy.Start, sy.End,
				"This gives "+daysList(y.mask)+", but line "+strconv.Itoa(a.lineOf(sx.Start))+" gives "+daysList(x.mask)+" for the same arrangement. Make them agree."))
			ev = append(ev, sx, sy)
		}
	}
	if len(fs) > 0 {
		return a.crit("consistent", StatusMissing, "The document contradicts itself in "+plural(len(fs), "place", "places")+": see the findings, and correct each one so that everyone reads the same dates and days.", ev), fs
	}
	return a.crit("consistent", StatusMet, "No contradictions were found in its dates and days.", nil), fs
}

// shareArrangement: both sentences talk about the same kind of arrangement.
func (a *analysis) shareArrangement(x, y int) bool {
	d := a.d
	sx, sy := d.sents[x], d.sents[y]
	for k := sx.t0; k < sx.t1; k++ {
		n, idx := d.longestAt(k, sx.t1, arrangementWords)
		if n == 0 {
			continue
		}
		w := arrangementWords.list[idx].text
		for j := sy.t0; j < sy.t1; j++ {
			if m, jdx := d.longestAt(j, sy.t1, arrangementWords); m > 0 && arrangementWords.list[jdx].text == w {
				return true
			}
		}
	}
	return false
}

func daysList(mask int) string {
	var names []string
	for i := 0; i < 7; i++ {
		if mask&(1<<i) != 0 {
			names = append(names, weekdayFull[i]+"s")
		}
	}
	return joinAnd(names)
}

func (a *analysis) lineOf(off int) int {
	l, _ := a.position(off)
	return l
}

// maybeWeekday is a cheap test that rules out most words before a map
// lookup: every weekday name and abbreviation starts with one of these
// letters and is 3 to 10 letters long.
func maybeWeekday(w string) bool {
	if len(w) < 3 || len(w) > 10 {
		return false
	}
	switch w[0] {
	case 'm', 't', 'w', 'f', 's':
		return true
	}
	return false
}
