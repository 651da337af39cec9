package wasmbuild

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyModule copies what the module build needs into a temporary folder,
// so a test can change a source without touching the checkout.
func copyModule(t *testing.T) string {
	t.Helper()
	src, ok := FindModuleRootFromWorkingDir()
	if !ok {
		t.Fatal("not inside the handbook module")
	}
	dst := t.TempDir()
	copyFile := func(rel string) {
		b, err := os.ReadFile(filepath.Join(src, rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, rel), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("go.mod")
	copyFile("go.sum")
	for _, dir := range []string{"checker", "wasm"} {
		err := filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			copyFile(rel)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestBuildCaches(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the module")
	}
	if _, err := FindGo(""); err != nil {
		t.Skip(err)
	}
	root := copyModule(t)
	cache := t.TempDir()
	ctx := context.Background()

	first, err := Build(ctx, Options{ModuleRoot: root, CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached {
		t.Error("first build: got Cached true, want false")
	}
	if !bytes.HasPrefix(first.Files[WasmFile], []byte("\x00asm")) {
		t.Errorf("%s does not start with the wasm magic number", WasmFile)
	}
	if !bytes.Contains(first.Files[GlueFile], []byte("class Go")) && !bytes.Contains(first.Files[GlueFile], []byte("globalThis.Go")) {
		t.Errorf("%s does not look like Go's glue", GlueFile)
	}
	if !strings.HasPrefix(first.Toolchain, "go") {
		t.Errorf("Toolchain: got %q, want a Go version", first.Toolchain)
	}

	t.Run("unchanged sources hit the cache", func(t *testing.T) {
		again, err := Build(ctx, Options{ModuleRoot: root, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		if !again.Cached {
			t.Error("got Cached false, want true")
		}
		for name, b := range first.Files {
			if !bytes.Equal(again.Files[name], b) {
				t.Errorf("%s differs between the build and the cache", name)
			}
		}
	})

	t.Run("changed tests and testdata still hit the cache", func(t *testing.T) {
		for _, rel := range []string{"checker/extra_test.go", "checker/testdata/new.txt"} {
			p := filepath.Join(root, rel)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("package checker\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		again, err := Build(ctx, Options{ModuleRoot: root, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		if !again.Cached {
			t.Error("got Cached false, want true")
		}
	})

	t.Run("a changed checker source misses the cache", func(t *testing.T) {
		p := filepath.Join(root, "checker", "zz_changed.go")
		if err := os.WriteFile(p, []byte("package checker\n\n// A change to the sources.\nvar changed = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		again, err := Build(ctx, Options{ModuleRoot: root, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		if again.Cached {
			t.Error("got Cached true, want false")
		}
	})
}

func TestBuildNoToolchain(t *testing.T) {
	root := t.TempDir()
	tests := []struct {
		name   string
		goTool string
		path   string
	}{
		{"named tool missing", filepath.Join(root, "no-such-go"), os.Getenv("PATH")},
		{"no go on PATH", "", root},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PATH", tt.path)
			_, err := Build(context.Background(), Options{ModuleRoot: root, GoTool: tt.goTool})
			if !errors.Is(err, ErrNoToolchain) {
				t.Fatalf("got error %v, want one matching ErrNoToolchain", err)
			}
		})
	}
}

func TestBuildCompileError(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	if _, err := FindGo(""); err != nil {
		t.Skip(err)
	}
	root := copyModule(t)
	if err := os.WriteFile(filepath.Join(root, "wasm", "broken.go"), []byte("package main\n\nfunc broken() { undefined() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{ModuleRoot: root})
	if err == nil || errors.Is(err, ErrNoToolchain) || !strings.Contains(err.Error(), "undefined") {
		t.Fatalf("got error %v, want the compiler's message", err)
	}
}

func TestFindModuleRoot(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hb/go.mod", "module handbook\n\ngo 1.26\n")
	write("hb/site/wasmbuild/x.txt", "")
	write("hb/nested/go.mod", "// another module\nmodule example.com/other\n")
	write("hb/nested/deep/x.txt", "")
	write("other/go.mod", "module handbookish\n")
	write("quoted/go.mod", "module \"handbook\"\n")

	tests := []struct {
		start  string
		want   string
		wantOK bool
	}{
		{"hb", "hb", true},
		{"hb/site/wasmbuild", "hb", true},
		{"hb/nested/deep", "hb", true}, // walks past a go.mod of another module
		{"other", "", false},
		{"quoted", "quoted", true},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			got, ok := FindModuleRoot(filepath.Join(dir, tt.start))
			want := ""
			if tt.wantOK {
				want = filepath.Join(dir, tt.want)
			}
			if got != want || ok != tt.wantOK {
				t.Errorf("got %q, %v; want %q, %v", got, ok, want, tt.wantOK)
			}
		})
	}
}
