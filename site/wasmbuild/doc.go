// Package wasmbuild compiles the checker's WebAssembly module (the wasm/
// folder of the handbook module) with the Go toolchain it finds, and pairs
// it with the wasm_exec.js glue of that same toolchain: glue from another
// Go version fails to load the module.
//
// Compiling takes seconds, so results are cached by a hash of the Go
// version and the sources that go into the module (checker/, wasm/*.go,
// go.mod, go.sum): an unchanged checker is not recompiled. Fingerprinting
// the files for the published site is the site build's job.
//
// Without a Go toolchain, Build returns an error matching ErrNoToolchain,
// so that the caller can still build the rest of the site and say on the
// checker page why the checker is missing.
package wasmbuild
