package preview

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestEditReloads(t *testing.T) {
	dir := copyFixture(t)
	r := start(t, dir, io.Discard)
	events := r.events(t)
	if code, body := r.get(t, "/using/"); code != 200 || strings.Contains(body, "Freshly edited") {
		t.Fatalf("before the edit: got status %d (edited text present: %v), want 200 without it", code, strings.Contains(body, "Freshly edited"))
	}
	write(t, dir, "using.md", read(t, dir, "using.md")+"\nFreshly edited paragraph.\n")
	ev := next(t, events, patience)
	if ev.Type != "reload" || !strings.Contains(ev.Data, `"using.md"`) {
		t.Fatalf("event: got %+v, want a reload naming using.md", ev)
	}
	if _, body := r.get(t, "/using/"); !strings.Contains(body, "Freshly edited paragraph.") {
		t.Error("after the reload event the page does not serve the new text")
	}
}

func TestBrokenFrontMatterShowsErrorThenClears(t *testing.T) {
	dir := copyFixture(t)
	r := start(t, dir, io.Discard)
	events := r.events(t)
	good := read(t, dir, "using.md")
	// An unknown key on line 3 of the front matter.
	broken := strings.Replace(good, "weight: 10\n", "weight: 10\nnot_a_key: 1\n", 1)
	write(t, dir, "using.md", broken)

	ev := next(t, events, patience)
	if ev.Type != "error" {
		t.Fatalf("event after breaking the front matter: got %q, want error", ev.Type)
	}
	var st Status
	if err := json.Unmarshal([]byte(ev.Data), &st); err != nil {
		t.Fatalf("error event data %q: %v", ev.Data, err)
	}
	if st.OK || len(st.Errors) == 0 || st.Errors[0].File != "using.md" || st.Errors[0].Line != 4 {
		t.Fatalf("error event: got %+v, want using.md line 4", st)
	}
	for _, p := range []string{"/", "/glossary/", "/using/"} {
		if code, _ := r.get(t, p); code != 200 {
			t.Errorf("GET %s while the build is broken: got %d, want 200 (the last good build)", p, code)
		}
	}
	if _, body := r.get(t, "/_handbook/status"); !strings.Contains(body, `"ok":false`) || !strings.Contains(body, "using.md") {
		t.Errorf("status while broken: got %s, want ok false naming using.md", body)
	}

	write(t, dir, "using.md", good+"\nFixed again.\n")
	if ev := next(t, events, patience); ev.Type != "reload" {
		t.Fatalf("event after the fix: got %q, want reload", ev.Type)
	}
	if _, body := r.get(t, "/_handbook/status"); !strings.Contains(body, `"ok":true`) {
		t.Errorf("status after the fix: got %s, want ok true", body)
	}
	if _, body := r.get(t, "/using/"); !strings.Contains(body, "Fixed again.") {
		t.Error("after the fix the page does not serve the new text")
	}
}

func TestCSSOnlyChangeSwapsStylesheets(t *testing.T) {
	dir := copyFixture(t)
	write(t, dir, "extra.css", "body { color: black }\n")
	r := start(t, dir, io.Discard)
	events := r.events(t)
	write(t, dir, "extra.css", "body { color: navy }\n")
	if ev := next(t, events, patience); ev.Type != "css" {
		t.Fatalf("event after a CSS-only change: got %q, want css", ev.Type)
	}
	if _, body := r.get(t, "/extra.css"); !strings.Contains(body, "navy") {
		t.Errorf("extra.css after the change: got %q", body)
	}
}

// TestManyWritesEndInFinalState writes one chapter 200 times as fast as it
// can, then checks that the site serves the last version and that shutting
// down leaves no goroutine behind.
func TestManyWritesEndInFinalState(t *testing.T) {
	// regexp2 (used by the syntax highlighter) keeps a clock goroutine of its
	// own for a while after use; it is not ours to stop.
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock"))
	dir := copyFixture(t)
	r := start(t, dir, io.Discard)
	events := r.events(t)
	good := read(t, dir, "using.md")
	const writes = 200
	for i := 1; i <= writes; i++ {
		write(t, dir, "using.md", good+fmt.Sprintf("\nVersion %d of the text.\n", i))
	}
	final := fmt.Sprintf("Version %d of the text.", writes)
	deadline := time.Now().Add(patience)
	for {
		if _, body := r.get(t, "/using/"); strings.Contains(body, final) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s after the last write the page still lacks %q", patience, final)
		}
		select {
		case <-events:
		case <-time.After(100 * time.Millisecond):
		}
	}
	r.stop()
	// The stream must end when the server shuts down.
	for range events {
	}
}

func TestShutdownEndsStreams(t *testing.T) {
	dir := copyFixture(t)
	r := start(t, dir, io.Discard)
	events := r.events(t)
	done := make(chan struct{})
	go func() {
		for range events {
		}
		close(done)
	}()
	r.stop()
	select {
	case <-done:
	case <-time.After(patience):
		t.Fatal("the event stream stayed open after shutdown")
	}
}

func TestFirstBuildFailsThenRecovers(t *testing.T) {
	dir := copyFixture(t)
	good := read(t, dir, "using.md")
	write(t, dir, "using.md", "---\ntitle: [unclosed\n---\n")
	r := start(t, dir, io.Discard)
	if code, body := r.get(t, "/"); code != 200 || !strings.Contains(body, "/_handbook/livereload.js") {
		t.Fatalf("placeholder page: got %d, want 200 with the reload script", code)
	}
	if _, body := r.get(t, "/_handbook/status"); !strings.Contains(body, `"ok":false`) {
		t.Fatalf("status after a failed first build: got %s", body)
	}
	events := r.events(t)
	write(t, dir, "using.md", good)
	if ev := next(t, events, patience); ev.Type != "reload" {
		t.Fatalf("event after the fix: got %q, want reload", ev.Type)
	}
	if code, _ := r.get(t, "/using/"); code != 200 {
		t.Errorf("GET /using/ after the fix: got %d, want 200", code)
	}
}
