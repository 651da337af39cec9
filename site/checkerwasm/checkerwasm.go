// Package checkerwasm holds the checker's WebAssembly module and the
// wasm_exec.js glue of the toolchain that built it, embedded in the
// binary, so that `handbook build` publishes a working checker page on a
// machine with no Go toolchain and no sources.
//
// The files are generated, and committed, with
//
//	go generate ./site/checkerwasm
//
// which compiles wasm/ with the Go toolchain running go generate and
// records the hash of the sources it was built from (see
// wasmbuild.SourceHash). TestEmbeddedCheckerIsCurrent fails, naming that
// command, when checker/ or wasm/ change without regenerating.
//
// Inside a checkout whose checker sources differ from the embedded ones,
// Load compiles them instead, so that an edited checker can be tried in
// `handbook serve` before it is regenerated.
package checkerwasm

//go:generate go run ./internal/generate

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"handbook/site/wasmbuild"
)

// Regenerate is the command that brings the embedded checker up to date.
const Regenerate = "go generate ./site/checkerwasm"

var (
	//go:embed checker.wasm
	wasm []byte
	//go:embed wasm_exec.js
	glue []byte
	//go:embed source.txt
	source string // "sources HASH" and "toolchain goX.Y.Z" lines
)

// SourceHash is the hash of the sources the embedded module was built
// from, as wasmbuild.SourceHash computes it.
func SourceHash() string { return field("sources") }

// Toolchain is the Go version that built the embedded module.
func Toolchain() string { return field("toolchain") }

func field(name string) string {
	for line := range strings.Lines(source) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// Files returns the embedded module and its glue under the names the site
// build expects (wasmbuild.WasmFile and wasmbuild.GlueFile).
func Files() map[string][]byte {
	return map[string][]byte{wasmbuild.WasmFile: wasm, wasmbuild.GlueFile: glue}
}

// Checker is the checker to publish and where it came from.
type Checker struct {
	Files      map[string][]byte // for site.Options.CheckerFiles
	SourceHash string            // the sources it was built from
	Toolchain  string            // the Go version that built it
	Embedded   bool              // the module in this binary, not compiled here
	Cached     bool              // compiled earlier from the same sources
}

// Options say where to look for a checkout and how to report progress.
type Options struct {
	// Dir is where to start looking for a checkout of the handbook
	// module (walking up to its go.mod); "" means the working directory.
	Dir string
	// CacheDir keeps compiled modules between runs; "" disables it.
	CacheDir string
	// Step, if set, is told when a slow step starts; the function it
	// returns is called when it ends, with what happened.
	Step func(what string) (done func(result string))
}

// Load returns the checker to publish: the embedded one, unless Dir is
// inside a checkout of the handbook whose checker sources differ from
// those it was built from; then it compiles the checkout's sources with
// the Go toolchain on PATH (from the cache when they compiled before).
// Without a toolchain it falls back to the embedded checker and says so
// in err, which is then only a warning. A compile error returns no
// checker and the error.
func Load(ctx context.Context, opts Options) (*Checker, error) {
	embedded := &Checker{Files: Files(), SourceHash: SourceHash(), Toolchain: Toolchain(), Embedded: true}
	var root string
	var ok bool
	if opts.Dir == "" {
		root, ok = wasmbuild.FindModuleRootFromWorkingDir()
	} else {
		root, ok = wasmbuild.FindModuleRoot(opts.Dir)
	}
	if !ok {
		return embedded, nil
	}
	hash, err := wasmbuild.SourceHash(root)
	if err != nil || hash == embedded.SourceHash {
		// A checkout too damaged to hash cannot be compiled either.
		return embedded, nil
	}
	done := func(string) {}
	if opts.Step != nil {
		done = opts.Step(fmt.Sprintf("compiling the checker (its sources in %s differ from the checker built into this program)", root))
	}
	res, err := wasmbuild.Build(ctx, wasmbuild.Options{ModuleRoot: root, CacheDir: opts.CacheDir})
	if err != nil {
		if errors.Is(err, wasmbuild.ErrNoToolchain) {
			done("no Go toolchain: using the checker built into this program")
			return embedded, fmt.Errorf("%w; publishing the checker built into this program from other sources (regenerate it with %s)", err, Regenerate)
		}
		done("failed")
		return nil, err
	}
	if res.Cached {
		done("taken from the cache: compiled before from the same sources")
	} else {
		done("compiled with " + res.Toolchain)
	}
	return &Checker{Files: res.Files, SourceHash: hash, Toolchain: res.Toolchain, Cached: res.Cached}, nil
}
