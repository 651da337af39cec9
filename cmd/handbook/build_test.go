package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/site/checkerwasm"
)

func TestBuildCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"help", []string{"--help"}, exitOK, "Usage: handbook build", ""},
		{"bad flag", []string{"--nope"}, exitUsage, "", "flag provided but not defined"},
		{"extra argument", []string{"x"}, exitUsage, "", "unexpected argument"},
		{"missing content", []string{"--content", "/no/such/dir"}, exitUsage, "", "no such file"},
		{"fixture", []string{"--content", "../../site/testdata/handbook", "--out", out}, exitOK, "built 9 pages in ", "warning: ../../site/testdata/handbook/glossary.md:7: review was due"},
		{"strict", []string{"--content", "../../site/testdata/handbook", "--out", out, "--strict"}, exitFail, "", "glossary.md:7: review was due"},
		{"embedded", []string{"--out", out}, exitOK, "built ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"build"}, tc.args...), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("got exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("got stdout %q, want it to contain %q", stdout.String(), tc.stdout)
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("got stderr %q, want it to contain %q", stderr.String(), tc.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("no home page written: %v", err)
	}
}

func TestBuildCommandKeepsOutputOnError(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	out := filepath.Join(dir, "public")
	os.MkdirAll(content, 0o755)
	os.WriteFile(filepath.Join(content, "handbook.yaml"), []byte("title: T\n"), 0o644)
	os.WriteFile(filepath.Join(content, "index.md"), []byte("---\ntitle: H\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2099-01-01\n---\nHi\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--content", content, "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("got exit %d: %s", code, stderr.String())
	}
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\ntitle: A\n"), 0o644)
	os.WriteFile(filepath.Join(content, "b.md"), []byte("---\ntitle: B\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2099-01-01\n---\n[x](c.md)\n"), 0o644)
	stderr.Reset()
	if code := run([]string{"build", "--content", content, "--out", out}, &stdout, &stderr); code != exitFail {
		t.Fatalf("got exit %d, want %d", code, exitFail)
	}
	for _, want := range []string{"content/a.md:1: front matter is not closed", "content/b.md:8: broken link to c.md", "2 error(s)"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", stderr.String(), want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("previous output lost: %v", err)
	}
}

func TestStatusCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"status", "--content", "../../site/testdata/handbook"}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("got exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(stdout.String(), "\n")
	if !strings.HasPrefix(lines[0], "CHAPTER") || !strings.HasPrefix(lines[1], "glossary.md") || !strings.Contains(lines[1], "OVERDUE") {
		t.Errorf("got\n%s\nwant a header then the overdue glossary first", stdout.String())
	}
	stdout.Reset()
	if code := run([]string{"status", "--help"}, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "Usage: handbook status") {
		t.Errorf("status --help: exit %d, %q", code, stdout.String())
	}
}

func TestVersionCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "checker: sources " + checkerwasm.SourceHash() + ", built with go1."; !strings.Contains(stdout.String(), want) {
		t.Errorf("got %q, want it to contain %q", stdout.String(), want)
	}
}
