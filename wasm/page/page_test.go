package page

import (
	"io/fs"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	for _, name := range []string{"checker.js", "checker-worker.js", "checker.css"} {
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(b) < 200 {
			t.Errorf("%s: %d bytes, want the real file", name, len(b))
		}
	}
}

// TestScriptsWriteNoHTML guards the rule that the draft and the report are
// written as text only: none of the ways to turn a string into markup or
// code appear in the page scripts.
func TestScriptsWriteNoHTML(t *testing.T) {
	banned := []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout(\"", "srcdoc"}
	for _, name := range []string{"checker.js", "checker-worker.js"} {
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range banned {
			if strings.Contains(string(b), s) {
				t.Errorf("%s uses %s", name, s)
			}
		}
	}
}
