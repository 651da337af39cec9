package preview

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzRequestPath sends arbitrary request targets to the handler: it must
// never panic, never answer 200 for a path with a dot-dot segment, and only
// ever answer 200 with a file of the current build.
func FuzzRequestPath(f *testing.F) {
	for _, seed := range []string{"/", "/index.html", "/../go.mod", "/%2e%2e/", "/a%2fb", `/a\b`, "/a%00", "//x", "/_handbook/status", "/x/./y"} {
		f.Add(seed)
	}
	// No handbook.yaml: the build fails, leaving the placeholder site.
	srv, err := New(context.Background(), Options{Content: fstest.MapFS{}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, target string) {
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")))
		if err != nil {
			return
		}
		if req.URL.Path == "/_handbook/events" {
			return // a stream: it waits for builds
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 301, 400, 404:
		default:
			t.Fatalf("GET %q: unexpected status %d", target, rec.Code)
		}
		if rec.Code != 200 {
			return
		}
		for _, seg := range strings.Split(req.URL.Path, "/") {
			if seg == ".." {
				t.Fatalf("GET %q: 200 for a dot-dot path", target)
			}
		}
		if strings.HasPrefix(req.URL.Path, "/_handbook/") {
			return
		}
		key := strings.TrimPrefix(req.URL.Path, "/")
		if key == "" || strings.HasSuffix(key, "/") {
			key += "index.html"
		}
		if _, ok := srv.current.Load().files[key]; !ok {
			t.Fatalf("GET %q: 200 for %q, which the build does not have", target, key)
		}
	})
}
