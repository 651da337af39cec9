package checker

import (
	"strings"
	"testing"
)

// TestCommitmentForms checks each form in which writers put a commitment:
// the clause must appear in the report's commitments with the right actor
// and party. The texts are the project's own.
func TestCommitmentForms(t *testing.T) {
	const head = "Written agreement for Ava Stone (6)\n\nMum: Tara Stone\nSocial worker: Jo Bell\n\n"
	const sign = "\n\nSigned\nTara Stone ________ Date ______\nJo Bell (social worker) ________ Date ______\n"
	tests := []struct {
		name, text, clause, actor, party string
		negative                         bool
	}{
		{"name will", head + "Tara will take Ava to nursery every weekday by 9am." + sign,
			"Tara will take Ava", "Tara", PartyFamily, false},
		{"couple with a title", head + "Mr and Mrs McCarthy will attend the parenting course every Tuesday." + sign,
			"Mr and Mrs McCarthy will", "Mr and Mrs McCarthy", PartyFamily, false},
		{"title and surname", head + "Mrs Stone will ring the school by 9am on any day Ava is ill." + sign,
			"Mrs Stone will ring", "Mrs Stone", PartyFamily, false},
		{"negative", head + "Tara will not leave Ava with anyone who has been drinking." + sign,
			"Tara will not leave", "Tara", PartyFamily, true},
		{"won't", head + "Tara won't smoke in the flat." + sign,
			"Tara won't smoke", "Tara", PartyFamily, true},
		{"is to", head + "Tara is to collect Ava from nursery at 3pm every day." + sign,
			"Tara is to collect", "Tara", PartyFamily, false},
		{"needs to", head + "Tara needs to book Ava's dental check by 1 May." + sign,
			"Tara needs to book", "Tara", PartyFamily, false},
		{"has agreed to", head + "Tara has agreed to keep a diary of Ava's sleep every night." + sign,
			"Tara has agreed to", "Tara", PartyFamily, false},
		{"agrees to", head + "Tara agrees to take Ava to every hospital appointment." + sign,
			"Tara agrees to", "Tara", PartyFamily, false},
		{"is expected to", head + "Tara is expected to attend each core group meeting." + sign,
			"Tara is expected to", "Tara", PartyFamily, false},
		{"role will", head + "The social worker will visit every two weeks." + sign,
			"social worker will visit", "social worker", PartyProfessional, false},
		{"your social worker", head + "Your social worker will see you on your own every two weeks." + sign,
			"Your social worker will", "social worker", PartyProfessional, false},
		{"passive with agent", head + "Visits will be supervised by Jo Bell every Saturday." + sign,
			"Visits will be supervised", "Jo Bell", PartyProfessional, false},
		{"passive with role agent", head + "Contact is to be supervised by the family support worker." + sign,
			"Contact is to be supervised", "family support worker", PartyProfessional, false},
		{"heading names the actor", head + "Tara agrees:\n- to take Ava to nursery every weekday\n- not to smoke indoors\n" + sign,
			"to take Ava to nursery", "Tara", PartyFamily, false},
		{"heading in capitals", head + "TARA AGREES:\n- To take Ava to nursery every weekday.\n" + sign,
			"To take Ava", "TARA", PartyFamily, false},
		{"heading is only a name", head + "What each of us will do\nTara\n- Take Ava to nursery every weekday.\nJo Bell (social worker)\n- Visit every Thursday.\n" + sign,
			"Visit every Thursday", "Jo Bell", PartyProfessional, false},
		{"what X will do", head + "What Jo will do\n1. Refer Tara to the Family Hub by 3 March.\n" + sign,
			"Refer Tara", "Jo", PartyProfessional, false},
		{"expected heading", head + "Mr and Mrs Stone are expected to:\n1. Attend every appointment.\n" + sign,
			"Attend every appointment", "Mr and Mrs Stone", PartyFamily, false},
		{"who what when table", head + "Who\tWhat\tWhen\nTara\tTake Ava to nursery\tEvery weekday\nJo\tVisit at home\tEvery two weeks\n" + sign,
			"Visit at home", "Jo", PartyProfessional, false},
		{"who column not first", head + "No.\tAction\tWho\tBy when\n1\tRefer to the Family Hub\tJo Bell\tBy 3 March\n" + sign,
			"Refer to the Family Hub", "Jo Bell", PartyProfessional, false},
		{"name dash action", head + "- Tara – take Ava to nursery every weekday by 9am.\n" + sign,
			"take Ava to nursery", "Tara", PartyFamily, false},
		{"name dash you'll", head + "- Tara – you'll get Ava up by 8am every school day.\n" + sign,
			"you'll get Ava up", "Tara", PartyFamily, false},
		{"said she'll", head + "Tara said she'll ring the GP on Monday." + sign,
			"said she'll ring", "Tara", PartyFamily, false},
		{"parent's own I will", "My agreement for Ava\n\nI will take Ava to nursery every weekday by 9am.\nI will not drink when Ava is with me.\n\nSigned ______ Date ______\n",
			"I will take Ava", "I", PartyFamily, false},
		{"I, Name, undertake", "Written undertaking\n\nI, Tara Stone, of 2 Elm Road, undertake that I will not let Dan into the flat.\n\nSigned ______ Date ______\n",
			"I will not let Dan", "Tara Stone", PartyFamily, true},
		{"letter: you will", "Brookfield Council\nChildren's Services\n\nDear Ms Stone,\n\nHere is our written agreement for Ava.\n\nWhat you have agreed to do\n1. You will take Ava to nursery every weekday.\n\nWhat I will do\n2. I will visit you every two weeks.\n\nYours sincerely,\n\nJo Bell\nSocial Worker\n",
			"You will take Ava", "Ms Stone", PartyFamily, false},
		{"letter: I will", "Brookfield Council\nChildren's Services\n\nDear Ms Stone,\n\nHere is our written agreement for Ava.\n\n1. You will take Ava to nursery every weekday.\n2. I will visit you every two weeks.\n\nYours sincerely,\n\nJo Bell\nSocial Worker\n",
			"I will visit you", "Jo Bell", PartyProfessional, false},
		{"email in the first person", "From: Jo Bell\nTo: Tara Stone\nSubject: What we agreed\n\nHi Tara,\n\nHere is what we agreed on Monday.\n- You will take Ava to nursery every weekday.\n- I'll refer you to the Family Hub by Friday.\n\nThanks,\nJo\n",
			"I'll refer you", "Jo Bell", PartyProfessional, false},
		{"teen agreement: you", "Our agreement – Leah\n\nLeah Morgan, 16\nSocial worker: Ben Ostrowski\n\nWhat you (Leah) will do\n- You'll be home by 10pm on school nights.\n\nWhat Ben will do\n- Ben will see you every two weeks.\n" + sign,
			"You'll be home", "Leah", PartyFamily, false},
		{"me (name) dash", "From: Sam Okafor\nTo: Joanne Pritchard\nSubject: What we agreed\n\nHi Joanne,\n\nSo, what we agreed:\n- Joanne – you'll get Callum to school by 8.45 every school day.\n- Me (Sam) – I'll ask the school nurse to see Callum by Friday.\n\nThanks,\nSam\n\nSam Okafor\nSocial Worker\n",
			"I'll ask the school nurse", "Sam", PartyProfessional, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, at := checkAt(t, tc.text, tc.clause)
			var got []string
			for _, c := range r.Commitments {
				got = append(got, c.Actor+" ("+c.Party+"): "+tc.text[c.Start:c.End])
				if c.Start <= at && at < c.End {
					if c.Actor != tc.actor || c.Party != tc.party {
						t.Errorf("actor %q (%s), want %q (%s)", c.Actor, c.Party, tc.actor, tc.party)
					}
					return
				}
			}
			t.Errorf("no commitment holds %q; found:\n%s", tc.clause, strings.Join(got, "\n"))
		})
	}
}

// TestNotCommitments: capitalised common nouns, headings and passives
// without an agent do not make anyone an actor.
func TestNotCommitments(t *testing.T) {
	const head = "Written agreement for Ava Stone (6)\n\nMum: Tara Stone\nSocial worker: Jo Bell\n\n"
	tests := []struct{ name, text, clause string }{
		{"capitalised noun", head + "Tara will take Ava to her visits.\nVisits will happen at the family centre.\n", "Visits will happen"},
		{"passive without agent", head + "Pete will be told the next working day.\n", "Pete will be told"},
		{"label row of a table", head + "Social worker\tJo Bell\tTel: 01632 960 100\n", "Jo Bell"},
		{"definition line", head + "What we mean by the words we use\nSupport – in this agreement support means a named person doing something.\n", "Support –"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, at := checkAt(t, tc.text, tc.clause)
			for _, c := range r.Commitments {
				if c.Start <= at && at < c.End {
					t.Errorf("%q is a commitment by %q", tc.text[c.Start:c.End], c.Actor)
				}
			}
		})
	}
}

// checkAt checks text and returns the report and where clause starts.
func checkAt(t *testing.T, text, clause string) (*Report, int) {
	t.Helper()
	r, err := Check(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, clause)
	if at < 0 {
		t.Fatalf("clause %q not in text", clause)
	}
	return r, at
}

// TestChildActor: a commitment that rests on a young child is reported;
// one by a teenager is not.
func TestChildActor(t *testing.T) {
	text := "Written agreement\n\nMum: Tara Stone\nAva Stone (6)\nLeah Stone (15)\n\nAva will keep her bedroom door shut at night.\nLeah will be home by 9pm on school nights.\nTara will check the doors are locked every night.\n\nSigned ______ Date ______\n"
	r, at := checkAt(t, text, "Ava will keep")
	n := 0
	for _, f := range r.Findings {
		if f.Rule == "child-actor" {
			n++
			if f.Start != at {
				t.Errorf("child-actor at %d, want %d", f.Start, at)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d child-actor findings, want 1 (for Ava, 6)", n)
	}
}
