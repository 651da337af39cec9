package checker

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = iota // letters, possibly with digits, apostrophes and hyphens inside
	tNum          // starts with a digit: 12, 9.30pm, 12/03/2027, 100%
	tPunct        // one punctuation character
)

// token is one word, number or punctuation mark. s and e are byte offsets
// into the original text; ns and ne into the document's normalised text,
// where letters are lower case and typographic quotes and dashes are
// plain ASCII.
type token struct {
	s, e   int
	ns, ne int32
	line   int32
	kind   uint8
	cap    bool // starts with an upper-case letter
	upper  bool // two or more letters, all upper case
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normRune maps typographic characters to the plain ones the word lists use.
func normRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '`', '\u2032':
		return '\''
	case '\u201c', '\u201d', '\u201e':
		return '"'
	case '\u2013', '\u2014', '\u2212', '\u2010', '\u2011':
		return '-'
	case '\u00a0', '\u2007', '\u202f', '\u2009', '\t', '\ufeff':
		return ' '
	}
	return unicode.ToLower(r)
}

// tokenizer appends tokens for text[s:e] to toks and the normalised forms
// to norm.
type tokenizer struct {
	text string
	norm []byte
	toks []token
}

func (z *tokenizer) run(s, e, line int) {
	text := z.text
	i := s
	for i < e {
		if c := text[i]; c == ' ' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:e])
		nr := normRune(r)
		if nr == ' ' || unicode.IsSpace(r) || r == utf8.RuneError {
			i += size
			continue
		}
		if !isWordRune(r) {
			z.add(i, i+size, tPunct, line)
			i += size
			continue
		}
		start := i
		kind := uint8(tWord)
		if unicode.IsDigit(r) {
			kind = tNum
		}
		prev := r
		i += size
		for i < e {
			if c := text[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				prev = rune(c)
				i++
				continue
			}
			r2, sz2 := utf8.DecodeRuneInString(text[i:e])
			if isWordRune(r2) {
				prev = r2
				i += sz2
				continue
			}
			n2 := normRune(r2)
			// A joiner stays inside the word only between two word characters.
			if n2 == '\'' || n2 == '-' || r2 == '.' || r2 == '/' || r2 == ':' || r2 == '&' {
				if i+sz2 >= e {
					break
				}
				next, _ := utf8.DecodeRuneInString(text[i+sz2 : e])
				ok := false
				switch {
				case n2 == '\'' || n2 == '-' || r2 == '&':
					ok = unicode.IsLetter(prev) && isWordRune(next) || unicode.IsDigit(prev) && unicode.IsDigit(next) || n2 == '-' && isWordRune(prev) && isWordRune(next)
				case r2 == '.' || r2 == ':':
					ok = unicode.IsDigit(prev) && unicode.IsDigit(next)
				case r2 == '/':
					ok = isWordRune(prev) && isWordRune(next)
				}
				if ok {
					prev = next
					i += sz2
					continue
				}
			}
			if r2 == '%' && unicode.IsDigit(prev) {
				i += sz2
			}
			break
		}
		// Split a possessive 's so that "Kwame's" gives "kwame" and "'s".
		w := text[start:i]
		if n := len(w); n > 2 {
			if w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
				z.add(start, i-2, kind, line)
				z.add(i-2, i, tPunct, line)
				continue
			}
			if n > 4 && strings.HasSuffix(w, "\u2019s") || strings.HasSuffix(w, "\u2019S") {
				z.add(start, i-4, kind, line)
				z.add(i-4, i, tPunct, line)
				continue
			}
		}
		z.add(start, i, kind, line)
	}
}

func (z *tokenizer) add(s, e int, kind uint8, line int) {
	if s >= e {
		return
	}
	t := token{s: s, e: e, kind: kind, line: int32(line), ns: int32(len(z.norm))}
	letters, uppers := 0, 0
	first := true
	if ascii(z.text[s:e]) {
		for i := s; i < e; i++ {
			c := z.text[i]
			switch {
			case c >= 'A' && c <= 'Z':
				letters++
				uppers++
				if i == s {
					t.cap = true
				}
				c += 'a' - 'A'
			case c >= 'a' && c <= 'z':
				letters++
			case c == '`':
				c = '\''
			case c == '\t':
				c = ' '
			}
			z.norm = append(z.norm, c)
		}
		t.upper = letters >= 2 && uppers == letters
		t.ne = int32(len(z.norm))
		z.toks = append(z.toks, t)
		return
	}
	for _, r := range z.text[s:e] {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
				if first {
					t.cap = true
				}
			}
		}
		first = false
		z.norm = utf8.AppendRune(z.norm, normRune(r))
	}
	t.upper = letters >= 2 && uppers == letters
	t.ne = int32(len(z.norm))
	z.toks = append(z.toks, t)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokenize splits a short text (a word-list entry) into tokens and
// returns its normalised form, which the tokens' ns and ne index.
func tokenize(text string) (string, []token) {
	z := tokenizer{text: text}
	z.run(0, len(text), 0)
	return string(z.norm), z.toks
}
