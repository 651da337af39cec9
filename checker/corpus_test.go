package checker

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The development corpus lives beside the project, in ../shared, and is
// read in place: it is never copied into the repository. These tests skip
// when it is absent (a clean clone on its own). Each figure may not fall
// below the one recorded in testdata/corpus-ratchet.txt; run
// `go test ./checker -run Corpus -ratchet` to record new figures after an
// improvement, and `-corpus.v` to list every miss.

var (
	ratchet   = flag.Bool("ratchet", false, "record the corpus figures in testdata/corpus-ratchet.txt")
	corpusV   = flag.Bool("corpus.v", false, "log every corpus miss")
	sharedDir = filepath.Join("..", "..", "shared")
)

const ratchetFile = "testdata/corpus-ratchet.txt"

// score is right out of total.
type score struct{ right, total int }

func (s score) String() string { return strconv.Itoa(s.right) + "/" + strconv.Itoa(s.total) }

// scores collects figures by name, for the ratchet and the log.
type scores map[string]*score

func (m scores) add(key string, ok bool) {
	if m[key] == nil {
		m[key] = &score{}
	}
	m[key].total++
	if ok {
		m[key].right++
	}
}

func readRatchet(t *testing.T) map[string]score {
	b, err := os.ReadFile(ratchetFile)
	if err != nil {
		return nil
	}
	out := map[string]score{}
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		r, tot, ok := strings.Cut(f[len(f)-1], "/")
		rn, err1 := strconv.Atoi(r)
		tn, err2 := strconv.Atoi(tot)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: want \"name right/total\", got %q", ratchetFile, i+1, line)
		}
		out[strings.Join(f[:len(f)-1], " ")] = score{rn, tn}
	}
	return out
}

// checkRatchet compares this run's figures under prefix with the recorded
// ones, and logs them.
func checkRatchet(t *testing.T, prefix string, got scores) {
	t.Helper()
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %-44s %7s  %3.0f%%", k, got[k], 100*float64(got[k].right)/float64(max(got[k].total, 1)))
	}
	t.Log(prefix + ":" + b.String())
	if *ratchet {
		old := readRatchet(t)
		for k := range old {
			if strings.HasPrefix(k, prefix+" ") {
				delete(old, k)
			}
		}
		for _, k := range keys {
			old[prefix+" "+k] = *got[k]
		}
		all := make([]string, 0, len(old))
		for k := range old {
			all = append(all, k)
		}
		sort.Strings(all)
		var out strings.Builder
		out.WriteString("# Corpus figures that may not fall (go test ./checker -run Corpus -ratchet records them).\n")
		for _, k := range all {
			out.WriteString(k + " " + old[k].String() + "\n")
		}
		if err := os.WriteFile(ratchetFile, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readRatchet(t)
	for _, k := range keys {
		w, ok := want[prefix+" "+k]
		if ok && got[k].right < w.right {
			t.Errorf("%s %s fell from %s to %s", prefix, k, w, got[k])
		}
	}
}

// TestCorpusAgreements checks every labelled document folder in
// ../shared/agreements: kind, flags, and each criterion (crisp ones
// separately), per folder.
func TestCorpusAgreements(t *testing.T) {
	root := filepath.Join(sharedDir, "agreements")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no development corpus at " + root + "; skipped")
	}
	dirs := []string{root}
	subs, _ := filepath.Glob(filepath.Join(root, "*", "labels.json"))
	for _, s := range subs {
		dirs = append(dirs, filepath.Dir(s))
	}
	for _, dir := range dirs {
		labels := readLabels(t, dir)
		name := "agreements/" + filepath.Base(dir)
		if dir == root {
			name = "agreements/samples"
		}
		got := scores{}
		files := make([]string, 0, len(labels))
		for f := range labels {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			want := labels[f]
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Check(string(b), Options{})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			miss := func(format string, args ...any) {
				if *corpusV {
					t.Logf("%s/%s: "+format, append([]any{name, f}, args...)...)
				}
			}
			got.add("kind", r.Kind == want.Kind)
			if r.Kind != want.Kind {
				miss("kind %s, want %s", r.Kind, want.Kind)
			}
			var flags []string
			for _, fl := range r.Flags {
				flags = append(flags, fl.ID)
			}
			for _, id := range flagIDs() {
				g, w := slices.Contains(flags, id), slices.Contains(want.Flags, id)
				if w {
					got.add("flag recall "+id, g)
					got.add("flag recall (all)", g)
				}
				if g {
					got.add("flag precision "+id, w)
					got.add("flag precision (all)", w)
				}
				if g != w {
					ev := ""
					for _, fl := range r.Flags {
						if fl.ID == id && len(fl.Evidence) > 0 {
							ev = string(b[fl.Evidence[0].Start:fl.Evidence[0].End])
						}
					}
					miss("flag %s raised=%v, want %v %q", id, g, w, ev)
				}
			}
			got.add("flags exact", slices.Equal(sorted(flags), sorted(want.Flags)))
			cs := map[string]Criterion{}
			for _, c := range r.Criteria {
				cs[c.ID] = c
			}
			for id, status := range want.Criteria {
				c := cs[id]
				ok := c.Status == status
				crisp := slices.Contains(want.Crisp, id)
				if crisp {
					got.add("crisp "+id, ok)
					got.add("crisp (all)", ok)
				}
				got.add("any (all)", ok)
				if !ok {
					tag := ""
					if crisp {
						tag = " [crisp]"
					}
					miss("%s %s, want %s%s: %s", id, c.Status, status, tag, c.Message)
				}
			}
		}
		checkRatchet(t, name, got)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}

// passage is one line of a passages file.
type passage struct {
	Text    string `json:"text"`
	Flag    string `json:"flag"`
	Context string `json:"context"`
	Note    string `json:"note"`
}

// TestCorpusPassages puts each labelled passage into a neutral agreement of
// the project's own (as its background) and checks the flags raised.
func TestCorpusPassages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedDir, "passages", "*.jsonl"))
	if len(files) == 0 {
		t.Skip("no passages in " + filepath.Join(sharedDir, "passages") + "; skipped")
	}
	base, err := Check(baseAgreement, Options{})
	if err != nil || len(base.Flags) != 0 {
		t.Fatalf("the neutral agreement raises flags: %v %v", base.Flags, err)
	}
	const at = "Why we are making this agreement\n"
	for _, file := range files {
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		got := scores{}
		name := "passages/" + strings.TrimSuffix(filepath.Base(file), ".jsonl")
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			var p passage
			if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
				t.Fatalf("%s:%d: %v", file, line, err)
			}
			text := strings.Replace(baseAgreement, at, at+p.Text+"\n", 1)
			r, err := Check(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			raised := map[string]bool{}
			for _, f := range r.Flags {
				raised[f.ID] = true
			}
			if p.Flag != "none" {
				got.add("recall "+p.Flag, raised[p.Flag])
				got.add("recall (all)", raised[p.Flag])
				if !raised[p.Flag] && *corpusV {
					t.Logf("%s:%d: missed %s: %s", name, line, p.Flag, p.Text)
				}
				delete(raised, p.Flag)
			} else {
				got.add("quiet on "+p.Context, len(raised) == 0)
				got.add("quiet on (all none)", len(raised) == 0)
			}
			for id := range raised {
				got.add("false "+id, false)
				if *corpusV {
					t.Logf("%s:%d: false %s (%s): %s", name, line, id, p.Context, p.Text)
				}
			}
		}
		fh.Close()
		checkRatchet(t, name, got)
	}
}
