// Command generate compiles the checker's WebAssembly module from the
// handbook module's checker/ and wasm/ with the Go toolchain running it,
// and writes checker.wasm, wasm_exec.js (the same toolchain's glue) and
// source.txt (the sources' hash and the toolchain) into the working
// directory. It is run by `go generate ./site/checkerwasm`.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"handbook/site/wasmbuild"
)

func main() {
	if err := generate(); err != nil {
		fmt.Fprintf(os.Stderr, "generating the embedded checker: %v\n", err)
		os.Exit(1)
	}
}

func generate() error {
	root, ok := wasmbuild.FindModuleRootFromWorkingDir()
	if !ok {
		return fmt.Errorf("not inside the handbook module")
	}
	hash, err := wasmbuild.SourceHash(root)
	if err != nil {
		return err
	}
	// go generate puts its own toolchain's bin first in PATH, so the
	// module is built by the go that runs go generate.
	start := time.Now()
	res, err := wasmbuild.Build(context.Background(), wasmbuild.Options{ModuleRoot: root})
	if err != nil {
		return err
	}
	files := map[string][]byte{
		wasmbuild.WasmFile: res.Files[wasmbuild.WasmFile],
		wasmbuild.GlueFile: res.Files[wasmbuild.GlueFile],
		"source.txt":       fmt.Appendf(nil, "sources %s\ntoolchain %s\n", hash, res.Toolchain),
	}
	for name, b := range files {
		if err := writeFile(name, b); err != nil {
			return err
		}
	}
	fmt.Printf("site/checkerwasm: checker.wasm %d bytes from sources %s, built with %s in %s\n",
		len(files[wasmbuild.WasmFile]), hash, res.Toolchain, time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFile replaces name whole, so an interrupted run leaves the old file.
func writeFile(name string, b []byte) error {
	tmp, err := os.CreateTemp(".", "."+name+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Clean(name))
}
