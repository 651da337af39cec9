package site

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

const goodSettings = "title: T\norganisation: O\nbase_url: /\nfooter: F\n"

func chapter(title, body string) string {
	return "---\ntitle: " + title + "\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\n---\n" + body
}

func goodFS() fstest.MapFS {
	return fstest.MapFS{
		"handbook.yaml": {Data: []byte(goodSettings)},
		"index.md":      {Data: []byte(chapter("Home", "Welcome to [a](a.md).\n"))},
		"a.md":          {Data: []byte(chapter("A", "## First\n\nText.\n\n## Second {#two}\n"))},
	}
}

// errorFS fails to read one folder, as an unreadable folder on disk would.
type errorFS struct {
	fstest.MapFS
	bad string
}

func (f errorFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f errorFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // changes to goodFS; "" removes the file
		fsys  func(fstest.MapFS) fs.FS
		want  []string // every error line, in order
	}{
		{
			name:  "malformed front matter",
			files: map[string]string{"a.md": "---\ntitle: A\nsummary: S\nowner: a: b\nupdated: 2026-11-01\n---\nbody\n"},
			want:  []string{"a.md:4: malformed YAML: mapping values are not allowed in this context"},
		},
		{
			name:  "unknown audience and a footer that is not true or false",
			files: map[string]string{"a.md": "---\ntitle: A\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\naudience: managers\nfooter: yes please\n---\nx\n"},
			want:  []string{`a.md:7: unknown audience "managers" (known: editors, practitioners)`, `a.md:8: footer must be true or false, found "yes please"`},
		},
		{
			name:  "front matter not closed",
			files: map[string]string{"a.md": "---\ntitle: A\n"},
			want:  []string{"a.md:1: front matter is not closed"},
		},
		{
			name:  "no front matter",
			files: map[string]string{"a.md": "# Just text\n"},
			want:  []string{"a.md:1: front matter missing"},
		},
		{
			name:  "missing title",
			files: map[string]string{"a.md": "---\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\n---\nx\n"},
			want:  []string{"a.md:1: title is required"},
		},
		{
			name:  "invalid UTF-8",
			files: map[string]string{"a.md": chapter("A", "fine\nbad \xff byte\n")},
			want:  []string{"a.md:9: not valid UTF-8"},
		},
		{
			name:  "broken link suggests the nearest anchor",
			files: map[string]string{"index.md": chapter("Home", "See [x](a.md#frist).\n\nAnd [y](/b/).\n")},
			want: []string{
				"index.md:8: broken link to a.md#frist; did you mean a.md#first?",
				"index.md:10: broken link to /b/; did you mean /a/?",
			},
		},
		{
			name:  "broken same-page anchor",
			files: map[string]string{"a.md": chapter("A", "## First\n\n[back](#frst)\n")},
			want:  []string{"a.md:10: broken link to #frst; did you mean #first?"},
		},
		{
			name:  "duplicate slug",
			files: map[string]string{"a/index.md": chapter("A again", "x\n")},
			want:  []string{"a/index.md:1: duplicate slug: a.md and a/index.md both make the page /a/"},
		},
		{
			name:  "unreadable folder",
			files: map[string]string{"sec/index.md": chapter("Sec", "x\n")},
			fsys:  func(m fstest.MapFS) fs.FS { return errorFS{m, "sec"} },
			want:  []string{"sec: cannot read: permission denied"},
		},
		{
			name:  "unknown key",
			files: map[string]string{"a.md": "---\ntitle: A\nsumary: S\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\n---\nx\n"},
			want:  []string{`a.md:3: unknown front matter key "sumary"`},
		},
		{
			name:  "bad date",
			files: map[string]string{"a.md": "---\ntitle: A\nsummary: S\nowner: O\nupdated: 2026-13-01\nreview_due: 20 May 2027\n---\nx\n"},
			want: []string{
				`a.md:5: updated must be a date written YYYY-MM-DD, found "2026-13-01"`,
				`a.md:6: review_due must be a date written YYYY-MM-DD, found "20 May 2027"`,
			},
		},
		{
			name:  "broken link to a file",
			files: map[string]string{"a.md": chapter("A", "![diagram](img/missing.png)\n\n![ok](img/there.png)\n"), "img/there.png": "PNG"},
			want:  []string{"a.md:8: broken link to img/missing.png: no such file"},
		},
		{
			name:  "duplicate heading id",
			files: map[string]string{"a.md": chapter("A", "## One {#x}\n\ntext\n\n## Two {#x}\n")},
			want:  []string{"a.md:12: heading id #x is used twice in this chapter"},
		},
		{
			name:  "unknown settings token",
			files: map[string]string{"a.md": chapter("A", "ok\n\nEvery {{review-intervall}}.\n")},
			want:  []string{"a.md:10: unknown setting {{review-intervall}}"},
		},
		{
			name:  "bad settings",
			files: map[string]string{"handbook.yaml": "title: T\ncolour: red\nchecker:\n  review_within_months: 3\n  review_within_weeks: 0\n  vague_terms: {a: b}\n"},
			want: []string{
				`handbook.yaml:2: unknown setting "colour"`,
				`handbook.yaml:5: review_within_weeks must be a whole number from 1 to 52`,
				`handbook.yaml:5: give review_within_months or review_within_weeks, not both`,
				`handbook.yaml:6: vague_terms must be a list`,
			},
		},
		{
			name:  "unknown related chapter",
			files: map[string]string{"a.md": "---\ntitle: A\nsummary: S\nowner: O\nupdated: 2026-11-01\nreview_due: 2027-11-01\nrelated: [index, b]\n---\nx\n"},
			want:  []string{"a.md:7: related chapter b does not exist"},
		},
		{
			name: "every error in one run",
			files: map[string]string{
				"a.md": "---\ntitle: A\n",
				"b.md": chapter("B", "\xfe"),
				"c.md": chapter("C", "[x](nowhere.md)\n"),
			},
			want: []string{
				"a.md:1: front matter is not closed",
				"b.md:8: not valid UTF-8",
				"c.md:8: broken link to nowhere.md",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := goodFS()
			for k, v := range tc.files {
				if v == "" {
					delete(m, k)
				} else {
					m[k] = &fstest.MapFile{Data: []byte(v)}
				}
			}
			var fsys fs.FS = m
			if tc.fsys != nil {
				fsys = tc.fsys(m)
			}
			res, err := NewBuilder(Options{Content: fsys}).Build(context.Background())
			if err == nil {
				t.Fatalf("got no error, want %q", tc.want)
			}
			if res != nil {
				t.Errorf("got a result with the error, want nil")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %T %v, want an ErrorList", err, err)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("got %d errors:\n%v\nwant %d:\n%s", len(list), err, len(tc.want), strings.Join(tc.want, "\n"))
			}
			for i, w := range tc.want {
				if got := list[i].Error(); !strings.HasPrefix(got, w) {
					t.Errorf("error %d: got %q, want it to start %q", i, got, w)
				}
				if strings.Contains(list[i].Error(), "\n") {
					t.Errorf("error %d spans lines: %q", i, list[i].Error())
				}
			}
		})
	}
}

func TestGoodFSBuilds(t *testing.T) {
	res, err := NewBuilder(Options{Content: goodFS()}).Build(context.Background())
	if err != nil {
		t.Fatalf("got %v, want no error", err)
	}
	if res.Pages != 3 {
		t.Errorf("got %d pages, want 3", res.Pages)
	}
}
