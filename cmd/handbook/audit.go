package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"handbook/checker"
	"handbook/checker/docx"
	"handbook/site"
)

// auditExts are the files a folder given to `handbook check` is searched for.
var auditExts = []string{".txt", ".md", ".docx"}

// expandInputs turns the command's arguments into a list of files: files
// are kept as given, folders are searched recursively for agreements, in
// lexical order so that output is stable. A folder that cannot be read is
// an error naming it.
func expandInputs(args []string) ([]string, []error) {
	var files []string
	var errs []error
	stdin := false
	for _, a := range args {
		if a == "-" {
			// Two readers of one standard input would each get part of it.
			if stdin {
				errs = append(errs, errStdinTwice)
				continue
			}
			stdin = true
			files = append(files, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			files = append(files, a) // reading it reports any problem
			continue
		}
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != a && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				return nil // hidden files and Word's lock files
			}
			if !d.Type().IsRegular() && slices.Contains(auditExts, strings.ToLower(filepath.Ext(name))) {
				// A link found in a folder is not followed: it could lead
				// anywhere, /dev/zero included.
				errs = append(errs, fmt.Errorf("%s: not an ordinary file (%s); name it on the command line to check it", path, site.FileKind(d.Type())))
				return nil
			}
			if slices.Contains(auditExts, strings.ToLower(filepath.Ext(name))) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, err))
		}
	}
	return files, errs
}

// checked is the outcome for one input: a report, or the reason it was
// refused.
type checked struct {
	file   string
	report *checker.Report
	doc    *docx.Document // the Word document's parts, when the input was one
	err    error
}

// checkAll reads and checks every file on all cores, keeping the input
// order in the result.
func checkAll(files []string, read func(string) (string, *docx.Document, error), opts checker.Options) []checked {
	out := make([]checked, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = checkOne(files[i], read, opts)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func checkOne(file string, read func(string) (string, *docx.Document, error), opts checker.Options) checked {
	text, doc, err := read(file)
	if err != nil {
		return checked{file: file, err: err}
	}
	r, err := checker.Check(text, opts)
	if err != nil {
		return checked{file: file, err: err}
	}
	return checked{file: file, report: r, doc: doc}
}

// criterionIDs are every criterion in report order, for the CSV columns.
func criterionIDs() []string {
	var ids []string
	for _, r := range checker.Rules() {
		if r.Kind == checker.RuleCriterion {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// writeCSV writes one row per file: file, kind, each criterion's status
// (empty where it does not apply), the flags raised, and any error.
func writeCSV(w io.Writer, results []checked) error {
	ids := criterionIDs()
	cw := csv.NewWriter(w)
	header := append([]string{"file", "kind"}, ids...)
	header = append(header, "flags", "error")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, res := range results {
		row := make([]string, 0, len(header))
		row = append(row, res.file)
		if res.err != nil {
			row = append(row, "")
			row = append(row, make([]string, len(ids)+1)...)
			row = append(row, res.err.Error())
			if err := cw.Write(row); err != nil {
				return err
			}
			continue
		}
		row = append(row, res.report.Kind)
		status := map[string]string{}
		for _, c := range res.report.Criteria {
			status[c.ID] = c.Status
		}
		for _, id := range ids {
			row = append(row, status[id])
		}
		var flags []string
		for _, f := range res.report.Flags {
			flags = append(flags, f.ID)
		}
		row = append(row, strings.Join(flags, " "), "")
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeSummary prints totals across all files: per criterion, how many of
// the documents it applies to have it met, partly or missing; per flag, how
// many raise it; and how many files were refused.
func writeSummary(w io.Writer, results []checked) {
	kinds := map[string]int{}
	counts := map[string]map[string]int{}
	applies := map[string]int{}
	flags := map[string]int{}
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
			applies[c.ID]++
		}
		for _, f := range res.report.Flags {
			flags[f.ID]++
		}
	}
	judged := len(results) - refused
	fmt.Fprintf(w, "Summary of %d file(s): %d agreement(s), %d undertaking(s), %d safety plan(s), %d not recognised, %d refused\n",
		len(results), kinds[checker.KindAgreement], kinds[checker.KindUndertaking], kinds[checker.KindSafetyPlan], kinds[checker.KindUnknown], refused)
	if judged == 0 {
		return
	}
	writeMostMissing(w, counts, applies)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-16s %8s %8s %8s %8s\n", "criterion", "judged", "met", "partly", "missing")
	for _, r := range checker.Rules() {
		n := applies[r.ID]
		if r.Kind != checker.RuleCriterion || n == 0 {
			continue
		}
		c := counts[r.ID]
		fmt.Fprintf(w, "%-16s %8d %8s %8s %8s\n", r.ID, n, pct(c[checker.StatusMet], n), pct(c[checker.StatusPartly], n), pct(c[checker.StatusMissing], n))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-24s %8s\n", "flag", "raised")
	for _, r := range checker.Rules() {
		if r.Kind != checker.RuleFlag {
			continue
		}
		fmt.Fprintf(w, "%-24s %8s\n", r.ID, pct(flags[r.ID], judged))
	}
}

func pct(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", (n*100+of/2)/of)
}

// writeMostMissing leads the summary with what a team manager acts on:
// the criteria most often missing outright, in words ("62% missing: Clear
// about when it will be reviewed").
func writeMostMissing(w io.Writer, counts map[string]map[string]int, applies map[string]int) {
	type gap struct {
		rule    checker.Rule
		missing int
	}
	var gaps []gap
	for _, r := range checker.Rules() {
		if r.Kind == checker.RuleCriterion && counts[r.ID][checker.StatusMissing] > 0 {
			gaps = append(gaps, gap{r, counts[r.ID][checker.StatusMissing]})
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		return gaps[i].missing*applies[gaps[j].rule.ID] > gaps[j].missing*applies[gaps[i].rule.ID]
	})
	if len(gaps) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Most often missing:")
	for _, g := range gaps[:min(5, len(gaps))] {
		fmt.Fprintf(w, "  %4s of %d: %s\n", pct(g.missing, applies[g.rule.ID]), applies[g.rule.ID], g.rule.Title)
	}
}
