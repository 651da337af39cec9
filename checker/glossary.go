package checker

import (
	"slices"
	"strings"
)

// Term is one entry of the glossary that the handbook shows and the checker
// uses to recognise acronyms and jargon.
type Term struct {
	Term    string // "CP" or "child protection plan"
	Meaning string // plain explanation
	Acronym bool
}

// Glossary returns the shared list of terms and acronyms, sorted by term
// (ignoring case). It is data/glossary.txt.
func Glossary() []Term {
	out := slices.Clone(words().terms)
	slices.SortStableFunc(out, func(a, b Term) int {
		return strings.Compare(strings.ToLower(a.Term), strings.ToLower(b.Term))
	})
	return out
}
