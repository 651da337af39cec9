package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"handbook/content"
	"handbook/site/wasmbuild"
)

// sixWeeks is the default handbook's settings with a local authority's
// own rules: review every six weeks, a maximum length, a required
// signatory, an extra acronym and an extra vague term.
const sixWeeks = `title: Written agreements handbook
organisation: Ravensholt Children's Services
base_url: /
footer: Practice guidance for children's social care.
checker:
  review_within_weeks: 6
  max_length_months: 6
  required_signatories: [team manager]
  extra_acronyms: {PLO: Public Law Outline}
  vague_terms: [keep an eye on]
`

// TestCheckerFollowsSettings: with non-default settings, the page and the
// command give the same report, byte for byte, and the chapter that states
// the review interval says what the settings say.
func TestCheckerFollowsSettings(t *testing.T) {
	_, url := checkerSite(t, siteOptions{settings: sixWeeks})
	root := strings.TrimSuffix(url, handbookSite(t, siteKey{settings: sixWeeks}).checker) + "/"

	// The guidance follows the settings.
	tab := NewTab(t)
	if err := Do(tab, Patience, chromedp.Navigate(root+"good-written-agreements/")); err != nil {
		t.Fatal(err)
	}
	review := eval[string](t, tab, `(() => { const h = document.getElementById("review"); let s = ""; for (let n = h.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling) s += n.textContent + "\n"; return s; })()`)
	if !strings.Contains(review, "six weeks") || strings.Contains(review, "three months") {
		t.Errorf("good-written-agreements#review does not follow the settings (want six weeks):\n%s", review)
	}

	// The command, run as a user runs it, on the same handbook folder.
	dir := t.TempDir()
	writeContent(t, dir, sixWeeks)
	bin := buildCommand(t)
	drafts := map[string]string{"model-agreement.txt": modelAgreement(t)}
	for name, text := range samples(t) {
		drafts[name] = text
	}
	drafts["wrong-weekday.txt"] = strings.Replace(drafts["model-agreement.txt"], "This agreement starts on", "This agreement starts on Monday 3 March 2027. It was drafted on", 1)

	tab, _ = openChecker(t, url)
	for name, text := range drafts {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(dir, name)
			if err := os.WriteFile(file, []byte(textareaValue(text)), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "check", "--content", dir, "--format", "json", file)
			var out bytes.Buffer
			cmd.Stdout = &out
			if err := cmd.Run(); err != nil {
				if _, ok := err.(*exec.ExitError); !ok {
					t.Fatalf("handbook check: %v", err)
				}
			}
			want := reportOf(t, out.Bytes())

			paste(t, tab, text)
			got := eval[string](t, tab, `handbookChecker.report`)
			if got != want {
				t.Errorf("under the six-week settings the page's report differs from the command's\n got: %s\nwant: %s", got, want)
			}
			switch name {
			case "model-agreement.txt":
				// Its review date suits three months, not six weeks.
				var r struct {
					Criteria []struct{ ID, Status, Message string }
				}
				if err := json.Unmarshal([]byte(got), &r); err != nil {
					t.Fatal(err)
				}
				for _, c := range r.Criteria {
					if c.ID == "review" && (c.Status == "met" || !strings.Contains(c.Message, "within 6 weeks")) {
						t.Errorf("the model agreement's review under six weeks: got %s %q, want partly, naming 6 weeks", c.Status, c.Message)
					}
				}
			case "wrong-weekday.txt":
				fb := eval[string](t, tab, `document.getElementById("checker-results").innerText`)
				if !strings.Contains(fb, "3 March 2027 is a Wednesday") {
					t.Errorf("the page does not say that 3 March 2027 is a Wednesday:\n%s", fb)
				}
			}
		})
	}
}

// reportOf picks the one report out of `handbook check --format json`
// for a single file, in the checker's own bytes.
func reportOf(t *testing.T, out []byte) string {
	t.Helper()
	out = bytes.TrimSpace(out)
	var reports []json.RawMessage
	if len(out) > 0 && out[0] == '[' {
		if err := json.Unmarshal(out, &reports); err != nil || len(reports) != 1 {
			t.Fatalf("handbook check output: %v\n%s", err, out)
		}
		out = reports[0]
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(out, &obj); err != nil {
		t.Fatalf("handbook check output is not a report: %v\n%s", err, out)
	}
	if r, ok := obj["report"]; ok {
		return string(r)
	}
	return string(out)
}

// writeContent writes the default handbook into dir with settings as its
// handbook.yaml.
func writeContent(t *testing.T, dir, settings string) {
	t.Helper()
	names, _ := filepath.Glob("../../content/*.md")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "handbook.yaml"), []byte(settings), 0o644); err != nil {
		t.Fatal(err)
	}
}

// buildCommand builds cmd/handbook once for the test.
func buildCommand(t *testing.T) string {
	t.Helper()
	goTool, err := wasmbuild.FindGo("")
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(t.TempDir(), "handbook")
	cmd := exec.Command(goTool, "build", "-o", bin, "../../cmd/handbook")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the command: %v\n%s", err, b)
	}
	return bin
}

// modelAgreement is the model written agreement from the default handbook.
func modelAgreement(t *testing.T) string {
	t.Helper()
	b, err := content.FS.ReadFile("model-written-agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```agreement\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("model-written-agreement.md has no agreement block")
	}
	return string(m[1])
}
