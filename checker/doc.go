// Package checker judges a draft written agreement against the handbook's
// guidance: text in, report out.
//
// It is pure on purpose. It reads no files, starts no goroutines and reads
// no clock, and it uses only a small part of the standard library (no fmt,
// regexp, time or encoding/json), so that it compiles to a small
// WebAssembly module and gives byte-for-byte the same report in the
// command and in the browser. The report's shape is fixed by the checker
// contract.
//
// The work runs in one pass of stages, each linear in the text:
//
//   - document.go, segment.go: the text as pasted (BOM, CRLF, NBSP, curly
//     quotes, bullets, numbered clauses, tab tables, capitalised headings,
//     signature blocks) becomes tokens, lines, sections with a topic and
//     sentences, every piece keeping byte offsets into the original text;
//   - dates.go, timeframe.go: UK dates, durations and frequencies; the
//     start, end and review of the agreement;
//   - parties.go: who is named, on which side, and each commitment with its
//     actor, timescale and whether it can be checked;
//   - negex.go: negation and hypotheticals in the manner of NegEx, so that a
//     mention ("no concerns about domestic abuse") is not a finding;
//   - kind.go, criteria.go, undertaking.go, signed.go, plain.go,
//     consistent.go, placeholder.go, flags.go: one small rule per criterion,
//     flag and finding.
//
// Word lists (vague terms, absolutes, jargon, plans, roles, negation cues,
// and the glossary of terms and acronyms) are data in data/*.txt.
package checker
