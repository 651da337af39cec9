package checker

import (
	"strings"
	"testing"
)

func allAnswers(v string) map[string]string {
	m := map[string]string{}
	for _, q := range screeningQuestions {
		m[q.id] = v
	}
	return m
}

// TestScreening covers contract section 7: a yes raises a flag with no
// evidence, a no cannot hide a detected flag, and the summary never says
// the draft is fine while a question is open.
func TestScreening(t *testing.T) {
	abusive := variant(t, "Why we are making this agreement\n", "Why we are making this agreement\nLast month Lucy's partner pushed her against the wall and took her phone, and she is frightened of him. Lucy will not let him into the house.\n")
	for _, tc := range []struct {
		name, text string
		answers    map[string]string
		wantFlags  []string
		summary    string // a substring of the summary
		msg        string // a substring of the first flag's message
	}{
		{"all no", baseAgreement, allAnswers("no"), nil, "All 15 checks are met.", ""},
		{"unanswered", baseAgreement, nil, nil, "7 screening questions are still to be answered", ""},
		{"one open", baseAgreement, map[string]string{"domestic_abuse": "no", "case_closure": "no", "coercion": "no", "previous_breach": "no", "substitute_for_orders": "no", "reassure_professionals": "no"}, nil, "the screening question on out of control is still to be answered", ""},
		{"yes raises", baseAgreement, map[string]string{"coercion": "yes"}, []string{"coercion"}, "1 situation where", "Raised from your answer"},
		{"bad value is unanswered", baseAgreement, map[string]string{"coercion": "maybe"}, nil, "still to be answered", ""},
		{"no cannot hide", abusive, allAnswers("no"), []string{"domestic_abuse"}, "1 situation where", "You answered no"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Check(tc.text, Options{Answers: tc.answers})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range r.Flags {
				got = append(got, f.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.wantFlags, ",") {
				t.Errorf("flags: got %v, want %v", got, tc.wantFlags)
			}
			if !strings.Contains(r.Summary, tc.summary) {
				t.Errorf("summary: got %q, want it to contain %q", r.Summary, tc.summary)
			}
			if tc.msg != "" && (len(r.Flags) == 0 || !strings.Contains(r.Flags[0].Message, tc.msg)) {
				t.Errorf("flag message: got %v, want it to contain %q", r.Flags, tc.msg)
			}
			if len(r.Screening) != 7 {
				t.Fatalf("screening: got %d questions, want 7", len(r.Screening))
			}
			for _, s := range r.Screening {
				want := tc.answers[s.ID]
				if want != "yes" && want != "no" {
					want = "unanswered"
				}
				if s.Answer != want {
					t.Errorf("%s: answer %q, want %q", s.ID, s.Answer, want)
				}
			}
			if !strings.Contains(string(r.JSON()), `"screening":[{"id":"domestic_abuse","question":`) {
				t.Error("JSON has no screening array")
			}
		})
	}
}
