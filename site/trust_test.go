package site

// Regression tests for issue 16 (trust boundaries and resource limits):
// each hostile input is made here, by the test.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"handbook/checker/limits"
)

// writeFS writes a MapFS to a folder on disk.
func writeFS(t *testing.T, m fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildWithin builds fsys, failing the test if the build has not ended
// within a generous time: a build that blocks on a FIFO never ends.
func buildWithin(t *testing.T, opts Options) (*Result, error) {
	t.Helper()
	var res *Result
	err := within(t, func() (err error) {
		res, err = NewBuilder(opts).Build(context.Background())
		return err
	})
	return res, err
}

// within runs f, failing the test if it has not returned within a generous
// time.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("still reading after 20 s")
		return nil
	}
}

// errorLines is every error of a failed build, one per line.
func errorLines(t *testing.T, err error) string {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	return list.Error()
}

// Failures 1 and 4: files that are not ordinary files of the content
// folder are refused, before anything is read from them.
func TestBuildReadsOnlyOrdinaryFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("the password"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		make func(dir string) error
		want string
	}{
		{"symlink out of the folder", func(dir string) error {
			return os.Symlink(outside, filepath.Join(dir, "passwd.txt"))
		}, "passwd.txt: is a symbolic link"},
		{"symlink to /dev/zero", func(dir string) error {
			return os.Symlink("/dev/zero", filepath.Join(dir, "zero.bin"))
		}, "zero.bin: is a symbolic link"},
		{"FIFO as a file", func(dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644)
		}, "pipe.txt: is not an ordinary file (a named pipe)"},
		{"FIFO as a chapter", func(dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "b.md"), 0o644)
		}, "b.md: is not an ordinary file (a named pipe)"},
		{"FIFO as the settings", func(dir string) error {
			os.Remove(filepath.Join(dir, SettingsFile))
			return syscall.Mkfifo(filepath.Join(dir, SettingsFile), 0o644)
		}, "handbook.yaml: is not an ordinary file (a named pipe)"},
		{"huge file", func(dir string) error {
			return os.Truncate(mustCreate(dir, "big.pdf"), limits.ContentFileBytes+1)
		}, "big.pdf: is larger than the limit of 64 MB"},
		{"huge chapter", func(dir string) error {
			return os.Truncate(mustCreate(dir, "c.md"), limits.ChapterBytes+1)
		}, "c.md: is larger than the limit of 4 MB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFS(t, goodFS())
			if err := tc.make(dir); err != nil {
				t.Fatal(err)
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			for _, fsys := range []struct {
				name string
				Options
			}{{"os.DirFS", Options{Content: os.DirFS(dir)}}, {"os.Root", Options{Content: root.FS()}}} {
				res, err := buildWithin(t, fsys.Options)
				if err == nil {
					t.Fatalf("%s: built %d files, want an error", fsys.name, len(res.Files))
				}
				if got := errorLines(t, err); !strings.Contains(got, tc.want) {
					t.Errorf("%s: got\n%s\nwant a line holding %q", fsys.name, got, tc.want)
				}
			}
			// status reads the same way, and fails the same way.
			err = within(t, func() error { _, err := Status(root.FS(), ""); return err })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("status: got %v, want %q", err, tc.want)
			}
		})
	}
}

func mustCreate(dir, name string) string {
	p := filepath.Join(dir, name)
	if f, err := os.Create(p); err == nil {
		f.Close()
	}
	return p
}

// Failure 2: nothing reaches the glossary links' href unescaped, and the
// values that make it are refused with their file and line.
func TestGlossaryLinksCannotInjectHTML(t *testing.T) {
	const evil = `/x"><meta http-equiv="refresh" content="0;url=https://evil.example/">`
	got := string(resolveGlossaryLinks([]byte(`<a class="glossary-link" href="`+glossaryMarker+`#term-plo">PLO</a>`), evil+"glossary/"))
	if strings.Contains(got, "<meta") || strings.Contains(got, `x">`) {
		t.Errorf("the URL reached the HTML unescaped: %s", got)
	}

	withGlossary := func(name string) fstest.MapFS {
		m := goodFS()
		m[name] = &fstest.MapFile{Data: []byte(strings.Replace(chapter("Glossary", "Terms.\n"), "\n---\n", "\nlayout: glossary\n---\n", 1))}
		m["a.md"] = &fstest.MapFile{Data: []byte(chapter("A", "The PLO starts.\n"))}
		return m
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		base string
		want string
	}{
		{"base_url", func() fstest.MapFS {
			m := withGlossary("glossary.md")
			m[SettingsFile] = &fstest.MapFile{Data: []byte("title: T\nbase_url: '" + evil + "'\n")}
			return m
		}(), "", `handbook.yaml:2: base_url may not hold "\""`},
		{"--base-url", withGlossary("glossary.md"), evil, `--base-url may not hold "\""`},
		{"glossary file name", withGlossary(`g"><meta http-equiv=refresh content=0>.md`), "", `g"><meta http-equiv=refresh content=0>.md:1: the file name makes the page's address, which may not hold "\""`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildWithin(t, Options{Content: tc.fsys, BaseURL: tc.base})
			if err == nil {
				t.Fatal("built, want an error")
			}
			if got := errorLines(t, err); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant a line holding %s", got, tc.want)
			}
		})
	}
	// The glossary page of a good handbook is still linked.
	res, err := buildWithin(t, Options{Content: withGlossary("glossary.md"), BaseURL: "https://example.org/hb/"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Files["a/index.html"]), `href="/hb/glossary/#term-plo"`) {
		t.Error("a.md has no link to the glossary")
	}
}

// Failure 6: heading ids are made in linear time. Each id used to probe
// every earlier repeat ("-2", "-3"…), allocating as it went; now each takes
// a few allocations however many came before.
func TestHeadingIDsLinear(t *testing.T) {
	h := newHeadingIDs()
	h.Put([]byte("review-3"))
	var got []string
	for range 4 {
		got = append(got, string(h.Generate([]byte("Review"), 0)))
	}
	if want := "review review-2 review-4 review-5"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	const n = 2000
	h = newHeadingIDs()
	allocs := testing.AllocsPerRun(1, func() {
		for range n {
			h.Generate([]byte("Same heading"), 0)
		}
	})
	if perID := allocs / n; perID > 10 {
		t.Errorf("%.0f allocations per heading id among %d repeats, want a few", perID, n)
	}
}

// Failure 9: settings integers are bounded.
func TestSettingsIntegersBounded(t *testing.T) {
	tests := []struct{ setting, want string }{
		{"review_within_weeks: 9223372036854775807", "handbook.yaml:3: review_within_weeks must be a whole number from 1 to 52"},
		{"review_within_months: 13", "handbook.yaml:3: review_within_months must be a whole number from 1 to 12"},
		{"max_length_weeks: 105", "handbook.yaml:3: max_length_weeks must be a whole number from 1 to 104"},
		{"max_length_months: 0", "handbook.yaml:3: max_length_months must be a whole number from 1 to 24"},
		{"review_within_weeks: -1", "handbook.yaml:3: review_within_weeks must be a whole number from 1 to 52"},
	}
	for _, tc := range tests {
		m := fstest.MapFS{SettingsFile: {Data: []byte("title: T\nchecker:\n  " + tc.setting + "\n")}}
		_, err := LoadSettings(m)
		if err == nil || err.Error() != tc.want+`, found "`+tc.setting[strings.Index(tc.setting, ": ")+2:]+`"` {
			t.Errorf("%s: got %v, want %s", tc.setting, err, tc.want)
		}
	}
	m := fstest.MapFS{SettingsFile: {Data: []byte("title: T\nchecker:\n  review_within_weeks: 52\n  max_length_months: 24\n")}}
	if _, err := LoadSettings(m); err != nil {
		t.Errorf("the largest values allowed: %v", err)
	}
}

// Failure 10: raw HTML and unsafe links are dropped with a warning that
// says where; chapters whose addresses differ only in case are refused;
// status fails where build fails.
func TestSmallerTrustPoints(t *testing.T) {
	m := goodFS()
	m["a.md"] = &fstest.MapFile{Data: []byte(chapter("A", "Text.\n\n<script>alert(1)</script>\n\nSee [this](javascript:alert(1)) and <b>bold</b>.\n\n<!-- an editor's note -->\n"))}
	res, err := buildWithin(t, Options{Content: m})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		"a.md:10: raw HTML is left out of the page; write it in Markdown instead",
		`a.md:12: the link to "javascript:alert(1)" is left out of the page: links may not run scripts or open local files`,
		"a.md:12: raw HTML <b> is left out of the page; write it in Markdown instead",
		"a.md:12: raw HTML </b> is left out of the page; write it in Markdown instead",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if page := string(res.Files["a/index.html"]); strings.Contains(page, "alert(1)") {
		t.Error("the script or the javascript: link reached the page")
	}

	m = goodFS()
	m["Dup.md"] = &fstest.MapFile{Data: []byte(chapter("Dup", "x\n"))}
	m["dup.md"] = &fstest.MapFile{Data: []byte(chapter("dup", "x\n"))}
	if _, err := buildWithin(t, Options{Content: m}); err == nil || !strings.Contains(err.Error(), "duplicate slug: Dup.md and dup.md") {
		t.Errorf("Dup.md and dup.md: got %v, want a duplicate slug", err)
	}

	m = goodFS()
	m["a.md"] = &fstest.MapFile{Data: []byte(chapter("A", "See [b](b.md) in {{nothing}}.\n"))}
	_, buildErr := buildWithin(t, Options{Content: m})
	_, statusErr := Status(m, "")
	if buildErr == nil || statusErr == nil || buildErr.Error() != statusErr.Error() {
		t.Errorf("build says %v\nstatus says %v\nwant the same errors", buildErr, statusErr)
	}
}
