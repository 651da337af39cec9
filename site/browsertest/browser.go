package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumNames are tried in PATH, in order, after $CHROMIUM.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ChromiumPath returns the browser to drive: $CHROMIUM if set, else the
// first of chromium, chromium-browser and google-chrome found in PATH.
func ChromiumPath() (string, bool) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if path, err := exec.LookPath(p); err == nil {
			return path, true
		}
		return "", false
	}
	for _, name := range chromiumNames {
		if path, err := exec.LookPath(name); err == nil {
			return path, true
		}
	}
	return "", false
}

// InCI reports whether the tests run in CI, where missing tools fail the
// tests instead of skipping them.
func InCI() bool {
	return os.Getenv("CI") != ""
}

// SkipOrFail skips t, or fails it in CI, for a missing tool.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI is set, so this fails rather than skips)", msg)
	}
	t.Skip(msg)
}

// flags keep Chromium headless and off the network: without them it tries
// to reach hosts this machine cannot reach.
var flags = []chromedp.ExecAllocatorOption{
	chromedp.Headless,
	chromedp.DisableGPU,
	chromedp.NoFirstRun,
	chromedp.NoSandbox, // needed as root; harmless otherwise in a test container
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("no-default-browser-check", true),
	chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,OptimizationHints,MediaRouter"),
	chromedp.WindowSize(1280, 900),
}

var shared struct {
	mu          sync.Mutex
	allocCancel context.CancelFunc
	ctx         context.Context // the browser's first tab; parent of every test's tab
	cancel      context.CancelFunc
	err         error
}

// browser starts the shared browser on first use.
func browser(t testing.TB) context.Context {
	t.Helper()
	path, ok := ChromiumPath()
	if !ok {
		SkipOrFail(t, "no Chromium found (install Debian's chromium package, or set CHROMIUM)")
	}
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.ctx == nil && shared.err == nil {
		opts := append(chromedp.DefaultExecAllocatorOptions[:], flags...)
		opts = append(opts, chromedp.ExecPath(path))
		allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(allocCtx)
		// The first Run starts the browser and binds it to ctx: no timeout here.
		if err := chromedp.Do(ctx); err != nil {
			cancel()
			allocCancel()
			shared.err = fmt.Errorf("starting %s: %w", path, err)
		} else {
			shared.ctx, shared.cancel, shared.allocCancel = ctx, cancel, allocCancel
		}
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.ctx
}

// Close stops the shared browser, if one was started. Call it from
// TestMain after m.Run.
func Close() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.ctx == nil {
		return
	}
	tctx, cancel := context.WithTimeout(shared.ctx, 10*time.Second)
	defer cancel()
	_ = chromedp.Cancel(tctx)
	shared.cancel()
	shared.allocCancel()
	shared.ctx = nil
}

// Request is one network request the page made.
type Request struct {
	URL    string
	Method string
	Type   string // the resource type: Document, Script, Fetch, ...
	At     time.Time
}

// Tab is one browser tab for one test. Ctx is its chromedp context: pass
// it (or a context derived from it with a timeout) to chromedp.Run.
type Tab struct {
	Ctx context.Context

	mu       sync.Mutex
	requests []Request
	dialogs  []string
}

// NewTab opens a tab on the shared browser, starting the browser if
// needed, and records the tab's requests and dialogs until the test ends.
// JavaScript dialogs (alert, confirm) are dismissed and recorded, so a
// page that opens one does not hang the test.
func NewTab(t testing.TB) *Tab {
	t.Helper()
	parent := browser(t)
	ctx, cancel := chromedp.NewContext(parent)
	tab := &Tab{Ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(func() {
		tctx, tcancel := context.WithTimeout(ctx, 5*time.Second)
		defer tcancel()
		_ = chromedp.Cancel(tctx)
		cancel()
	})
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tab.mu.Lock()
			tab.requests = append(tab.requests, Request{URL: ev.Request.URL, Method: ev.Request.Method, Type: string(ev.Type), At: time.Now()})
			tab.mu.Unlock()
		case *page.EventJavascriptDialogOpening:
			tab.mu.Lock()
			tab.dialogs = append(tab.dialogs, string(ev.Type)+": "+ev.Message)
			tab.mu.Unlock()
			// Commands may not run inside the listener.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return tab
}

// Requests returns the requests the tab has made so far.
func (tab *Tab) Requests() []Request {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Request(nil), tab.requests...)
}

// Dialogs returns the JavaScript dialogs the page tried to open.
func (tab *Tab) Dialogs() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.dialogs...)
}

// Run runs one action on the tab with a time limit and returns its value.
func Run[T any](tab *Tab, timeout time.Duration, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(tab.Ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// Do runs actions on the tab, in order, with one time limit for them all.
func Do(tab *Tab, timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tab.Ctx, timeout)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// Patience is how long a browser test waits for something it expects to
// happen. Tests wait for conditions, never for a set time, so a generous
// limit costs nothing when all is well and keeps a busy shared machine
// from failing them.
const Patience = 2 * time.Minute
