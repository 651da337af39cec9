package preview

import (
	"reflect"
	"testing"
	"time"
)

func TestBatcher(t *testing.T) {
	type step struct {
		at     int    // milliseconds after the start
		change string // "" means: try to take a batch
		want   []string
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"nothing pending", []step{{at: 100}}},
		{"one write, taken after the lull", []step{
			{at: 0, change: "a.md"}, {at: 39}, {at: 40, want: []string{"a.md"}}, {at: 100},
		}},
		{"write-rename-chmod of one save is one batch", []step{
			{at: 0, change: "a.md.tmp"}, {at: 1, change: "a.md"}, {at: 2, change: "a.md"},
			{at: 41}, {at: 42, want: []string{"a.md", "a.md.tmp"}},
		}},
		{"a steady stream waits for quiet", []step{
			{at: 0, change: "a.md"}, {at: 30, change: "b.md"}, {at: 60, change: "c.md"},
			{at: 90}, {at: 100, want: []string{"a.md", "b.md", "c.md"}},
		}},
		{"two saves apart make two batches", []step{
			{at: 0, change: "a.md"}, {at: 50, want: []string{"a.md"}},
			{at: 200, change: "b.md"}, {at: 250, want: []string{"b.md"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t0 := time.Unix(0, 0)
			b := newBatcher(40 * time.Millisecond)
			for _, s := range tt.steps {
				now := t0.Add(time.Duration(s.at) * time.Millisecond)
				if s.change != "" {
					b.add(Change{Path: s.change}, now)
					continue
				}
				got, ok := b.take(now)
				if ok != (s.want != nil) || !reflect.DeepEqual(got.Content, s.want) {
					t.Errorf("at %dms: got %v (%v), want %v", s.at, got.Content, ok, s.want)
				}
			}
		})
	}
}

func TestBatcherSeparatesCheckerChanges(t *testing.T) {
	b := newBatcher(DefaultQuiet)
	now := time.Now()
	b.add(Change{Path: "a.md"}, now)
	b.add(Change{Path: "checker/rules.go", Checker: true}, now)
	got, ok := b.take(now.Add(DefaultQuiet))
	want := Batch{Content: []string{"a.md"}, Checker: []string{"checker/rules.go"}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestIgnoredName(t *testing.T) {
	for name, want := range map[string]bool{
		"using.md": false, "practice/reviews.md": false, "assets/x.css": false,
		".using.md.swp": true, "practice/.x.md.swx": true, ".using.md.tmp123": true, ".git": true, "using.md~": true,
		"4913": true, "practice/4913": true, ".#using.md": true, "#using.md#": true,
	} {
		if got := ignoredName(name); got != want {
			t.Errorf("ignoredName(%q): got %v, want %v", name, got, want)
		}
	}
}

func TestMergeBatch(t *testing.T) {
	got := mergeBatch(Batch{Content: []string{"b.md", "a.md"}}, Batch{Content: []string{"a.md", "c.md"}, Checker: []string{"wasm/main.go"}})
	want := Batch{Content: []string{"a.md", "b.md", "c.md"}, Checker: []string{"wasm/main.go"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
