package main

import (
	"fmt"
	"strings"

	"handbook/checker"
)

// answerFlag collects `--answer ID=yes|no`: the practitioner's answers to
// the screening questions (contract section 7), one per flag id. An id the
// checker does not know, a value other than yes or no, or two different
// answers to one question are usage errors that name the argument.
type answerFlag map[string]string

func (a answerFlag) String() string {
	var parts []string
	for _, r := range checker.Rules() {
		if v, ok := a[r.ID]; ok {
			parts = append(parts, r.ID+"="+v)
		}
	}
	return strings.Join(parts, ",")
}

func (a answerFlag) Set(s string) error {
	id, value, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("write it as ID=yes or ID=no, for example domestic_abuse=no")
	}
	id, value = strings.TrimSpace(id), strings.ToLower(strings.TrimSpace(value))
	var ids []string
	known := false
	for _, r := range checker.Rules() {
		if r.Kind == checker.RuleFlag {
			ids = append(ids, r.ID)
			known = known || r.ID == id
		}
	}
	if !known {
		return fmt.Errorf("there is no screening question %q (the questions are %s)", id, strings.Join(ids, ", "))
	}
	if value != "yes" && value != "no" {
		return fmt.Errorf("the answer must be yes or no, not %q", value)
	}
	if old, dup := a[id]; dup && old != value {
		return fmt.Errorf("%s is already answered %s", id, old)
	}
	a[id] = value
	return nil
}
