package preview

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"path"
	"strings"
)

//go:embed livereload.js
var liveReloadJS []byte

// contentTypes are by extension; anything else is sent as bytes to
// download, never sniffed.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".wasm":  "application/wasm",
	".svg":   "image/svg+xml",
	".xml":   "application/xml",
	".txt":   "text/plain; charset=utf-8",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".pdf":   "application/pdf",
	".gz":    "application/gzip",
	".woff2": "font/woff2",
}

func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// badPath reports whether a request path tries to leave the site or to
// smuggle a separator past the checks: dot-dot segments, encoded slashes
// or backslashes, backslashes, NUL bytes.
func badPath(r *http.Request) bool {
	p := r.URL.Path
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return true
	}
	if strings.ContainsAny(p, "\\\x00") || !strings.HasPrefix(p, "/") {
		return true
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return true
		}
	}
	return false
}

// headerOnlyCSP is what a meta tag cannot say: no other site may frame
// the preview (and so trick an editor into clicks on it).
const headerOnlyCSP = "; frame-ancestors 'none'"

// allowedHost reports whether a request's Host names this machine: an IP
// address, localhost (or a name under .localhost), or a name the server
// was started with. A page on another site that points a name of its own
// at 127.0.0.1 (DNS rebinding) is refused, so it cannot read the preview.
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if net.ParseIP(host) != nil || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	for _, h := range s.opts.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// ServeHTTP serves the current build from memory, plus the preview's own
// endpoints under /_handbook/.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !s.allowedHost(r.Host) {
		http.Error(w, "this preview answers only to localhost, 127.0.0.1 and the address it was started with", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if badPath(r) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	st := s.current.Load()
	switch r.URL.Path {
	case "/_handbook/events":
		s.serveEvents(w, r)
		return
	case "/_handbook/status":
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(statusOf(st))
		return
	case "/_handbook/livereload.js":
		h.Set("Content-Type", contentType(".js"))
		w.Write(liveReloadJS)
		return
	}
	h.Set("Content-Security-Policy", st.csp+headerOnlyCSP)
	// The reload script reads which build served the page from here
	// (PerformanceNavigationTiming.serverTiming), to catch a rebuild that
	// finished before it had connected.
	h.Set("Server-Timing", fmt.Sprintf("build;desc=%q", st.build))
	key := strings.TrimPrefix(r.URL.Path, "/")
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	data, ok := st.files[key]
	if !ok {
		if _, dir := st.files[key+"/index.html"]; dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		h.Set("Content-Type", contentType(".html"))
		w.WriteHeader(http.StatusNotFound)
		if r.Method != http.MethodHead {
			w.Write(st.files["404.html"])
		}
		return
	}
	h.Set("Content-Type", contentType(key))
	h.Set("Content-Length", fmt.Sprint(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// serveEvents streams build events until the page goes away or the hub
// drops or closes the stream.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.hub.Register()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.Unregister(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	// The browser reconnects after retry milliseconds if the stream ends.
	// hello names the build; a page that sees it change across a reconnect
	// (the server restarted, or dropped it as too slow) missed a rebuild
	// and reloads.
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: {\"build\":%q}\n\n", s.current.Load().build)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Type, ev.Data); err != nil {
				return
			}
			fl.Flush()
		}
	}
}
