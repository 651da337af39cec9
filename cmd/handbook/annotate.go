package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"handbook/checker"
	"handbook/checker/docx"
	"handbook/checker/docx/annotate"
)

// annotateFlag adds check's --annotate DIR.
func annotateFlag(fl *flag.FlagSet) *string {
	return fl.String("annotate", "", "write a copy of each input to this folder as a Word document with the feedback as comments (name-feedback.docx)")
}

// annotateNow is the comments' date; tests fix it.
var annotateNow = time.Now

// writeAnnotated writes one annotated copy per checked input into dir,
// with guidance addresses under guidance (the handbook's address, or ""),
// keeping each input's folders below the current one, and returns the
// exit status it calls for: 2 when a copy cannot be made or written.
// A copy is written whole or not at all, and never over an input.
func writeAnnotated(dir string, results []checked, opts checker.Options, guidance string, stderr io.Writer) int {
	a := annotate.Options{Check: opts, Date: annotateNow().UTC().Format("2006-01-02T15:04:05Z"), Guidance: guidance}
	inputs := map[string]bool{}
	for _, res := range results {
		if abs, err := filepath.Abs(res.file); err == nil {
			inputs[abs] = true
		}
	}
	code := exitOK
	written := map[string]string{}
	for _, res := range results {
		if res.err != nil {
			continue // already reported
		}
		out := annotatedName(dir, res.file)
		err := func() error {
			if res.file == "-" {
				return errors.New("standard input cannot be annotated; name the file instead")
			}
			abs, err := filepath.Abs(out)
			if err != nil {
				return err
			}
			if inputs[abs] {
				return fmt.Errorf("%s is one of the inputs; choose another folder for --annotate", out)
			}
			if other, ok := written[abs]; ok {
				return fmt.Errorf("%s is already the copy of %s", out, other)
			}
			written[abs] = res.file
			data, err := os.ReadFile(res.file)
			if err != nil {
				return unwrapPathError(err)
			}
			var copy []byte
			if strings.EqualFold(filepath.Ext(res.file), ".docx") || docx.IsWordFile(data) {
				copy, err = annotate.Word(data, a)
			} else {
				copy, err = annotate.Text(string(data), a)
			}
			if err != nil {
				return err
			}
			return writeWhole(out, copy)
		}()
		if err != nil {
			fmt.Fprintf(stderr, "handbook check: %s: cannot write the annotated copy: %v\n", displayName(res.file), err)
			code = exitUsage
		}
	}
	return code
}

// annotatedName is where the copy of file goes: its folders (when below
// the current one) under dir, and its name with -feedback.docx.
func annotatedName(dir, file string) string {
	rel := filepath.Base(file)
	if filepath.IsLocal(file) {
		rel = filepath.Clean(file)
	}
	if file == "-" {
		rel = "stdin"
	}
	return filepath.Join(dir, strings.TrimSuffix(rel, filepath.Ext(rel))+"-feedback.docx")
}

// writeWhole writes through a temporary file and a rename, so that a
// failure leaves no half-written copy.
func writeWhole(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return unwrapPathError(err)
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".annotate-*.docx")
	if err != nil {
		return unwrapPathError(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return unwrapPathError(err)
	}
	return nil
}
