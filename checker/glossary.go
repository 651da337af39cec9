package checker

// Term is one entry of the glossary that the handbook shows and the checker
// uses to recognise acronyms and jargon.
type Term struct {
	Term    string // "CP" or "child protection plan"
	Meaning string // plain explanation
	Acronym bool
}

// Glossary returns the shared list of terms and acronyms, sorted by term.
func Glossary() []Term {
	return nil // filled in by the checker core issue
}
