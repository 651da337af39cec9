package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"handbook/checker"
)

func init() {
	register(&command{name: "rules", summary: "list every check, flag and finding rule with its guidance link", run: runRules})
}

type ruleJSON struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Criterion string   `json:"criterion,omitempty"`
	Title     string   `json:"title"`
	Guidance  string   `json:"guidance"`
	AppliesTo []string `json:"applies_to,omitempty"`
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("rules", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text or json")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook rules [--format text|json]")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Lists every criterion, flag and finding rule the checker applies, with its guidance link.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook rules: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	rules := checker.Rules()
	switch *format {
	case "json":
		out := make([]ruleJSON, len(rules))
		for i, r := range rules {
			out[i] = ruleJSON{ID: r.ID, Kind: r.Kind, Criterion: r.Criterion, Title: r.Title, Guidance: r.Guidance, AppliesTo: r.AppliesTo}
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "handbook rules: %v\n", err)
			return exitFail
		}
		stdout.Write(append(b, '\n'))
	case "text":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tCRITERION\tGUIDANCE\tTITLE")
		for _, r := range rules {
			crit := r.Criterion
			if crit == "" {
				crit = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, crit, r.Guidance, r.Title)
		}
		tw.Flush()
	default:
		fmt.Fprintf(stderr, "handbook rules: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	return exitOK
}
