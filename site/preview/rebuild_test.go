package preview

import (
	"testing"
	"testing/fstest"
)

func TestDescribe(t *testing.T) {
	s := &Server{opts: Options{Content: fstest.MapFS{"a.md": {}, "b.md": {}, "c.md": {}, "d.md": {}}}}
	tests := []struct {
		batch Batch
		want  string
	}{
		{Batch{}, ""},
		{Batch{Content: []string{"a.md"}}, ": a.md"},
		{Batch{Content: []string{"a.md", "sedX1b2c3"}}, ": a.md"},
		{Batch{Content: []string{"gone.md"}}, ": gone.md"},
		{Batch{Content: []string{"a.md", "b.md", "c.md", "d.md"}}, ": a.md, b.md, c.md and 1 more"},
		{Batch{Content: []string{"a.md"}, Checker: []string{"checker/rules.go"}}, ": a.md, checker/rules.go"},
	}
	for _, tt := range tests {
		if got := s.describe(tt.batch); got != tt.want {
			t.Errorf("describe(%+v): got %q, want %q", tt.batch, got, tt.want)
		}
	}
}

func TestCSSOnly(t *testing.T) {
	tests := []struct {
		batch Batch
		want  bool
	}{
		{Batch{}, false},
		{Batch{Content: []string{"assets/extra.css"}}, true},
		{Batch{Content: []string{"assets/extra.css", "assets/print.css"}}, true},
		{Batch{Content: []string{"assets/extra.css", "using.md"}}, false},
		{Batch{Content: []string{"assets/extra.css"}, Checker: []string{"wasm/main.go"}}, false},
	}
	for _, tt := range tests {
		if got := cssOnly(tt.batch); got != tt.want {
			t.Errorf("cssOnly(%+v): got %v, want %v", tt.batch, got, tt.want)
		}
	}
}

func TestCSPOf(t *testing.T) {
	page := []byte(`<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; connect-src &#39;self&#39;"></head>`)
	if got, want := cspOf(map[string][]byte{"index.html": page}), "default-src 'self'; connect-src 'self'"; got != want {
		t.Errorf("cspOf: got %q, want %q", got, want)
	}
	if got := cspOf(map[string][]byte{}); got != defaultCSP {
		t.Errorf("cspOf without pages: got %q, want the default", got)
	}
}
