package site

import (
	"bytes"
	"html/template"
	"sort"
	"strings"
	"unicode"

	"handbook/checker"
)

// Chapter is one Markdown file of the handbook, read and rendered.
type Chapter struct {
	FrontMatter
	File            string        // content path: "when-to-use.md", "section/x.md"
	Path            string        // page key: "" for home, "when-to-use/", "section/x/"
	URL             string        // root-relative URL with the base path: "/when-to-use/"
	Slug            string        // last part of Path: "when-to-use"; "" for home
	Section         string        // folder of a sectioned chapter, else ""
	IsSectionIndex  bool          // section/index.md
	Body            template.HTML // rendered Markdown
	Headings        []Heading     // level-2 headings with ids, for "on this page"
	Overdue         bool          // review_due is before Options.Today
	RelatedChapters []*Chapter    // front matter related, resolved
	// Terms are the glossary entries the chapter links to, in order of
	// first use: the chapter lists them with their meanings, so a reader
	// on a phone or a keyboard need not rely on a tooltip.
	Terms []GlossaryEntry

	links    []link
	termIDs  []string
	ids      []string
	headings []Heading     // every heading, any level
	sections []SectionText // the text by section, for search
	warnings []*Error      // raw HTML and unsafe links left out
}

// NavItem is an entry of the side navigation: a chapter, with the
// chapters of its section when it is a section index.
type NavItem struct {
	Chapter  *Chapter
	Children []*NavItem
}

// NavGroup is one group of the navigation: the chapters whose front
// matter names the same group, in reading order. Title is "" for
// chapters that name none.
type NavGroup struct {
	Title string
	ID    string // "group-guidance", for the home page's headings
	Items []*NavItem
}

type siteData struct {
	settings Settings
	basePath string
	byKey    map[string]*Chapter
	chapters []*Chapter // every chapter, in reading order after order()
	home     *Chapter
	nav      []*NavItem
	groups   []NavGroup
	footer   []*Chapter      // pages linked from the footer, not the navigation
	failed   map[string]bool // page keys of chapters that failed to load
	glossary []GlossaryEntry // the glossary page's entries
}

func less(a, b *Chapter) bool {
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	return a.Path < b.Path
}

// order sorts the chapters into reading order and builds the navigation:
// top-level chapters and sections by weight, a section's chapters after its
// index page.
func (s *siteData) order() {
	s.home = s.byKey[""]
	var top []*NavItem
	sections := map[string]*NavItem{}
	var members = map[string][]*Chapter{}
	for _, c := range s.chapters {
		switch {
		case c.Path == "":
		case c.Footer && c.Section == "":
			s.footer = append(s.footer, c)
		case c.Section == "":
			top = append(top, &NavItem{Chapter: c})
		case c.IsSectionIndex:
			it := &NavItem{Chapter: c}
			sections[c.Section] = it
			top = append(top, it)
		default:
			members[c.Section] = append(members[c.Section], c)
		}
	}
	for sec, list := range members {
		sort.Slice(list, func(i, j int) bool { return less(list[i], list[j]) })
		it := sections[sec]
		if it == nil {
			// A section without index.md: its chapters join the top level.
			for _, c := range list {
				top = append(top, &NavItem{Chapter: c})
			}
			continue
		}
		for _, c := range list {
			it.Children = append(it.Children, &NavItem{Chapter: c})
		}
	}
	sort.Slice(top, func(i, j int) bool { return less(top[i].Chapter, top[j].Chapter) })
	sort.Slice(s.footer, func(i, j int) bool { return less(s.footer[i], s.footer[j]) })
	s.nav = top
	s.groups = groupNav(top)
	var ordered []*Chapter
	if s.home != nil {
		ordered = append(ordered, s.home)
	}
	for _, g := range s.groups {
		for _, it := range g.Items {
			ordered = append(ordered, it.Chapter)
			for _, ch := range it.Children {
				ordered = append(ordered, ch.Chapter)
			}
		}
	}
	s.chapters = append(ordered, s.footer...)
}

// groupNav gathers the navigation's items into their groups. A group
// takes the place of its first chapter by weight, so editors order groups
// by the weights of what is in them; chapters without a group keep their
// own places, between groups.
func groupNav(items []*NavItem) []NavGroup {
	var groups []NavGroup
	at := map[string]int{}
	for _, it := range items {
		title := it.Chapter.Group
		if i, ok := at[title]; ok && title != "" {
			groups[i].Items = append(groups[i].Items, it)
			continue
		}
		if n := len(groups); title == "" && n > 0 && groups[n-1].Title == "" {
			groups[n-1].Items = append(groups[n-1].Items, it)
			continue
		}
		at[title] = len(groups)
		id := ""
		if title != "" {
			id = "group-" + slugify(title)
		}
		groups = append(groups, NavGroup{Title: title, ID: id, Items: []*NavItem{it}})
	}
	return groups
}

func (s *siteData) pageIDs(c *Chapter) map[string]bool {
	ids := map[string]bool{}
	for _, id := range c.ids {
		ids[id] = true
	}
	if c.Layout == "glossary" {
		for _, t := range checker.Glossary() {
			ids[glossaryID(t.Term)] = true
		}
	}
	if c.Layout == "checker" {
		for _, id := range []string{"checker", "checker-manual"} {
			ids[id] = true
		}
	}
	ids["main-content"] = true
	return ids
}

// checkLinks reports every internal link whose page, file or anchor does not exist.
func (s *siteData) checkLinks(files map[string]bool, e *errs) {
	idCache := map[*Chapter]map[string]bool{}
	ids := func(c *Chapter) map[string]bool {
		if m, ok := idCache[c]; ok {
			return m
		}
		m := s.pageIDs(c)
		idCache[c] = m
		return m
	}
	for _, c := range s.chapters {
		for _, l := range c.links {
			if l.External {
				continue
			}
			if l.Page == "-" {
				if !files[l.File] {
					e.add(c.File, l.Line, "broken link to %s: no such file", l.Written)
				}
				continue
			}
			target, ok := s.byKey[l.Page]
			if !ok && s.failed[l.Page] {
				continue
			}
			if !ok {
				msg := "broken link to " + l.Written
				if near := nearest(l.Page, s.pageKeys()); near != "" {
					msg += "; did you mean " + rewriteTarget(l.Written, near) + "?"
				}
				e.add(c.File, l.Line, "%s", msg)
				continue
			}
			if l.Anchor == "" {
				continue
			}
			m := ids(target)
			if !m[l.Anchor] {
				msg := "broken link to " + l.Written
				keys := make([]string, 0, len(m))
				for k := range m {
					keys = append(keys, k)
				}
				if near := nearest(l.Anchor, keys); near != "" {
					base, _, _ := strings.Cut(l.Written, "#")
					msg += "; did you mean " + base + "#" + near + "?"
				}
				e.add(c.File, l.Line, "%s", msg)
			}
		}
	}
	// Every rule's guidance must resolve, once the guidance chapter exists.
	if _, ok := s.byKey["good-written-agreements/"]; ok {
		for _, r := range checker.Rules() {
			page, anchor, _ := strings.Cut(r.Guidance, "#")
			c, ok := s.byKey[page]
			if !ok || (anchor != "" && !ids(c)[anchor]) {
				e.add("", 0, "rule %s: guidance %s does not resolve to a heading in the handbook", r.ID, r.Guidance)
			}
		}
	}
}

func (s *siteData) pageKeys() []string {
	out := make([]string, 0, len(s.byKey))
	for k := range s.byKey {
		out = append(out, k)
	}
	return out
}

// rewriteTarget suggests the written link with its page replaced.
func rewriteTarget(written, page string) string {
	_, anchor, hasAnchor := strings.Cut(written, "#")
	var t string
	if strings.HasPrefix(written, "/") || !strings.Contains(written, ".md") {
		t = "/" + page
	} else if page == "" {
		t = "index.md"
	} else {
		t = strings.TrimSuffix(page, "/") + ".md"
	}
	if hasAnchor {
		t += "#" + anchor
	}
	return t
}

func (s *siteData) checkRelated(e *errs) {
	for _, c := range s.chapters {
		for i, r := range c.Related {
			key := pageKey(strings.Trim(strings.TrimSuffix(r, ".md"), "/") + ".md")
			t, ok := s.byKey[key]
			if !ok && s.failed[key] {
				continue
			}
			if !ok {
				line := 0
				if i < len(c.relatedLines) {
					line = c.relatedLines[i]
				}
				msg := "related chapter " + r + " does not exist"
				if near := nearest(key, s.pageKeys()); near != "" {
					msg += "; did you mean " + strings.TrimSuffix(near, "/") + "?"
				}
				e.add(c.File, line, "%s", msg)
				continue
			}
			c.RelatedChapters = append(c.RelatedChapters, t)
		}
	}
}

// nearest returns the candidate closest to s by edit distance, or "".
func nearest(s string, candidates []string) string {
	sort.Strings(candidates)
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD > max(3, len(s)/2+1) && !strings.Contains(best, s) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// slugify makes an id fragment: lower case letters and digits joined by hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// sitemap lists every page with absolute URLs when the base URL has a host.
func (s *siteData) sitemap() []byte {
	base := strings.TrimSuffix(s.settings.BaseURL, "/")
	if !strings.Contains(base, "://") {
		base = strings.TrimSuffix(s.basePath, "/")
	} else if bp := strings.TrimSuffix(s.basePath, "/"); !strings.HasSuffix(base, bp) {
		base += bp
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, c := range s.chapters {
		b.WriteString("  <url><loc>")
		b.WriteString(escape(base + "/" + c.Path))
		b.WriteString("</loc>")
		if c.Updated != "" {
			b.WriteString("<lastmod>" + c.Updated + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
