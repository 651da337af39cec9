package browsertest

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Server is a test HTTP server on 127.0.0.1 that logs what it is asked for.
// The log sees requests the browser's network events can miss, such as
// those of a Web Worker.
type Server struct {
	URL string // http://127.0.0.1:port, without a final slash

	mu  sync.Mutex
	log []Request
}

// Serve serves h on 127.0.0.1 and an unused port until the test ends.
func Serve(t testing.TB, h http.Handler) *Server {
	t.Helper()
	s := &Server{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on 127.0.0.1: %v", err)
	}
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, Request{URL: r.URL.String(), Method: r.Method, At: time.Now()})
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	s.URL = ts.URL
	return s
}

// ServeDir serves the files of dir, as a static host would.
func ServeDir(t testing.TB, dir string) *Server {
	t.Helper()
	return Serve(t, http.FileServer(http.Dir(dir)))
}

// Requests returns the requests the server has had so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}
