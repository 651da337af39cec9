package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"handbook/site/checkerwasm"
	"handbook/site/wasmbuild"
)

// checkerLoader returns the function that gives the site build its
// checker (files for site.Options.CheckerFiles, or a plain reason for the
// checker page when there is none; err is a warning, as the rest of the
// site still builds). It announces on w what it uses, and any compile
// step as it starts and ends, with the time taken.
//
// The checker built into the binary is used everywhere, with no Go
// toolchain; inside a checkout whose checker/ or wasm/ differ from the
// sources it was built from, those sources are compiled (see
// checkerwasm.Load), so an edited checker can be tried before it is
// regenerated.
func checkerLoader(w io.Writer) func(ctx context.Context) (map[string][]byte, string, error) {
	return func(ctx context.Context) (map[string][]byte, string, error) {
		c, err := checkerwasm.Load(ctx, checkerwasm.Options{CacheDir: wasmCacheDir(), Step: stepper(w)})
		if c == nil {
			if errors.Is(err, wasmbuild.ErrNoToolchain) {
				return nil, "the site was built without a Go toolchain, so the checker could not be compiled", err
			}
			return nil, "the checker failed to compile when the site was built", err
		}
		if c.Embedded {
			fmt.Fprintf(w, "checker: the one built into this program (sources %s, %s)\n", short(c.SourceHash), c.Toolchain)
		}
		return c.Files, "", err
	}
}

// stepper announces a step on w as it starts ("compiling the checker…")
// and, when it ends, what happened and the real time it took.
func stepper(w io.Writer) func(what string) func(result string) {
	return func(what string) func(string) {
		fmt.Fprintf(w, "%s…\n", what)
		start := time.Now()
		return func(result string) {
			fmt.Fprintf(w, "  %s (%s)\n", result, time.Since(start).Round(time.Millisecond))
		}
	}
}

// short is a hash cut to a length people can read and compare.
func short(hash string) string {
	return hash[:min(12, len(hash))]
}

// wasmCacheDir is where compiled checkers are kept between builds; "" (no
// cache) when the machine has no user cache folder.
func wasmCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "handbook", "wasm")
}
