package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"handbook/content"
	"handbook/site"
)

func init() {
	register(&command{name: "build", summary: "build the handbook into a static website", run: runBuild})
}

// contentFS returns the content folder: dir when given, else ./content
// when it exists, else the handbook embedded in the binary. A folder on
// disk is opened as an os.Root, so that nothing outside it can be read
// through it, whatever links it holds; close releases it.
func contentFS(dir string) (fsys fs.FS, where string, close func(), err error) {
	if dir == "" {
		if st, err := os.Stat("content"); err != nil || !st.IsDir() {
			return content.FS, "(embedded handbook)", func() {}, nil
		}
		dir = "content"
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", nil, err
	}
	if !st.IsDir() {
		return nil, "", nil, fmt.Errorf("%s is not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", nil, err
	}
	return root.FS(), dir, func() { root.Close() }, nil
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "", "handbook folder (default ./content when it exists, else the embedded handbook)")
	out := fl.String("out", "public", "output folder")
	baseURL := fl.String("base-url", "", "base URL, overriding base_url in handbook.yaml")
	strict := fl.Bool("strict", false, "treat warnings, such as overdue reviews, as errors")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook build [--content DIR] [--out DIR] [--base-url URL] [--strict]")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Builds the handbook into a static website, replacing the output folder only when the build succeeds.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook build: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	start := time.Now()
	fsys, where, closeContent, err := contentFS(*contentDir)
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitUsage
	}
	defer closeContent()
	if where[0] != '(' {
		if err := outsideContent(*out, where); err != nil {
			fmt.Fprintf(stderr, "handbook build: %v\n", err)
			return exitUsage
		}
	}
	// Refused before the build, which takes a while, rather than after.
	if err := site.Replaceable(filepath.Clean(*out)); err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitUsage
	}
	wasmFiles, unavailable, err := checkerLoader(stdout)(context.Background())
	if err != nil {
		// Not fatal: the rest of the handbook is still worth building.
		fmt.Fprintf(stderr, "warning: checker page: %v\n", err)
	}
	b := site.NewBuilder(site.Options{
		Content:            fsys,
		BaseURL:            *baseURL,
		Strict:             *strict,
		CheckerFiles:       wasmFiles,
		CheckerUnavailable: unavailable,
		Today:              time.Now().UTC().Format("2006-01-02"),
	})
	done := stepper(stdout)("building the handbook from " + where)
	res, err := b.Build(context.Background())
	if err != nil {
		done("failed")
		var list site.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintf(stderr, "%s\n", prefixed(where, e))
			}
			fmt.Fprintf(stderr, "handbook build: %d error(s); %s left unchanged\n", len(list), *out)
			return exitFail
		}
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitFail
	}
	done(fmt.Sprintf("%d pages", res.Pages))
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", prefixed(where, w))
	}
	done = stepper(stdout)("writing " + filepath.ToSlash(filepath.Clean(*out)) + "/")
	if err := res.WriteDir(*out); err != nil {
		done("failed")
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitFail
	}
	done(fmt.Sprintf("%d files", len(res.Files)))
	fmt.Fprintf(stdout, "built %d pages in %s → %s/\n", res.Pages, time.Since(start).Round(time.Millisecond), filepath.ToSlash(filepath.Clean(*out)))
	return exitOK
}

// outsideContent refuses an output folder that is the content folder, is
// inside it or holds it: writing the site replaces the output folder whole.
func outsideContent(out, content string) error {
	o, err := resolved(out)
	if err != nil {
		return err
	}
	c, err := resolved(content)
	if err != nil {
		return err
	}
	if within(o, c) || within(c, o) {
		return fmt.Errorf("--out %s overlaps the content folder %s; the build replaces --out whole, so choose a folder outside it", out, content)
	}
	return nil
}

// resolved is path made absolute, with links resolved as far as it
// exists (an output folder may not exist yet).
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within reports whether path a is b or inside it.
func within(a, b string) bool {
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// prefixed names a content error with the content folder, so the path can
// be opened from the shell.
func prefixed(where string, e *site.Error) string {
	if where == "" || where[0] == '(' || e.File == "" {
		return e.Error()
	}
	c := *e
	c.File = filepath.ToSlash(filepath.Join(where, e.File))
	return c.Error()
}

// parseFlags parses a subcommand's flags: --help prints the usage to stdout
// (exit 0); a bad flag prints the problem and usage to stderr (exit 2).
func parseFlags(fl *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, done bool) {
	fl.SetOutput(io.Discard)
	err := fl.Parse(args)
	switch {
	case err == nil:
		fl.SetOutput(stderr)
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(stdout)
		fl.Usage()
		return exitOK, true
	default:
		fl.SetOutput(stderr)
		fmt.Fprintf(stderr, "handbook %s: %v\n", fl.Name(), err)
		fl.Usage()
		return exitUsage, true
	}
}
