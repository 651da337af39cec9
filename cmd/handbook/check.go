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
	"handbook/checker/limits"
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
		b, err = readStdin(stdin)
	} else {
		b, err = readInputFile(name)
	}
	if err != nil {
		return "", nil, err
	}
	if strings.EqualFold(filepath.Ext(name), ".docx") || docx.IsWordFile(b) {
		doc, err := docx.Read(b, docx.Limits{MaxFileSize: limits.WordFileBytes, MaxUnpacked: limits.WordUnpackedBytes})
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
	summary := fl.Bool("summary", false, "print the files behind each flag, the checks most often missing and totals per check (instead of each report, for text)")
	verbose := fl.Bool("verbose", false, "text: also list the checks that are met and the notes on long sentences")
	answers := answerFlag{}
	fl.Var(answers, "answer", "the answer to a screening question, as `ID=yes` or ID=no (repeatable; see handbook rules for the ids)")
	contentDir := fl.String("content", "", "handbook folder whose checker settings to use (default ./content when it exists, else the embedded handbook)")
	annotateDir := annotateFlag(fl)
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook check [--format text|json|csv] [--summary] [--verbose] [--answer ID=yes|no]... [--content DIR] [--annotate DIR] FILE|DIR... | -")
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
	settings, err := handbookSettings(*contentDir)
	if err != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		return exitUsage
	}
	opts := checker.Options{Settings: settings.Checker, Answers: answers}
	style := textStyle{colour: useColour(stdout), verbose: *verbose}
	if strings.HasPrefix(settings.BaseURL, "http://") || strings.HasPrefix(settings.BaseURL, "https://") {
		style.guide = strings.TrimSuffix(settings.BaseURL, "/") + "/"
	}

	files, errs := expandInputs(fl.Args())
	code := exitOK
	for _, err := range errs {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		code = exitUsage
	}
	read := func(name string) (string, *docx.Document, error) { return readCheckInput(name, checkStdin) }
	results := checkAll(files, read, opts)

	var reports [][]byte
	var total tally
	refused := 0
	for _, res := range results {
		if res.err != nil {
			fmt.Fprintf(stderr, "handbook check: %s: %v\n", displayName(res.file), res.err)
			code = exitUsage
			refused++
			continue
		}
		if c := reportExit(res.report); c > code && code != exitUsage {
			code = c
		}
		switch {
		case *format == "json":
			reports = append(reports, res.report.JSON())
		case *format == "text" && !*summary:
			writeTextReport(stdout, displayName(res.file), res.text, res.report, res.doc, style, &total)
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
	case "text":
		if !*summary {
			writeTotal(stdout, total, refused)
		}
	case "csv":
		if err := writeCSV(stdout, results); err != nil {
			fmt.Fprintf(stderr, "handbook check: writing CSV: %v\n", err)
			return exitUsage
		}
	}
	if *annotateDir != "" && writeAnnotated(*annotateDir, results, opts, style.guide, stderr) != exitOK {
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

// handbookSettings loads the handbook's settings from the same content
// folder `handbook build` would use, so that the command and the
// handbook's checker page judge by the same rules, and guidance links can
// be full addresses when the handbook has one.
func handbookSettings(dir string) (site.Settings, error) {
	fsys, where, closeContent, err := contentFS(dir)
	if err != nil {
		return site.Settings{}, err
	}
	defer closeContent()
	s, err := site.LoadSettings(fsys)
	if err != nil {
		return site.Settings{}, fmt.Errorf("settings in %s: %w", where, err)
	}
	return s, nil
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
