package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"The child's plan", []string{"the", "childs", "plan"}},
		{"don’t stop—review on 12/03/2027.", []string{"dont", "stop", "review", "on", "12", "03", "2027"}},
		{"co-operate A&E", []string{"co", "operate", "a", "e"}},
		{"Zoë's CAFÉ", []string{"zoës", "café"}},
		{"  ", nil},
	}
	for _, tc := range tests {
		if got := Words(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		stem  string
		forms string // words that must all reduce to stem
	}{
		{"agreement", "agreement agreements"},
		{"agre", "agree agreed agrees agreeing"},
		{"review", "review reviews reviewed reviewing"},
		{"supervis", "supervise supervised supervises supervising"},
		{"supervision", "supervision"},
		{"family", "family families"},
		{"child", "child children"},
		{"try", "tried tries"},
		{"stop", "stop stops stopped stopping"},
		{"plan", "plan plans planned planning"},
		{"call", "call calls called calling"},
		{"miss", "miss missed missing"},
		{"meet", "meet meets meeting meetings"},
		{"need", "need needs needed"},
		{"process", "process"},
		{"bus", "bus"},
		{"basis", "basis"},
		{"bring", "bring"},
		{"use", "use uses used"},
		{"do", "doing"},
		{"the", "the"},
	}
	for _, tc := range tests {
		for _, f := range strings.Fields(tc.forms) {
			if got := Stem(f); got != tc.stem {
				t.Errorf("Stem(%q) = %q, want %q", f, got, tc.stem)
			}
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "The child's plan", "Zoë’s CAFÉ 12th", "\xff\x00", "ieses", "eeded"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range Words(text) {
			if w == "" || strings.ContainsAny(w, " '’") {
				t.Fatalf("Words(%q) gave %q", text, w)
			}
			st := Stem(w)
			if st == "" {
				t.Fatalf("Stem(%q) is empty", w)
			}
			if utf8.ValidString(w) && !utf8.ValidString(st) {
				t.Fatalf("Stem(%q) = %q is not valid UTF-8", w, st)
			}
			if Stem(w) != st {
				t.Fatalf("Stem(%q) is not deterministic", w)
			}
		}
	})
}
