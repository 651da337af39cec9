package checker

import (
	"reflect"
	"testing"
)

func TestSettingsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   Settings
	}{
		{"defaults", DefaultSettings()},
		{"everything", Settings{
			ReviewWithin:        Interval{Count: 6, Unit: Weeks},
			MaxLength:           Interval{Count: 6, Unit: Months},
			RequiredSignatories: []string{"team manager", "child"},
			ExtraAcronyms:       map[string]string{"PLO": "Public Law Outline"},
			VagueTerms:          []string{"monitor"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeSettings(EncodeSettings(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got.Hash() != tt.in.Hash() {
				t.Errorf("hash after round trip: got %s, want %s", got.Hash(), tt.in.Hash())
			}
			if EncodeSettings(got) != EncodeSettings(tt.in) {
				t.Errorf("encoding changed:\ngot  %q\nwant %q", EncodeSettings(got), EncodeSettings(tt.in))
			}
		})
	}
}

func TestDecodeSettingsErrors(t *testing.T) {
	for _, in := range []string{"review_within", "review_within=3 fortnights", "review_within=0 months", "colour=blue", "acronym=PLO"} {
		if _, err := DecodeSettings(in); err == nil {
			t.Errorf("DecodeSettings(%q): got no error, want one", in)
		}
	}
	got, err := DecodeSettings("")
	if err != nil || !reflect.DeepEqual(got, DefaultSettings()) {
		t.Errorf("DecodeSettings(\"\"): got %+v, %v; want defaults", got, err)
	}
}
