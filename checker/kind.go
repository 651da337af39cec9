package checker

import "strings"

// detectKind decides what kind of document this is: the title and the
// words the document uses about itself first, then its content.
func (a *analysis) detectKind() string {
	d := a.d
	wordCount := 0
	for _, t := range d.toks {
		if t.kind != tPunct {
			wordCount++
		}
	}
	if wordCount < 15 {
		return KindUnknown
	}
	// Correspondence, minutes and case notes talk about agreements without
	// being one.
	notADocument := false
	seen := 0
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind == lBlank {
			continue
		}
		seen++
		text := d.joined(ln.c0, ln.t1)
		if seen <= 6 {
			for _, p := range []string{"from :", "to :", "sent :", "subject :", "date :"} {
				if strings.HasPrefix(text, p) && p != "date :" && p != "to :" {
					notADocument = true
				}
			}
			if strings.Contains(text, "minutes") || strings.Contains(text, "case note") || strings.HasPrefix(text, "dear ") ||
				strings.Contains(text, "case recording") || strings.HasPrefix(text, "re :") {
				notADocument = true
			}
			if !notADocument {
				if k := titleKind(text); k != "" {
					return k
				}
			}
		}
		if strings.HasPrefix(text, "dear ") || strings.HasPrefix(text, "yours sincerely") || strings.HasPrefix(text, "kind regards") ||
			strings.HasPrefix(text, "hi ") || text == "thanks" || strings.HasPrefix(text, "many thanks") {
			notADocument = true
		}
	}
	if notADocument {
		return KindUnknown
	}
	// What the document calls itself.
	counts := map[string]int{}
	for i := 0; i+1 < len(d.toks); i++ {
		switch d.w(i) {
		case "this", "these":
			j := i + 1
			for d.w(j) == "written" || d.w(j) == "working" || d.w(j) == "family" || d.w(j) == "partnership" {
				j++
			}
			switch d.w(j) {
			case "agreement", "contract":
				counts[KindAgreement]++
			case "undertaking":
				counts[KindUndertaking]++
			case "safety":
				if d.w(j+1) == "plan" {
					counts[KindSafetyPlan]++
				}
			}
		case "undertakes", "undertake":
			if d.w(i+1) == "that" || d.w(i+1) == "to" {
				counts[KindUndertaking]++
			}
		}
	}
	best, bestN := "", 0
	for _, k := range []string{KindAgreement, KindUndertaking, KindSafetyPlan} {
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	if best != "" {
		return best
	}
	// Content: several commitments and a place to sign.
	sig := false
	for _, ln := range d.lines {
		if ln.kind == lSig {
			sig = true
		}
	}
	if len(a.commits) >= 3 && sig {
		return KindAgreement
	}
	return KindUnknown
}

// titleKind reads a title line: the earliest of "undertaking", "safety
// plan" and "agreement" (or "contract of expectations") decides.
func titleKind(text string) string {
	best, at := "", len(text)+1
	try := func(sub, kind string) {
		if i := strings.Index(text, sub); i >= 0 && i < at {
			best, at = kind, i
		}
	}
	try("undertaking", KindUndertaking)
	try("safety plan", KindSafetyPlan)
	try("agreement", KindAgreement)
	try("contract of expectations", KindAgreement)
	try("contract", KindAgreement)
	if best == KindAgreement && strings.Contains(text, "agreement") {
		// "Agreed" alone is not a title; "agreement" is.
		return best
	}
	return best
}
