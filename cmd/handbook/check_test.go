package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	old := checkStdin
	checkStdin = strings.NewReader(stdin)
	defer func() { checkStdin = old }()
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

const samples = "../../checker/testdata/samples/"

func TestCheckCommandExitStatus(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.txt")
	// The good sample meets every check.
	b, err := os.ReadFile(samples + "p01-questions-good.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(good, b, 0o644)
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("abc\xff"), 0o644)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"all met", []string{"check", good}, exitOK},
		{"needs work", []string{"check", samples + "p02-vague-supervision.txt"}, exitFail},
		{"flag raised", []string{"check", samples + "p05-condition-of-return.txt"}, exitFail},
		{"unknown kind", []string{"check", samples + "p08-visit-email.txt"}, exitFail},
		{"missing file", []string{"check", "no-such-file.txt"}, exitUsage},
		{"refused text", []string{"check", bad}, exitUsage},
		{"no files", []string{"check"}, exitUsage},
		{"bad format", []string{"check", "--format", "xml", good}, exitUsage},
		{"help", []string{"check", "--help"}, exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			if code != tc.want {
				t.Errorf("exit: got %d, want %d (stderr %q)", code, tc.want, stderr)
			}
		})
	}
}

func TestCheckCommandText(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	file := samples + "p02-vague-supervision.txt"
	code, out, _ := runCmd(t, "", "check", file)
	if code != exitFail {
		t.Errorf("exit: got %d, want 1", code)
	}
	for _, want := range []string{
		file + ":12:38: warning: \"supervised\" is not defined here",
		"[vague-term]\n",
		file + ": missing: Built on an existing plan: ",
		": partly: Clear about its aim: ",
		"\n11 problems: 0 flags, 4 missing, 7 partly; ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"\x1b[", "met: ", "Paste", "info: ", "see "} {
		if strings.Contains(out, not) {
			t.Errorf("output holds %q without --verbose:\n%s", not, out)
		}
	}
	if !strings.HasSuffix(out, "on passages.\n") {
		t.Errorf("output does not end with the total line:\n%s", out)
	}

	_, out, _ = runCmd(t, "", "check", "--verbose", file)
	for _, want := range []string{file + ": met: Signed and dated by everyone [signed]\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--verbose output lacks %q:\n%s", want, out)
		}
	}

	// A flag comes first, with its line and a quote of its words.
	_, out, _ = runCmd(t, "", "check", samples+"p05-condition-of-return.txt")
	first, _, _ := strings.Cut(out, "\n")
	if !strings.Contains(first, ": flag: Coercion") || !strings.Contains(first, "“") || !strings.HasSuffix(first, "[coercion]") {
		t.Errorf("first line is not the flag with its quote:\n%s", out)
	}
}

// TestCheckCommandTextLines: every problem line has the linter's shape,
// file[:line:col]: severity: message [rule], and a folder ends with one
// total line.
func TestCheckCommandTextLines(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	dir := t.TempDir()
	for _, name := range []string{"p01-questions-good.txt", "p02-vague-supervision.txt", "p05-condition-of-return.txt", "p08-visit-email.txt"} {
		b, err := os.ReadFile(samples + name)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	_, out, _ := runCmd(t, "", "check", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	shape := regexp.MustCompile(`^` + regexp.QuoteMeta(dir) + `/p0\d-[a-z-]+\.txt(:\d+:\d+)?: (flag|missing|partly|error|warning): .+ \[[a-z_-]+\]$`)
	for _, l := range lines[:len(lines)-2] {
		if !shape.MatchString(l) {
			t.Errorf("not a linter line: %q", l)
		}
		if strings.Contains(l, "p01-questions-good") {
			t.Errorf("a file with no problems is listed: %q", l)
		}
	}
	if total := lines[len(lines)-1]; !regexp.MustCompile(`^\d+ problems in 3 of 4 files: 1 flag, \d+ missing, \d+ partly; \d+ notes on passages; 1 file not recognised as an agreement or undertaking\.$`).MatchString(total) {
		t.Errorf("total line: %q", total)
	}
}

// TestCheckCommandGuidance: with a full address in the settings, each
// problem names its guidance there.
func TestCheckCommandGuidance(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "handbook.yaml"), []byte("title: T\nbase_url: https://example.org/handbook/\n"), 0o644)
	_, out, errs := runCmd(t, "", "check", "--content", dir, samples+"p02-vague-supervision.txt")
	if !strings.Contains(out, "\n    see https://example.org/handbook/good-written-agreements/#plans\n") {
		t.Errorf("no full guidance address (stderr %q):\n%s", errs, out)
	}
}

// TestCheckCommandAnswers: --answer takes yes or no for a known screening
// question and refuses anything else with a message naming it.
func TestCheckCommandAnswers(t *testing.T) {
	good := samples + "p01-questions-good.txt"
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--answer", "domestic_abuse=no", "--answer", "coercion=NO"}, exitOK, ""},
		{[]string{"--answer", "abuse=no"}, exitUsage, `there is no screening question "abuse" (the questions are domestic_abuse, `},
		{[]string{"--answer", "coercion=maybe"}, exitUsage, `the answer must be yes or no, not "maybe"`},
		{[]string{"--answer", "coercion"}, exitUsage, "write it as ID=yes or ID=no"},
		{[]string{"--answer", "coercion=yes", "--answer", "coercion=no"}, exitUsage, "coercion is already answered yes"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errs := runCmd(t, "", append(append([]string{"check"}, tc.args...), good)...)
			if code != tc.code && !(tc.code == exitOK && code == exitFail) {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if tc.says != "" && !strings.Contains(errs, tc.says) {
				t.Errorf("stderr lacks %q:\n%s", tc.says, errs)
			}
		})
	}

	// A yes raises the flag; the command says which questions are open.
	code, out, _ := runCmd(t, "", "check", "--answer", "domestic_abuse=yes", good)
	if code != exitFail || !strings.Contains(out, good+": flag: Domestic abuse") {
		t.Errorf("a yes did not raise the flag (exit %d):\n%s", code, out)
	}
	if !strings.Contains(out, "Screening questions not answered for 1 file: case_closure, coercion,") {
		t.Errorf("open questions not named:\n%s", out)
	}
	_, out, _ = runCmd(t, "", "check", good)
	if !strings.HasPrefix(out, "Screening questions not answered for 1 file: domestic_abuse, ") || !strings.HasSuffix(out, "\nNo problems found in the text of 1 file.\n") {
		t.Errorf("a clean text with open questions:\n%s", out)
	}
	// The JSON carries the answers, as the page's does.
	_, out, _ = runCmd(t, "", "check", "--format", "json", "--answer", "coercion=no", good)
	if !strings.Contains(out, `{"id":"coercion","question":`) || !strings.Contains(out, `"answer":"no"`) {
		t.Errorf("JSON lacks the answer:\n%s", out)
	}
}

func TestCheckCommandJSON(t *testing.T) {
	code, out, _ := runCmd(t, "", "check", "--format", "json", samples+"p06-undertaking-uncle.txt")
	if code != exitOK {
		t.Errorf("exit: got %d, want 0", code)
	}
	var one map[string]any
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatalf("one file: not a JSON object: %v\n%s", err, out)
	}
	if one["kind"] != "undertaking" {
		t.Errorf("kind: got %v", one["kind"])
	}
	want, err := os.ReadFile("../../checker/testdata/golden/p06-undertaking-uncle.json")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("the command's JSON differs from the checker's golden report")
	}
	_, out, _ = runCmd(t, "", "check", "--format", "json", samples+"p06-undertaking-uncle.txt", samples+"p07-safety-plan.txt")
	var many []map[string]any
	if err := json.Unmarshal([]byte(out), &many); err != nil || len(many) != 2 {
		t.Fatalf("two files: want a JSON array of 2, got %v\n%s", err, out)
	}
	// Standard input.
	b, _ := os.ReadFile(samples + "p07-safety-plan.txt")
	code, out, _ = runCmd(t, string(b), "check", "--format", "json", "-")
	if !strings.Contains(out, `"kind":"safety_plan"`) || code != exitOK {
		t.Errorf("stdin: got %d %s", code, out)
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := runCmd(t, "", "rules")
	if code != exitOK || !strings.Contains(out, "good-written-agreements/#review") || !strings.Contains(out, "vague-term") {
		t.Errorf("rules: got %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "rules", "--format", "json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); err != nil || code != exitOK {
		t.Fatalf("rules json: %v", err)
	}
	kinds := map[any]int{}
	for _, r := range rules {
		kinds[r["kind"]]++
		if r["guidance"] == "" {
			t.Errorf("rule %v has no guidance", r["id"])
		}
	}
	if kinds["criterion"] < 17 || kinds["flag"] != 7 || kinds["finding"] < 5 {
		t.Errorf("rule kinds: got %v", kinds)
	}
}
