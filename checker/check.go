package checker

import "unicode/utf8"

// Options configure a check.
type Options struct {
	Settings Settings // the zero value means DefaultSettings()
}

// RefusedError is returned for text the checker will not judge: text that
// is not valid UTF-8 or that holds a NUL byte.
type RefusedError struct {
	Offset int    // byte offset of the first bad byte
	Reason string // "not valid UTF-8" or "holds a NUL byte"
}

func (e *RefusedError) Error() string {
	return "text refused: " + e.Reason + " at byte " + itoa(e.Offset)
}

// Check judges text against the guidance and returns the report.
func Check(text string, opts Options) (*Report, error) {
	if err := validate(text); err != nil {
		return nil, err
	}
	s := opts.Settings.normalised()
	r := &Report{
		Version:     ReportVersion,
		Kind:        KindUnknown,
		Summary:     "This does not look like a written agreement or undertaking.",
		Settings:    s.Hash(),
		Criteria:    []Criterion{},
		Flags:       []Flag{},
		Findings:    []Finding{},
		Commitments: []Commitment{},
	}
	return r, nil // the judging itself is filled in by the checker core issue
}

func validate(text string) error {
	for i := 0; i < len(text); {
		c := text[i]
		if c == 0 {
			return &RefusedError{Offset: i, Reason: "holds a NUL byte"}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return &RefusedError{Offset: i, Reason: "not valid UTF-8"}
		}
		i += size
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
