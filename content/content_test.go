package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"handbook/checker"
)

// modelDocument is a fenced block that shows a document: ```agreement,
// ```undertaking, or ```agreement weak for a deliberately poor draft.
type modelDocument struct {
	file string
	line int
	kind string // "agreement" or "undertaking"
	weak bool
	text string
}

func modelDocuments(t *testing.T) []modelDocument {
	t.Helper()
	var docs []modelDocument
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := fs.ReadFile(FS, path)
		if err != nil {
			return err
		}
		doc := goldmark.DefaultParser().Parse(text.NewReader(src))
		return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			block, ok := n.(*ast.FencedCodeBlock)
			if !entering || !ok || block.Info == nil {
				return ast.WalkContinue, nil
			}
			info := strings.Fields(string(block.Info.Segment.Value(src)))
			if len(info) == 0 || (info[0] != "agreement" && info[0] != "undertaking") {
				return ast.WalkContinue, nil
			}
			var body strings.Builder
			lines := block.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				body.Write(seg.Value(src))
			}
			start := 0
			if lines.Len() > 0 {
				start = lines.At(0).Start
			}
			docs = append(docs, modelDocument{
				file: path,
				line: bytes.Count(src[:start], []byte("\n")) + 1,
				kind: info[0],
				weak: len(info) > 1 && info[1] == "weak",
				text: body.String(),
			})
			return ast.WalkContinue, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestModelDocuments runs the checker over the handbook's own model
// documents: a model must pass every check that applies to it, and a weak
// draft must fail the checks it is there to illustrate.
func TestModelDocuments(t *testing.T) {
	docs := modelDocuments(t)
	var models, weak int
	for _, d := range docs {
		name := d.file + ":" + strconv.Itoa(d.line)
		t.Run(name, func(t *testing.T) {
			r, err := checker.Check(d.text, checker.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind != d.kind {
				t.Fatalf("kind: got %s, want %s", r.Kind, d.kind)
			}
			if d.weak {
				weak++
				status := map[string]string{}
				for _, c := range r.Criteria {
					status[c.ID] = c.Status
				}
				for _, id := range []string{"specific", "consequences", "balanced"} {
					if status[id] == checker.StatusMet {
						t.Errorf("weak draft: %s is met; the worked example says it fails", id)
					}
				}
				return
			}
			models++
			for _, c := range r.Criteria {
				if c.Status != checker.StatusMet && c.Status != checker.StatusNotApplicable {
					t.Errorf("%s: %s (%s)", c.ID, c.Status, c.Message)
				}
			}
			for _, f := range r.Flags {
				t.Errorf("flag raised: %s", f.ID)
			}
		})
	}
	if models < 3 || weak < 1 {
		t.Errorf("found %d model documents and %d weak drafts; want the model agreement, the model undertaking, the worked example's rewrite and its weak draft", models, weak)
	}
}

// TestNoCopiedSentences enforces the project's rule that facts carry over
// from the source guidance but sentences do not: no run of ten words in a
// chapter may match the seed documents. The seeds live outside the
// repository, so the test skips where they are absent.
func TestNoCopiedSentences(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("no seed documents beside the repository")
	}
	const n = 10
	grams := map[string]string{}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			grams[strings.Join(w[i:i+n], " ")] = filepath.Base(s)
		}
	}
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS, path)
		if err != nil {
			return err
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			if seed, ok := grams[strings.Join(w[i:i+n], " ")]; ok {
				t.Errorf("%s: %q is copied from %s", path, strings.Join(w[i:i+n], " "), seed)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var wordPattern = regexp.MustCompile(`[a-z0-9']+`)

func words(s string) []string {
	return wordPattern.FindAllString(strings.ReplaceAll(strings.ToLower(s), "\u2019", "'"), -1)
}
