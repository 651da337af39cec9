package site

import (
	"html/template"
	"regexp"
	"strings"
)

// PrintChapter is one chapter on the print-the-whole-handbook page (layout
// print): its body with every id made unique on that page and links
// between printed chapters turned into links within the page.
type PrintChapter struct {
	*Chapter
	Anchor string        // id of the chapter's heading on the print page: "print-when-to-use"
	Body   template.HTML // the chapter's body, ids prefixed "<slug>--"
	// Glossary holds the glossary's entries, ids prefixed likewise, when
	// the chapter is the glossary page (whose entries come from the
	// checker's list, not from its Markdown body).
	Glossary []GlossaryEntry
}

// printable reports whether a chapter goes on the print page: the
// chapters of guidance and the glossary, not the home, print, checker or
// index pages, the editors' guide or the footer pages.
func printable(c *Chapter) bool {
	return c.Path != "" && !c.Footer && c.Audience != "editors" &&
		(c.Layout == "" || c.Layout == "chapter" || c.Layout == "glossary")
}

// printOwner is the owner the printed chapters share, said once at the
// top of the print page; "" when they have different owners, and each
// chapter then names its own.
func printOwner(chapters []PrintChapter) string {
	owner := ""
	for i, c := range chapters {
		if i > 0 && c.Owner != owner {
			return ""
		}
		owner = c.Owner
	}
	return owner
}

// attrRe finds the id and href attributes in a chapter body. The body is
// goldmark's output with our renderers, which always quote attributes with
// double quotes, so a pattern is enough here; it is never run on HTML
// from elsewhere.
var attrRe = regexp.MustCompile(`\b(id|href)="([^"]*)"`)

// headingRe finds heading tags of levels 2 to 5 in a chapter body.
var headingRe = regexp.MustCompile(`</?h[2-5]`)

// printChapters prepares every printable chapter for the print page.
func (s *siteData) printChapters(glossary []GlossaryEntry) []PrintChapter {
	prefix := map[string]string{} // chapter URL -> id prefix
	for _, c := range s.chapters {
		if printable(c) {
			prefix[c.URL] = strings.ReplaceAll(c.Path, "/", "-")
		}
	}
	var out []PrintChapter
	for _, c := range s.chapters {
		if !printable(c) {
			continue
		}
		own := prefix[c.URL]
		body := attrRe.ReplaceAllStringFunc(string(c.Body), func(m string) string {
			sub := attrRe.FindStringSubmatch(m)
			name, val := sub[1], sub[2]
			if name == "id" {
				return `id="` + own + "-" + val + `"`
			}
			if frag, ok := strings.CutPrefix(val, "#"); ok {
				return `href="#` + own + "-" + frag + `"`
			}
			page, frag, hasFrag := strings.Cut(val, "#")
			p, ok := prefix[page]
			if !ok {
				return m
			}
			if !hasFrag || frag == "" {
				return `href="#print-` + strings.TrimSuffix(p, "-") + `"`
			}
			return `href="#` + p + "-" + frag + `"`
		})
		// Each chapter's title is a level-2 heading on this page, so its
		// own headings move one level down.
		body = headingRe.ReplaceAllStringFunc(body, func(m string) string {
			return m[:len(m)-1] + string(m[len(m)-1]+1)
		})
		pc := PrintChapter{Chapter: c, Anchor: "print-" + strings.TrimSuffix(own, "-"), Body: template.HTML(body)}
		if c.Layout == "glossary" {
			for _, g := range glossary {
				g.ID = own + "-" + g.ID
				pc.Glossary = append(pc.Glossary, g)
			}
		}
		out = append(out, pc)
	}
	return out
}

// lastUpdated is the newest updated date of any chapter: the version of
// the handbook a printed copy shows.
func (s *siteData) lastUpdated() string {
	latest := ""
	for _, c := range s.chapters {
		latest = max(latest, c.Updated)
	}
	return latest
}
