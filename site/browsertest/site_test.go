package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"handbook/checker"
	"handbook/content"
	"handbook/site"
	"handbook/site/checkerwasm"
	"handbook/site/wasmbuild"
)

// csp is the policy the handbook's pages carry.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

var wasmOnce struct {
	sync.Once
	res *checkerwasm.Checker
	err error
}

// checkerWasm gives the checker module once per test binary: the one
// embedded in the binary when checker/ and wasm/ are those it was built
// from (site/checkerwasm's own test fails when they are not), else
// compiled from them, through the build cache, so that these tests judge
// the sources as they are.
func checkerWasm(t testing.TB) *checkerwasm.Checker {
	t.Helper()
	wasmOnce.Do(func() {
		cache := ""
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "handbook", "wasm")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		wasmOnce.res, wasmOnce.err = checkerwasm.Load(ctx, checkerwasm.Options{CacheDir: cache})
		if wasmOnce.err != nil && wasmOnce.res != nil && wasmOnce.res.Embedded {
			wasmOnce.err = fmt.Errorf("the checker's sources changed and cannot be compiled here: %w", wasmOnce.err)
		}
	})
	if wasmOnce.err != nil {
		t.Fatalf("building the checker module: %v", wasmOnce.err)
	}
	return wasmOnce.res
}

// siteOptions vary the served handbook for a test.
type siteOptions struct {
	unavailable bool                            // built without a Go toolchain
	wrap        func(http.Handler) http.Handler // e.g. to break an asset
	settings    string                          // a handbook.yaml to use instead of the default handbook's
}

// builtSite is one `handbook build` of the default handbook, written out.
type builtSite struct {
	dir     string
	checker string // the checker page's path, e.g. "/check-a-draft/"
	err     error
}

var sites struct {
	sync.Mutex
	byKey map[siteKey]*builtSite
}

// siteKey names one built variant of the default handbook.
type siteKey struct {
	unavailable bool
	settings    string
}

// unavailableReason is what a build without a Go toolchain says.
const unavailableReason = "no Go toolchain was found when the handbook was built"

// handbookSite builds the default handbook as `handbook build` does (the
// checker module from wasmbuild passed in as CheckerFiles) into a folder,
// once per test binary. Until the default handbook has a chapter with
// layout checker, testdata/checker.md stands in for it.
func handbookSite(t testing.TB, key siteKey) *builtSite {
	t.Helper()
	unavailable := key.unavailable
	sites.Lock()
	defer sites.Unlock()
	if sites.byKey == nil {
		sites.byKey = map[siteKey]*builtSite{}
	}
	if b, ok := sites.byKey[key]; ok {
		if b.err != nil {
			t.Fatal(b.err)
		}
		return b
	}
	b := &builtSite{}
	sites.byKey[key] = b
	b.err = func() error {
		fsys, page, err := contentWithChecker()
		if err != nil {
			return err
		}
		if key.settings != "" {
			fsys = withFile(fsys, "handbook.yaml", key.settings)
		}
		opts := site.Options{Content: fsys}
		if unavailable {
			opts.CheckerUnavailable = unavailableReason
		} else {
			opts.CheckerFiles = checkerWasm(t).Files
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		res, err := site.NewBuilder(opts).Build(ctx)
		if err != nil {
			return fmt.Errorf("building the default handbook: %w", err)
		}
		dir, err := os.MkdirTemp("", "handbook-browsertest-")
		if err != nil {
			return err
		}
		siteDirs = append(siteDirs, dir)
		b.dir = filepath.Join(dir, "public")
		b.checker = page
		return res.WriteDir(b.dir)
	}()
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b
}

// siteDirs are removed by TestMain when the tests end.
var siteDirs []string

// contentWithChecker returns the default handbook and the path of its
// checker page, adding testdata/checker.md if it has none.
func contentWithChecker() (fs.FS, string, error) {
	layout := regexp.MustCompile(`(?m)^layout:\s*checker\s*$`)
	mdFiles, err := fs.Glob(content.FS, "*.md")
	if err != nil {
		return nil, "", err
	}
	more, _ := fs.Glob(content.FS, "*/*.md")
	for _, f := range append(mdFiles, more...) {
		b, err := fs.ReadFile(content.FS, f)
		if err != nil {
			return nil, "", err
		}
		if layout.Match(b) {
			return content.FS, pagePath(f), nil
		}
	}
	merged := fstest.MapFS{}
	err = fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.FS, p)
		merged[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		return nil, "", err
	}
	b, err := os.ReadFile("testdata/checker.md")
	if err != nil {
		return nil, "", err
	}
	merged["checker.md"] = &fstest.MapFile{Data: b, Mode: 0o644}
	return merged, "/checker/", nil
}

// withFile returns fsys with one file replaced or added.
func withFile(fsys fs.FS, name, text string) fs.FS {
	merged := fstest.MapFS{}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		merged[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	merged[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	return merged
}

// pagePath is the URL path of a content file: when-to-use.md is
// /when-to-use/, section/index.md is /section/.
func pagePath(file string) string {
	p := strings.TrimSuffix(file, ".md")
	p = strings.TrimSuffix(p, "index")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// checkerSite serves the built handbook from its folder on 127.0.0.1, as
// a static host would, with the handbook's CSP also sent as a header (so
// that it covers the Web Worker too), and returns the checker page's URL.
func checkerSite(t testing.TB, opts siteOptions) (*Server, string) {
	t.Helper()
	b := handbookSite(t, siteKey{opts.unavailable, opts.settings})
	files := http.FileServer(http.Dir(b.dir))
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		files.ServeHTTP(w, r)
	})
	if opts.wrap != nil {
		h = opts.wrap(h)
	}
	s := Serve(t, h)
	return s, s.URL + b.checker
}

// floorWasm builds a module that imports only syscall/js (and a little of
// strings) with the same toolchain: the Go runtime's floor.
func floorWasm(t testing.TB) []byte {
	t.Helper()
	goTool, err := wasmbuild.FindGo("")
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module floor\n\ngo 1.26\n")
	write("main.go", `package main

import (
	"strings"
	"syscall/js"
)

func main() {
	js.Global().Set("floor", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return strings.ToUpper(args[0].String())
	}))
	select {}
}
`)
	out := filepath.Join(dir, "floor.wasm")
	cmd := exec.Command(goTool, "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the floor module: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// samples returns the labelled sample drafts by file name.
func samples(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../../checker/testdata/samples/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no samples in checker/testdata/samples: %v", err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

// textareaValue is what a browser's text area makes of a pasted text: it
// turns every CRLF and lone CR into LF.
func textareaValue(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// checkJSON is the command's JSON for text, judged with the default
// handbook's settings as `handbook check` judges it, or a failure.
func checkJSON(t testing.TB, text string) string {
	t.Helper()
	settings, err := site.LoadSettings(content.FS)
	if err != nil {
		t.Fatalf("reading the default handbook's settings: %v", err)
	}
	r, err := checker.Check(text, checker.Options{Settings: settings.Checker})
	if err != nil {
		t.Fatalf("checker.Check: %v", err)
	}
	return string(r.JSON())
}
