package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"handbook/site"
)

func init() {
	register(&command{name: "status", summary: "list chapters with owner and review dates, overdue first", run: runStatus})
}

func runStatus(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("status", flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "", "handbook folder (default ./content when it exists, else the embedded handbook)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook status [--content DIR]")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Lists every chapter with its owner, last update and review date, overdue reviews first.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook status: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	fsys, where, closeContent, err := contentFS(*contentDir)
	if err != nil {
		fmt.Fprintf(stderr, "handbook status: %v\n", err)
		return exitUsage
	}
	defer closeContent()
	rows, err := site.Status(fsys, time.Now().UTC().Format("2006-01-02"))
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAPTER\tOWNER\tUPDATED\tREVIEW DUE\t")
	for _, r := range rows {
		due := r.ReviewDue
		if r.Overdue {
			due += " OVERDUE"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", r.File, r.Owner, r.Updated, due)
	}
	tw.Flush()
	if err != nil {
		var list site.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintln(stderr, prefixed(where, e))
			}
		} else {
			fmt.Fprintf(stderr, "handbook status: %v\n", err)
		}
		return exitFail
	}
	return exitOK
}
