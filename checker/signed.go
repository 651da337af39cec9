package checker

import "strings"

// signatures are the names on the signature lines.
type signatures struct {
	lines    []int
	names    map[string]bool // lower-case name words
	family   int
	pro      int
	ph       int // lines whose name is a placeholder
	roleText []string
}

func (a *analysis) findSignatures() signatures {
	d := a.d
	sg := signatures{names: map[string]bool{}}
	for li := range d.lines {
		ln := &d.lines[li]
		if ln.kind != lSig || ln.t0 == ln.t1 {
			continue
		}
		if ln.sigTable && ln.header {
			continue
		}
		// Skip "Name Role Signature Date" headers inside a signature block.
		text := d.joined(ln.c0, ln.t1)
		if text == "name role signature date" || strings.HasPrefix(text, "name ") && strings.Contains(text, "signature") {
			continue
		}
		sg.lines = append(sg.lines, li)
		sg.roleText = append(sg.roleText, text)
		if ln.blanks != nil && a.lineIsPlaceholderName(ln) {
			sg.ph++
			continue
		}
		side := ""
		for k := ln.c0; k < ln.t1; k++ {
			if n, s, role := a.roleAt(k); n > 0 && role != "we" {
				if side == "" || s == PartyProfessional {
					side = s
				}
				k += n - 1
				continue
			}
			if e := a.nameRun(k); e > k {
				keys := a.nameKeys(k, e)
				for _, w := range keys {
					sg.names[w] = true
				}
				if p := a.lookup(keys); p != nil && side == "" {
					side = p.side
				}
				k = e - 1
				continue
			}
			if t := d.toks[k]; t.upper && t.kind == tWord {
				if exp, ok := a.expansionOf(d.orig(k, k+1)); ok && side == "" {
					side = PartyFamily
					if s, _ := a.expansionRole(exp); s == PartyProfessional {
						side = s
					}
				}
				sg.names[d.w(k)] = true
			}
		}
		if side == PartyProfessional {
			sg.pro++
		} else if side == PartyFamily || len(sg.names) > 0 {
			sg.family++
		}
	}
	return sg
}

// lineIsPlaceholderName: "[name] ______ Date ____".
func (a *analysis) lineIsPlaceholderName(ln *line) bool {
	first := ln.s
	if ln.c0 < ln.t1 {
		first = a.d.toks[ln.c0].s
	}
	for _, p := range a.d.ph {
		if p.s <= first && first < p.e {
			return true
		}
	}
	w := a.d.w(ln.c0)
	return w == "[" || w == "<"
}

func (a *analysis) signed(cs []commitment) Criterion {
	sg := a.findSignatures()
	if len(sg.lines) == 0 {
		return a.crit("signed", StatusMissing, "There is nowhere to sign. Add a line for every person who commits to something, with their name, role, signature and date.", nil)
	}
	var ev []Span
	for _, li := range sg.lines {
		ev = append(ev, Span{Start: a.d.lines[li].s, End: a.d.lines[li].e})
	}
	var missing []string
	seen := map[string]bool{}
	needPro, needFam := false, false
	for _, c := range cs {
		if c.ph {
			continue
		}
		if c.roleOnly {
			if c.side == PartyProfessional {
				needPro = true
			} else {
				needFam = true
			}
			continue
		}
		if p := a.lookup(c.names); p != nil && p.age >= 0 && p.age < 16 {
			continue // children are not asked to sign
		}
		found := false
		for _, n := range c.names {
			if sg.names[n] {
				found = true
			}
		}
		if !found && !seen[c.actor] {
			seen[c.actor] = true
			missing = append(missing, c.actor)
		}
	}
	if needPro && sg.pro == 0 && len(missing) == 0 {
		missing = append(missing, "a professional")
	}
	if needFam && sg.family == 0 && len(missing) == 0 {
		missing = append(missing, "the family")
	}
	if a.kind == KindUndertaking {
		// The carer gives the undertaking and the social worker takes it;
		// the people it is about do not sign.
		missing = missing[:0]
		if sg.family == 0 {
			missing = append(missing, "the parent or carer")
		}
		if sg.pro == 0 {
			missing = append(missing, "the social worker")
		}
	}
	for _, role := range a.set.RequiredSignatories {
		r := strings.ToLower(strings.TrimSpace(role))
		ok := false
		for _, t := range sg.roleText {
			if strings.Contains(t, r) {
				ok = true
			}
		}
		if !ok && r != "" {
			missing = append(missing, "the "+r)
		}
	}
	if sg.ph > 0 && sg.ph == len(sg.lines) {
		return a.crit("signed", StatusPartly, "The signature lines are still template text. Put in the name and role of everyone who commits to something.", ev)
	}
	if sg.ph > 0 && len(missing) == 0 {
		missing = append(missing, "the people whose names are still placeholders")
	}
	if len(missing) > 0 {
		return a.crit("signed", StatusPartly, "There is no place to sign for "+joinAnd(missing)+". Add a signature and date line for everyone who commits to something.", ev)
	}
	return a.crit("signed", StatusMet, "Has a place for everyone to sign and date.", ev)
}

func joinAnd(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}
