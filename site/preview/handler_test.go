package preview

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request line exactly as written, past any client-side
// cleaning, and returns the response.
func rawGet(t *testing.T, base, target string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(patience))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestPathsOutsideTheSiteAreRefused(t *testing.T) {
	r := start(t, copyFixture(t), io.Discard)
	for _, target := range []string{
		"/../go.mod",
		"/../../etc/passwd",
		"/%2e%2e/",
		"/%2e%2e/go.mod",
		"/using/%2e%2e/%2e%2e/go.mod",
		"/a%2fb",
		"/a%2Fb",
		"/a%5cb",
		`/a\b`,
		`/..\go.mod`,
		"/a%00b",
		"/./index.html",
		"/handbook.yaml",
		"/using.md",
		"/go.mod",
	} {
		t.Run(target, func(t *testing.T) {
			resp := rawGet(t, r.url, target)
			if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: got %d, want 400 or 404", target, resp.StatusCode)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	r := start(t, copyFixture(t), io.Discard)
	index := rawGet(t, r.url, "/")
	tests := []struct {
		path, status, contentType string
	}{
		{"/", "200", "text/html; charset=utf-8"},
		{"/using/", "200", "text/html; charset=utf-8"},
		{"/no-such-page/", "404", "text/html; charset=utf-8"},
		{"/_handbook/livereload.js", "200", "text/javascript; charset=utf-8"},
		{"/_handbook/status", "200", "application/json"},
		{"/sitemap.xml", "200", "application/xml"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp := rawGet(t, r.url, tt.path)
			if got := fmt.Sprint(resp.StatusCode); got != tt.status {
				t.Errorf("status: got %s, want %s", got, tt.status)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type: got %q, want %q", got, tt.contentType)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control: got %q, want no-store", got)
			}
		})
	}
	if csp := index.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy: got %q, want the pages' policy", csp)
	}
	if got, want := index.Header.Get("Server-Timing"), fmt.Sprintf("build;desc=%q", r.srv.current.Load().build); got != want {
		t.Errorf("Server-Timing: got %q, want %q", got, want)
	}
	// Every fingerprinted asset gets its type from its extension.
	st := r.srv.current.Load()
	for name := range st.files {
		want := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".wasm": "application/wasm"}[name[strings.LastIndex(name, "."):]]
		if want == "" {
			continue
		}
		if got := rawGet(t, r.url, "/"+name).Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type got %q, want %q", name, got, want)
		}
	}
	if code, body := r.get(t, "/no-such-page/"); code != 404 || !strings.Contains(body, "livereload.js") {
		t.Errorf("unknown page: got %d, want 404 with the site's 404 page", code)
	}
	if resp := rawGet(t, r.url, "/using"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/using/" {
		t.Errorf("GET /using: got %d to %q, want 301 to /using/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"assets/checker.1234.wasm": "application/wasm",
		"assets/handbook.ab.css":   "text/css; charset=utf-8",
		"assets/page.ab.js":        "text/javascript; charset=utf-8",
		"favicon.svg":              "image/svg+xml",
		"sitemap.xml":              "application/xml",
		"index.html":               "text/html; charset=utf-8",
		"notes.unknown":            "application/octet-stream",
	} {
		if got := contentType(name); got != want {
			t.Errorf("contentType(%q): got %q, want %q", name, got, want)
		}
	}
}

// TestSymlinkOutOfContentIsNotPublished links a file from outside the
// content folder into it: the build must refuse it rather than serve it.
func TestSymlinkOutOfContentIsNotPublished(t *testing.T) {
	dir := copyFixture(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, filepath.Dir(secret), "secret.txt", "top secret\n")
	if err := os.Symlink(secret, filepath.Join(dir, "leak.txt")); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	fsys, root, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	srv, err := New(context.Background(), Options{Content: fsys})
	if err != nil {
		t.Fatal(err)
	}
	r := startServer(t, context.Background(), srv)
	if code, body := r.get(t, "/leak.txt"); code == 200 || strings.Contains(body, "top secret") {
		t.Errorf("GET /leak.txt: got %d, want the outside file refused", code)
	}
	if _, body := r.get(t, "/_handbook/status"); !strings.Contains(body, "leak.txt") {
		t.Errorf("status: got %s, want an error naming leak.txt", body)
	}
}
