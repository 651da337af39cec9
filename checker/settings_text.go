package checker

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// EncodeSettings writes settings as canonical "key=value" lines, one per
// value, in a fixed order. The site build embeds this text in the checker
// page, and the WebAssembly module decodes it, so the page judges with the
// handbook's settings without pulling encoding/json into the module.
func EncodeSettings(s Settings) string {
	s = s.normalised()
	var b strings.Builder
	line := func(k, v string) {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(v)
		b.WriteByte('\n')
	}
	line("review_within", s.ReviewWithin.String())
	if !s.MaxLength.IsZero() {
		line("max_length", s.MaxLength.String())
	}
	roles := slices.Clone(s.RequiredSignatories)
	insertionSort(roles)
	for _, r := range roles {
		line("required_signatory", oneLine(r))
	}
	keys := make([]string, 0, len(s.ExtraAcronyms))
	for k := range s.ExtraAcronyms {
		keys = append(keys, k)
	}
	insertionSort(keys)
	for _, k := range keys {
		line("acronym", oneLine(k)+"="+oneLine(s.ExtraAcronyms[k]))
	}
	vague := slices.Clone(s.VagueTerms)
	insertionSort(vague)
	for _, v := range vague {
		line("vague_term", oneLine(v))
	}
	return b.String()
}

// DecodeSettings reads what EncodeSettings wrote. An empty text gives the
// defaults.
func DecodeSettings(text string) (Settings, error) {
	s := DefaultSettings()
	for n, raw := range strings.Split(text, "\n") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		key, value, ok := strings.Cut(raw, "=")
		if !ok {
			return Settings{}, settingsError(n+1, "want key=value")
		}
		switch key {
		case "review_within", "max_length":
			iv, err := ParseInterval(value)
			if err != nil {
				return Settings{}, settingsError(n+1, err.Error())
			}
			if key == "review_within" {
				s.ReviewWithin = iv
			} else {
				s.MaxLength = iv
			}
		case "required_signatory":
			s.RequiredSignatories = append(s.RequiredSignatories, value)
		case "acronym":
			a, meaning, ok := strings.Cut(value, "=")
			if !ok {
				return Settings{}, settingsError(n+1, "want acronym=ACRONYM=meaning")
			}
			if s.ExtraAcronyms == nil {
				s.ExtraAcronyms = map[string]string{}
			}
			s.ExtraAcronyms[a] = meaning
		case "vague_term":
			s.VagueTerms = append(s.VagueTerms, value)
		default:
			return Settings{}, settingsError(n+1, "unknown key "+strconv.Quote(key))
		}
	}
	return s, nil
}

// ParseInterval reads "3 months", "1 month", "6 weeks".
func ParseInterval(text string) (Interval, error) {
	num, unit, ok := strings.Cut(strings.TrimSpace(text), " ")
	if !ok {
		return Interval{}, errors.New("interval " + strconv.Quote(text) + ": want a number and months or weeks")
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return Interval{}, errors.New("interval " + strconv.Quote(text) + ": want a whole number above zero")
	}
	switch strings.TrimSpace(unit) {
	case "month", "months":
		return Interval{Count: n, Unit: Months}, nil
	case "week", "weeks":
		return Interval{Count: n, Unit: Weeks}, nil
	}
	return Interval{}, errors.New("interval " + strconv.Quote(text) + ": the unit must be months or weeks")
}

func settingsError(line int, msg string) error {
	return errors.New("settings line " + strconv.Itoa(line) + ": " + msg)
}

// oneLine keeps a value on its line: the encoding is line-based.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
