package checker

import "strings"

// detectKind decides what kind of document this is (contract section 1):
// the title and the words the document uses about itself first, then its
// content. Correspondence and minutes are agreements only when they set
// out what each side will do; guidance, procedures, posts about
// agreements, case notes and agreements of other kinds are unknown.
func (a *analysis) detectKind() string {
	d := a.d
	lx := a.lx
	wordCount := 0
	for _, t := range d.toks {
		if t.kind != tPunct {
			wordCount++
		}
	}
	g := a.voice.genre
	correspondence := g == gEmail || g == gLetter || g == gMinutes
	// Title lines: the first lines of the text, and in a letter, an email
	// or minutes every heading, label and subject line (the agreement's
	// own title often sits below the greeting).
	title, other, note := "", false, g == gCaseNote
	seen := 0
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind == lBlank {
			continue
		}
		seen++
		headingish := ln.kind == lHeading || ln.kind == lLabel || ln.allCaps || seen == 1
		head := seen <= 6 && headingish || correspondence && headingish && seen <= 60
		if !head {
			continue
		}
		text := d.joined(ln.c0, ln.t1)
		if countAny(text, lx.kinds["other"]) > 0 {
			other = true
		}
		if seen <= 3 && title == "" && countAny(text, lx.kinds["note"]) > 0 {
			note = true
		}
		if title == "" {
			title = titleKind(text)
		}
	}
	if other || note && title == "" {
		return KindUnknown
	}
	// What the document calls itself, and what it says about agreements
	// in general.
	var counts [3]int // agreement, undertaking, safety plan
	about, agreed := 0, 0
	for i := 0; i+1 < len(d.toks); i++ {
		switch d.w(i) {
		case "this", "these", "our":
			j := i + 1
			for d.w(j) == "written" || d.w(j) == "working" || d.w(j) == "family" || d.w(j) == "partnership" {
				j++
			}
			switch d.w(j) {
			case "agreement", "contract":
				counts[0]++
			case "undertaking":
				counts[1]++
			case "safety":
				if d.w(j+1) == "plan" {
					counts[2]++
				}
			}
		case "undertakes", "undertake", "undertaken":
			if d.w(i+1) == "that" || d.w(i+1) == "to" || d.w(i+1) == ":" {
				counts[1]++
			}
		}
	}
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind != lBlank {
			text := d.joined(ln.c0, ln.t1)
			about += countAny(text, lx.kinds["about"])
			agreed += countAny(text, lx.kinds["agreed"])
		}
	}
	sig := 0
	for _, ln := range d.lines {
		if ln.kind == lSig {
			sig++
		}
	}
	fam, pro, named := 0, 0, 0
	for _, c := range a.commits {
		if c.side == PartyFamily {
			fam++
		} else {
			pro++
		}
		if len(c.names) > 0 {
			named++
		}
	}
	// A text about agreements: many words of guidance, nothing to sign and
	// few commitments by anyone named.
	if about >= 5 && sig == 0 && named < 3 && about*2 > wordCount/40 {
		return KindUnknown
	}
	self := ""
	best := 0
	for i, k := range [...]string{KindAgreement, KindUndertaking, KindSafetyPlan} {
		if counts[i] > best {
			self, best = k, counts[i]
		}
	}
	if correspondence {
		// A letter, an email or minutes is an agreement when it names
		// itself one and sets out what the family will do; an undertaking
		// needs only the family's side.
		k := title
		if k == "" {
			k = self
		}
		if k == "" && agreed > 0 {
			k = KindAgreement // "here is what we agreed"
		}
		switch {
		case k == KindUndertaking && fam >= 2:
			return k
		case k != "" && fam >= 1 && fam+pro >= 2:
			return k
		}
		return KindUnknown
	}
	if title != "" {
		return title
	}
	if wordCount < 15 {
		return KindUnknown
	}
	if self != "" {
		return self
	}
	// Content: several commitments and a place to sign.
	if len(a.commits) >= 3 && sig > 0 {
		return KindAgreement
	}
	return KindUnknown
}

// titleKind reads a title line: the earliest of "undertaking", "safety
// plan" and "agreement" (or "contract of expectations") decides.
func titleKind(text string) string {
	best, at := "", len(text)+1
	try := func(sub, kind string) {
		for i := 0; ; {
			j := strings.Index(text[i:], sub)
			if j < 0 {
				return
			}
			j += i
			end := j + len(sub)
			if (j == 0 || !isWordByte(text[j-1])) && (end == len(text) || !isWordByte(text[end])) {
				if j < at {
					best, at = kind, j
				}
				return
			}
			i = j + 1
		}
	}
	try("undertaking", KindUndertaking)
	try("safety plan", KindSafetyPlan)
	try("agreement", KindAgreement)
	try("contract of expectations", KindAgreement)
	try("contract", KindAgreement)
	return best
}

// countAny counts the phrases that occur in text as whole words.
func countAny(text string, ps []string) int {
	n := 0
	for _, p := range ps {
		if hasWordPrefix(text, p) {
			n++
		}
	}
	return n
}
