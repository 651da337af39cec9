package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"handbook/checker"
	"handbook/checker/docx"
	"handbook/site"
)

func init() {
	register(&command{name: "check", summary: "check written agreements against the guidance", run: runCheck})
}

// readCheckInput reads one input: a file, or standard input for "-". A
// Word document (by its .docx name or by its content) is read into its
// text with checker/docx, as the checker page reads it, and comes back with
// its map of paragraphs so that findings can name them.
func readCheckInput(name string, stdin io.Reader) (string, *docx.Document, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", nil, unwrapPathError(err)
	}
	if strings.EqualFold(filepath.Ext(name), ".docx") || docx.IsWordFile(b) {
		doc, err := docx.Read(b, docx.Limits{})
		if err != nil {
			return "", nil, err
		}
		return doc.Text, doc, nil
	}
	return string(b), nil, nil
}

// unwrapPathError drops the file name from an *fs.PathError: the caller
// names the file already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var checkStdin io.Reader = os.Stdin

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text, json or csv (one row per file)")
	summary := fl.Bool("summary", false, "print totals per criterion and flag across all files (instead of each report, for text)")
	contentDir := fl.String("content", "", "handbook folder whose checker settings to use (default ./content when it exists, else the embedded handbook)")
	annotateDir := annotateFlag(fl)
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook check [--format text|json|csv] [--summary] [--content DIR] [--annotate DIR] FILE|DIR... | -")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Checks each written agreement or undertaking against the handbook's guidance.")
		fmt.Fprintln(fl.Output(), "Folders are searched for .txt, .md and .docx files; \"-\" reads standard input.")
		fmt.Fprintln(fl.Output(), "Exit status: 0 when every check is met and nothing is flagged, 1 when something needs work, 2 when an input cannot be read or is refused.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if *format != "text" && *format != "json" && *format != "csv" {
		fmt.Fprintf(stderr, "handbook check: --format must be text, json or csv, not %q\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "handbook check: name at least one file or folder, or - for standard input")
		fl.Usage()
		return exitUsage
	}
	settings, err := checkerSettings(*contentDir)
	if err != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		return exitUsage
	}
	opts := checker.Options{Settings: settings}

	files, errs := expandInputs(fl.Args())
	code := exitOK
	for _, err := range errs {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		code = exitUsage
	}
	read := func(name string) (string, *docx.Document, error) { return readCheckInput(name, checkStdin) }
	results := checkAll(files, read, opts)

	var reports [][]byte
	colour := useColour(stdout)
	printed := 0
	for _, res := range results {
		if res.err != nil {
			fmt.Fprintf(stderr, "handbook check: %s: %v\n", displayName(res.file), res.err)
			code = exitUsage
			continue
		}
		if c := reportExit(res.report); c > code && code != exitUsage {
			code = c
		}
		switch {
		case *format == "json":
			reports = append(reports, res.report.JSON())
		case *format == "text" && !*summary:
			if printed > 0 {
				fmt.Fprintln(stdout)
			}
			writeTextReport(stdout, displayName(res.file), res.report, res.doc, colour)
			printed++
		}
	}
	switch *format {
	case "json":
		if len(files) == 1 && fl.NArg() == 1 {
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
	case "csv":
		if err := writeCSV(stdout, results); err != nil {
			fmt.Fprintf(stderr, "handbook check: writing CSV: %v\n", err)
			return exitUsage
		}
	}
	if *annotateDir != "" && writeAnnotated(*annotateDir, results, opts, *contentDir, stderr) != exitOK {
		code = exitUsage
	}
	if *summary {
		// Totals go beside machine-readable output, not into it.
		w := stdout
		if *format != "text" {
			w = stderr
		}
		writeSummary(w, results)
	}
	return code
}

// checkerSettings loads the checker block of the handbook's settings, from
// the same content folder `handbook build` would use, so that the command
// and the handbook's checker page judge by the same rules.
func checkerSettings(dir string) (checker.Settings, error) {
	fsys, where, err := contentFS(dir)
	if err != nil {
		return checker.Settings{}, err
	}
	s, err := site.LoadSettings(fsys)
	if err != nil {
		return checker.Settings{}, fmt.Errorf("settings in %s: %w", where, err)
	}
	return s.Checker, nil
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
//
// For a Word document, a finding names its paragraph or table cell
// instead of a line and column of text the reader never saw.
func writeTextReport(w io.Writer, name string, r *checker.Report, doc *docx.Document, colour bool) {
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
		if doc != nil {
			where := fmt.Sprintf("line %d", f.Line)
			if p, ok := doc.PartAt(f.Start); ok {
				where = p.Label
			}
			fmt.Fprintf(w, "%s: %s: %s: %s [%s]\n", name, where, sev, f.Message, f.Rule)
			continue
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
