package checker

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestDataFiles(t *testing.T) {
	if _, err := loadLexicon(dataFile); err != nil {
		t.Fatalf("embedded word lists: %v", err)
	}
	bad := func(name string) (string, bool) {
		switch name {
		case "roles.txt":
			return "# comment\nsocial worker | professional\nwizard\n", true
		case "kinds.txt":
			return "other | tenancy\nweird | thing\n", true
		case "headings.txt":
			return "sign | signed\n\nnowhere | at all\n", true
		}
		return dataFile(name)
	}
	_, err := loadLexicon(bad)
	for _, want := range []string{"data/roles.txt:3", "data/kinds.txt:2", "data/headings.txt:3"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("broken list: got %v, want an error naming %s", err, want)
		}
	}
}

func TestGlossary(t *testing.T) {
	g := Glossary()
	if len(g) < 60 {
		t.Errorf("glossary has %d entries, want at least 60", len(g))
	}
	seen := map[string]bool{}
	acr := 0
	for i, term := range g {
		if term.Term == "" || term.Meaning == "" {
			t.Errorf("entry %d: empty term or meaning: %+v", i, term)
		}
		if seen[strings.ToLower(term.Term)] {
			t.Errorf("duplicate glossary term %q", term.Term)
		}
		seen[strings.ToLower(term.Term)] = true
		if i > 0 && strings.ToLower(g[i-1].Term) > strings.ToLower(term.Term) {
			t.Errorf("glossary not sorted at %q", term.Term)
		}
		if term.Acronym {
			acr++
		}
	}
	for _, want := range []string{"CP", "CIN", "LAC", "PLO", "ICPC", "RCPC", "CAMHS", "EDT", "SW", "HV", "DSL", "SENCO", "EHCP", "SALT", "IDVA", "MARAC", "FGC", "TAC", "EH", "CSC", "LA", "GP", "child protection plan", "written undertaking", "safety plan", "special guardian", "supervised contact", "strategy meeting", "core group"} {
		if !seen[strings.ToLower(want)] {
			t.Errorf("glossary lacks %q", want)
		}
	}
	if acr < 30 {
		t.Errorf("%d acronyms, want at least 30", acr)
	}
}

func TestRulesCatalogue(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		if ids[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		ids[r.ID] = true
		if r.Title == "" || !strings.Contains(r.Guidance, "/#") {
			t.Errorf("rule %s: want a title and a guidance link to a section, got %q %q", r.ID, r.Title, r.Guidance)
		}
		if r.Kind == RuleFinding && r.Criterion != "" && !ids[r.Criterion] {
			t.Errorf("finding rule %s counts against unknown criterion %s", r.ID, r.Criterion)
		}
	}
}

func TestRefused(t *testing.T) {
	for _, in := range []string{"abc\x00def", "abc\xffdef", "\xc3"} {
		_, err := Check(in, Options{})
		var re *RefusedError
		if !errors.As(err, &re) {
			t.Errorf("Check(%q): got %v, want a RefusedError", in, err)
		}
	}
}

// TestGolden compares each sample's JSON report with testdata/golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/samples/*.txt")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Check(string(b), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := r.JSON()
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(f), ".txt")+".json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(append(got, '\n'), want) {
				t.Errorf("report differs from %s (run go test -update after checking the change):\ngot  %s", golden, got)
			}
		})
	}
}

// checkInvariants verifies what must hold for any report.
func checkInvariants(t *testing.T, text string, r *Report) {
	t.Helper()
	ok := func(s, e int) bool {
		return s >= 0 && e >= s && e <= len(text) && utf8.RuneStart(byteAt(text, s)) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	for _, c := range r.Criteria {
		for _, sp := range c.Evidence {
			if !ok(sp.Start, sp.End) {
				t.Fatalf("criterion %s: bad evidence %v", c.ID, sp)
			}
		}
	}
	for _, f := range r.Flags {
		for _, sp := range f.Evidence {
			if !ok(sp.Start, sp.End) {
				t.Fatalf("flag %s: bad evidence %v", f.ID, sp)
			}
		}
	}
	for _, f := range r.Findings {
		if !ok(f.Start, f.End) || f.Line < 1 || f.Column < 1 {
			t.Fatalf("finding %s: bad position %+v", f.Rule, f)
		}
	}
	for _, c := range r.Commitments {
		if !ok(c.Start, c.End) {
			t.Fatalf("commitment: bad span %+v", c)
		}
	}
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("testdata/samples/*.txt")
	more, _ := filepath.Glob("testdata/agreements/*.txt")
	for _, name := range append(files, more...) {
		b, _ := os.ReadFile(name)
		f.Add(string(b))
	}
	f.Add("Monday 3 March 2027 (insert detail) [name] <date> XX/XX/XXXX ....... ___")
	f.Add("\ufeffAGREEMENT\r\nSW (Dan) – visit every 2 weeks\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Check(text, Options{})
		if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
			var re *RefusedError
			if !errors.As(err, &re) {
				t.Fatalf("invalid input not refused: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, text, r)
		r2, _ := Check(text, Options{})
		if !bytes.Equal(r.JSON(), r2.JSON()) {
			t.Fatal("two checks of the same text differ")
		}
	})
}

// agreement1000 builds a realistic agreement of about 1,000 words from a
// sample.
func agreement1000(tb testing.TB) string {
	b, err := os.ReadFile("testdata/samples/p01-questions-good.txt")
	if err != nil {
		tb.Fatal(err)
	}
	text := string(b)
	for len(strings.Fields(text)) < 1000 {
		text += "\n\nWhat else will Kwame do?\n- Ring the school by 9.30am if Abena is ill, and text Tomas by 5pm the same day.\n- Go to the parents' evening at Ravensholt High School on 2 December 2027.\n"
	}
	return text
}

func BenchmarkCheck(b *testing.B) {
	text := agreement1000(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchLarge(b *testing.B, size int) {
	base := agreement1000(b)
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(base)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck1MB(b *testing.B)  { benchLarge(b, 1<<20) }
func BenchmarkCheck10MB(b *testing.B) { benchLarge(b, 10<<20) }

// FuzzCheckSettings varies the settings as well as the text.
func FuzzCheckSettings(f *testing.F) {
	b, _ := os.ReadFile("testdata/samples/p01-questions-good.txt")
	f.Add(string(b), 3, false, 0, "monitor", "PLO", "Public Law Outline", "team manager")
	f.Add("Review in 6 weeks. Start 1 March 2027.", 6, true, 2, "keep an eye on", "X", "", "")
	f.Fuzz(func(t *testing.T, text string, review int, weeks bool, maxLen int, vague, acr, meaning, role string) {
		if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
			return
		}
		unit := Months
		if weeks {
			unit = Weeks
		}
		s := Settings{
			ReviewWithin:        Interval{Count: review % 100, Unit: unit},
			MaxLength:           Interval{Count: maxLen % 100, Unit: unit},
			RequiredSignatories: []string{role},
			ExtraAcronyms:       map[string]string{acr: meaning},
			VagueTerms:          []string{vague},
		}
		if s.ReviewWithin.Count < 0 || s.MaxLength.Count < 0 {
			return
		}
		r, err := Check(text, Options{Settings: s})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, text, r)
		r2, _ := Check(text, Options{Settings: s})
		if !bytes.Equal(r.JSON(), r2.JSON()) {
			t.Fatal("two checks of the same text differ")
		}
	})
}
