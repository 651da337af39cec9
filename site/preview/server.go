package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"handbook/site"
)

// Options configure a Server.
type Options struct {
	Content fs.FS // the handbook folder to build, when Dir is ""
	// Dir is the handbook folder on disk. The server opens it as an
	// os.Root (so nothing outside it can be read) and opens it again when
	// the folder is replaced, as by a checkout or a restore; while it is
	// missing the pages and the terminal say so.
	Dir   string
	Where string // how to name the content folder in messages ("content")
	// Watch lists the folders whose changes trigger a rebuild: the content
	// folder, and inside the handbook's own repository checker/ and wasm/.
	// Empty means build once and never rebuild (the embedded handbook).
	Watch []WatchRoot
	// Checker compiles the in-page checker; nil leaves it out. It is called
	// at start and again after a change under a Checker root.
	Checker func(ctx context.Context) (files map[string][]byte, unavailable string, err error)
	Today   string        // YYYY-MM-DD, for overdue-review warnings
	Quiet   time.Duration // lull before a rebuild; DefaultQuiet when 0
	Log     io.Writer     // one line per rebuild; io.Discard when nil
	// Hosts are host names, beside loopback names and IP addresses, that
	// requests may name in their Host header: the --addr given. Any other
	// is refused, so that a web page elsewhere cannot read the preview by
	// pointing a name of its own at 127.0.0.1 (DNS rebinding).
	Hosts []string
}

// state is one build as served: swapped whole, never changed in place.
type state struct {
	files  map[string][]byte // the last good site (a placeholder if none yet)
	errors []*site.Error     // the last build's errors; nil when it succeeded
	good   bool              // files is a real build, not the placeholder
	csp    string
	seq    int    // counts builds, good or bad
	build  string // names this build for the pages: the server's id and seq
}

// Server builds, watches and serves one handbook.
type Server struct {
	opts    Options
	hub     *Hub
	watcher *watcher // nil when nothing is watched; Run closes it
	id      string   // tells this run of the server from the one before
	current atomic.Pointer[state]
	logMu   sync.Mutex

	// Touched only by the rebuild goroutine (and New, before it starts).
	fsys         fs.FS       // what is built: Options.Content, or root's
	root         *os.Root    // Options.Dir, opened
	rootInfo     os.FileInfo // which folder root is, to notice its replacement
	builder      *site.Builder
	checkerFiles map[string][]byte
	unavailable  string
	warned       string // the warnings last printed, so unchanged ones are not repeated
}

// New starts watching and builds the handbook once. A content error is not
// fatal: the server starts, shows the errors, and rebuilds when they are
// fixed. Call Run to serve (it also releases the watcher).
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Content == nil && opts.Dir == "" {
		return nil, errors.New("preview: no content folder given")
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, hub: NewHub(), id: strconv.FormatInt(time.Now().UnixNano(), 36), fsys: opts.Content}
	s.current.Store(&state{files: placeholder(), csp: defaultCSP})
	if len(opts.Watch) > 0 {
		// Watch before the first build, so a save made while it runs is
		// not lost.
		w, err := newWatcher(opts.Watch, s.logf)
		if err != nil {
			return nil, err
		}
		s.watcher = w
	}
	s.compileChecker(ctx)
	s.newBuilder()
	if opts.Where != "" {
		s.logf("building the handbook from %s…", opts.Where)
	}
	s.rebuild(ctx, Batch{})
	return s, nil
}

// Hub returns the server's event hub.
func (s *Server) Hub() *Hub { return s.hub }

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}

func (s *Server) compileChecker(ctx context.Context) {
	if s.opts.Checker == nil {
		s.checkerFiles, s.unavailable = nil, "the preview was started without the checker"
		return
	}
	// The Checker function says what it does and how long it takes:
	// only it knows whether it compiled anything.
	files, unavailable, err := s.opts.Checker(ctx)
	if err != nil {
		s.logf("warning: checker page: %v", err)
	}
	if files == nil && s.checkerFiles != nil && err != nil {
		// Keep the last checker that compiled; the warning says why.
		return
	}
	s.checkerFiles, s.unavailable = files, unavailable
}

// openContent makes sure s.fsys is the content folder now at Options.Dir,
// opening it again (with a fresh builder) when the folder has been
// replaced since the last build. It says so when the folder is missing.
func (s *Server) openContent() error {
	if s.opts.Dir == "" {
		return nil
	}
	st, err := os.Stat(s.opts.Dir)
	if err != nil || !st.IsDir() {
		return fmt.Errorf("the content folder %s is missing; the preview will rebuild when it is back", s.opts.Dir)
	}
	if s.root != nil && os.SameFile(st, s.rootInfo) {
		return nil
	}
	root, err := os.OpenRoot(s.opts.Dir)
	if err != nil {
		return fmt.Errorf("opening the content folder: %w", err)
	}
	if s.root != nil {
		s.root.Close()
	}
	s.root, s.rootInfo, s.fsys = root, st, root.FS()
	s.newBuilder()
	return nil
}

// newBuilder starts a fresh builder (and so a fresh render cache); needed
// when the checker files change, since they are fixed per builder.
func (s *Server) newBuilder() {
	s.builder = site.NewBuilder(site.Options{
		Content:            s.fsys,
		BaseURL:            "/", // served at the root, whatever base_url says
		LiveReload:         true,
		CheckerFiles:       s.checkerFiles,
		CheckerUnavailable: s.unavailable,
		Today:              s.opts.Today,
	})
}

// Run serves on ln and rebuilds on changes until ctx ends, then shuts down
// the HTTP server, the watcher, the hub and every event stream, and
// returns once all its goroutines have stopped.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if w := s.watcher; w != nil {
		batches := make(chan Batch)
		wg.Add(2)
		go func() { defer wg.Done(); w.run(ctx, s.opts.Quiet, batches) }()
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case b := <-batches:
					s.rebuild(ctx, b)
				}
			}
		}()
	}
	srv := s.httpServer()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	}
	cancel()
	// Event streams never go idle: end them first, or Shutdown would wait.
	s.hub.Close()
	sctx, scancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer scancel()
	if serr := srv.Shutdown(sctx); serr != nil {
		srv.Close()
	}
	if err == nil {
		err = <-serveErr
	}
	wg.Wait()
	if s.root != nil {
		s.root.Close()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// httpServer is the preview's HTTP server. Idle keep-alive connections are
// closed after a while, so that a page (or anything else) cannot hold
// thousands of them open.
func (s *Server) httpServer() *http.Server {
	return &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 30 * time.Second}
}
