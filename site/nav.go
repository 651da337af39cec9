package site

import (
	"html/template"
	"strings"
)

// navHTML is the side navigation rendered once per build. Every page shows
// the same list with only its own link marked, so each page's copy is the
// shared bytes with aria-current spliced in at a recorded offset: with a
// thousand chapters this turns a million template list items into one.
type navHTML struct {
	html string
	at   map[string]int // page key -> offset just after that link's href attribute
}

const ariaCurrent = ` aria-current="page"`

func renderNav(groups []NavGroup) *navHTML {
	n := &navHTML{at: map[string]int{}}
	var b strings.Builder
	var list func(items []*NavItem, sub bool)
	list = func(items []*NavItem, sub bool) {
		if sub {
			b.WriteString("\n<ul class=\"side-nav__list side-nav__list--sub\">")
		} else {
			b.WriteString(`<ul class="side-nav__list">`)
		}
		for _, it := range items {
			c := it.Chapter
			b.WriteString("\n<li class=\"side-nav__item\"><a href=\"")
			b.WriteString(escape(c.URL))
			b.WriteByte('"')
			n.at[c.Path] = b.Len()
			b.WriteByte('>')
			b.WriteString(escape(c.Title))
			b.WriteString("</a>")
			if len(it.Children) > 0 {
				list(it.Children, true)
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
	}
	for _, g := range groups {
		if g.Title != "" {
			b.WriteString("\n<h2 class=\"side-nav__heading\">")
			b.WriteString(escape(g.Title))
			b.WriteString("</h2>\n")
		}
		list(g.Items, false)
	}
	n.html = b.String()
	return n
}

// forPage returns the navigation with the page's own link marked.
func (n *navHTML) forPage(path string) template.HTML {
	off, ok := n.at[path]
	if !ok {
		return template.HTML(n.html)
	}
	return template.HTML(n.html[:off] + ariaCurrent + n.html[off:])
}
