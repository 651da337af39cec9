package checker

import (
	"strings"
	"testing"
)

// baseAgreement meets every criterion; the tables below change one part
// of it at a time.
const baseAgreement = `Brookfield Council – Children's Services
Written agreement for Mia Hart (4)

Parent: Lucy Hart
Social worker: Omar Reid (01632 960 100)
This agreement runs from 6 March 2028 to 5 June 2028.

Why we are making this agreement
The aim of this agreement is that Mia goes to nursery every weekday and is fed and clean, so that she is healthy and ready for school. It is part of Mia's child in need plan, agreed on 1 March 2028.

Lucy will:
1. Take Mia to Little Oaks Nursery by 9am every weekday.
2. Give Mia breakfast before nursery every day.
3. Go to the Brookfield parenting group every Tuesday at 10am for eight weeks.

Omar Reid (social worker) will:
4. Visit Lucy and Mia at home every two weeks and see Mia on her own.
5. Refer Lucy to the Brookfield Family Hub by 10 March 2028.
6. Pay Lucy's bus fares to the parenting group each week.

If the agreement is not kept
If Lucy does not keep to her part, Omar will meet her within a week to agree what needs to change.
If Omar does not keep to his part, Lucy can ring his manager, Jo Bell, on 01632 960 101, or make a complaint.

If something goes wrong
If Lucy is ill, Mia will stay with her grandmother, Ann Hart (07700 900 102). Out of hours, ring the Emergency Duty Team on 01632 960 199.

Review
We will review this agreement on 17 April 2028.

Signed
Lucy Hart ____________ Date ______
Ann Hart ____________ Date ______
Omar Reid (social worker) ____________ Date ______
`

// variant replaces old with new in the base agreement (old must occur).
func variant(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(baseAgreement, old) {
		t.Fatalf("base agreement has no %q", old)
	}
	return strings.Replace(baseAgreement, old, new, 1)
}

func mustCheck(t *testing.T, text string, s Settings) *Report {
	t.Helper()
	r, err := Check(text, Options{Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, text, r)
	return r
}

func status(r *Report, id string) string {
	for _, c := range r.Criteria {
		if c.ID == id {
			return c.Status
		}
	}
	return "absent"
}

func hasFinding(r *Report, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func hasFlag(r *Report, id string) bool {
	for _, f := range r.Flags {
		if f.ID == id {
			return true
		}
	}
	return false
}

func TestBaseAgreementMeetsEverything(t *testing.T) {
	r := mustCheck(t, baseAgreement, Settings{})
	if r.Kind != KindAgreement {
		t.Fatalf("kind: got %s, want agreement", r.Kind)
	}
	for _, c := range r.Criteria {
		if c.Status != StatusMet {
			t.Errorf("%s: got %s, want met (%s)", c.ID, c.Status, c.Message)
		}
	}
	if len(r.Flags) != 0 || len(r.Findings) != 0 {
		t.Errorf("got flags %v and findings %v, want none", r.Flags, r.Findings)
	}
	if want := "All 15 checks are met, but 7 screening questions are still to be answered (domestic abuse, case closure, coercion, previous breach, substitute for orders, reassure professionals and out of control)."; r.Summary != want {
		t.Errorf("summary: got %q, want %q", r.Summary, want)
	}
}

type criterionCase struct {
	name      string
	old, new  string
	criterion string
	want      string
	finding   string // a finding rule that must be present ("" for none expected)
	noFinding string // a finding rule that must be absent
}

func runCriterionCases(t *testing.T, cases []criterionCase, s Settings) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCheck(t, variant(t, tc.old, tc.new), s)
			if got := status(r, tc.criterion); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.criterion, got, tc.want)
			}
			if tc.finding != "" && !hasFinding(r, tc.finding) {
				t.Errorf("want a %s finding, got %v", tc.finding, r.Findings)
			}
			if tc.noFinding != "" && hasFinding(r, tc.noFinding) {
				t.Errorf("want no %s finding, got %v", tc.noFinding, r.Findings)
			}
		})
	}
}

func TestCriteria(t *testing.T) {
	runCriterionCases(t, []criterionCase{
		// aim
		{"aim vague", "The aim of this agreement is that Mia goes to nursery every weekday and is fed and clean, so that she is healthy and ready for school.", "This agreement is to help the family.", "aim", StatusPartly, "", ""},
		{"aim missing", "The aim of this agreement is that Mia goes to nursery every weekday and is fed and clean, so that she is healthy and ready for school. ", "", "aim", StatusMissing, "", ""},
		{"aim as label", "The aim of this agreement is that Mia goes to nursery every weekday and is fed and clean, so that she is healthy and ready for school.", "Aim: so that Mia is safe and well fed.", "aim", StatusMet, "", ""},
		// specific and measurable
		{"vague supervise", "2. Give Mia breakfast before nursery every day.", "2. Make sure Mia's time with her dad is supervised every Saturday.", "specific", StatusPartly, "vague-term", ""},
		{"supervise defined", "2. Give Mia breakfast before nursery every day.", "2. Supervise Mia's time with her dad every Saturday (stay in the room the whole time).", "specific", StatusMet, "", "vague-term"},
		{"support worker is a role", "2. Give Mia breakfast before nursery every day.", "2. Meet the family support worker every Monday at 2pm.", "specific", StatusMet, "", "vague-term"},
		{"engage not checkable", "2. Give Mia breakfast before nursery every day.", "2. Engage with services.", "measurable", StatusPartly, "vague-term", ""},
		{"most vague", "1. Take Mia to Little Oaks Nursery by 9am every weekday.\n2. Give Mia breakfast before nursery every day.\n3. Go to the Brookfield parenting group every Tuesday at 10am for eight weeks.", "1. Cooperate with the social worker.\n2. Keep the home suitable.\n3. Behave appropriately.\n7. Engage with services.\n8. Keep the flat in a reasonable state.", "specific", StatusMissing, "vague-term", ""},
		// achievable
		{"one absolute", "2. Give Mia breakfast before nursery every day.", "2. Be sober at all times.", "achievable", StatusPartly, "absolute", ""},
		{"absolutes throughout", "2. Give Mia breakfast before nursery every day.", "2. Never again drink alcohol, under any circumstances, 100% of the time.", "achievable", StatusMissing, "absolute", ""},
		{"absolute outside commitments", "It is part of Mia's child in need plan", "Nobody can be perfect at all times. It is part of Mia's child in need plan", "achievable", StatusMet, "", "absolute"},
		// time limited
		{"start only", "This agreement runs from 6 March 2028 to 5 June 2028.", "Start date: 6 March 2028.", "time_limited", StatusPartly, "", ""},
		{"start and length", "This agreement runs from 6 March 2028 to 5 June 2028.", "This agreement starts on 6 March 2028 and lasts for twelve weeks.", "time_limited", StatusMet, "", ""},
		{"no dates", "This agreement runs from 6 March 2028 to 5 June 2028.\n", "", "time_limited", StatusMissing, "", ""},
		{"until in another sentence is not an end", "This agreement runs from 6 March 2028 to 5 June 2028.", "Start: 6 March 2028. Ann has kept Mia's room for her until 30 June 2028.", "time_limited", StatusPartly, "", ""},
		// timescales
		{"untimed commitments", "1. Take Mia to Little Oaks Nursery by 9am every weekday.\n2. Give Mia breakfast before nursery every day.", "1. Take Mia to nursery.\n2. Give Mia breakfast.", "timescales", StatusPartly, "", ""},
		// balanced
		{"one professional commitment", "5. Refer Lucy to the Brookfield Family Hub by 10 March 2028.\n6. Pay Lucy's bus fares to the parenting group each week.\n", "", "balanced", StatusPartly, "", ""},
		{"no professional commitment", "Omar Reid (social worker) will:\n4. Visit Lucy and Mia at home every two weeks and see Mia on her own.\n5. Refer Lucy to the Brookfield Family Hub by 10 March 2028.\n6. Pay Lucy's bus fares to the parenting group each week.\n", "", "balanced", StatusMissing, "", ""},
		// support
		{"support promised vaguely", "5. Refer Lucy to the Brookfield Family Hub by 10 March 2028.\n6. Pay Lucy's bus fares to the parenting group each week.", "5. Support Lucy as required.", "support", StatusPartly, "", ""},
		// plans
		{"the plan unnamed", "It is part of Mia's child in need plan, agreed on 1 March 2028.", "It is part of the plan agreed at the meeting.", "plans", StatusPartly, "", ""},
		{"no plan", " It is part of Mia's child in need plan, agreed on 1 March 2028.", "", "plans", StatusMissing, "", ""},
		{"negated plan still named", "It is part of Mia's child in need plan, agreed on 1 March 2028.", "It does not replace Mia's child protection plan.", "plans", StatusMet, "", ""},
		// consequences
		{"family side only", "If Omar does not keep to his part, Lucy can ring his manager, Jo Bell, on 01632 960 101, or make a complaint.", "", "consequences", StatusPartly, "", ""},
		{"no consequences", "If the agreement is not kept\nIf Lucy does not keep to her part, Omar will meet her within a week to agree what needs to change.\nIf Omar does not keep to his part, Lucy can ring his manager, Jo Bell, on 01632 960 101, or make a complaint.\n", "", "consequences", StatusMissing, "", ""},
		// contingency
		{"contingency promised", "If Lucy is ill, Mia will stay with her grandmother, Ann Hart (07700 900 102). Out of hours, ring the Emergency Duty Team on 01632 960 199.", "A contingency plan will be agreed if needed.", "contingency", StatusPartly, "", ""},
		{"no contingency", "If something goes wrong\nIf Lucy is ill, Mia will stay with her grandmother, Ann Hart (07700 900 102). Out of hours, ring the Emergency Duty Team on 01632 960 199.\n", "", "contingency", StatusMissing, "", ""},
		// plain language
		{"undefined acronym", "Social worker: Omar Reid", "SW: Omar Reid", "plain_language", StatusPartly, "undefined-acronym", ""},
		{"defined acronym", "It is part of Mia's child in need plan", "It is part of Mia's child in need (CIN) plan", "plain_language", StatusMet, "", "undefined-acronym"},
		{"defined after", "It is part of Mia's child in need plan", "It is part of Mia's CIN (child in need) plan", "plain_language", StatusMet, "", "undefined-acronym"},
		{"capital headings are not acronyms", "Why we are making this agreement", "WHY WE ARE MAKING THIS AGREEMENT", "plain_language", StatusMet, "", "undefined-acronym"},
		{"acronym soup", "Social worker: Omar Reid", "SW: Omar Reid. HV, DSL and FSW will attend the TAC.", "plain_language", StatusMissing, "undefined-acronym", ""},
		{"jargon", "Omar will meet her within a week", "non-compliance will be discussed within a week, and Omar will meet her", "plain_language", StatusPartly, "jargon", ""},
		// review
		{"review too late", "We will review this agreement on 17 April 2028.", "We will review this agreement on 17 July 2028.", "review", StatusPartly, "", ""},
		{"review in due course", "We will review this agreement on 17 April 2028.", "We will review this agreement in due course.", "review", StatusPartly, "", ""},
		{"review interval too long", "We will review this agreement on 17 April 2028.", "This agreement will be reviewed every four months.", "review", StatusPartly, "", ""},
		{"review interval", "We will review this agreement on 17 April 2028.", "This agreement will be reviewed every six weeks.", "review", StatusMet, "", ""},
		{"no review", "Review\nWe will review this agreement on 17 April 2028.\n", "", "review", StatusMissing, "", ""},
		// signed
		{"professional does not sign", "Omar Reid (social worker) ____________ Date ______\n", "", "signed", StatusPartly, "", ""},
		{"no signatures", "Signed\nLucy Hart ____________ Date ______\nAnn Hart ____________ Date ______\nOmar Reid (social worker) ____________ Date ______\n", "", "signed", StatusMissing, "", ""},
	}, Settings{})
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name string
		old  string
		new  string
		flag string
		want bool
	}{
		{"domestic abuse managed", "Lucy will:", "Lucy's partner, Dean, assaulted her on 2 March 2028 in front of Mia.\n\nLucy will:\n0. Not let Dean into the flat, and end her relationship with him.", "domestic_abuse", true},
		{"domestic abuse negated", "Why we are making this agreement", "There are no concerns about domestic abuse in this family.\n\nWhy we are making this agreement", "domestic_abuse", false},
		{"violence record is not abuse of the partner", "Why we are making this agreement", "Lucy's partner, Dean, has old convictions for violence.\n\nWhy we are making this agreement", "domestic_abuse", false},
		{"case closure", "It is part of Mia's child in need plan", "This agreement has been made so that the case can be closed. It is part of Mia's child in need plan", "case_closure", true},
		{"closure only considered", "We will review this agreement on 17 April 2028.", "We will review this agreement on 17 April 2028. Closure will only be considered at the review.", "case_closure", false},
		{"closure decision later", "We will review this agreement on 17 April 2028.", "We will review this agreement on 17 April 2028, before any decision on closure.", "case_closure", false},
		{"coercion threat", "It is part of Mia's child in need plan", "Lucy has been told that if she does not sign this agreement we will go to court. It is part of Mia's child in need plan", "coercion", true},
		{"coercion condition", "It is part of Mia's child in need plan", "Signing this agreement is a condition of Mia coming home. It is part of Mia's child in need plan", "coercion", true},
		{"no coercion", "It is part of Mia's child in need plan", "Lucy does not have to sign this agreement, and nothing will happen if she does not. It is part of Mia's child in need plan", "coercion", false},
		{"previous breach", "It is part of Mia's child in need plan", "The last agreement was not kept, so this one has been written. It is part of Mia's child in need plan", "previous_breach", true},
		{"previous agreement kept", "It is part of Mia's child in need plan", "The previous agreement was kept and ended in 2027. It is part of Mia's child in need plan", "previous_breach", false},
		{"substitute for orders", "It is part of Mia's child in need plan", "The court refused our application for a care order, so this agreement is in place instead. It is part of Mia's child in need plan", "substitute_for_orders", true},
		{"no legal action", "It is part of Mia's child in need plan", "No legal action is planned. It is part of Mia's child in need plan", "substitute_for_orders", false},
		{"reassure professionals", "It is part of Mia's child in need plan", "The main purpose of this agreement is to reassure the nursery and the team manager. It is part of Mia's child in need plan", "reassure_professionals", true},
		{"reassure the parent", "It is part of Mia's child in need plan", "We hope this agreement will reassure Lucy that we want to help. It is part of Mia's child in need plan", "reassure_professionals", false},
		{"out of control", "It is part of Mia's child in need plan", "This agreement sets strict rules to bring the household back under control. It is part of Mia's child in need plan", "out_of_control", true},
		{"control mentioned in history", "It is part of Mia's child in need plan", "Lucy says she felt out of control last year. It is part of Mia's child in need plan", "out_of_control", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCheck(t, variant(t, tc.old, tc.new), Settings{})
			if got := hasFlag(r, tc.flag); got != tc.want {
				t.Errorf("%s: got raised=%v, want %v; flags %v", tc.flag, got, tc.want, r.Flags)
			}
		})
	}
}

func TestKind(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", KindUnknown},
		{"Sent from my phone", KindUnknown},
		{"WRITTEN UNDERTAKING\n\nI, Jo Bloggs, undertake that I will not leave Sam with Lee. Social worker: Ann Lee. Signed ____ Date ____", KindUndertaking},
		{"Safety plan for Kim and Ben\n\nIf Lee comes to the flat, Kim will ring 999 and take Ben to her sister's house. Kim keeps her phone charged.", KindSafetyPlan},
		{"Family agreement\n\nSam will take Ben to school every day by 9am, and Ann will visit every week on Mondays at 4pm.", KindAgreement},
		{"Contract of expectations – the Hill family\n\nSam will take Ben to school every day by 9am, and Ann will visit every week on Mondays.", KindAgreement},
		{"From: Ann Lee\nSubject: written agreement\n\nHi Sam, could we meet on Monday to talk about the written agreement and the safety plan? Thanks, Ann", KindUnknown},
		{"Milk\nbread\neggs\nnappies size 4\nwipes\nbananas\npasta\ntins of tomatoes\nfish fingers\nwashing powder\ncard for Nan\nbus fare", KindUnknown},
	}
	for _, tc := range tests {
		r := mustCheck(t, tc.text, Settings{})
		if r.Kind != tc.want {
			t.Errorf("kind of %.40q: got %s, want %s", tc.text, r.Kind, tc.want)
		}
		if (r.Kind == KindSafetyPlan || r.Kind == KindUnknown) && len(r.Criteria) != 0 {
			t.Errorf("%s: want no criteria, got %d", r.Kind, len(r.Criteria))
		}
	}
}

func TestDates(t *testing.T) {
	if got := weekdayOf(2027, 3, 3); got != 2 {
		t.Errorf("3 March 2027: got weekday %d, want 2 (Wednesday)", got)
	}
	if got := daysFromCivil(1970, 1, 1); got != 0 {
		t.Errorf("days from civil of the epoch: got %d, want 0", got)
	}
	for _, n := range []int{-1000, 0, 365, 19000, 20000, 25000} {
		if got := fromDays(n).days(); got != n {
			t.Errorf("round trip of day %d: got %d", n, got)
		}
	}
	if got := addInterval(date{y: 2028, m: 1, d: 31}, Interval{Count: 1, Unit: Months}); got.String() != "29 February 2028" {
		t.Errorf("31 January 2028 plus a month: got %s", got)
	}
	d := newDocument("Meet on 12/03/2027, on Tuesday 3rd March 2026, on 12th March and on March 4, 2027; not 31/02/2027.")
	ds := d.findDates()
	var got []string
	for _, x := range ds {
		got = append(got, x.String())
	}
	want := "12 March 2027|3 March 2026|12 March 2026|4 March 2027"
	if strings.Join(got, "|") != want {
		t.Errorf("dates: got %v, want %s", got, want)
	}
}

func TestConsistent(t *testing.T) {
	tests := []struct {
		name, old, new, rule, message string
	}{
		{"wrong weekday", "We will review this agreement on 17 April 2028.", "We will review this agreement on Tuesday 3 April 2028.", "wrong-weekday", "3 April 2028 is a Monday"},
		{"weekday of the issue", "We will review this agreement on 17 April 2028.", "We will review this agreement on Monday 3 March 2027.", "wrong-weekday", "3 March 2027 is a Wednesday"},
		{"end before start", "This agreement runs from 6 March 2028 to 5 June 2028.", "Start date: 6 March 2028\nEnd date: 5 February 2028", "end-before-start", "comes before the start"},
		{"review after end", "This agreement runs from 6 March 2028 to 5 June 2028.", "This agreement runs from 6 March 2028 to 10 April 2028.", "review-after-end", "falls after the agreement ends"},
		{"clashing days", "3. Go to the Brookfield parenting group every Tuesday at 10am for eight weeks.", "3. Go to family time at the Brookfield centre on Mondays and Thursdays at 10am.\n7. Ann will bring Mia to the centre on Tuesdays and Thursdays at 9.45am.", "clashing-days", "same arrangement"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCheck(t, variant(t, tc.old, tc.new), Settings{})
			if status(r, "consistent") != StatusMissing {
				t.Errorf("consistent: got %s, want missing", status(r, "consistent"))
			}
			found := false
			for _, f := range r.Findings {
				if f.Rule == tc.rule && strings.Contains(f.Message, tc.message) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a %s finding saying %q, got %+v", tc.rule, tc.message, r.Findings)
			}
		})
	}
	r := mustCheck(t, variant(t, "We will review this agreement on 17 April 2028.", "We will review this agreement on Monday 17 April 2028."), Settings{})
	if status(r, "consistent") != StatusMet {
		t.Errorf("a right weekday: consistent got %s, want met", status(r, "consistent"))
	}
}

func TestPlaceholders(t *testing.T) {
	for _, ph := range []string{"(insert detail)", "[name]", "<date>", "XX/XX/XXXX", "........", "________",
		"(name of child)", "(tel number)", "<<landlord>>", "DD/MM/YYYY"} {
		t.Run(ph, func(t *testing.T) {
			r := mustCheck(t, variant(t, "by 10 March 2028.", "by "+ph+"."), Settings{})
			if !hasFinding(r, "placeholder") {
				t.Fatalf("want a placeholder finding, got %+v", r.Findings)
			}
			for _, f := range r.Findings {
				if f.Rule == "placeholder" && f.Severity != SeverityError {
					t.Errorf("placeholder severity: got %s, want error", f.Severity)
				}
			}
			if !strings.Contains(r.Summary, "not finished") {
				t.Errorf("summary: got %q, want it to say the draft is not finished", r.Summary)
			}
		})
	}
	// Contract section 6: a slash between words, a date line to write on,
	// and brackets that say something are not placeholders.
	for _, text := range []string{"Parent / carer: Lucy Hart", "Mum / Dad will ring Omar", "Date: ___/___/______",
		"Omar Reid (social worker) (tel. 01632 960 100)", "Kerry Moss (Eastholme Young Carers)"} {
		r := mustCheck(t, variant(t, "Parent: Lucy Hart", text), Settings{})
		for _, f := range r.Findings {
			if f.Rule == "placeholder" {
				t.Errorf("%q: placeholder at %d-%d", text, f.Start, f.End)
			}
		}
	}
	// Signature lines are places to write, not placeholders.
	if r := mustCheck(t, baseAgreement, Settings{}); hasFinding(r, "placeholder") {
		t.Errorf("signature lines raised placeholders: %+v", r.Findings)
	}
	// A criterion whose only evidence is a placeholder is not met.
	r := mustCheck(t, variant(t, "We will review this agreement on 17 April 2028.", "Review date: XX/XX/XXXX"), Settings{})
	if got := status(r, "review"); got == StatusMet {
		t.Errorf("review on a placeholder alone: got %s", got)
	}
}

const blankTemplate = `[COUNCIL NAME] Children's Services
WRITTEN AGREEMENT

Child: [child's name]   Date of birth: XX/XX/XXXX
Parent or carer: [name]
Social worker: [name and phone number]
Agreement starts: <date>     Agreement ends: <date>

What this agreement is for
(insert the aim)

Which plan it is part of
(insert plan)

What the family will do
- [name] will .................................. by <date>
- [name] will .................................. by <date>

What the professionals will do
- [name, role] will .................................. by <date>

If the agreement is not kept
(insert detail)

If something goes wrong
(insert contingency)

Review: XX/XX/XXXX

Signed
[name] ______________ Date ________
[name] ______________ Date ________
`

func TestBlankTemplatePassesNothing(t *testing.T) {
	r := mustCheck(t, blankTemplate, Settings{})
	if r.Kind != KindAgreement {
		t.Fatalf("kind: got %s, want agreement", r.Kind)
	}
	for _, c := range r.Criteria {
		if c.Status == StatusMet && c.ID != "consistent" {
			t.Errorf("%s is met by a blank template", c.ID)
		}
	}
	if !strings.Contains(r.Summary, "not finished") {
		t.Errorf("summary: got %q", r.Summary)
	}
}

func TestSettings(t *testing.T) {
	t.Run("review within weeks", func(t *testing.T) {
		// The base review is 6 weeks after the start.
		if got := status(mustCheck(t, baseAgreement, Settings{ReviewWithin: Interval{Count: 4, Unit: Weeks}}), "review"); got != StatusPartly {
			t.Errorf("review within 4 weeks: got %s, want partly", got)
		}
		if got := status(mustCheck(t, baseAgreement, Settings{ReviewWithin: Interval{Count: 6, Unit: Weeks}}), "review"); got != StatusMet {
			t.Errorf("review within 6 weeks: got %s, want met", got)
		}
	})
	t.Run("max length", func(t *testing.T) {
		if got := status(mustCheck(t, baseAgreement, Settings{MaxLength: Interval{Count: 2, Unit: Months}}), "time_limited"); got != StatusPartly {
			t.Errorf("three-month agreement with a two-month maximum: got %s, want partly", got)
		}
		if got := status(mustCheck(t, baseAgreement, Settings{MaxLength: Interval{Count: 6, Unit: Months}}), "time_limited"); got != StatusMet {
			t.Errorf("three-month agreement with a six-month maximum: got %s, want met", got)
		}
	})
	t.Run("required signatories", func(t *testing.T) {
		s := Settings{RequiredSignatories: []string{"team manager"}}
		if got := status(mustCheck(t, baseAgreement, s), "signed"); got != StatusPartly {
			t.Errorf("no team manager line: got %s, want partly", got)
		}
		text := strings.Replace(baseAgreement, "Omar Reid (social worker) ____________ Date ______", "Omar Reid (social worker) ____________ Date ______\nJo Bell (team manager) ____________ Date ______", 1)
		if got := status(mustCheck(t, text, s), "signed"); got != StatusMet {
			t.Errorf("with a team manager line: got %s, want met", got)
		}
	})
	t.Run("extra acronyms", func(t *testing.T) {
		text := variant(t, "Omar will meet her within a week", "Omar will meet her within a week and explain the PLO (Public Law Outline)")
		if r := mustCheck(t, text, Settings{ExtraAcronyms: map[string]string{"PLO": "Public Law Outline"}}); hasFinding(r, "undefined-acronym") {
			t.Errorf("defined local acronym reported: %+v", r.Findings)
		}
		text = variant(t, "Social worker: Omar Reid", "Social worker: Omar Reid (QRT)")
		r := mustCheck(t, text, Settings{ExtraAcronyms: map[string]string{"QRT": "quick response team"}})
		found := false
		for _, f := range r.Findings {
			if f.Rule == "undefined-acronym" && strings.Contains(f.Message, "quick response team") {
				found = true
			}
		}
		if !found {
			t.Errorf("want the local meaning of QRT in a finding, got %+v", r.Findings)
		}
	})
	t.Run("extra vague terms", func(t *testing.T) {
		text := variant(t, "2. Give Mia breakfast before nursery every day.", "2. Keep an eye on Mia every day.")
		if r := mustCheck(t, text, Settings{}); hasFinding(r, "vague-term") {
			t.Fatalf("default settings: unexpected vague-term %+v", r.Findings)
		}
		if r := mustCheck(t, text, Settings{VagueTerms: []string{"keep an eye on"}}); !hasFinding(r, "vague-term") {
			t.Errorf("local vague term not reported: %+v", r.Findings)
		}
	})
	t.Run("hash changes", func(t *testing.T) {
		a := mustCheck(t, baseAgreement, Settings{}).Settings
		b := mustCheck(t, baseAgreement, Settings{ReviewWithin: Interval{Count: 6, Unit: Weeks}}).Settings
		if a == b {
			t.Error("settings hash did not change with the settings")
		}
	})
}

func TestPositions(t *testing.T) {
	text := "\ufeffAgreement\r\nSW – visit “every” week.\r\nCP plan"
	r := mustCheck(t, text, Settings{})
	for _, f := range r.Findings {
		if f.Rule == "undefined-acronym" && text[f.Start:f.End] == "SW" && (f.Line != 2 || f.Column != 1) {
			t.Errorf("SW: got line %d column %d, want 2:1", f.Line, f.Column)
		}
	}
}
