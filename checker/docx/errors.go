package docx

import "errors"

// The kinds of failure, for errors.Is. Read's errors wrap one of them with
// a line of detail; each message is written for a practitioner.
var (
	ErrNotDocx   = errors.New("not a Word document (.docx)")
	ErrEncrypted = errors.New("password-protected Word documents cannot be read; save a copy without a password and check that")
	ErrDamaged   = errors.New("the Word document is damaged")
	ErrTooLarge  = errors.New("the Word document is too large")
)

// readError is a kind of failure with what went wrong.
type readError struct {
	kind   error
	detail string
	_      [0]func() // not comparable: no equality function in the page's module
}

func (e *readError) Error() string {
	if e.detail == "" {
		return e.kind.Error()
	}
	return e.kind.Error() + ": " + e.detail
}

func (e *readError) Unwrap() error { return e.kind }

func fail(kind error, detail string) error { return &readError{kind: kind, detail: detail} }
