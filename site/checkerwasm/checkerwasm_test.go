package checkerwasm

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handbook/site/wasmbuild"
)

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, ok := wasmbuild.FindModuleRootFromWorkingDir()
	if !ok {
		t.Fatal("not inside the handbook module")
	}
	return root
}

// TestEmbeddedCheckerIsCurrent fails when checker/ or wasm/ changed and
// the embedded module was not regenerated.
func TestEmbeddedCheckerIsCurrent(t *testing.T) {
	hash, err := wasmbuild.SourceHash(moduleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	if hash != SourceHash() {
		t.Fatalf("the checker embedded in site/checkerwasm is stale: it was built from sources %s, but checker/, wasm/ and go.mod now hash to %s. "+
			"Regenerate it, from the module's root, and commit the three files it writes:\n\n\t%s\n", SourceHash(), hash, Regenerate)
	}
}

// TestEmbeddedFiles: the module is WebAssembly and the glue is Go's.
func TestEmbeddedFiles(t *testing.T) {
	files := Files()
	if w := files[wasmbuild.WasmFile]; !bytes.HasPrefix(w, []byte("\x00asm")) {
		t.Errorf("%s is not a WebAssembly module (%d bytes)", wasmbuild.WasmFile, len(w))
	}
	if g := files[wasmbuild.GlueFile]; !bytes.Contains(g, []byte("globalThis.Go")) {
		t.Errorf("%s is not Go's wasm_exec.js (%d bytes)", wasmbuild.GlueFile, len(g))
	}
	if !strings.HasPrefix(Toolchain(), "go1.") || len(SourceHash()) != 32 {
		t.Errorf("source.txt: toolchain %q, sources %q", Toolchain(), SourceHash())
	}
}

// TestWasmImportsOnlyStandardLibrary holds the module to the standard
// library and this module's checker, which is why SourceHash can leave
// out go.sum and go.mod's requirements.
func TestWasmImportsOnlyStandardLibrary(t *testing.T) {
	goTool, err := wasmbuild.FindGo("")
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./wasm")
	cmd.Dir = moduleRoot(t)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "handbook/wasm" && p != "handbook/checker" && !strings.HasPrefix(p, "handbook/checker/") {
			t.Errorf("wasm/ depends on %s: the checker must use the standard library only (and wasmbuild.SourceHash would miss it)", p)
		}
	}
}

// TestLoad: outside a checkout, and in one whose sources match, the
// embedded checker; in one whose sources differ, a compiled one.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	t.Run("outside a checkout", func(t *testing.T) {
		c, err := Load(ctx, Options{Dir: t.TempDir()})
		if err != nil || !c.Embedded || c.SourceHash != SourceHash() {
			t.Fatalf("got %+v, %v; want the embedded checker", c, err)
		}
	})
	t.Run("matching checkout", func(t *testing.T) {
		if hash, _ := wasmbuild.SourceHash(moduleRoot(t)); hash != SourceHash() {
			t.Skip("the embedded checker is stale (TestEmbeddedCheckerIsCurrent says what to do)")
		}
		steps := 0
		c, err := Load(ctx, Options{Step: func(string) func(string) { steps++; return func(string) {} }})
		if err != nil || !c.Embedded || steps != 0 {
			t.Fatalf("got embedded %v, %d steps, %v; want the embedded checker and no compile", c.Embedded, steps, err)
		}
	})
	t.Run("checkout without a toolchain", func(t *testing.T) {
		dir := t.TempDir()
		for _, f := range []string{"go.mod", "wasm/main.go", "checker/doc.go"} {
			p := filepath.Join(dir, f)
			os.MkdirAll(filepath.Dir(p), 0o755)
			src := "package x\n"
			if f == "go.mod" {
				src = "module handbook\n\ngo 1.26\n"
			}
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Setenv("PATH", t.TempDir())
		var said []string
		c, err := Load(ctx, Options{Dir: filepath.Join(dir, "checker"), Step: func(what string) func(string) {
			said = append(said, what)
			return func(result string) { said = append(said, result) }
		}})
		if c == nil || !c.Embedded || err == nil || !strings.Contains(err.Error(), Regenerate) {
			t.Fatalf("got %+v, %v; want the embedded checker and a warning naming %q", c, err, Regenerate)
		}
		if len(said) != 2 || !strings.Contains(said[0], "compiling the checker") {
			t.Errorf("steps said %q, want the compile announced and its end", said)
		}
	})
}
