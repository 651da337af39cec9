package site

import (
	"sort"
	"strings"
	"unicode"
)

// AZEntry is one line of the A to Z index: a chapter, a section or a
// glossary term.
type AZEntry struct {
	Text    string // what the reader looks for: "Domestic abuse", "PLO"
	URL     string
	Context string // where it leads: "Chapter", "In When never to use…", "Glossary"
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

// azIndex lists every chapter, every level-2 and level-3 section and every
// glossary term, alphabetically. It is the search box's destination
// without JavaScript, and a way in for readers who know what a thing is
// called but not where it lives.
func (s *siteData) azIndex(glossary []GlossaryEntry) []AZGroup {
	var all []AZEntry
	var glossaryPage *Chapter
	for _, c := range s.chapters {
		switch c.Layout {
		case "home", "az", "print", "amendments", "index":
			continue
		case "glossary":
			glossaryPage = c
		}
		if c.Path == "" {
			continue
		}
		all = append(all, AZEntry{Text: c.Title, URL: c.URL, Context: "Chapter"})
		for _, h := range c.headings {
			if (h.Level == 2 || h.Level == 3) && h.ID != "" && h.Text != "" {
				all = append(all, AZEntry{Text: h.Text, URL: c.URL + "#" + h.ID, Context: "In " + c.Title})
			}
		}
	}
	if glossaryPage != nil {
		for _, g := range glossary {
			all = append(all, AZEntry{Text: g.Term.Term, URL: glossaryPage.URL + "#" + g.ID, Context: "Glossary: " + g.Meaning})
		}
	}
	key := func(e AZEntry) string { return strings.ToLower(strings.TrimLeftFunc(e.Text, notLetterOrDigit)) }
	sort.SliceStable(all, func(i, j int) bool {
		a, b := key(all[i]), key(all[j])
		if a != b {
			return a < b
		}
		return all[i].Context < all[j].Context
	})
	var groups []AZGroup
	for _, e := range all {
		letter := "0–9"
		if r := []rune(key(e)); len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
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
		g.Entries = append(g.Entries, e)
	}
	return groups
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
