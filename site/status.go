package site

import (
	"context"
	"io/fs"
	"sort"
	"strings"

	"handbook/checker/limits"
)

// ChapterStatus is one chapter's ownership and review dates, for
// `handbook status`.
type ChapterStatus struct {
	File      string
	Title     string
	Owner     string
	Updated   string
	ReviewDue string
	Overdue   bool
}

// Status reads every chapter's front matter and lists the chapters
// overdue first (oldest due date first), then by review date. today is
// YYYY-MM-DD. The content is also built (in memory, without the checker),
// so that status fails on whatever build would fail on: its problems come
// back as an ErrorList, with the chapters that could be read.
func Status(fsys fs.FS, today string) ([]ChapterStatus, error) {
	var e errs
	b := NewBuilder(Options{Content: fsys})
	md, _ := b.scan(fsys, &e)
	var out []ChapterStatus
	for _, f := range md {
		src, err := readRegular(fsys, f, limits.ChapterBytes)
		if err != nil {
			e.add(f, 0, "%v", err)
			continue
		}
		header, _, _, ok := splitFrontMatter(f, src, &e)
		if !ok {
			continue
		}
		fm, _ := parseFrontMatter(f, header, 1, &e)
		out = append(out, ChapterStatus{File: f, Title: fm.Title, Owner: fm.Owner, Updated: fm.Updated,
			ReviewDue: fm.ReviewDue, Overdue: fm.ReviewDue != "" && today != "" && fm.ReviewDue < today})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Overdue != b.Overdue {
			return a.Overdue
		}
		if a.ReviewDue != b.ReviewDue {
			return a.ReviewDue < b.ReviewDue
		}
		return strings.Compare(a.File, b.File) < 0
	})
	if _, err := b.Build(context.Background()); err != nil {
		return out, err
	}
	return out, nil
}
