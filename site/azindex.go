package site

import (
	"sort"
	"strings"
	"unicode"
)

// AZEntry is one line of the A to Z index: a thing a reader looks for,
// with every place the handbook covers it. A glossary term, a chapter and
// a section that share a name are one entry.
type AZEntry struct {
	Text    string // what the reader looks for: "Case closure", "PLO"
	Meaning string // the glossary's meaning, when it is a glossary term
	Links   []AZLink
}

// AZLink is one place an entry leads to.
type AZLink struct {
	URL   string
	Label string // "Glossary", "Chapter", or the section's own heading and chapter
}

// AZGroup is the entries under one letter.
type AZGroup struct {
	Letter  string // "A"… "Z", or "0–9" for entries that start otherwise
	ID      string // "az-a"
	Entries []AZEntry
}

// AZLetter is one letter of the index's letter bar.
type AZLetter struct {
	Letter string
	ID     string // "" when no entry starts with the letter
}

// azLeadWords are the words an entry is not filed under: "At case
// closure" goes under C with the glossary's "case closure".
var azLeadWords = map[string]bool{"a": true, "an": true, "the": true, "at": true, "in": true, "on": true, "for": true, "by": true, "with": true, "of": true}

// azKey is the word an entry is filed under and sorted by, in lower case,
// and the text from that word on.
func azKey(text string) (key, rest string) {
	rest = strings.TrimLeftFunc(text, notLetterOrDigit)
	for {
		first, after, ok := strings.Cut(rest, " ")
		if !ok || !azLeadWords[strings.ToLower(first)] || strings.TrimSpace(after) == "" {
			break
		}
		rest = strings.TrimSpace(after)
	}
	return strings.ToLower(rest), rest
}

// azIndex lists every chapter, every level-2 and level-3 section and every
// glossary term, alphabetically, each name once. It is the search box's
// destination without JavaScript, and a way in for readers who know what a
// thing is called but not where it lives. Guidance for editors, footer
// pages and the pages that gather others are left out.
func (s *siteData) azIndex(glossary []GlossaryEntry) []AZGroup {
	byKey := map[string]*AZEntry{}
	var keys []string
	add := func(text, meaning string, l AZLink) {
		key, rest := azKey(text)
		if key == "" {
			return
		}
		e := byKey[key]
		if e == nil {
			e = &AZEntry{Text: upperFirst(rest)}
			byKey[key] = e
			keys = append(keys, key)
		}
		if meaning != "" {
			e.Meaning = meaning
		}
		for _, have := range e.Links {
			if have.URL == l.URL {
				return
			}
		}
		e.Links = append(e.Links, l)
	}
	var glossaryPage *Chapter
	for _, c := range s.chapters {
		if c.Path == "" || c.Footer || c.Audience == "editors" {
			continue
		}
		switch c.Layout {
		case "home", "az", "print", "amendments":
			continue
		case "glossary":
			glossaryPage = c
			add(c.Title, "", AZLink{URL: c.URL, Label: "Glossary"})
			continue
		}
		add(c.Title, "", AZLink{URL: c.URL, Label: "Chapter"})
		for _, h := range c.headings {
			if (h.Level == 2 || h.Level == 3) && h.ID != "" && h.Text != "" {
				label := "In " + c.Title
				if _, rest := azKey(h.Text); rest != h.Text {
					label = h.Text + ", in " + c.Title // "At case closure, in …"
				}
				add(h.Text, "", AZLink{URL: c.URL + "#" + h.ID, Label: label})
			}
		}
	}
	if glossaryPage != nil {
		for _, g := range glossary {
			add(g.Term.Term, g.Meaning, AZLink{URL: glossaryPage.URL + "#" + g.ID, Label: "Glossary"})
		}
	}
	sort.Strings(keys)
	var groups []AZGroup
	for _, key := range keys {
		e := byKey[key]
		// The glossary's meaning comes first: it is what most readers want.
		sort.SliceStable(e.Links, func(i, j int) bool { return e.Links[i].Label == "Glossary" && e.Links[j].Label != "Glossary" })
		letter := "0–9"
		if r := []rune(key); len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
			letter = string(unicode.ToUpper(r[0]))
		}
		if len(groups) == 0 || groups[len(groups)-1].Letter != letter {
			id := "az-" + strings.ToLower(letter)
			if letter == "0–9" {
				id = "az-0-9"
			}
			groups = append(groups, AZGroup{Letter: letter, ID: id})
		}
		g := &groups[len(groups)-1]
		g.Entries = append(g.Entries, *e)
	}
	return groups
}

// upperFirst capitalises the first letter, leaving acronyms and the rest
// as written: "case closure" → "Case closure".
func upperFirst(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// azLetters is the letter bar: every letter A to Z, linked when some
// entry starts with it.
func azLetters(groups []AZGroup) []AZLetter {
	has := map[string]string{}
	for _, g := range groups {
		has[g.Letter] = g.ID
	}
	var out []AZLetter
	if id, ok := has["0–9"]; ok {
		out = append(out, AZLetter{Letter: "0–9", ID: id})
	}
	for r := 'A'; r <= 'Z'; r++ {
		out = append(out, AZLetter{Letter: string(r), ID: has[string(r)]})
	}
	return out
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
