// Command slowest reads `go test -json` on standard input, prints what
// plain `go test` would (each package's result, and the output of failed
// tests in full), then the slowest tests and packages, so that CI shows
// where the suite's time goes. It exits 1 if any test or package failed.
//
//	go test -json ./... | go run ./.ci/slowest
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// event is one line of test2json output.
type event struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Elapsed    float64
	Output     string
}

type timing struct {
	name    string
	seconds float64
}

func main() {
	failed, tests, packages, err := summarize(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "slowest:", err)
		os.Exit(2)
	}
	report(os.Stdout, "slowest tests", tests, 15)
	report(os.Stdout, "slowest packages", packages, 5)
	if failed {
		os.Exit(1)
	}
}

// summarize copies the results to w as it goes and returns the timings of
// top-level tests and of packages.
func summarize(r io.Reader, w io.Writer) (failed bool, tests, packages []timing, err error) {
	outputs := map[string]*strings.Builder{} // by package and test
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(w, "%s\n", line) // not an event: pass it on
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "build-output":
			fmt.Fprint(w, e.Output)
		case "build-fail":
			failed = true
		case "output":
			if e.Test == "" {
				// A package's own lines: "ok", "FAIL", a panic's trace.
				if !strings.HasPrefix(e.Output, "PASS") && !strings.HasPrefix(e.Output, "=== ") {
					fmt.Fprint(w, e.Output)
				}
				continue
			}
			b := outputs[key]
			if b == nil {
				b = &strings.Builder{}
				outputs[key] = b
			}
			b.WriteString(e.Output)
		case "pass", "fail", "skip":
			if e.Action == "fail" {
				failed = true
				if b := outputs[key]; b != nil && e.Test != "" {
					fmt.Fprint(w, b.String())
				}
			}
			delete(outputs, key)
			switch {
			case e.Test == "":
				packages = append(packages, timing{e.Package, e.Elapsed})
			case !strings.Contains(e.Test, "/"):
				tests = append(tests, timing{e.Package + "." + e.Test, e.Elapsed})
			}
		}
	}
	return failed, tests, packages, sc.Err()
}

func report(w io.Writer, title string, list []timing, n int) {
	slices.SortStableFunc(list, func(a, b timing) int { return cmp.Compare(b.seconds, a.seconds) })
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, t := range list[:min(n, len(list))] {
		fmt.Fprintf(w, "%8.2fs  %s\n", t.seconds, t.name)
	}
}
