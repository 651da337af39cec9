package preview

// Regression tests for issue 16 (trust boundaries and resource limits) in
// the preview server; the hostile inputs are made by the tests.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// newWithin starts a server on dir (opened by the server itself), failing
// the test if New has not returned within patience.
func newWithin(t *testing.T, dir string) *running {
	t.Helper()
	done := make(chan *Server, 1)
	go func() {
		srv, err := New(context.Background(), Options{Dir: dir, Where: dir, Watch: []WatchRoot{{Dir: dir}}, Log: io.Discard})
		if err != nil {
			t.Errorf("New: %v", err)
		}
		done <- srv
	}()
	select {
	case srv := <-done:
		if srv == nil {
			t.FailNow()
		}
		return startServer(t, context.Background(), srv)
	case <-time.After(patience):
		t.Fatalf("New has not returned after %s", patience)
		return nil
	}
}

// status fetches /_handbook/status.
func (r *running) status(t *testing.T) Status {
	t.Helper()
	_, body := r.get(t, "/_handbook/status")
	var st Status
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatalf("status %q: %v", body, err)
	}
	return st
}

// waitStatus polls the status until ok says so, or fails after patience.
func (r *running) waitStatus(t *testing.T, ok func(Status) bool, what string) Status {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		st := r.status(t)
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s not seen; status %+v", patience, what, st)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Failure 5: a named pipe in the content folder hung the first build (and
// every rebuild) for good; now it is refused and the server stops cleanly.
func TestNamedPipeInContent(t *testing.T) {
	dir := copyFixture(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := newWithin(t, dir)
	st := r.status(t)
	if st.OK || len(st.Errors) != 1 || st.Errors[0].File != "pipe.txt" || !strings.Contains(st.Errors[0].Message, "named pipe") {
		t.Errorf("got status %+v, want one error naming pipe.txt", st)
	}
	// A save after it still rebuilds (the pipe is still refused).
	write(t, dir, "index.md", strings.Replace(read(t, dir, "index.md"), "title:", "title: Again", 1))
	r.stop() // fails the test if Run does not return
}

// Failure 5: the content folder removed, or moved away, and made again: the
// pages say it is missing meanwhile, then the new folder is served.
func TestContentFolderReplaced(t *testing.T) {
	for _, how := range []string{"removed", "moved away"} {
		t.Run(how, func(t *testing.T) {
			dir := copyFixture(t)
			r := newWithin(t, dir)
			if st := r.status(t); !st.OK {
				t.Fatalf("first build: %+v", st)
			}
			if how == "removed" {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
			r.waitStatus(t, func(st Status) bool {
				return !st.OK && len(st.Errors) == 1 && strings.Contains(st.Errors[0].Message, "content folder "+dir+" is missing")
			}, "the missing folder reported")

			// Made again, elsewhere first and moved in whole, as a
			// restore or a checkout would.
			fresh := copyFixture(t)
			write(t, fresh, "index.md", strings.Replace(read(t, fresh, "index.md"), "\n---\n", "\n---\nA brand new home page.\n", 1))
			if err := os.Rename(fresh, dir); err != nil {
				t.Fatal(err)
			}
			r.waitStatus(t, func(st Status) bool { return st.OK }, "the new folder built")
			if _, body := r.get(t, "/"); !strings.Contains(body, "A brand new home page.") {
				t.Error("the home page is not the new folder's")
			}
		})
	}
}

// Failure 7: the preview answers only to names of this machine, closes
// idle connections and may not be framed or leak its address.
func TestPreviewHeadersAndHosts(t *testing.T) {
	srv, err := New(context.Background(), Options{Content: os.DirFS(copyFixture(t)), Hosts: []string{"preview.test"}})
	if err != nil {
		t.Fatal(err)
	}
	r := startServer(t, context.Background(), srv)
	port := r.url[strings.LastIndex(r.url, ":"):]
	for host, want := range map[string]int{
		"127.0.0.1" + port: 200, "localhost" + port: 200, "LOCALHOST": 200, "[::1]" + port: 200,
		"handbook.localhost" + port: 200, "preview.test" + port: 200,
		"evil.example" + port: http.StatusMisdirectedRequest, "127.0.0.1.evil.example": http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest(http.MethodGet, r.url+"/", nil)
		req.Host = host
		resp, err := r.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: got %d, want %d", host, resp.StatusCode, want)
		}
	}
	resp, err := r.client.Get(r.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy %q lacks frame-ancestors 'none'", csp)
	}
	if rp := resp.Header.Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("Referrer-Policy: got %q, want no-referrer", rp)
	}
	if srv := r.srv.httpServer(); srv.IdleTimeout <= 0 || srv.IdleTimeout > time.Minute {
		t.Errorf("IdleTimeout is %s, want a limit of at most a minute", srv.IdleTimeout)
	}
}
