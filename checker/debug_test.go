package checker

import (
	"os"
	"strings"
	"testing"
)

// TestDebugSituation prints what the concept matcher sees in $SIT_TEXT.
func TestDebugSituation(t *testing.T) {
	text := os.Getenv("SIT_TEXT")
	if text == "" {
		t.Skip("set SIT_TEXT")
	}
	full := strings.Replace(baseAgreement, "Why we are making this agreement\n", "Why we are making this agreement\n"+text+"\n", 1)
	a := newAnalysis(full, DefaultSettings())
	s := a.newSituations()
	for si, sn := range a.d.sents {
		if !strings.Contains(text, a.d.text[sn.s:sn.e]) {
			continue
		}
		t.Logf("sentence %d: %q", si, a.d.text[sn.s:sn.e])
		for _, c := range s.m.cs.names {
			for _, h := range s.m.all(c, sn.t0, sn.t1) {
				t.Logf("  %-12s %q negated=%v hyp=%v hist=%v other=%v quoted=%v separate=%v", c, a.d.orig(h[0], h[1]),
					s.negated(sn.t0, h[0]), s.hypothetical(sn.t0, sn.t1, h[0], h[1]), s.historical(si, true), s.in("other", si), s.quoted(si), s.in("separate", si))
			}
		}
	}
}

func TestDebugThreat(t *testing.T) {
	text := os.Getenv("SIT_TEXT")
	if text == "" {
		t.Skip("set SIT_TEXT")
	}
	full := strings.Replace(baseAgreement, "Why we are making this agreement\n", "Why we are making this agreement\n"+text+"\n", 1)
	a := newAnalysis(full, DefaultSettings())
	s := a.newSituations()
	for si := range a.d.sents {
		if th, _, ok := s.firstAsserted("threat", si, false); ok {
			t.Logf("sentence %d threat at %d onSigning=%v prevsign=%v", si, th, s.threatOnSigning(si, th), si > 0 && s.in("sign_word", si-1))
		}
	}
	t.Log(s.detect("coercion"))
}

// TestDebugFile prints the concepts in the sentences of $SIT_FILE that
// hold $SIT_GREP.
func TestDebugFile(t *testing.T) {
	file, grep := os.Getenv("SIT_FILE"), os.Getenv("SIT_GREP")
	if file == "" {
		t.Skip("set SIT_FILE")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalysis(string(b), DefaultSettings())
	s := a.newSituations()
	for si, sn := range a.d.sents {
		if !strings.Contains(a.d.text[sn.s:sn.e], grep) {
			continue
		}
		t.Logf("sentence %d: %q", si, a.d.text[sn.s:sn.e])
		w0, w1 := s.window(si)
		for _, c := range s.m.cs.names {
			for _, h := range s.m.all(c, w0, w1) {
				t.Logf("  %-12s %q", c, a.d.orig(h[0], h[1]))
			}
		}
	}
}
