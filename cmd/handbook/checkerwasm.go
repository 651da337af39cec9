package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"handbook/site/wasmbuild"
)

// checkerWasm compiles the in-page checker from the repository's sources,
// or takes it from the cache when the sources are unchanged. It returns the
// files for site.Options.CheckerFiles, or, when the checker cannot be built
// here, a plain reason for the checker page (the rest of the site still
// builds).
func checkerWasm(ctx context.Context) (files map[string][]byte, unavailable string, err error) {
	root, ok := wasmbuild.FindModuleRootFromWorkingDir()
	if !ok {
		return nil, "this copy of handbook was run outside its source repository, so the checker could not be compiled", nil
	}
	res, err := wasmbuild.Build(ctx, wasmbuild.Options{ModuleRoot: root, CacheDir: wasmCacheDir()})
	if err != nil {
		if errors.Is(err, wasmbuild.ErrNoToolchain) {
			return nil, "the site was built without a Go toolchain, so the checker could not be compiled", err
		}
		return nil, "the checker failed to compile when the site was built", err
	}
	return res.Files, "", nil
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
