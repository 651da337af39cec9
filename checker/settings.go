package checker

import (
	"slices"
	"strconv"
	"strings"
)

// Unit is the unit of an Interval.
type Unit int

// Units of an Interval.
const (
	Months Unit = iota
	Weeks
)

// Interval is a length of time given in whole months or weeks, as local
// guidance states it ("review at least every 3 months", "6 weeks").
type Interval struct {
	Count int
	Unit  Unit
}

// IsZero reports whether the interval is unset.
func (i Interval) IsZero() bool { return i.Count == 0 }

func (i Interval) unitName() string {
	name := "month"
	if i.Unit == Weeks {
		name = "week"
	}
	if i.Count != 1 {
		name += "s"
	}
	return name
}

// String returns the interval in figures: "3 months", "6 weeks".
func (i Interval) String() string {
	return strconv.Itoa(i.Count) + " " + i.unitName()
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve"}

// Words returns the interval in words for guidance text: "three months",
// "six weeks". Counts above twelve stay in figures, as house style does.
func (i Interval) Words() string {
	if i.Count >= 0 && i.Count < len(numberWords) {
		return numberWords[i.Count] + " " + i.unitName()
	}
	return i.String()
}

// Settings are the local thresholds and word lists the checker applies
// (contract section 6). The handbook's settings file sets them, so the
// command and the page judge with the same rules.
type Settings struct {
	ReviewWithin        Interval          // latest review after the start; default 3 months
	MaxLength           Interval          // longest an agreement may last; zero means no maximum
	RequiredSignatories []string          // roles whose signature "signed" requires, e.g. "team manager"
	ExtraAcronyms       map[string]string // acronym -> what it stands for
	VagueTerms          []string          // further words that must be defined where used
}

// DefaultSettings returns the contract's defaults.
func DefaultSettings() Settings {
	return Settings{ReviewWithin: Interval{Count: 3, Unit: Months}}
}

// normalised fills unset values with defaults so that the zero Settings
// means the defaults.
func (s Settings) normalised() Settings {
	if s.ReviewWithin.IsZero() {
		s.ReviewWithin = DefaultSettings().ReviewWithin
	}
	return s
}

// Hash returns a short stable hash of the settings, carried in every report
// so that two reports can be compared knowingly.
func (s Settings) Hash() string {
	s = s.normalised()
	var b strings.Builder
	b.WriteString("review=" + s.ReviewWithin.String())
	b.WriteString(";max=" + s.MaxLength.String())
	roles := slices.Clone(s.RequiredSignatories)
	insertionSort(roles)
	b.WriteString(";sign=" + strings.Join(roles, ","))
	keys := make([]string, 0, len(s.ExtraAcronyms))
	for k := range s.ExtraAcronyms {
		keys = append(keys, k)
	}
	insertionSort(keys)
	b.WriteString(";acronyms=")
	for _, k := range keys {
		b.WriteString(k + "=" + s.ExtraAcronyms[k] + ",")
	}
	vague := slices.Clone(s.VagueTerms)
	insertionSort(vague)
	b.WriteString(";vague=" + strings.Join(vague, ","))

	// FNV-1a, 32 bits: enough to tell settings apart, and no crypto import.
	h := uint32(2166136261)
	for _, c := range []byte(b.String()) {
		h ^= uint32(c)
		h *= 16777619
	}
	out := strconv.FormatUint(uint64(h), 16)
	return strings.Repeat("0", 8-len(out)) + out
}
