package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"handbook/site/wasmbuild"
)

// AxeViolation is one rule axe-core found broken, with the elements that
// break it.
type AxeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []AxeNode `json:"nodes"`
}

// AxeNode is one element that breaks a rule.
type AxeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %s: %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// AxePath returns where axe.min.js is: $AXE_CORE if set, else
// .ci/npm/node_modules/axe-core/axe.min.js in the module root.
func AxePath() (string, bool) {
	if p := os.Getenv("AXE_CORE"); p != "" {
		_, err := os.Stat(p)
		return p, err == nil
	}
	root, ok := wasmbuild.FindModuleRootFromWorkingDir()
	if !ok {
		return "", false
	}
	p := filepath.Join(root, ".ci", "npm", "node_modules", "axe-core", "axe.min.js")
	_, err := os.Stat(p)
	return p, err == nil
}

// Axe runs axe-core on the tab's page and returns the violations. The
// script goes in through the DevTools protocol (Runtime.evaluate), which a
// page's Content Security Policy does not block, so the page is audited
// exactly as served.
func (tab *Tab) Axe(t testing.TB) []AxeViolation {
	t.Helper()
	path, ok := AxePath()
	if !ok {
		SkipOrFail(t, "axe-core not found: run npm install --no-save --no-package-lock --prefix .ci/npm axe-core")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(tab, Patience, chromedp.Evaluate[chromedp.Void](string(src)+"\n;void 0")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	const run = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || ""}))
	})))`
	v, err := Run(tab, Patience, chromedp.Evaluate[[]AxeViolation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return v
}
