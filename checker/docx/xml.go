package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A tokenizer for the XML that Word writes: elements with prefixed names
// and attributes, text with entity and character references, CDATA,
// comments, processing instructions and a doctype, which are skipped.
// Namespaces are not resolved: Word always binds the same prefixes (w:,
// mc:, v:, wps:), and the names are matched with their prefix.

type tokenKind uint8

const (
	tokStart tokenKind = iota + 1 // <w:p ...>
	tokEnd                        // </w:p>
	tokEmpty                      // <w:tab/>: a start and its end at once
	tokText
)

type attr struct {
	name, value string
	_           [0]func() // not comparable: no equality function in the page's module
}

type token struct {
	kind  tokenKind
	name  string // element name with its prefix
	attrs []attr
	text  string // tokText: the text with references decoded
	pos   int    // where the token starts in the source, for the writer
}

// attr returns an attribute's value by its name with prefix ("w:val").
func (t *token) attr(name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

type tokenizer struct {
	src string
	at  int
	tok token
	err string // what is wrong with the XML, when next returns false before the end
}

func newTokenizer(src []byte) *tokenizer { return &tokenizer{src: string(src)} }

// next moves to the next token; false at the end or on malformed XML
// (then err says what).
func (z *tokenizer) next() bool {
	s := z.src
	for z.at < len(s) {
		if s[z.at] != '<' {
			end := strings.IndexByte(s[z.at:], '<')
			if end < 0 {
				end = len(s) - z.at
			}
			raw := s[z.at : z.at+end]
			z.tok = token{kind: tokText, text: unescape(raw), pos: z.at}
			z.at += end
			return true
		}
		rest := s[z.at:]
		switch {
		case strings.HasPrefix(rest, "<?"):
			if !z.skipPast("?>") {
				return false
			}
		case strings.HasPrefix(rest, "<!--"):
			if !z.skipPast("-->") {
				return false
			}
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				z.err = "unterminated CDATA section"
				return false
			}
			z.tok = token{kind: tokText, text: rest[9:end], pos: z.at}
			z.at += end + 3
			return true
		case strings.HasPrefix(rest, "<!"):
			if !z.skipPast(">") {
				return false
			}
		case strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				z.err = "unterminated end tag"
				return false
			}
			z.tok = token{kind: tokEnd, name: strings.TrimSpace(rest[2:end]), pos: z.at}
			z.at += end + 1
			return true
		default:
			return z.startTag()
		}
	}
	return false
}

func (z *tokenizer) skipPast(marker string) bool {
	end := strings.Index(z.src[z.at:], marker)
	if end < 0 {
		z.err = "unterminated " + marker
		return false
	}
	z.at += end + len(marker)
	return true
}

// startTag reads <name attr="v" ...> or <name .../>.
func (z *tokenizer) startTag() bool {
	s := z.src
	i := z.at + 1
	nameEnd := i
	for nameEnd < len(s) && !isSpace(s[nameEnd]) && s[nameEnd] != '>' && s[nameEnd] != '/' {
		nameEnd++
	}
	if nameEnd == i {
		z.err = "a tag without a name"
		return false
	}
	z.tok = token{kind: tokStart, name: s[i:nameEnd], attrs: z.tok.attrs[:0], pos: z.at}
	i = nameEnd
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			z.err = "unterminated tag <" + z.tok.name
			return false
		}
		switch s[i] {
		case '>':
			z.at = i + 1
			return true
		case '/':
			if i+1 < len(s) && s[i+1] == '>' {
				z.tok.kind = tokEmpty
				z.at = i + 2
				return true
			}
			z.err = "stray / in tag <" + z.tok.name
			return false
		}
		eq := strings.IndexByte(s[i:], '=')
		if eq < 0 {
			z.err = "an attribute without a value in <" + z.tok.name
			return false
		}
		name := strings.TrimSpace(s[i : i+eq])
		i += eq + 1
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) || (s[i] != '"' && s[i] != '\'') {
			z.err = "an unquoted attribute in <" + z.tok.name
			return false
		}
		q := s[i]
		end := strings.IndexByte(s[i+1:], q)
		if end < 0 {
			z.err = "an unterminated attribute in <" + z.tok.name
			return false
		}
		z.tok.attrs = append(z.tok.attrs, attr{name: name, value: unescape(s[i+1 : i+1+end])})
		i += end + 2
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// unescape decodes the five named entities and numeric character
// references. An unknown or broken reference is kept as written.
func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	for {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:amp])
		s = s[amp:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 || semi > 12 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		ref := s[1:semi]
		switch ref {
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "amp":
			b.WriteByte('&')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			r, ok := charRef(ref)
			if !ok {
				b.WriteByte('&')
				s = s[1:]
				continue
			}
			b.WriteRune(r)
		}
		s = s[semi+1:]
	}
}

func charRef(ref string) (rune, bool) {
	if !strings.HasPrefix(ref, "#") || len(ref) < 2 {
		return 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) || n == 0 {
		return 0, false
	}
	return rune(n), true
}
