package main

// Regression tests for issue 16 (trust boundaries and resource limits) at
// the command line; every hostile input is made by the test.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"handbook/checker/limits"
)

// runWithin runs the command, failing the test if it has not finished in
// a generous time: reading a named pipe used to block for ever.
func runWithin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	old := checkStdin
	checkStdin = strings.NewReader(stdin)
	defer func() { checkStdin = old }()
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(30 * time.Second):
		t.Fatalf("handbook %s has not finished after 30 s", strings.Join(args, " "))
		return 0, "", ""
	}
}

// Failure 4: inputs are refused by kind and size before they are read;
// standard input is read once and capped.
func TestCheckRefusesBeforeReading(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.docx") // sparse: no disk used
	if f, err := os.Create(huge); err == nil {
		f.Close()
	}
	if err := os.Truncate(huge, 2<<30); err != nil {
		t.Fatal(err)
	}
	bigText := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(bigText, bytes.Repeat([]byte("a"), limits.TextBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "good.txt"), []byte("Sarah will ring."), 0o644)
	syscall.Mkfifo(filepath.Join(folder, "pipe.txt"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(folder, "zero.txt"))

	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string
	}{
		{"named pipe", "", []string{fifo}, []string{"pipe.txt: not an ordinary file (a named pipe)"}},
		{"link to /dev/zero", "", []string{zero}, []string{"zero.txt: not an ordinary file (a device)"}},
		{"2 GB Word file", "", []string{huge}, []string{"huge.docx: larger than the limit of 50 MB"}},
		{"text over the limit", "", []string{bigText}, []string{"big.txt: larger than the limit of 10 MB"}},
		{"standard input over the limit", strings.Repeat("a", limits.TextBytes+1), []string{"-"}, []string{"<stdin>: larger than the limit of 10 MB"}},
		{"standard input twice", "Sarah will ring.", []string{"-", "-"}, []string{"- (standard input) is given more than once"}},
		{"a folder's pipe and link", "", []string{folder}, []string{
			"folder/pipe.txt: not an ordinary file (a named pipe)", "folder/zero.txt: not an ordinary file (a symbolic link)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runWithin(t, tc.stdin, append([]string{"check", "--format", "csv"}, tc.args...)...)
			if code != exitUsage {
				t.Errorf("got exit %d, want %d", code, exitUsage)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if n := strings.Count(stderr, "\n"); n != len(tc.want) {
				t.Errorf("got %d lines on stderr, want one per refusal:\n%s", n, stderr)
			}
		})
	}
	// Standard input named once is read whole, into one report.
	code, stdout, stderr := runWithin(t, "Sarah will ring the school.", "check", "--format", "json", "-")
	if code == exitUsage || !strings.Contains(stdout, `"kind"`) {
		t.Errorf("check -: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// writeContent writes a small good handbook into dir.
func writeContent(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "handbook.yaml"), []byte("title: T\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.md"), []byte("---\ntitle: H\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2099-01-01\n---\nHi\n"), 0o644)
}

// Failures 1 and 8: build publishes nothing from outside the content
// folder, and --out cannot delete a folder it did not make.
func TestBuildTrustBoundaries(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	writeContent(t, content)
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("the password"), 0o644)
	mine := filepath.Join(dir, "mine")
	os.Mkdir(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "thesis.md"), []byte("years of work"), 0o644)

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"someone's folder", []string{"--content", content, "--out", mine}, exitUsage,
			"the output " + mine + " is not empty and is not an earlier build (it has no .handbook-build file)"},
		{"the content folder", []string{"--content", content, "--out", content}, exitUsage, "overlaps the content folder"},
		{"inside the content folder", []string{"--content", content, "--out", filepath.Join(content, "public")}, exitUsage, "overlaps the content folder"},
		{"around the content folder", []string{"--content", content, "--out", dir}, exitUsage, "overlaps the content folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runWithin(t, "", append([]string{"build"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("got exit %d and %q, want exit %d and one line holding %q", code, stderr, tc.code, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(mine, "thesis.md")); err != nil {
		t.Errorf("someone's file is gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(content, "index.md")); err != nil {
		t.Errorf("the content is gone: %v", err)
	}

	// A link to a file outside is refused, by build and by status alike.
	os.Symlink(secret, filepath.Join(content, "passwd.txt"))
	out := filepath.Join(dir, "public")
	code, _, stderr := runWithin(t, "", "build", "--content", content, "--out", out)
	if code != exitFail || !strings.Contains(stderr, "passwd.txt: is a symbolic link") {
		t.Errorf("build: got exit %d and %q, want the link refused", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the build wrote an output")
	}
	code, _, stderr = runWithin(t, "", "status", "--content", content)
	if code != exitFail || !strings.Contains(stderr, "passwd.txt: is a symbolic link") {
		t.Errorf("status: got exit %d and %q, want the link refused", code, stderr)
	}
	os.Remove(filepath.Join(content, "passwd.txt"))

	// An earlier build is replaced; so is an empty folder.
	for range 2 {
		if code, _, stderr := runWithin(t, "", "build", "--content", content, "--out", out); code != exitOK {
			t.Fatalf("got exit %d: %s", code, stderr)
		}
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if code, _, stderr := runWithin(t, "", "build", "--content", content, "--out", empty); code != exitOK {
		t.Errorf("an empty folder: got exit %d: %s", code, stderr)
	}
}

// Failure 10: status fails on what build fails on.
func TestStatusAgreesWithBuild(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	writeContent(t, content)
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\ntitle: A\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2099-01-01\n---\n[x](nowhere.md)\n"), 0o644)
	code, stdout, stderr := runWithin(t, "", "status", "--content", content)
	if code != exitFail || !strings.Contains(stderr, "a.md:8: broken link to nowhere.md") || !strings.Contains(stdout, "a.md") {
		t.Errorf("got exit %d, stdout %q, stderr %q; want the table, the broken link and exit 1", code, stdout, stderr)
	}
}
