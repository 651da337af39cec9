package preview

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"handbook/site"
)

// defaultCSP is used until a build yields the pages' own policy.
const defaultCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'"

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// cspOf returns the policy the pages declare in their meta tag, so that the
// header sent with every file says the same thing.
func cspOf(files map[string][]byte) string {
	for _, name := range []string{"index.html", "404.html"} {
		if m := cspMeta.FindSubmatch(files[name]); m != nil {
			return strings.ReplaceAll(string(m[1]), "&#39;", "'")
		}
	}
	return defaultCSP
}

// placeholder is served until the first good build: a page that carries
// the reload script, so the error overlay shows and the page reloads once
// the content is fixed.
func placeholder() map[string][]byte {
	page := []byte(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Handbook preview</title>
<script src="/_handbook/livereload.js" defer></script></head>
<body><h1>The handbook has errors</h1><p>Fix them and this page will reload. The terminal lists them too.</p></body></html>
`)
	return map[string][]byte{"index.html": page, "404.html": page}
}

// ErrorJSON is one build error as the pages receive it.
type ErrorJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Status is the body of /_handbook/status and of "error" events.
type Status struct {
	OK     bool        `json:"ok"`
	Build  string      `json:"build"` // changes with every build, and when the server restarts
	Errors []ErrorJSON `json:"errors"`
}

func statusOf(st *state) Status {
	out := Status{OK: st.errors == nil, Build: st.build, Errors: []ErrorJSON{}}
	for _, e := range st.errors {
		out.Errors = append(out.Errors, ErrorJSON{File: e.File, Line: e.Line, Message: e.Message})
	}
	return out
}

// rebuild builds the site after the changes in b, swaps it in when good,
// tells the pages, and prints one line.
func (s *Server) rebuild(ctx context.Context, b Batch) {
	start := time.Now()
	if len(b.Checker) > 0 {
		s.compileChecker(ctx)
		s.newBuilder()
	}
	var res *site.Result
	err := s.openContent()
	if err == nil {
		res, err = s.builder.Build(ctx)
	}
	if ctx.Err() != nil {
		return // shutting down: nobody is waiting for this build
	}
	prev := s.current.Load()
	next := &state{seq: prev.seq + 1}
	next.build = fmt.Sprintf("%s-%d", s.id, next.seq)
	if err != nil {
		var list site.ErrorList
		if !errors.As(err, &list) {
			list = site.ErrorList{{Message: err.Error()}}
		}
		next.files, next.good, next.csp, next.errors = prev.files, prev.good, prev.csp, list
		s.current.Store(next)
		data, _ := json.Marshal(statusOf(next))
		s.hub.Broadcast(Event{Type: "error", Data: string(data)})
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = "  " + s.located(e)
		}
		s.logf("build failed after %s%s (%d error(s)); still serving the last good build:\n%s",
			time.Since(start).Round(time.Millisecond), s.describe(b), len(list), strings.Join(lines, "\n"))
		return
	}
	next.files, next.good, next.csp = res.Files, true, cspOf(res.Files)
	s.current.Store(next)
	kind := "reload"
	if cssOnly(b) && prev.good && prev.errors == nil {
		kind = "css"
	}
	data, _ := json.Marshal(map[string]any{"build": next.build, "changed": b.Content})
	s.hub.Broadcast(Event{Type: kind, Data: string(data)})
	if prev.seq == 0 {
		s.logf("built %d pages in %s", res.Pages, time.Since(start).Round(time.Millisecond))
	} else {
		s.logf("rebuilt in %s%s", time.Since(start).Round(time.Millisecond), s.describe(b))
	}
	var warnings strings.Builder
	for _, w := range res.Warnings {
		fmt.Fprintf(&warnings, "warning: %s\n", s.located(w))
	}
	if warnings.String() != s.warned {
		s.warned = warnings.String()
		if s.warned != "" {
			s.logf("%s", strings.TrimSuffix(s.warned, "\n"))
		}
	}
}

// located names an error's file with the content folder, so it can be
// opened from the shell.
func (s *Server) located(e *site.Error) string {
	if s.opts.Where == "" || strings.HasPrefix(s.opts.Where, "(") || e.File == "" {
		return e.Error()
	}
	c := *e
	c.File = filepath.ToSlash(filepath.Join(s.opts.Where, e.File))
	return c.Error()
}

// cssOnly reports whether a batch changed stylesheets and nothing else, so
// pages can swap them without reloading.
func cssOnly(b Batch) bool {
	if len(b.Checker) > 0 || len(b.Content) == 0 {
		return false
	}
	for _, p := range b.Content {
		if !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return true
}

// describe lists what changed for the terminal: ": a.md, b.md and 3 more".
// It leaves out files that came and went within the batch without an
// extension, such as the temporary files of sed -i, which would only
// puzzle the reader.
func (s *Server) describe(b Batch) string {
	var all []string
	for _, p := range b.Content {
		if p == "." || strings.HasSuffix(p, "/.") {
			continue // the folder itself: the error says what happened to it
		}
		if path.Ext(p) != "" || s.exists(p) {
			all = append(all, p)
		}
	}
	all = append(all, b.Checker...)
	if len(all) == 0 {
		return ""
	}
	const shown = 3
	if len(all) <= shown {
		return ": " + strings.Join(all, ", ")
	}
	return fmt.Sprintf(": %s and %d more", strings.Join(all[:shown], ", "), len(all)-shown)
}

// exists reports whether the content folder holds p now.
func (s *Server) exists(p string) bool {
	fsys := s.fsys
	if fsys == nil {
		fsys = s.opts.Content
	}
	if fsys == nil {
		return false
	}
	_, err := fs.Stat(fsys, p)
	return err == nil
}
