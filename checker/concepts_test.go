package checker

import (
	"os"
	"strings"
	"testing"
)

// TestConcepts fails with file:line when data/situations.txt does not parse.
func TestConcepts(t *testing.T) {
	raw, err := os.ReadFile("data/situations.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseConcepts(string(raw), "data/situations.txt"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct{ text, want string }{
		{"harm\n", "data/x.txt:1: pattern before any @concept line"},
		{"[a]\n[a]\n", "data/x.txt:2: bad or repeated concept name"},
		{"[a]\nhit @nope\n", "data/x.txt:2: unknown concept @nope"},
		{"[a]\n* hit\n", "data/x.txt:2: a pattern must start"},
	} {
		_, err := parseConcepts(bad.text, "data/x.txt")
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("parseConcepts(%q): got %v, want %q", bad.text, err, bad.want)
		}
	}
}

// TestStem: inflections of one word share a stem.
func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"push", "pushed", "pushing", "pushes"},
		{"close", "closed", "closing", "closes"},
		{"stop", "stopped", "stopping", "stops"},
		{"threaten", "threatened", "threatening", "threatens"},
		{"throw", "threw", "thrown", "throws"},
		{"keep", "kept", "keeps", "keeping"},
		{"agree", "agreed", "agrees", "agreeing"},
		{"control", "controlled", "controlling", "controls"},
		{"frighten", "frightened", "frightening"},
	} {
		for _, w := range group[1:] {
			if stem(w) != stem(group[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q", w, stem(w), group[0], stem(group[0]))
			}
		}
	}
}

// TestConceptPatterns: the pattern language's elements.
func TestConceptPatterns(t *testing.T) {
	cs, err := parseConcepts("[p]\nmr/mrs NAME\n[q]\nkeep * away\n[r]\nin YEAR\n[s]\nnot (ever) hit @p\n", "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		concept, text string
		want          string
	}{
		{"p", "We met Mrs Patel today.", "Mrs Patel"},
		{"q", "Lucy will keep him well away.", "keep him well away"},
		{"q", "Lucy will keep him. Away.", ""},
		{"r", "It happened in 2019.", "in 2019"},
		{"s", "Dad will not hit Mr Jones.", "not hit Mr Jones"},
		{"s", "Dad will not ever hit Mr Jones.", "not ever hit Mr Jones"},
	} {
		d := newDocument(tc.text)
		m := newMatcherWith(cs, d)
		got := ""
		if s, e, ok := m.find(tc.concept, 0, len(d.toks)); ok {
			got = d.orig(s, e)
		}
		if got != tc.want {
			t.Errorf("%s in %q: got %q, want %q", tc.concept, tc.text, got, tc.want)
		}
	}
}
