package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"handbook/site/preview"
	"handbook/site/wasmbuild"
)

func init() {
	register(&command{name: "serve", summary: "preview the handbook with live reload while you edit", run: runServe})
}

// serveContext is the context serve runs under until Ctrl-C; tests replace
// it to stop the server.
var serveContext = context.Background

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	contentDir := fl.String("content", "", "handbook folder (default ./content when it exists, else the embedded handbook)")
	addr := fl.String("addr", "127.0.0.1:1313", "address to listen on; keep 127.0.0.1 unless others must see the preview")
	open := fl.Bool("open", false, "open the preview in the web browser")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: handbook serve [--content DIR] [--addr 127.0.0.1:1313] [--open]")
		fmt.Fprintln(fl.Output())
		fmt.Fprintln(fl.Output(), "Builds the handbook, serves it, and rebuilds after every save; open pages reload by themselves.")
		fmt.Fprintln(fl.Output())
		fl.PrintDefaults()
	}
	if code, done := parseFlags(fl, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook serve: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(serveContext(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fsys, where, closeContent, err := contentFS(*contentDir)
	if err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitUsage
	}
	defer closeContent()
	var watch []preview.WatchRoot
	dir := ""
	if where != "" && where[0] != '(' {
		// The server opens the folder itself, to open it again should
		// it be replaced while the preview runs.
		closeContent()
		fsys, dir = nil, where
		watch = append(watch, preview.WatchRoot{Dir: where})
		if mod, ok := wasmbuild.FindModuleRootFromWorkingDir(); ok {
			for _, dir := range []string{"checker", "wasm"} {
				if st, err := os.Stat(filepath.Join(mod, dir)); err == nil && st.IsDir() {
					watch = append(watch, preview.WatchRoot{Dir: filepath.Join(mod, dir), Label: dir, Checker: true})
				}
			}
		}
	} else {
		fmt.Fprintln(stderr, "note: serving the embedded handbook, which cannot change; use --content DIR to edit one")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintln(stderr, "another program (perhaps another handbook serve) is using that port; choose another with --addr 127.0.0.1:PORT")
		}
		return exitUsage
	}
	if everyInterface(ln.Addr()) {
		fmt.Fprintf(stderr, "warning: listening on every network interface (%s): anyone who can reach this machine can read the preview\n", *addr)
	}
	srv, err := preview.New(ctx, preview.Options{
		Content: fsys,
		Dir:     dir,
		Where:   where,
		Hosts:   namedHost(*addr),
		Watch:   watch,
		Checker: checkerLoader(stdout),
		Today:   time.Now().UTC().Format("2006-01-02"),
		Log:     stdout,
	})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitFail
	}
	url := "http://" + browsable(ln.Addr()) + "/"
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", where, url)
	if *open {
		openBrowser(url, stderr)
	}
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}

// namedHost is the host of --addr when it is a name rather than an
// address, for the preview's Host allowlist.
func namedHost(addr string) []string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" || net.ParseIP(host) != nil {
		return nil
	}
	return []string{host}
}

// everyInterface reports whether addr listens on 0.0.0.0 or [::].
func everyInterface(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsUnspecified()
}

// browsable is addr as a browser on this machine can reach it.
func browsable(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String()
	}
	if tcp.IP.IsUnspecified() {
		return fmt.Sprintf("127.0.0.1:%d", tcp.Port)
	}
	return tcp.String()
}

// openBrowser starts xdg-open when the machine has it; its exit is reaped
// in the background so no zombie is left.
func openBrowser(url string, stderr io.Writer) {
	path, err := exec.LookPath("xdg-open")
	if err != nil {
		fmt.Fprintln(stderr, "note: --open needs xdg-open, which was not found; open the address above yourself")
		return
	}
	cmd := exec.Command(path, url)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "note: could not open the browser: %v\n", err)
		return
	}
	go cmd.Wait()
}
