package site_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"handbook/site"
	"handbook/site/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) {
	code := m.Run()
	browsertest.Close()
	os.Exit(code)
}

// serveFixture builds the test handbook and serves it on 127.0.0.1.
func serveFixture(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	res, err := site.NewBuilder(site.Options{Content: os.DirFS("testdata/handbook"), BaseURL: "/", Today: "2026-11-22",
		CheckerUnavailable: "not built in tests"}).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() + "/public"
	if err := res.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

func call(f func(ctx context.Context, tgt *chromedp.Target) error) chromedp.Action[chromedp.Void] {
	return chromedp.Func(f)
}

// TestThemeInBrowser opens each page type: axe-core finds nothing, every
// request stays on this host, and no /favicon.ico is asked for.
func TestThemeInBrowser(t *testing.T) {
	base := serveFixture(t)
	for _, page := range []string{"/", "/using/", "/glossary/", "/checker/", "/practice/", "/practice/reviews/", "/404.html"} {
		t.Run(page, func(t *testing.T) {
			t.Parallel() // a tab each; nothing here needs the keyboard's focus
			tab := browsertest.NewTab(t)
			if err := browsertest.Do(tab, browsertest.Patience, chromedp.Navigate(base+page)); err != nil {
				t.Fatal(err)
			}
			for _, v := range tab.Axe(t) {
				t.Errorf("axe: %s", v)
			}
			for _, r := range tab.Requests() {
				if !strings.HasPrefix(r.URL, base) && !strings.HasPrefix(r.URL, "data:") {
					t.Errorf("request to another host: %s", r.URL)
				}
				if strings.HasSuffix(r.URL, "/favicon.ico") {
					t.Error("the browser asked for /favicon.ico: no icon declared")
				}
			}
		})
	}
}

// TestChapterWithoutScriptAt320px: with JavaScript off and a 320 px screen,
// a chapter shows its navigation, contents and metadata, and nothing makes
// the page scroll sideways.
func TestChapterWithoutScriptAt320px(t *testing.T) {
	base := serveFixture(t)
	tab := browsertest.NewTab(t)
	err := browsertest.Do(tab, browsertest.Patience,
		call(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		call(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true})
			return err
		}),
		chromedp.Navigate(base+"/using/"),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, sel := range []string{".side-nav", ".contents", ".metadata-summary", ".breadcrumbs", ".pagination", "h1"} {
		shown, err := browsertest.Run(tab, browsertest.Patience, chromedp.Evaluate[bool](
			`(() => { const e = document.querySelector("`+sel+`"); return !!e && e.getClientRects().length > 0 })()`))
		if err != nil || !shown {
			t.Errorf("%s not shown (%v)", sel, err)
		}
	}
	wide, err := browsertest.Run(tab, browsertest.Patience, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || wide > 320 {
		t.Errorf("page is %d px wide at a 320 px screen (%v)", wide, err)
	}
}
