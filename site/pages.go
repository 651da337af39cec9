package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"
	"unicode"

	"handbook/checker"
	"handbook/checker/limits"
	"handbook/site/theme"
)

// Page is the data every template receives. Templates are written against
// it, so its fields are the theme's contract:
//
//   - Site: the settings (Title, Organisation, BaseURL, Footer, Checker).
//   - Root: the base path with slashes both ends ("/" or "/handbook/");
//     prefix it to paths relative to the handbook root, such as a rule's
//     Guidance ("good-written-agreements/#review").
//   - Title: the page title (the chapter's title, or "Page not found").
//   - Chapter: the chapter shown (nil on the 404 page). Its fields include
//     Title, Summary, Owner, Updated, ReviewDue, Overdue, Keywords, Layout,
//     URL, Path, Headings, RelatedChapters and Changes.
//   - Content: the chapter's rendered Markdown.
//   - Nav: the side navigation (every chapter but the home page, in order;
//     a section index carries its chapters as Children). Mark the current
//     one by comparing .Chapter.Path with $.Chapter.Path.
//   - NavHTML: the same navigation, rendered, with this page's link
//     marked aria-current="page" (rendered once per build, for speed).
//   - Groups: the navigation's groups (the home page's entry points).
//   - FooterLinks: the pages with footer: true (accessibility statement,
//     privacy notice, contact), for the footer.
//   - Chapters: every chapter in reading order, home first.
//   - Prev, Next: neighbours in reading order, or nil.
//   - Breadcrumbs: links from the home page down to the parent of this page.
//   - Rules: checker.Rules(); Checker: whether the checker is available.
//   - Glossary: checker.Glossary() with ids, for layout glossary.
//   - Changes: every chapter's changes, newest first (layout amendments).
//   - Recent: the newest few changes to guidance (not to pages that
//     gather others, editors' pages or footer pages), for the home page;
//     AmendmentsURL: the page listing them all, if there is one.
//   - Print: every printable chapter with ids made unique (layout print).
//   - AZ, AZLetters: the A to Z index (layout az); AZURL: its page.
//   - CheckerURL, GlossaryURL: the checker and glossary pages, if any.
//   - Updated: the newest chapter's updated date, the handbook's version.
//   - LiveReload: add the preview server's reload script.
//   - NotFound: true on the 404 page.
type Page struct {
	Site        Settings
	Root        string
	Title       string
	Chapter     *Chapter
	Content     template.HTML
	Nav         []*NavItem
	NavHTML     template.HTML
	Groups      []NavGroup
	FooterLinks []*Chapter
	Chapters    []*Chapter
	Prev, Next  *Chapter
	Breadcrumbs []Crumb
	Rules       []checker.Rule
	Checker     CheckerStatus
	Glossary    []GlossaryEntry
	// GlossaryGroups and GlossaryLetters are the glossary by letter, for
	// the glossary page's headings and jump links.
	GlossaryGroups  []GlossaryGroup
	GlossaryLetters []AZLetter
	Changes         []ChangeEntry
	Recent          []ChangeEntry
	AmendmentsURL   string
	Print           []PrintChapter
	PrintOwner      string // the owner every printed chapter shares, or ""
	AZ              []AZGroup
	AZLetters       []AZLetter
	AZURL           string // the A to Z page, where the search form goes without JavaScript
	CheckerURL      string // the checker page, for the home page's start button
	GlossaryURL     string // the glossary page, for a chapter's list of the words it uses
	Updated         string
	LiveReload      bool
	NotFound        bool
}

// Crumb is one breadcrumb link.
type Crumb struct {
	Title string
	URL   string
}

// CheckerStatus says whether the checker's WebAssembly is in this build.
type CheckerStatus struct {
	Available bool
	Reason    string // why not, when not available
	// Settings is the handbook's checker settings in checker.EncodeSettings'
	// form; the page hands it to the WebAssembly checker so that the page and
	// `handbook check --content` judge by the same rules.
	Settings string
	// MaxText and MaxWord are the limits on a text and a Word file
	// (handbook/limits), so the page refuses what the command refuses.
	MaxText, MaxWord int64
}

// GlossaryEntry is a glossary term with its stable id ("term-<slug>").
type GlossaryEntry struct {
	checker.Term
	ID string
}

// GlossaryGroup is the glossary's entries under one letter.
type GlossaryGroup struct {
	Letter  string
	ID      string // "glossary-a"
	Entries []GlossaryEntry
}

// glossaryGroups files the glossary's entries under their first letters,
// for the glossary page's letter headings and jump links.
func glossaryGroups(entries []GlossaryEntry) ([]GlossaryGroup, []AZLetter) {
	var groups []GlossaryGroup
	for _, g := range entries {
		key := strings.ToLower(strings.TrimLeftFunc(g.Term.Term, notLetterOrDigit))
		letter := "0–9"
		if r := []rune(key); len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
			letter = string(unicode.ToUpper(r[0]))
		}
		if len(groups) == 0 || groups[len(groups)-1].Letter != letter {
			groups = append(groups, GlossaryGroup{Letter: letter, ID: "glossary-" + strings.ToLower(letter)})
		}
		groups[len(groups)-1].Entries = append(groups[len(groups)-1].Entries, g)
	}
	has := map[string]string{}
	for _, g := range groups {
		has[g.Letter] = g.ID
	}
	var letters []AZLetter
	for r := 'A'; r <= 'Z'; r++ {
		letters = append(letters, AZLetter{Letter: string(r), ID: has[string(r)]})
	}
	return groups, letters
}

// glossaryID is the id of a term's entry on the glossary page.
func glossaryID(term string) string { return "term-" + slugify(term) }

// recentChanges is how many changes the home page lists.
const recentChanges = 5

// glossaryEntries is the glossary the glossary page shows: the checker's
// list of terms and acronyms.
func glossaryEntries() []GlossaryEntry {
	var out []GlossaryEntry
	for _, g := range checker.Glossary() {
		out = append(out, GlossaryEntry{Term: g, ID: glossaryID(g.Term)})
	}
	return out
}

// ChangeEntry is one change to one chapter, for the amendments page.
type ChangeEntry struct {
	Change
	Chapter *Chapter
}

// parseTemplates parses the theme's templates with the asset function.
func parseTemplates(assets assetURLs) (*template.Template, error) {
	var t *template.Template
	funcs := template.FuncMap{
		"asset": func(name string) string { return assets[name] },
		// longdate writes a YYYY-MM-DD date as "20 November 2026".
		"longdate": longDate,
		// render runs a named template into the page: the base layout uses
		// it to include the layout's "L-main" template.
		"render": func(name string, data any) (template.HTML, error) {
			var buf bytes.Buffer
			if err := t.ExecuteTemplate(&buf, name, data); err != nil {
				return "", err
			}
			return template.HTML(buf.String()), nil
		},
	}
	t, err := template.New("").Funcs(funcs).ParseFS(theme.Templates, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("site: theme templates: %w", err)
	}
	return t, nil
}

// layoutMain names the template holding a layout's main content.
func layoutMain(t *template.Template, layout string) string {
	name := layout + "-main"
	if t.Lookup(name) != nil {
		return name
	}
	return "chapter-main"
}

// renderPages runs the templates for every chapter, in parallel, and the 404 page.
func (b *Builder) renderPages(ctx context.Context, s *siteData, t *template.Template, res *Result) error {
	shared := Page{
		Site:        s.settings,
		Root:        s.basePath,
		Nav:         s.nav,
		Groups:      s.groups,
		FooterLinks: s.footer,
		Chapters:    s.chapters,
		Rules:       checker.Rules(),
		Checker: CheckerStatus{
			Available: b.opts.CheckerUnavailable == "" && b.opts.CheckerFiles != nil,
			Reason:    b.opts.CheckerUnavailable,
			Settings:  checker.EncodeSettings(s.settings.Checker),
			MaxText:   limits.TextBytes,
			MaxWord:   limits.WordFileBytes,
		},
		LiveReload: b.opts.LiveReload,
		Updated:    s.lastUpdated(),
		Glossary:   s.glossary,
	}
	shared.GlossaryGroups, shared.GlossaryLetters = glossaryGroups(s.glossary)
	for _, c := range s.chapters {
		switch c.Layout {
		case "print":
			shared.Print = s.printChapters(shared.Glossary)
			shared.PrintOwner = printOwner(shared.Print)
		case "az":
			shared.AZURL = c.URL
		case "checker":
			shared.CheckerURL = c.URL
		case "glossary":
			shared.GlossaryURL = c.URL
		case "amendments":
			shared.AmendmentsURL = c.URL
		}
	}
	if !shared.Checker.Available && shared.Checker.Reason == "" {
		shared.Checker.Reason = "the checker was not built"
	}
	for _, c := range s.chapters {
		for _, ch := range c.Changes {
			shared.Changes = append(shared.Changes, ChangeEntry{Change: ch, Chapter: c})
		}
	}
	if shared.AZURL != "" {
		shared.AZ = s.azIndex(shared.Glossary)
		shared.AZLetters = azLetters(shared.AZ)
	}
	sort.SliceStable(shared.Changes, func(i, j int) bool { return shared.Changes[i].Date > shared.Changes[j].Date })
	for _, ch := range shared.Changes {
		if len(shared.Recent) < recentChanges && isGuidance(ch.Chapter) {
			shared.Recent = append(shared.Recent, ch)
		}
	}

	nav := renderNav(s.groups)
	// Previous and next run through the navigation's pages only: a footer
	// page is not the next chapter of anything.
	reading := map[*Chapter]int{}
	var order []*Chapter
	for _, c := range s.chapters {
		if !c.Footer {
			reading[c] = len(order)
			order = append(order, c)
		}
	}
	shared.NavHTML = nav.forPage("\x00")
	out := make([][]byte, len(s.chapters))
	errs := make([]error, len(s.chapters))
	err := parallel(ctx, len(s.chapters), func(i int) {
		c := s.chapters[i]
		p := shared
		p.Chapter, p.Title, p.Content = c, c.Title, c.Body
		p.NavHTML = nav.forPage(c.Path)
		if at, ok := reading[c]; ok {
			if at > 0 {
				p.Prev = order[at-1]
			}
			if at+1 < len(order) {
				p.Next = order[at+1]
			}
		}
		if c.Path != "" {
			p.Breadcrumbs = []Crumb{{Title: "Home", URL: s.basePath}}
			if c.Section != "" && !c.IsSectionIndex {
				if sec := s.byKey[c.Section+"/"]; sec != nil {
					p.Breadcrumbs = append(p.Breadcrumbs, Crumb{Title: sec.Title, URL: sec.URL})
				}
			}
		}
		out[i], errs[i] = execute(t, c.Layout, &p)
	})
	if err != nil {
		return err
	}
	for i, c := range s.chapters {
		if errs[i] != nil {
			return fmt.Errorf("site: rendering %s: %w", c.File, errs[i])
		}
		res.Files[c.Path+"index.html"] = out[i]
	}
	nf := shared
	nf.Title, nf.NotFound = "Page not found", true
	page, err := execute(t, "404", &nf)
	if err != nil {
		return fmt.Errorf("site: rendering 404.html: %w", err)
	}
	res.Files["404.html"] = page
	res.Pages = len(s.chapters) + 1
	return nil
}

func execute(t *template.Template, layout string, p *Page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(p.NavHTML) + len(p.Content) + 16<<10)
	main := layoutMain(t, layout)
	if layout == "404" {
		main = "404-main"
	}
	err := t.ExecuteTemplate(&buf, "base", pageView{p, main})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pageView is what the base template receives: the page plus the name of
// the template holding its main content.
type pageView struct {
	*Page
	Main string
}

// isGuidance reports whether a chapter is guidance for practitioners:
// a chapter or a section's index, not a tool, a page that gathers others,
// the home page, an editors' page or a footer page.
func isGuidance(c *Chapter) bool {
	return c.Path != "" && !c.Footer && c.Audience != "editors" &&
		(c.Layout == "chapter" || c.Layout == "index")
}

// longDate writes a YYYY-MM-DD date the British way, "20 November 2026",
// and leaves anything else as it is.
func longDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
