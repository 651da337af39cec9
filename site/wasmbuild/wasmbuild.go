package wasmbuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Names of the files in Result.Files, as the site build expects them.
const (
	WasmFile = "checker.wasm"
	GlueFile = "wasm_exec.js"
)

// ErrNoToolchain means no Go toolchain could be found or run.
var ErrNoToolchain = errors.New("no Go toolchain found: install Go (https://go.dev/dl/) or put it on PATH to build the checker")

// Options say where the sources are, where to cache and which go to run.
type Options struct {
	ModuleRoot string // folder holding go.mod, checker/ and wasm/
	CacheDir   string // where compiled modules are kept; "" disables the cache
	GoTool     string // path of the go command; "" looks up "go" in PATH
}

// Result is the compiled module and its glue.
type Result struct {
	Files     map[string][]byte // WasmFile and GlueFile
	Cached    bool              // true when Files came from the cache
	Toolchain string            // the Go version that built them, e.g. "go1.26.8"
}

// buildFlags are part of the cache key: changing them must recompile.
//
// Inlining is turned off for the checker's own packages: the checker calls
// small helpers (a token's text, a phrase match) from hundreds of places,
// and inlining them made the module about 70 KB larger gzipped (0.12 of
// the Go runtime's floor) for a check that takes milliseconds either way.
// The command keeps the compiler's defaults, where speed on 10 MB matters.
//
// -buildvcs=false keeps the commit out of the module: with it stamped in,
// the same sources built from two commits (or from a clone and a
// worktree, where go may not find the repository) gave different bytes.
var buildFlags = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-gcflags=handbook/checker/...=-l"}

// Build compiles ModuleRoot/wasm for GOOS=js GOARCH=wasm, or returns the
// cached result for the same toolchain and sources.
func Build(ctx context.Context, opts Options) (*Result, error) {
	if opts.ModuleRoot == "" {
		return nil, errors.New("wasmbuild: no module root given")
	}
	goTool, err := FindGo(opts.GoTool)
	if err != nil {
		return nil, err
	}
	tc, err := readToolchain(ctx, goTool, opts.ModuleRoot)
	if err != nil {
		return nil, err
	}
	src, err := SourceHash(opts.ModuleRoot)
	if err != nil {
		return nil, err
	}
	key := cacheKey(src, tc)
	if opts.CacheDir != "" {
		if files, ok := readCache(opts.CacheDir, key); ok {
			return &Result{Files: files, Cached: true, Toolchain: tc.version}, nil
		}
	}

	files, err := compile(ctx, goTool, opts.ModuleRoot, tc)
	if err != nil {
		return nil, err
	}
	if opts.CacheDir != "" {
		if err := writeCache(opts.CacheDir, key, files); err != nil {
			return nil, err
		}
	}
	return &Result{Files: files, Toolchain: tc.version}, nil
}

// cacheKey names a compiled module in the cache: the sources and the
// toolchain with the settings that change its output.
func cacheKey(sourceHash string, tc toolchain) string {
	h := sha256.Sum256([]byte(sourceHash + "\n" + tc.version + "\n" + tc.env + "\n"))
	return hex.EncodeToString(h[:])[:32]
}

// FindGo returns the go command to run: goTool if given, else "go" from
// PATH. The error matches ErrNoToolchain when there is none.
func FindGo(goTool string) (string, error) {
	name := goTool
	if name == "" {
		name = "go"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w (%v)", ErrNoToolchain, err)
	}
	return path, nil
}

// toolchain is what the go command says about itself for a js/wasm build.
type toolchain struct {
	version string // GOVERSION
	goroot  string // GOROOT, where wasm_exec.js lives
	env     string // further settings that change the output
}

func readToolchain(ctx context.Context, goTool, dir string) (toolchain, error) {
	cmd := exec.CommandContext(ctx, goTool, "env", "GOVERSION", "GOROOT", "GOWASM", "GOEXPERIMENT", "GOFLAGS")
	cmd.Dir = dir
	cmd.Env = wasmEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
			return toolchain{}, fmt.Errorf("wasmbuild: %w (%v)", ErrNoToolchain, err)
		}
		return toolchain{}, fmt.Errorf("wasmbuild: %s env: %w: %s", goTool, err, strings.TrimSpace(stderr.String()))
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 2 || lines[0] == "" || lines[1] == "" {
		return toolchain{}, fmt.Errorf("wasmbuild: %s env: unexpected output %q", goTool, out)
	}
	return toolchain{version: lines[0], goroot: lines[1], env: strings.Join(lines[2:], "\n")}, nil
}

// wasmEnv is the environment of every go command run here.
func wasmEnv() []string {
	return append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
}

func compile(ctx context.Context, goTool, root string, tc toolchain) (map[string][]byte, error) {
	glue, err := os.ReadFile(filepath.Join(tc.goroot, "lib", "wasm", GlueFile))
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: %s has no %s: %w", tc.version, GlueFile, err)
	}
	tmp, err := os.MkdirTemp("", "handbook-wasm-")
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: %w", err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, WasmFile)

	args := append(slices.Clone(buildFlags), "-o", out, "./wasm")
	cmd := exec.CommandContext(ctx, goTool, args...)
	cmd.Dir = root
	cmd.Env = wasmEnv()
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("wasmbuild: compiling %s/wasm with %s: %w\n%s", root, tc.version, err, strings.TrimSpace(stderr.String()))
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: %w", err)
	}
	return map[string][]byte{WasmFile: wasm, GlueFile: glue}, nil
}

// SourceHash hashes what the module is built from, whatever the toolchain:
// the build flags, the module and go lines of go.mod, wasm/*.go, and every
// file under checker/ (its data and checker/docx included). Tests and
// testdata are left out: they do not change the module. go.sum and
// go.mod's requirements are left out too, because the checker and wasm/
// import only the standard library (TestWasmImportsOnlyStandardLibrary
// in site/checkerwasm holds them to it), so a new dependency elsewhere
// does not make the embedded checker stale.
func SourceHash(root string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", strings.Join(buildFlags, " "))

	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	for line := range strings.Lines(string(gomod)) {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "module" || f[0] == "go" || f[0] == "toolchain") {
			fmt.Fprintf(h, "go.mod: %s %s\n", f[0], f[1])
		}
	}

	var paths []string
	wasmGo, err := filepath.Glob(filepath.Join(root, "wasm", "*.go"))
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	if len(wasmGo) == 0 {
		return "", fmt.Errorf("wasmbuild: %s has no wasm/*.go: is it the handbook module?", root)
	}
	for _, p := range wasmGo {
		if !strings.HasSuffix(p, "_test.go") {
			rel, _ := filepath.Rel(root, p)
			paths = append(paths, rel)
		}
	}
	err = filepath.WalkDir(filepath.Join(root, "checker"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, "_test.go") || strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("wasmbuild: hashing sources: %w", err)
	}
	for i, p := range paths {
		paths[i] = filepath.ToSlash(p)
	}
	slices.Sort(paths)
	for _, rel := range paths {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return "", fmt.Errorf("wasmbuild: hashing sources: %w", err)
		}
		// Line endings as git may check them out on Windows must not
		// change the hash.
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

func readCache(dir, key string) (map[string][]byte, bool) {
	files := map[string][]byte{}
	for _, name := range []string{WasmFile, GlueFile} {
		b, err := os.ReadFile(filepath.Join(dir, key, name))
		if err != nil || len(b) == 0 {
			return nil, false
		}
		files[name] = b
	}
	return files, true
}

// writeCache fills a temporary folder and renames it into place, so a
// reader never sees half an entry and two builds at once do no harm.
func writeCache(dir, key string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("wasmbuild: cache: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "tmp-")
	if err != nil {
		return fmt.Errorf("wasmbuild: cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
			return fmt.Errorf("wasmbuild: cache: %w", err)
		}
	}
	if err := os.Rename(tmp, filepath.Join(dir, key)); err != nil {
		if _, ok := readCache(dir, key); ok {
			return nil // another build got there first
		}
		return fmt.Errorf("wasmbuild: cache: %w", err)
	}
	return nil
}
