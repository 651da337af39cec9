package site

import "handbook/site/search"

// searchable reports whether a chapter's text goes into the search index:
// every page of guidance, but not the pages that only gather others (the
// print page, the A to Z index, the amendments list) or the home page.
func searchable(c *Chapter) bool {
	switch c.Layout {
	case "print", "az", "amendments", "home":
		return false
	}
	return c.Path != ""
}

// searchIndex builds the search index of the site's chapters, in reading
// order, and of the glossary's terms as sections of the glossary page.
func (s *siteData) searchIndex() []byte {
	var sections []search.Section
	for _, c := range s.chapters {
		if !searchable(c) {
			continue
		}
		// Every chapter has an entry of its own, where a match on its
		// title ranks it first; its opening text, or its summary when it
		// opens with a heading.
		secs := c.sections
		if len(secs) == 0 || secs[0].Level != 1 {
			secs = append([]SectionText{{Level: 1, Text: c.Summary}}, secs...)
		}
		for _, sec := range secs {
			sections = append(sections, search.Section{
				Page: c.Path, ID: sec.ID, Title: c.Title, Heading: sec.Heading, Level: sec.Level, Text: sec.Text,
				Later: c.Audience == "editors",
			})
		}
		if c.Layout == "glossary" {
			for _, g := range s.glossary {
				sections = append(sections, search.Section{
					Page: c.Path, ID: g.ID, Title: c.Title, Heading: g.Term.Term, Level: 2, Text: g.Meaning,
				})
			}
		}
	}
	return search.Index(sections)
}
