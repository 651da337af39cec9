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
	text   string         // the text checked, for the positions and quotes of the text output
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
	return checked{file: file, report: r, text: text, doc: doc}
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
