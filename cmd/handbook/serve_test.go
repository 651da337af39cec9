package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while serve writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitOutput(t *testing.T, out *syncBuffer, re *regexp.Regexp) []string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("output never matched %s; got:\n%s", re, out.String())
	return nil
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--help"}, exitOK},
		{[]string{"--no-such-flag"}, exitUsage},
		{[]string{"extra"}, exitUsage},
		{[]string{"--content", filepath.Join(t.TempDir(), "missing")}, exitUsage},
		{[]string{"--content", t.TempDir(), "--addr", "not an address"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(append([]string{"serve"}, tt.args...), &stdout, &stderr); got != tt.want {
				t.Errorf("exit status: got %d, want %d (stderr: %s)", got, tt.want, stderr.String())
			}
		})
	}
}

// TestServeRebuildsAndStops runs the command on a copy of the site's test
// handbook, edits a chapter, and stops it as Ctrl-C would.
func TestServeRebuildsAndStops(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "site", "testdata", "handbook")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	serveContext = func() context.Context { return ctx }
	defer func() { serveContext = context.Background }()

	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"serve", "--content", dir, "--addr", "127.0.0.1:0"}, &stdout, &stderr) }()
	m := waitOutput(t, &stdout, regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/) `))
	resp, err := http.Get(m[1] + "using/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET /using/: got %d, want 200", resp.StatusCode)
	}
	chapter := filepath.Join(dir, "using.md")
	text, _ := os.ReadFile(chapter)
	if err := os.WriteFile(chapter, append(text, "\nEdited.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitOutput(t, &stdout, regexp.MustCompile(`rebuilt in \d+m?s: using\.md`))
	cancel()
	select {
	case got := <-code:
		if got != exitOK {
			t.Errorf("exit status: got %d, want 0 (stderr: %s)", got, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop within a minute of Ctrl-C")
	}
	if strings.Contains(stderr.String(), "every network interface") {
		t.Errorf("warned about every interface on 127.0.0.1: %s", stderr.String())
	}
}

func TestEveryInterface(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:1313": false,
		"[::1]:1313":     false,
		"0.0.0.0:1313":   true,
		"[::]:1313":      true,
		"192.0.2.1:1313": false,
	} {
		tcp, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := everyInterface(tcp); got != want {
			t.Errorf("everyInterface(%s): got %v, want %v", addr, got, want)
		}
	}
	if got := browsable(&net.TCPAddr{IP: net.IPv4zero, Port: 1313}); got != "127.0.0.1:1313" {
		t.Errorf("browsable(0.0.0.0:1313): got %q, want 127.0.0.1:1313", got)
	}
}
