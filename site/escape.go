package site

import (
	"html"
	"strings"
	"unicode"
)

// escape is the one way a value of ours reaches HTML that html/template
// does not write: the Markdown renderer's own nodes, the navigation and
// the glossary links. It escapes &, <, >, " and ', so it is safe in text
// and in a quoted attribute alike.
func escape(s string) string { return html.EscapeString(s) }

// notInURL are characters that have no place in a base URL or a chapter's
// address, and that could end an HTML attribute or start markup if they
// were ever written unescaped.
const notInURL = "\"'<>\\`{}|^"

// badBaseURL says what is wrong with a base URL, or returns "".
func badBaseURL(v string) string {
	if !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
		return "must start with / or http(s)://, found " + quote(v)
	}
	if i := strings.IndexFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(notInURL+"?#", r)
	}); i >= 0 {
		return "may not hold " + quote(string([]rune(v[i:])[0])) + ", found " + quote(v)
	}
	return ""
}

// badSlug says what is wrong with a chapter's file name as the page's
// address, or returns "".
func badSlug(file string) string {
	if i := strings.IndexFunc(file, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(notInURL+"?#%&", r)
	}); i >= 0 {
		return "the file name makes the page's address, which may not hold " + quote(string([]rune(file[i:])[0])) +
			"; use letters, digits and hyphens"
	}
	return ""
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
