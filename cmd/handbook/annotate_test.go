package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handbook/checker/docx"
	"handbook/checker/docx/annotate"
)

const wordAgreement = "../../checker/docx/testdata/agreement.docx"

// fixNow fixes the comments' date for a test.
func fixNow(t *testing.T) string {
	old := annotateNow
	annotateNow = func() time.Time { return time.Date(2026, 12, 2, 18, 33, 17, 0, time.FixedZone("x", 3600)) }
	t.Cleanup(func() { annotateNow = old })
	return "2026-12-02T17:33:17Z"
}

// TestCheckAnnotate: one copy per input, in the inputs' folders under the
// --annotate folder, each the bytes annotate gives for it (so the page's,
// which calls the same code); bad inputs and unwritable copies are named.
func TestCheckAnnotate(t *testing.T) {
	date := fixNow(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	word, _ := os.ReadFile(wordAgreement)
	text, _ := os.ReadFile(samples + "p02-vague-supervision.txt")
	os.WriteFile(filepath.Join(in, "agreement.docx"), word, 0o644)
	os.WriteFile(filepath.Join(in, "sub", "draft.txt"), text, 0o644)
	os.WriteFile(filepath.Join(in, "broken.docx"), []byte("PK\x03\x04 not really"), 0o644)
	t.Chdir(dir)

	code, _, stderr := runCmd(t, "", "check", "--annotate", "out", "in")
	if code != exitUsage || !strings.Contains(stderr, "broken.docx") {
		t.Errorf("exit %d, stderr %q: want 2 and the broken document named", code, stderr)
	}
	_, readErr := docx.Read([]byte("PK\x03\x04 not really"), docx.Limits{})
	if !strings.Contains(stderr, readErr.Error()) {
		t.Errorf("the broken document is not refused with the reader's message %q:\n%s", readErr, stderr)
	}
	opts := annotate.Options{Date: date}
	wantWord, err := annotate.Word(word, opts)
	if err != nil {
		t.Fatal(err)
	}
	wantText, err := annotate.Text(string(text), opts)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{"out/in/agreement-feedback.docx": wantWord, "out/in/sub/draft-feedback.docx": wantText} {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("no copy: %v", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from annotate's bytes", name)
		}
	}
	if _, err := os.Stat("out/in/broken-feedback.docx"); err == nil {
		t.Error("a copy of the refused document was written")
	}
	if left, _ := filepath.Glob("out/in/.annotate-*"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// A copy that would land on an input, and a folder that is a file.
	os.WriteFile("in/agreement-feedback.docx", word, 0o644)
	code, _, stderr = runCmd(t, "", "check", "--annotate", ".", "in/agreement.docx", "in/agreement-feedback.docx")
	if code != exitUsage || !strings.Contains(stderr, "is one of the inputs") {
		t.Errorf("overwriting an input: exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile("in/agreement-feedback.docx"); !bytes.Equal(got, word) {
		t.Error("an input was overwritten")
	}
	os.WriteFile("afile", nil, 0o644)
	code, _, stderr = runCmd(t, "", "check", "--annotate", "afile", "in/agreement.docx")
	if code != exitUsage || !strings.Contains(stderr, "in/agreement.docx: cannot write the annotated copy") {
		t.Errorf("unwritable folder: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd(t, string(text), "check", "--annotate", "out", "-")
	if code != exitUsage || !strings.Contains(stderr, "standard input cannot be annotated") {
		t.Errorf("standard input: exit %d, stderr %q", code, stderr)
	}
}
