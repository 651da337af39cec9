package checker

import "strings"

// Genres: the form a text takes. The form decides who "I", "we" and
// "you" are, and whether a text that talks about an agreement is one.
const (
	gPlain    = iota
	gEmail    // From:, To:, Subject: header lines
	gLetter   // "Dear …" and a sign-off
	gMinutes  // "Minutes", "Present:", "Apologies:"
	gCaseNote // a case note or case recording
)

// voice says whom the document's own pronouns stand for.
type voice struct {
	genre     int
	i         actorInfo // the writer
	you       actorInfo // the reader
	we        actorInfo // the writer's side, when the text says who that is
	iExplicit bool      // "I, Shona Reid, …": the writer names themself
}

// signOffs open the closing lines of a letter or email; the writer's name
// follows them.
var signOffs = []string{"yours sincerely", "yours faithfully", "yours truly", "kind regards", "best wishes",
	"warm regards", "many thanks", "thanks", "thank you", "regards", "best", "all the best", "with thanks", "cheers"}

// findVoices reads the document's form and its own signals for who
// writes and who reads: the header lines of an email, the greeting and
// sign-off of a letter, "I, Name, undertake", "What you (Leah) will do".
func (a *analysis) findVoices() {
	d := a.d
	v := &a.voice
	headers, seen := 0, 0
	var from, greet, signer [2]int
	signAt := -1
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind == lBlank {
			continue
		}
		seen++
		first := d.w(ln.c0)
		if seen <= 8 && ln.kind == lLabel {
			switch first {
			case "from", "to", "sent", "subject", "cc", "date":
				if first != "date" {
					headers++
				}
				if first == "from" {
					from = [2]int{ln.labelEnd, ln.t1}
				}
			case "present", "apologies", "attendees", "attendance":
				if v.genre == gPlain {
					v.genre = gMinutes
				}
			}
		}
		if seen <= 6 {
			text := d.joined(ln.c0, ln.t1)
			switch {
			case hasWordPrefix(text, "case note") || hasWordPrefix(text, "case recording") || hasWordPrefix(text, "contact record"):
				v.genre = gCaseNote
			case first == "minutes" || hasWordPrefix(text, "minutes of") || strings.HasSuffix(text, " minutes"):
				if v.genre == gPlain {
					v.genre = gMinutes
				}
			}
		}
		switch first {
		case "dear", "hi", "hello":
			if greet[1] == 0 && ln.c0+1 < ln.t1 && seen <= 20 {
				greet = [2]int{ln.c0 + 1, ln.t1}
				if first == "dear" && v.genre == gPlain {
					v.genre = gLetter
				}
			}
		}
		if signAt < 0 && greet[1] > 0 {
			text := d.joined(ln.c0, ln.t1)
			text = strings.TrimSuffix(strings.TrimSuffix(text, " ,"), " .")
			for _, s := range signOffs {
				if text == s {
					signAt = li
				}
			}
			// "Thanks,\nSam" and "Best wishes,\nMichael" with the name next.
		} else if signAt >= 0 && signer[1] == 0 {
			if e := a.nameRun(ln.c0); e > ln.c0 {
				signer = [2]int{ln.c0, e}
			}
		}
	}
	if headers >= 2 && from[1] > 0 {
		v.genre = gEmail
	}
	if v.genre == gPlain && greet[1] > 0 && signAt >= 0 {
		v.genre = gLetter
	}
	correspondence := v.genre == gEmail || v.genre == gLetter
	// The writer.
	if from[1] > 0 {
		if e := a.nameRun(from[0]); e > from[0] {
			v.i = a.personActor(from[0], e, PartyProfessional)
		}
	}
	if !v.i.ok && signer[1] > 0 {
		v.i = a.personActor(signer[0], signer[1], PartyProfessional)
	}
	// "I, Shona Reid, of 9 Pennine View, undertake…": the writer names
	// themself; "What you (Leah) will do": the reader is named.
	var youAt [2]int
	for i := 0; i+2 < len(d.toks); i++ {
		switch d.w(i) {
		case "i":
			if d.w(i+1) == "," && !v.iExplicit {
				if e := a.nameRun(i + 2); e > i+2 {
					v.i = a.personActor(i+2, e, PartyFamily)
					v.iExplicit = true
				}
			}
		case "you":
			if d.w(i+1) == "(" && youAt[1] == 0 {
				if e := a.nameRun(i + 2); e > i+2 && d.w(e) == ")" {
					youAt = [2]int{i + 2, e}
				}
			}
		}
	}
	if !v.i.ok {
		// A text in the first person with no letter or email around it is
		// the family's own: "I will…", "We will…" in a parent's agreement.
		v.i = actorInfo{ok: true, side: PartyFamily, display: "I"}
		if correspondence {
			v.i.side = PartyProfessional
		}
	}
	if v.i.display == "" {
		v.i.display = "I"
	}
	// We: the writer's side, for a family writing its own agreement or a
	// worker writing for the service.
	if v.iExplicit || correspondence {
		v.we = actorInfo{ok: true, side: v.i.side, display: "We", swOrLA: v.i.side == PartyProfessional}
	}
	// The reader.
	if greet[1] > 0 {
		var names []string
		var shown []string
		for k := greet[0]; k < greet[1]; k++ {
			if e := a.nameRun(k); e > k {
				names = append(names, a.nameKeys(k, e)...)
				shown = append(shown, d.orig(k, e))
				k = e - 1
			}
		}
		if len(names) > 0 {
			v.you = actorInfo{ok: true, side: PartyFamily, names: names, display: strings.Join(shown, " and ")}
			if p := a.lookup(names); p != nil && p.side == PartyProfessional {
				v.you.side = PartyProfessional
			}
		}
	}
	if !v.you.ok && youAt[1] > 0 {
		v.you = a.personActor(youAt[0], youAt[1], PartyFamily)
	}
	if !v.you.ok {
		v.you = actorInfo{ok: true, side: PartyFamily, display: "You"}
	}
}

// personActor is the actor for the name run n0..n1, with the side the
// register gives it or else side.
func (a *analysis) personActor(n0, n1 int, side string) actorInfo {
	keys := a.nameKeys(n0, n1)
	info := actorInfo{ok: len(keys) > 0, names: keys, display: a.d.orig(n0, n1), side: side}
	if p := a.lookup(keys); p != nil {
		info.side, info.role = p.side, p.role
		info.swOrLA = swOrLARoles[p.role]
	}
	if !info.swOrLA && info.side == PartyProfessional && info.role == "" && side == PartyProfessional {
		// The writer of a letter or email about a family's plan is its worker.
		info.swOrLA = true
	}
	return info
}

// pronounActor returns who a first- or second-person pronoun stands for.
func (a *analysis) pronounActor(w string) (actorInfo, bool) {
	switch pronounOf(w) {
	case "i", "me":
		return a.voice.i, a.voice.i.ok
	case "you":
		return a.voice.you, a.voice.you.ok
	case "we":
		return a.voice.we, a.voice.we.ok
	}
	return actorInfo{}, false
}

// pronounOf strips a contraction: "you'll" is "you", "she'd" is "she".
func pronounOf(w string) string {
	if i := strings.IndexByte(w, '\''); i > 0 {
		switch w[i:] {
		case "'ll", "'d", "'m", "'ve", "'re":
			w = w[:i]
		}
	}
	return w
}

// modalContraction reports whether w is a pronoun with "will" or "would"
// run into it: "you'll", "I'll", "she'd".
func modalContraction(w string) bool {
	i := strings.IndexByte(w, '\'')
	return i > 0 && (w[i:] == "'ll" || w[i:] == "'d") && pronouns[w[:i]]
}
