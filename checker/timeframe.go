package checker

// timeFrame is what the text says about when the agreement starts, ends
// and is reviewed.
type timeFrame struct {
	start, end, docDate *date
	startSent, endSent  int
	duration            int // days, 0 when not given
	durationSent        int
	review              *date
	reviewSent          int
	reviewEvery         Interval // "reviewed every four months"
	reviewEveryDays     int
	reviewMention       int // sentence that mentions a review without a date, or -1
	reviewPh            bool
	undertakingEnd      int // sentence that says when an undertaking ends, or -1
}

var startCues = map[string]bool{"period": true, "dates": true, "duration": true, "runs": true, "from": true, "start": true, "starts": true, "started": true, "starting": true, "begins": true,
	"begin": true, "began": true, "commences": true, "commencing": true, "effective": true}
var endCues = map[string]bool{"to": true, "until": true, "till": true, "end": true, "ends": true, "ending": true, "finishes": true,
	"expires": true, "-": true, "and": false}

// commitSents marks sentences that hold a commitment.
func (a *analysis) commitSents() map[int]bool {
	m := make(map[int]bool, len(a.commits))
	for _, c := range a.commits {
		m[c.sent] = true
	}
	return m
}

func (a *analysis) datesIn(t0, t1 int) []date {
	var out []date
	for _, dt := range a.dates[firstDateFrom(a.dates, t0):] {
		if dt.t0 >= t0 && dt.t1 <= t1 {
			out = append(out, dt)
		}
		if dt.t0 >= t1 {
			break
		}
	}
	return out
}

func (a *analysis) findTimeFrame() timeFrame {
	d := a.d
	tf := timeFrame{startSent: -1, endSent: -1, reviewSent: -1, reviewMention: -1, durationSent: -1, undertakingEnd: -1}
	commits := a.commitSents()
	for si, s := range d.sents {
		if s.sig || commits[si] {
			continue
		}
		ln := &d.lines[s.line]
		label := ""
		if ln.kind == lLabel && s.t0 <= ln.c0 {
			label = d.joined(ln.c0, ln.labelEnd-1)
		}
		reviewish := s.topic == topReview || a.mentionsReview(s.t0, s.t1)
		if s.topic == topConseq || s.topic == topContingency {
			reviewish = false
		}
		ds := a.datesIn(s.t0, s.t1)
		// Start, end and the document's date.
		if !reviewish || label != "" && !containsAny(label, "review") {
			var sentStart *date
			for i := range ds {
				dt := ds[i]
				cue := a.cueBefore(dt.t0, s.t0)
				isStart := startCues[cue]
				isEnd := endCues[cue] && (cue != "to" && cue != "-" || sentStart != nil)
				if cue == "until" || cue == "by" {
					isEnd = a.lastsUntil(s.t0, dt.t0)
				}
				switch {
				case label == "date" || label == "given on" || label == "date agreed" || label == "date of agreement" || label == "agreed on" || label == "date made" || label == "agreed":
					if tf.docDate == nil {
						tf.docDate = &ds[i]
					}
				case isStart && tf.start == nil:
					tf.start, tf.startSent = &ds[i], si
					sentStart = &ds[i]
				case isEnd && tf.end == nil && (sentStart != nil || cue != "to"):
					tf.end, tf.endSent = &ds[i], si
				}
			}
			if d.w(s.t0) == "agreed" && d.w(s.t0+1) == "on" && len(ds) > 0 && tf.docDate == nil {
				tf.docDate = &ds[0]
			}
			// "…and this agreement starts that day."
			if tf.start == nil && len(ds) > 0 && a.has(s.t0, s.t1, startsThatDay) {
				tf.start, tf.startSent = &ds[len(ds)-1], si
			}
			// "ends when Tyler turns 18 on 3 May 2035" (undertakings).
			if a.has(s.t0, s.t1, undertakingEndCues) && a.has(s.t0, s.t1, undertakingSelf) {
				tf.undertakingEnd = si
			}
			// Length: "lasts for twelve weeks", "for three months", "Eight weeks, from…".
			if tf.duration == 0 && (s.topic == topTime || s.heading || a.has(s.t0, s.t1, lengthContext) || ln.section == 0) {
				for k := s.t0; k < s.t1; k++ {
					w := d.w(k)
					if w == "for" || w == "lasts" || w == "covers" || k == s.t0 || w == "last" {
						j := k
						if w != "" && k != s.t0 || w == "for" {
							j = k + 1
						}
						if d.w(j) == "for" || d.w(j) == "the" {
							j++
						}
						if days, _, _, ok := d.intervalAt(j); ok && days >= 14 {
							tf.duration, tf.durationSent = days, si
							break
						}
					}
				}
			}
		}
		if reviewish && !s.heading {
			if tf.review == nil {
				for i := range ds {
					if label != "" && a.cueBefore(ds[i].t0, s.t0) != "" && !containsAny(label, "review") && s.topic != topReview {
						continue
					}
					tf.review, tf.reviewSent = &ds[i], si
					break
				}
			}
			if tf.review == nil && tf.reviewEveryDays == 0 {
				for k := s.t0; k < s.t1; k++ {
					if w := d.w(k); w == "every" || w == "in" || w == "within" || w == "after" || w == "each" {
						j := k + 1
						if d.w(j) == "other" {
							j++
						}
						if days, iv, _, ok := d.intervalAt(j); ok && days >= 7 {
							tf.reviewEveryDays, tf.reviewEvery, tf.reviewSent = days, iv, si
							break
						}
					}
				}
			}
			if tf.reviewMention < 0 {
				// A label whose only value is a placeholder says nothing.
				content := s.t1 - max(s.t0, ln.labelEnd)
				if !(s.ph && (label != "" && content <= 0 || a.wordsOutsidePlaceholders(s) < 3)) {
					tf.reviewMention = si
					tf.reviewPh = s.ph
				}
			}
		}
	}
	if tf.start == nil && tf.docDate != nil {
		tf.start = tf.docDate
	}
	return tf
}

// cueBefore returns the word that introduces the date at token t: "from",
// "to", "until", "start", "end"… skipping weekdays, "on", "the" and colons.
func (a *analysis) cueBefore(t, lo int) string {
	d := a.d
	for k := t - 1; k >= lo && k >= t-5; k-- {
		w := d.w(k)
		switch w {
		case ":", "on", "the", ",", "date", "dated", "of":
			if w == "date" && (d.w(k-1) == "start" || d.w(k-1) == "end") {
				return d.w(k - 1)
			}
			if w == "dated" {
				return ""
			}
			continue
		}
		if _, ok := weekdayNames[w]; ok {
			continue
		}
		if w == "agreement" && d.w(k+1) == ":" {
			return ""
		}
		return w
	}
	return ""
}

// lastsUntil: "will last until the court decides, which is expected by 31 July".
func (a *analysis) lastsUntil(lo, t int) bool {
	d := a.d
	for k := t - 1; k >= lo; k-- {
		switch d.w(k) {
		case "until", "till":
			if a.has(lo, k, lastsUntilContext) {
				return true
			}
		case "by":
			if k != t-1 {
				return false
			}
		}
	}
	return false
}

var reviewWords = phraseList("reviewed", "review this", "review it", "review the agreement", "review this agreement",
	"review this undertaking", "review date", "review meeting", "review will", "review of this", "look at this again",
	"look at this agreement again", "look at it again", "look at this plan again", "go through this undertaking",
	"go through this agreement", "go through it again", "meet again", "will review", "to review", "next review",
	"looked at again", "check this agreement")

// mentionsReview reports whether t0..t1 talks about reviewing this
// agreement (not a looked-after review or an annual review held for
// another purpose).
func (a *analysis) mentionsReview(t0, t1 int) bool {
	d := a.d
	if w := d.w(t0); w == "review" || w == "reviews" || w == "next" && d.w(t0+1) == "review" {
		return true // "Review on 10 January 2028."
	}
	for k := t0; k < t1; k++ {
		n, idx := d.longestAt(k, t1, reviewWords)
		if n == 0 {
			continue
		}
		p := reviewWords.list[idx].text
		if p == "reviewed" || p == "looked at again" {
			// "the plan will be reviewed", "support may also be reviewed": not this agreement.
			if !a.has(t0, k, reviewSubject) {
				continue
			}
			if d.w(t0) == "if" {
				continue
			}
		}
		return true
	}
	return false
}

// wordsOutsidePlaceholders counts the words of a sentence that are not
// inside a placeholder.
func (a *analysis) wordsOutsidePlaceholders(s sentence) int {
	n := 0
	for k := s.t0; k < s.t1; k++ {
		t := a.d.toks[k]
		if t.kind == tPunct || a.inPlaceholder(t.s) {
			continue
		}
		n++
	}
	return n
}

func (a *analysis) inPlaceholder(off int) bool {
	ph := a.d.ph
	lo, hi := 0, len(ph)
	for lo < hi { // first placeholder ending after off
		m := (lo + hi) / 2
		if ph[m].e <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ph) && ph[lo].s <= off
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if len(x) <= len(s) {
			for i := 0; i+len(x) <= len(s); i++ {
				if s[i:i+len(x)] == x {
					return true
				}
			}
		}
	}
	return false
}
