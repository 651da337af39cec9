package checker

import (
	"strconv"
	"unicode/utf8"
)

// JSON returns the report as the contract's JSON object. It is written by
// hand rather than with encoding/json: the bytes must be identical in the
// command and the browser, and encoding/json would add a large part of the
// WebAssembly module's size for one fixed shape.
func (r *Report) JSON() []byte {
	w := jsonWriter{buf: make([]byte, 0, 1024)}
	w.raw(`{"version":`)
	w.int(r.Version)
	w.raw(`,"kind":`)
	w.str(r.Kind)
	w.raw(`,"summary":`)
	w.str(r.Summary)
	w.raw(`,"settings":`)
	w.str(r.Settings)
	w.raw(`,"criteria":[`)
	for i, c := range r.Criteria {
		w.comma(i)
		w.raw(`{"id":`)
		w.str(c.ID)
		w.raw(`,"title":`)
		w.str(c.Title)
		w.raw(`,"status":`)
		w.str(c.Status)
		w.raw(`,"message":`)
		w.str(c.Message)
		w.raw(`,"guidance":`)
		w.str(c.Guidance)
		w.raw(`,"evidence":`)
		w.spans(c.Evidence)
		w.raw(`}`)
	}
	w.raw(`],"flags":[`)
	for i, f := range r.Flags {
		w.comma(i)
		w.raw(`{"id":`)
		w.str(f.ID)
		w.raw(`,"title":`)
		w.str(f.Title)
		w.raw(`,"message":`)
		w.str(f.Message)
		w.raw(`,"guidance":`)
		w.str(f.Guidance)
		w.raw(`,"evidence":`)
		w.spans(f.Evidence)
		w.raw(`}`)
	}
	w.raw(`],"screening":[`)
	for i, q := range r.Screening {
		w.comma(i)
		w.raw(`{"id":`)
		w.str(q.ID)
		w.raw(`,"question":`)
		w.str(q.Question)
		w.raw(`,"answer":`)
		w.str(q.Answer)
		w.raw(`,"detected":`)
		w.bool(q.Detected)
		w.raw(`}`)
	}
	w.raw(`],"findings":[`)
	for i, f := range r.Findings {
		w.comma(i)
		w.raw(`{"rule":`)
		w.str(f.Rule)
		w.raw(`,"criterion":`)
		w.str(f.Criterion)
		w.raw(`,"severity":`)
		w.str(f.Severity)
		w.raw(`,"start":`)
		w.int(f.Start)
		w.raw(`,"end":`)
		w.int(f.End)
		w.raw(`,"line":`)
		w.int(f.Line)
		w.raw(`,"column":`)
		w.int(f.Column)
		w.raw(`,"message":`)
		w.str(f.Message)
		w.raw(`}`)
	}
	w.raw(`],"commitments":[`)
	for i, c := range r.Commitments {
		w.comma(i)
		w.raw(`{"party":`)
		w.str(c.Party)
		w.raw(`,"actor":`)
		w.str(c.Actor)
		w.raw(`,"start":`)
		w.int(c.Start)
		w.raw(`,"end":`)
		w.int(c.End)
		w.raw(`,"timescale":`)
		w.str(c.Timescale)
		w.raw(`,"checkable":`)
		w.bool(c.Checkable)
		w.raw(`}`)
	}
	w.raw(`],"stats":{"words":`)
	w.int(r.Stats.Words)
	w.raw(`,"sentences":`)
	w.int(r.Stats.Sentences)
	w.raw(`,"reading_ease":`)
	w.buf = strconv.AppendFloat(w.buf, r.Stats.ReadingEase, 'f', 1, 64)
	w.raw(`}}`)
	return w.buf
}

type jsonWriter struct{ buf []byte }

func (w *jsonWriter) raw(s string) { w.buf = append(w.buf, s...) }
func (w *jsonWriter) int(n int)    { w.buf = strconv.AppendInt(w.buf, int64(n), 10) }
func (w *jsonWriter) bool(b bool)  { w.buf = strconv.AppendBool(w.buf, b) }

func (w *jsonWriter) comma(i int) {
	if i > 0 {
		w.buf = append(w.buf, ',')
	}
}

func (w *jsonWriter) spans(ss []Span) {
	w.raw(`[`)
	for i, s := range ss {
		w.comma(i)
		w.raw(`{"start":`)
		w.int(s.Start)
		w.raw(`,"end":`)
		w.int(s.End)
		w.raw(`}`)
	}
	w.raw(`]`)
}

// str writes s as a JSON string. Characters that could close a script
// element or confuse HTML are escaped too, as encoding/json does.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	w.buf = append(w.buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				w.buf = append(w.buf, '\\', c)
			case c == '\n':
				w.raw(`\n`)
			case c == '\r':
				w.raw(`\r`)
			case c == '\t':
				w.raw(`\t`)
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				w.buf = append(w.buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				w.buf = append(w.buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.raw(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			w.buf = append(w.buf, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			w.buf = append(w.buf, s[i:i+size]...)
		}
		i += size
	}
	w.buf = append(w.buf, '"')
}
