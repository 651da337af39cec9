package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"handbook/checker"
)

func init() {
	register(&command{name: "check", summary: "check written agreements against the guidance", run: runCheck})
}

// checkInput is one text to check and where it came from.
type checkInput struct {
	name string
	text string
	err  error
}

// readCheckInput reads one input: a file, or standard input for "-".
// Everything the command accepts goes through here, so other formats
// (.docx, folders) plug in at this one point.
func readCheckInput(name string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", err
	}
	return string(b), nil
}

var checkStdin io.Reader = os.Stdin

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text or json")
	_ = fl.String("content", "", "handbook folder whose settings to use (default ./content when it exists, else the embedded handbook)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook check [--format text|json] [--content DIR] FILE... | -")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Checks each written agreement or undertaking against the handbook's guidance.")
		fmt.Fprintln(fl.Output(), "\"-\" reads the text from standard input.")
		fmt.Fprintln(fl.Output(), "Exit status: 0 when every check is met and nothing is flagged, 1 when something needs work, 2 when an input cannot be read.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "handbook check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "handbook check: name at least one file, or - for standard input")
		fl.Usage()
		return exitUsage
	}
	opts := checker.Options{Settings: checker.DefaultSettings()}
	code := exitOK
	var reports [][]byte
	colour := useColour(stdout)
	for i, name := range fl.Args() {
		text, err := readCheckInput(name, checkStdin)
		if err != nil {
			fmt.Fprintf(stderr, "handbook check: %v\n", err)
			code = exitUsage
			continue
		}
		r, err := checker.Check(text, opts)
		if err != nil {
			var refused *checker.RefusedError
			if errors.As(err, &refused) {
				fmt.Fprintf(stderr, "handbook check: %s: %v\n", displayName(name), err)
			} else {
				fmt.Fprintf(stderr, "handbook check: %s: %v\n", displayName(name), err)
			}
			code = exitUsage
			continue
		}
		if c := reportExit(r); c > code {
			code = c
		}
		if *format == "json" {
			reports = append(reports, r.JSON())
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		writeTextReport(stdout, displayName(name), r, colour)
	}
	if *format == "json" {
		if fl.NArg() == 1 {
			if len(reports) == 1 {
				stdout.Write(reports[0])
				fmt.Fprintln(stdout)
			}
		} else {
			fmt.Fprint(stdout, "[")
			for i, b := range reports {
				if i > 0 {
					fmt.Fprint(stdout, ",")
				}
				stdout.Write(b)
			}
			fmt.Fprintln(stdout, "]")
		}
	}
	return code
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// reportExit is the contract's exit status for one report: 0 when every
// criterion that applies is met and no flag is raised, 1 otherwise or when
// the kind is unknown.
func reportExit(r *checker.Report) int {
	if r.Kind == checker.KindUnknown || len(r.Flags) > 0 {
		return exitFail
	}
	for _, c := range r.Criteria {
		if c.Status != checker.StatusMet && c.Status != checker.StatusNotApplicable {
			return exitFail
		}
	}
	return exitOK
}

// useColour: only on a terminal, and never with NO_COLOR set.
func useColour(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// statusMark gives each status a mark and a word, so colour is never the
// only signal.
func statusMark(status string) (mark, word, colour string) {
	switch status {
	case checker.StatusMet:
		return "✓", "met", ansiGreen
	case checker.StatusPartly:
		return "~", "partly", ansiYellow
	case checker.StatusMissing:
		return "✗", "missing", ansiRed
	}
	return "-", "n/a", ""
}

// writeTextReport prints findings like a linter (file:line:col: severity:
// message [rule]), then the checklist, then the flags and the summary.
func writeTextReport(w io.Writer, name string, r *checker.Report, colour bool) {
	paint := func(c, s string) string {
		if !colour || c == "" {
			return s
		}
		return c + s + ansiReset
	}
	for _, f := range r.Findings {
		sev := f.Severity
		switch sev {
		case checker.SeverityError:
			sev = paint(ansiRed, sev)
		case checker.SeverityWarning:
			sev = paint(ansiYellow, sev)
		}
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", name, f.Line, f.Column, sev, f.Message, f.Rule)
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s: %s\n", paint(ansiBold, name), kindName(r.Kind))
	if len(r.Flags) > 0 {
		fmt.Fprintln(w)
		for _, f := range r.Flags {
			fmt.Fprintf(w, "  %s %s\n", paint(ansiRed, "! FLAG"), paint(ansiBold, f.Title))
			fmt.Fprintf(w, "    %s\n", f.Message)
			fmt.Fprintf(w, "    see %s\n", f.Guidance)
		}
	}
	if len(r.Criteria) > 0 {
		fmt.Fprintln(w)
		width := 0
		for _, c := range r.Criteria {
			width = max(width, len([]rune(c.Title)))
		}
		for _, c := range r.Criteria {
			mark, word, col := statusMark(c.Status)
			fmt.Fprintf(w, "  %s %-8s %s\n", paint(col, mark), paint(col, word), c.Title)
			if c.Status != checker.StatusMet {
				fmt.Fprintf(w, "             %s\n", c.Message)
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, r.Summary)
}

func kindName(kind string) string {
	switch kind {
	case checker.KindAgreement:
		return "written agreement"
	case checker.KindUndertaking:
		return "written undertaking"
	case checker.KindSafetyPlan:
		return "safety plan"
	}
	return "not an agreement or undertaking"
}

var _ = strings.TrimSpace
