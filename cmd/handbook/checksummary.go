package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"handbook/checker"
)

// summaryFilesShown is how many file names the summary lists under a flag
// or a criterion before it says how many more there are.
const summaryFilesShown = 5

// writeSummary prints what a team manager acts on across many files, in
// the guidance's own titles: which files raise each never-use situation,
// the criteria most often missing and the files missing them, then the
// count of met, partly and missing for every criterion.
func writeSummary(w io.Writer, results []checked) {
	kinds := map[string]int{}
	counts := map[string]map[string]int{} // criterion -> status -> files
	missingIn := map[string][]string{}    // criterion -> files where it is missing
	flagged := map[string][]string{}      // flag -> files raising it
	refused := 0
	for _, res := range results {
		if res.err != nil {
			refused++
			continue
		}
		kinds[res.report.Kind]++
		for _, c := range res.report.Criteria {
			if counts[c.ID] == nil {
				counts[c.ID] = map[string]int{}
			}
			counts[c.ID][c.Status]++
			if c.Status == checker.StatusMissing {
				missingIn[c.ID] = append(missingIn[c.ID], displayName(res.file))
			}
		}
		for _, f := range res.report.Flags {
			flagged[f.ID] = append(flagged[f.ID], displayName(res.file))
		}
	}
	var parts []string
	for _, k := range []struct {
		kind      string
		one, many string
	}{
		{checker.KindAgreement, "agreement", "agreements"},
		{checker.KindUndertaking, "undertaking", "undertakings"},
		{checker.KindSafetyPlan, "safety plan (not judged)", "safety plans (not judged)"},
		{checker.KindUnknown, "not recognised", "not recognised"},
	} {
		if n := kinds[k.kind]; n > 0 {
			parts = append(parts, plural(n, k.one, k.many))
		}
	}
	if refused > 0 {
		parts = append(parts, plural(refused, "could not be read", "could not be read"))
	}
	fmt.Fprintf(w, "%s checked: %s.\n", plural(len(results), "file", "files"), strings.Join(parts, ", "))

	rules := checker.Rules()
	fmt.Fprintln(w)
	total := 0
	for _, files := range flagged {
		total += len(files)
	}
	if total == 0 {
		fmt.Fprintln(w, "No situation where a written agreement should not be used was found.")
	} else {
		fmt.Fprintln(w, "Situations where a written agreement should not be used:")
		for _, r := range rules {
			if files := flagged[r.ID]; r.Kind == checker.RuleFlag && len(files) > 0 {
				fmt.Fprintf(w, "  %s: %s\n", r.Title, plural(len(files), "file", "files"))
				writeFileNames(w, files)
			}
		}
	}

	type gap struct {
		rule             checker.Rule
		missing, applies int
	}
	var gaps []gap
	for _, r := range rules {
		if r.Kind == checker.RuleCriterion && counts[r.ID][checker.StatusMissing] > 0 {
			c := counts[r.ID]
			gaps = append(gaps, gap{r, c[checker.StatusMissing], c[checker.StatusMet] + c[checker.StatusPartly] + c[checker.StatusMissing]})
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		return gaps[i].missing*gaps[j].applies > gaps[j].missing*gaps[i].applies
	})
	if len(gaps) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Most often missing:")
		for _, g := range gaps[:min(5, len(gaps))] {
			fmt.Fprintf(w, "  %s: missing in %d of %d (%s)\n", g.rule.Title, g.missing, g.applies, pct(g.missing, g.applies))
			writeFileNames(w, missingIn[g.rule.ID])
		}
	}

	header := false
	for _, r := range rules {
		c := counts[r.ID]
		if r.Kind != checker.RuleCriterion || c == nil {
			continue
		}
		if !header {
			fmt.Fprintln(w)
			fmt.Fprintln(w, "Every check, over the files it applies to:")
			fmt.Fprintf(w, "  %6s %6s %7s  %s\n", "met", "partly", "missing", "check")
			header = true
		}
		fmt.Fprintf(w, "  %6d %6d %7d  %s\n", c[checker.StatusMet], c[checker.StatusPartly], c[checker.StatusMissing], r.Title)
	}
}

// writeFileNames lists the first few files, then how many more there are.
func writeFileNames(w io.Writer, files []string) {
	for _, f := range files[:min(summaryFilesShown, len(files))] {
		fmt.Fprintf(w, "      %s\n", f)
	}
	if more := len(files) - summaryFilesShown; more > 0 {
		fmt.Fprintf(w, "      and %d more\n", more)
	}
}

func pct(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", (n*100+of/2)/of)
}
