// Package browsertest is the shared harness for the handbook's browser
// tests: it drives Debian's headless Chromium through chromedp, serves a
// folder or an http.Handler on 127.0.0.1, records every network request a
// page makes, and runs axe-core on a page.
//
// One browser is shared by all the tests of a test binary (starting
// Chromium takes about a second); each test gets a tab of its own. Call
// Close from TestMain after m.Run.
//
// Without Chromium the tests skip, unless the CI environment variable is
// set: then a missing browser, or a missing axe-core, fails them. CI
// installs axe-core with npm into .ci/npm (see .ci/run).
package browsertest
