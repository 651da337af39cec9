package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
	code, out, _ := runCmd(t, "", "check", samples+"p02-vague-supervision.txt")
	if code != exitFail {
		t.Errorf("exit: got %d, want 1", code)
	}
	for _, want := range []string{
		samples + "p02-vague-supervision.txt:12:38: warning: \"supervised\" is not defined here",
		"[vague-term]",
		"✗ missing  Built on an existing plan",
		"~ partly   Clear about its aim",
		"✓ met      Signed and dated by everyone",
		"11 of 15 checks need work.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour escapes written to a non-terminal")
	}
	_, out, _ = runCmd(t, "", "check", samples+"p05-condition-of-return.txt")
	if !strings.Contains(out, "! FLAG Coercion") {
		t.Errorf("flag not shown:\n%s", out)
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
