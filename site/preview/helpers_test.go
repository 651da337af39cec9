package preview

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyFixture copies the site package's test handbook into a temporary
// folder the test may edit.
func copyFixture(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "testdata", "handbook")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying the fixture: %v", err)
	}
	return dst
}

// running is a Server started on a loopback port for one test.
type running struct {
	srv    *Server
	url    string
	client *http.Client
	stop   func() // shuts the server down and waits for Run to return
}

// start builds dir and serves it until the test ends (or stop is called).
func start(t testing.TB, dir string, log io.Writer) *running {
	t.Helper()
	srv, err := New(context.Background(), Options{Content: os.DirFS(dir), Where: dir, Watch: []WatchRoot{{Dir: dir}}, Log: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return startServer(t, context.Background(), srv)
}

// startServer runs srv on a loopback port until the test ends.
func startServer(t testing.TB, ctx context.Context, srv *Server) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		t.Fatalf("listening: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	// No keep-alive, so the client leaves no goroutine behind for goleak.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: patience}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(patience):
			t.Errorf("Run did not return within %s of shutdown", patience)
		}
	}
	t.Cleanup(stop)
	return &running{srv: srv, url: "http://" + ln.Addr().String(), client: client, stop: stop}
}

// get fetches a path and returns its status and body.
func (r *running) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := r.client.Get(r.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return resp.StatusCode, string(body)
}

// events opens the event stream and delivers its events until the test
// ends or the server closes the stream (then the channel closes).
func (r *running) events(t testing.TB) <-chan Event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.url+"/_handbook/events", nil)
	resp, err := r.client.Transport.RoundTrip(req)
	if err != nil {
		cancel()
		t.Fatalf("opening the event stream: %v", err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type: got %q, want text/event-stream", ct)
	}
	out := make(chan Event, 64)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev Event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.Type = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.Type == "hello":
				ev = Event{} // sent on connecting, not after a build
			case line == "" && ev.Type != "":
				out <- ev
				ev = Event{}
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-finished })
	// The stream is registered once its first comment has been flushed;
	// wait for the hub to count it so no event is missed.
	deadline := time.Now().Add(patience)
	for r.srv.Hub().Len() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	return out
}

// next waits for the next event of the stream.
func next(t testing.TB, ch <-chan Event, within time.Duration) Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("the event stream closed")
		}
		return ev
	case <-time.After(within):
		t.Fatalf("no event within %s", within)
	}
	return Event{}
}

func write(t testing.TB, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// patience is how long a test waits for something it expects: tests wait
// for conditions, and a generous limit costs nothing when all is well.
const patience = time.Minute
