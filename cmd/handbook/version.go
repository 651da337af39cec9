package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"handbook/site/checkerwasm"
)

func init() {
	register(&command{name: "version", summary: "print the version and the checker's source hash", run: runVersion})
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("version", flag.ContinueOnError)
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook version")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Prints the program's version, the Go that built it, and the hash of the checker sources its built-in checker was compiled from.")
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook version: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	fmt.Fprintf(stdout, "handbook %s (%s %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "checker: sources %s, built with %s\n", checkerwasm.SourceHash(), checkerwasm.Toolchain())
	return exitOK
}

// version is the module version go install recorded, or for a build from
// a checkout the commit it was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" && (v == "" || v == "(devel)") {
		return fmt.Sprintf("%s (commit %s%s)", cmp.Or(v, "(devel)"), short(rev), modified)
	}
	return cmp.Or(v, "(devel)")
}
