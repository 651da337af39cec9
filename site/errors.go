package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem with the content, located by file and line.
// Line is 0 when the problem concerns a whole file or folder.
type Error struct {
	File    string // path inside the content folder, e.g. "when-to-use.md"
	Line    int    // 1-based; 0 when no line applies
	Message string
}

// Error returns "file:line: message" (or "file: message" without a line).
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	if e.File == "" {
		return e.Message
	}
	return e.File + ": " + e.Message
}

// ErrorList is every content problem found in one run, sorted by file and line.
type ErrorList []*Error

// Error returns one line per problem.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find the individual errors.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// errs collects content errors; it is not safe for concurrent use.
type errs struct{ list ErrorList }

func (c *errs) add(file string, line int, format string, args ...any) {
	c.list = append(c.list, &Error{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// err returns the sorted list, or nil when empty.
func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	slices.SortStableFunc(c.list, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	c.list = slices.CompactFunc(c.list, func(a, b *Error) bool { return *a == *b })
	return c.list
}
