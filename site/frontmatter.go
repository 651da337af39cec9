package site

import (
	"bytes"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Layouts a chapter may ask for.
var layouts = map[string]bool{
	"chapter": true, "home": true, "checker": true, "glossary": true,
	"print": true, "index": true, "amendments": true, "az": true,
}

// FrontMatter is the YAML header of a chapter.
type FrontMatter struct {
	Title     string
	Weight    int
	Summary   string
	Owner     string
	Updated   string // YYYY-MM-DD
	ReviewDue string // YYYY-MM-DD
	Keywords  []string
	Layout    string // "chapter" when not given
	Related   []string
	Changes   []Change
	// Group names the navigation group the chapter is listed under
	// ("Guidance", "Tools"); the home page's entry points use the same
	// groups. "" leaves it ungrouped.
	Group string
	// Audience is "editors" for guidance about editing the handbook: it is
	// kept out of the A to Z, the printed handbook and the home page's
	// recent changes, and ranked after all guidance in search. "" (or
	// "practitioners") is everyone else.
	Audience string
	// Footer lists the page in the footer (accessibility statement,
	// privacy notice, contact) instead of the navigation.
	Footer bool

	reviewDueLine int // for the overdue warning
	relatedLines  []int
}

// Change is one entry of a chapter's amendment history.
type Change struct {
	Date string // YYYY-MM-DD
	Note string
}

const dateLayout = "2006-01-02"

// splitFrontMatter separates the YAML header from the body. bodyLine is the
// file line on which the body starts.
func splitFrontMatter(file string, src []byte, e *errs) (header []byte, body []byte, bodyLine int, ok bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		e.add(file, 1, "front matter missing: the file must start with a line of three dashes (---)")
		return nil, nil, 0, false
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	off := 0
	for off < len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		next := len(rest)
		if end >= 0 {
			l = rest[off : off+end]
			next = off + end + 1
		} else {
			l = rest[off:]
		}
		if string(bytes.TrimRight(l, "\r \t")) == "---" {
			return rest[:off], rest[next:], line + 1, true
		}
		off = next
		line++
	}
	e.add(file, 1, "front matter is not closed: add a line of three dashes (---) after it")
	return nil, nil, 0, false
}

// parseFrontMatter validates the header; offset is the number of file lines
// before the header (1, for the opening dashes).
func parseFrontMatter(file string, header []byte, offset int, e *errs) (FrontMatter, bool) {
	fm := FrontMatter{Layout: "chapter"}
	before := len(e.list)
	top, ok := parseYAML(file, header, offset, e)
	if !ok {
		return fm, false
	}
	seen := map[string]bool{}
	for _, f := range fields(file, top, offset, e) {
		seen[f.key] = true
		vline := offset + f.value.Line
		switch f.key {
		case "title":
			fm.Title, _ = str(file, f, offset, e)
		case "summary":
			fm.Summary, _ = str(file, f, offset, e)
		case "owner":
			fm.Owner, _ = str(file, f, offset, e)
		case "weight":
			if s, ok := str(file, f, offset, e); ok {
				n, err := parseInt(s)
				if err != nil {
					e.add(file, vline, "weight must be a whole number, found %q", s)
				}
				fm.Weight = n
			}
		case "updated":
			fm.Updated, _ = date(file, f, offset, e)
		case "review_due":
			fm.ReviewDue, _ = date(file, f, offset, e)
			fm.reviewDueLine = vline
		case "keywords":
			fm.Keywords, _ = strList(file, f, offset, e)
		case "layout":
			if s, ok := str(file, f, offset, e); ok {
				if !layouts[s] {
					e.add(file, vline, "unknown layout %q (known: amendments, az, chapter, checker, glossary, home, index, print)", s)
				} else {
					fm.Layout = s
				}
			}
		case "related":
			if list, ok := strList(file, f, offset, e); ok {
				fm.Related = list
				for i := range list {
					l := vline
					if f.value.Kind == yaml.SequenceNode && i < len(f.value.Content) {
						l = offset + f.value.Content[i].Line
					}
					fm.relatedLines = append(fm.relatedLines, l)
				}
			}
		case "changes":
			fm.Changes = parseChanges(file, f, offset, e)
		case "group":
			fm.Group, _ = str(file, f, offset, e)
			fm.Group = strings.TrimSpace(fm.Group)
		case "audience":
			if s, ok := str(file, f, offset, e); ok {
				switch s {
				case "practitioners", "":
				case "editors":
					fm.Audience = s
				default:
					e.add(file, vline, "unknown audience %q (known: editors, practitioners)", s)
				}
			}
		case "footer":
			if s, ok := str(file, f, offset, e); ok {
				switch s {
				case "true":
					fm.Footer = true
				case "false":
				default:
					e.add(file, vline, "footer must be true or false, found %q", s)
				}
			}
		default:
			e.add(file, f.line, "unknown front matter key %q (known: audience, changes, footer, group, keywords, layout, owner, related, review_due, summary, title, updated, weight)", f.key)
		}
	}
	for _, req := range []string{"title", "summary", "owner", "updated", "review_due"} {
		if !seen[req] {
			e.add(file, offset, "%s is required in the front matter", req)
		}
	}
	if seen["title"] && strings.TrimSpace(fm.Title) == "" {
		e.add(file, offset, "title must not be empty")
	}
	return fm, len(e.list) == before
}

func parseInt(s string) (int, error) {
	n := 0
	neg := strings.HasPrefix(s, "-")
	t := strings.TrimPrefix(s, "-")
	if t == "" || len(t) > 9 {
		return 0, errBadInt
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return 0, errBadInt
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

type badInt struct{}

func (badInt) Error() string { return "not a whole number" }

var errBadInt = badInt{}

func date(file string, f yamlField, offset int, e *errs) (string, bool) {
	s, ok := str(file, f, offset, e)
	if !ok {
		return "", false
	}
	if _, err := time.Parse(dateLayout, s); err != nil {
		e.add(file, offset+f.value.Line, "%s must be a date written YYYY-MM-DD, found %q", f.key, s)
		return "", false
	}
	return s, true
}

func parseChanges(file string, f yamlField, offset int, e *errs) []Change {
	if f.value.Kind != yaml.SequenceNode {
		e.add(file, offset+f.value.Line, "changes must be a list of date and note pairs")
		return nil
	}
	var out []Change
	for _, it := range f.value.Content {
		if it.Kind != yaml.MappingNode {
			e.add(file, offset+it.Line, "each change needs a date and a note")
			continue
		}
		var c Change
		seen := map[string]bool{}
		for _, cf := range fields(file, it, offset, e) {
			seen[cf.key] = true
			switch cf.key {
			case "date":
				c.Date, _ = date(file, cf, offset, e)
			case "note":
				c.Note, _ = str(file, cf, offset, e)
			default:
				e.add(file, cf.line, "unknown key %q in a change (known: date, note)", cf.key)
			}
		}
		if !seen["date"] || !seen["note"] {
			e.add(file, offset+it.Line, "each change needs a date and a note")
			continue
		}
		out = append(out, c)
	}
	return out
}
