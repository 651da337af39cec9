// Package checker judges a draft written agreement against the handbook's
// guidance: text in, report out.
//
// It is pure on purpose. It reads no files, starts no goroutines and reads
// no clock, and it uses only a small part of the standard library (no fmt,
// regexp, time or encoding/json), so that it compiles to a small
// WebAssembly module and gives byte-for-byte the same report in the
// command and in the browser. The report's shape is fixed by the checker
// contract.
package checker
