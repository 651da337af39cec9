package checker

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// label is one entry of a labels.json file.
type label struct {
	Kind     string            `json:"kind"`
	Flags    []string          `json:"flags"`
	Criteria map[string]string `json:"criteria"`
	Crisp    []string          `json:"crisp"`
	Notes    string            `json:"notes"`
}

func readLabels(t *testing.T, dir string) map[string]label {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]label
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s/labels.json: %v", dir, err)
	}
	return m
}

// tally counts right answers per criterion and flag.
type tally struct{ right, total int }

// TestLabelled checks every labelled text: the samples strictly (kind,
// flags and every labelled criterion), the larger testdata set on kind,
// flags and the criteria its labels call crisp. It logs accuracy per
// criterion and flag across all of them.
func TestLabelled(t *testing.T) {
	acc := map[string]*tally{}
	count := func(key string, ok bool) {
		if acc[key] == nil {
			acc[key] = &tally{}
		}
		acc[key].total++
		if ok {
			acc[key].right++
		}
	}
	for _, set := range []struct {
		dir    string
		strict bool
	}{{"testdata/samples", true}, {"testdata/agreements", false}} {
		labels := readLabels(t, set.dir)
		names := make([]string, 0, len(labels))
		for n := range labels {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			want := labels[name]
			t.Run(filepath.Base(set.dir)+"/"+name, func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(set.dir, name))
				if err != nil {
					t.Fatal(err)
				}
				r, err := Check(string(b), Options{})
				if err != nil {
					t.Fatal(err)
				}
				count("kind", r.Kind == want.Kind)
				if r.Kind != want.Kind {
					t.Errorf("kind: got %s, want %s", r.Kind, want.Kind)
				}
				var flags []string
				for _, f := range r.Flags {
					flags = append(flags, f.ID)
				}
				wantFlags := slices.Clone(want.Flags)
				sort.Strings(flags)
				sort.Strings(wantFlags)
				for _, id := range flagIDs() {
					got, exp := slices.Contains(flags, id), slices.Contains(wantFlags, id)
					count("flag "+id, got == exp)
					if got != exp {
						t.Errorf("flag %s: got raised=%v, want %v", id, got, exp)
					}
				}
				got := map[string]Criterion{}
				for _, c := range r.Criteria {
					got[c.ID] = c
				}
				for id, status := range want.Criteria {
					c, ok := got[id]
					count(id, ok && c.Status == status)
					if ok && c.Status == status {
						continue
					}
					msg := fmt.Sprintf("%s: got %s, want %s (%s)", id, c.Status, status, c.Message)
					if set.strict || slices.Contains(want.Crisp, id) {
						t.Error(msg)
					} else {
						t.Log("not crisp: " + msg)
					}
				}
			})
		}
	}
	keys := make([]string, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %-30s %3d/%3d", k, acc[k].right, acc[k].total)
	}
	t.Log("accuracy across all labelled texts:" + b.String())
}

func flagIDs() []string {
	var ids []string
	for _, r := range Rules() {
		if r.Kind == RuleFlag {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
