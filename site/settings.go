package site

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"handbook/checker"
	"handbook/checker/limits"

	"go.yaml.in/yaml/v3"
)

// SettingsFile is the name of the settings file at the content root.
const SettingsFile = "handbook.yaml"

// Settings is the parsed handbook.yaml.
type Settings struct {
	Title        string
	Organisation string
	BaseURL      string // as written; "/" when absent
	Footer       string
	Checker      checker.Settings
}

// LoadSettings reads and validates handbook.yaml at the root of fsys. Every
// problem is reported, each as an *Error with file and line, in an ErrorList.
func LoadSettings(fsys fs.FS) (Settings, error) {
	var e errs
	src, ok := readSettings(fsys, &e)
	if !ok {
		return Settings{}, e.err()
	}
	s := parseSettings(src, &e)
	return s, e.err()
}

// readSettings reads handbook.yaml, or says why it cannot.
func readSettings(fsys fs.FS, e *errs) ([]byte, bool) {
	src, err := readRegular(fsys, SettingsFile, limits.ChapterBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.add(SettingsFile, 0, "settings file is missing")
	case err != nil:
		e.add(SettingsFile, 0, "%v", err)
	}
	return src, err == nil
}

func parseSettings(src []byte, e *errs) Settings {
	const file = SettingsFile
	s := Settings{BaseURL: "/", Checker: checker.DefaultSettings()}
	top, ok := parseYAML(file, src, 0, e)
	if !ok {
		return s
	}
	seenTitle := false
	for _, f := range fields(file, top, 0, e) {
		switch f.key {
		case "title":
			s.Title, _ = str(file, f, 0, e)
			seenTitle = true
		case "organisation":
			s.Organisation, _ = str(file, f, 0, e)
		case "base_url":
			if v, ok := str(file, f, 0, e); ok {
				if v == "" {
					v = "/"
				}
				if msg := badBaseURL(v); msg != "" {
					e.add(file, f.value.Line, "base_url %s", msg)
				} else {
					s.BaseURL = v
				}
			}
		case "footer":
			s.Footer, _ = str(file, f, 0, e)
		case "checker":
			s.Checker = parseChecker(f, e)
		default:
			e.add(file, f.line, "unknown setting %q (known: %s)", f.key, "title, organisation, base_url, footer, checker")
		}
	}
	if !seenTitle || strings.TrimSpace(s.Title) == "" {
		e.add(file, 1, "title is required")
	}
	return s
}

func parseChecker(parent yamlField, e *errs) checker.Settings {
	const file = SettingsFile
	cs := checker.DefaultSettings()
	if parent.value.Kind == yaml.ScalarNode && parent.value.Tag == "!!null" {
		return cs
	}
	if parent.value.Kind != yaml.MappingNode {
		e.add(file, parent.value.Line, "checker must be a mapping of settings, found %s", kindName(parent.value))
		return cs
	}
	var review, maxLen []yamlField
	for _, f := range fields(file, parent.value, 0, e) {
		switch f.key {
		case "review_within_months", "review_within_weeks":
			review = append(review, f)
			if n, ok := boundedInt(file, f, 1, maxOf(f.key, 52, 12), e); ok {
				cs.ReviewWithin = checker.Interval{Count: n, Unit: unitOf(f.key)}
			}
		case "max_length_months", "max_length_weeks":
			maxLen = append(maxLen, f)
			if n, ok := boundedInt(file, f, 1, maxOf(f.key, 104, 24), e); ok {
				cs.MaxLength = checker.Interval{Count: n, Unit: unitOf(f.key)}
			}
		case "required_signatories":
			cs.RequiredSignatories, _ = strList(file, f, 0, e)
		case "vague_terms":
			cs.VagueTerms, _ = strList(file, f, 0, e)
		case "extra_acronyms":
			if f.value.Kind != yaml.MappingNode {
				e.add(file, f.value.Line, "extra_acronyms must map each acronym to its meaning, found %s", kindName(f.value))
				continue
			}
			cs.ExtraAcronyms = map[string]string{}
			for _, a := range fields(file, f.value, 0, e) {
				if v, ok := str(file, a, 0, e); ok {
					if strings.TrimSpace(v) == "" {
						e.add(file, a.line, "acronym %q needs a meaning", a.key)
						continue
					}
					cs.ExtraAcronyms[a.key] = v
				}
			}
		default:
			known := []string{"review_within_months", "review_within_weeks", "max_length_months", "max_length_weeks", "required_signatories", "extra_acronyms", "vague_terms"}
			sort.Strings(known)
			e.add(file, f.line, "unknown checker setting %q (known: %s)", f.key, strings.Join(known, ", "))
		}
	}
	if len(review) > 1 {
		e.add(file, review[1].line, "give review_within_months or review_within_weeks, not both")
	}
	if len(maxLen) > 1 {
		e.add(file, maxLen[1].line, "give max_length_months or max_length_weeks, not both")
	}
	return cs
}

// maxOf is the largest sensible count for an interval setting: a review
// within a year, an agreement lasting up to two years.
func maxOf(key string, weeks, months int) int {
	if unitOf(key) == checker.Weeks {
		return weeks
	}
	return months
}

func unitOf(key string) checker.Unit {
	if strings.HasSuffix(key, "_weeks") {
		return checker.Weeks
	}
	return checker.Months
}
