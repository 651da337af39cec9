// Package searchtest makes large handbooks for tests and benchmarks of
// search: a thousand chapters of pseudo-English whose word frequencies
// fall off as real text's do, so that index sizes measured on them mean
// something.
package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// common are real words of the handbook's field, most frequent first.
var common = strings.Fields(`the and to of a in will be is for with that on
	child family parent social worker agreement plan review meeting school
	support time week contact safety mother father health visitor children
	services date day home court risk team manager written concerns visit
	conference protection assessment local authority undertaking each when
	what who how must should can may agree agreed agrees reviewing reviewed
	supervise supervised supervision attend attends attended call calls
	monday tuesday wednesday thursday friday months weeks record records
	decision decisions consent signature signed copy copies contingency
	drugs alcohol domestic abuse police housing nursery college transport
	bus pass appointment appointments therapist counsellor relative grandmother`)

// Vocabulary returns n words: the common ones, then made-up words built
// from syllables, so the vocabulary is as large as a real handbook's.
func Vocabulary(n int) []string {
	syll := strings.Fields("ba be bi bo bu ca ce co cu da de di do fa fe fi fo ga ge go ha he hi ka ke ki la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi wa we")
	out := append([]string(nil), common...)
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for _, w := range out {
		seen[w] = true
	}
	for len(out) < n {
		k := 2 + r.IntN(3)
		var b strings.Builder
		for range k {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if tail := r.IntN(6); tail == 0 {
			b.WriteString("s")
		} else if tail == 1 {
			b.WriteString("ing")
		} else if tail == 2 {
			b.WriteString("ed")
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// Handbook returns the content folder of a handbook of n chapters, each
// of about wordsPer words in eight sections, with an A to Z page (so
// that the pages carry the search box) and settings. The same n gives the
// same handbook.
func Handbook(n, wordsPer int) fstest.MapFS {
	vocab := Vocabulary(4000)
	r := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	word := func() string { return vocab[zipf.Uint64()] }
	phrase := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	fs := fstest.MapFS{
		"handbook.yaml": {Data: []byte("title: Generated handbook\norganisation: Test Council\n")},
		"index.md":      {Data: []byte(front("Home", 0, "home") + "A generated handbook.\n")},
		"a-z.md":        {Data: []byte(front("A to Z index", 9999, "az") + "Everything, A to Z.\n")},
	}
	for i := range n {
		var b strings.Builder
		b.WriteString(front(fmt.Sprintf("%s %d", phrase(3), i), i+1, "chapter"))
		for s := range 8 {
			if s > 0 {
				fmt.Fprintf(&b, "## %s\n\n", phrase(2+r.IntN(3)))
			}
			for written := 0; written < wordsPer/8; {
				k := 8 + r.IntN(14)
				b.WriteString(phrase(k) + ". ")
				written += k
				if r.IntN(4) == 0 {
					b.WriteString("\n\n")
				}
			}
			b.WriteString("\n\n")
		}
		fs[fmt.Sprintf("chapter-%04d.md", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fs
}

func front(title string, weight int, layout string) string {
	return fmt.Sprintf("---\ntitle: %q\nweight: %d\nsummary: A generated page.\nowner: Test team\nupdated: 2026-11-01\nreview_due: 2099-01-01\nlayout: %s\n---\n\n", title, weight, layout)
}
