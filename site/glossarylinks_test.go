package site

import (
	"bytes"
	"testing"
)

func TestResolveGlossaryLinks(t *testing.T) {
	term := `<a class="glossary-link" href="` + glossaryMarker + `#term-care-plan" title="A plan.">care plan</a>`
	acronym := `<a class="glossary-link" href="` + glossaryMarker + `#term-cin"><abbr title="Child in need">CIN</abbr></a>`
	tests := []struct {
		name, body, url, want string
	}{
		{"no links", "<p>plain</p>", "/glossary/", "<p>plain</p>"},
		{"term to glossary page", "<p>a " + term + ".</p>", "/glossary/",
			`<p>a <a class="glossary-link" href="/glossary/#term-care-plan" title="A plan.">care plan</a>.</p>`},
		{"acronym to glossary page", "<p>" + acronym + "</p>", "/hb/glossary/",
			`<p><a class="glossary-link" href="/hb/glossary/#term-cin"><abbr title="Child in need">CIN</abbr></a></p>`},
		{"no glossary page keeps the text", "<p>a " + term + " and " + acronym + "</p>", "",
			`<p>a care plan and <abbr title="Child in need">CIN</abbr></p>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(resolveGlossaryLinks([]byte(tc.body), tc.url))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if bytes.Contains([]byte(got), []byte(glossaryMarker)) {
				t.Errorf("marker left in %q", got)
			}
		})
	}
}
