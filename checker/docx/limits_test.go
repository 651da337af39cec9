package docx

import (
	"errors"
	"strings"
	"testing"
)

// amplified is a small .docx whose list level text is long and whose list
// has many items: each item's number repeats the level text, so the text
// Word would show is far larger than anything the file unpacks to.
func amplified(t testing.TB, levelText string, items int) []byte {
	t.Helper()
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>` +
		`<w:lvlText w:val="` + levelText + `"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	body := strings.Repeat(p("x", numPr("1", "0")), items)
	return newDocx(t, body, docxFiles{"word/numbering.xml": numbering})
}

// Failure 3 of issue 16: a 1.6 KB document made 608 MB of text. Now it is
// refused for its long list number format, and a document whose list
// numbers are short but many has its text counted against the budget.
func TestListNumbersStayWithinTheBudget(t *testing.T) {
	data := amplified(t, strings.Repeat("%1", 5000), 1000)
	t.Logf("the amplified document is %d bytes", len(data))
	if _, err := Read(data, Limits{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "the limit is 128") {
		t.Errorf("got %v, want ErrTooLarge naming the limit on number formats", err)
	}
	const budget = 1 << 20
	format := strings.Repeat("%1", maxLevelText/2)
	for _, items := range []int{1000, 20000} {
		d, err := Read(amplified(t, format, items), Limits{MaxUnpacked: budget})
		if err != nil {
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1 MB") {
				t.Errorf("%d items: got %v, want ErrTooLarge naming the 1 MB limit", items, err)
			}
			continue
		}
		if n := produced(d); n > budget {
			t.Errorf("%d items: %d bytes of text and labels, want at most the budget %d", items, n, budget)
		}
	}
}

// produced is what a Document holds: its text and its parts' labels.
func produced(d *Document) int {
	n := len(d.Text)
	for _, pt := range d.Parts {
		n += len(pt.Label) + partCost
	}
	return n
}

// The text and labels of a body are counted against what the zip left.
func TestBodyTextCountsAgainstTheBudget(t *testing.T) {
	num, err := parseNumbering([]byte(numberingXML))
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`<w:document ` + wordNS + `><w:body>` + strings.Repeat(p("Sarah will ring", numPr("1", "0")), 100) + `</w:body></w:document>`)
	if _, err := readBody(body, num, nil, 1000, 4000, nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100 list items in a budget of 1,000 bytes: got %v, want ErrTooLarge", err)
	}
	if _, err := readBody(body, num, nil, 100000, 100000, nil); err != nil {
		t.Errorf("the same in 100,000 bytes: %v", err)
	}
}

func TestLevelTextAtTheLimit(t *testing.T) {
	format := strings.Repeat("a", maxLevelText-2) + "%1"
	d, err := Read(amplified(t, format, 3), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Parts) != 3 || !strings.HasSuffix(d.Text, format[:maxLevelText-2]+"3 x") {
		t.Errorf("got %d parts and text ending %q", len(d.Parts), d.Text[len(d.Text)-10:])
	}
	if _, err := Read(amplified(t, format+"x", 3), Limits{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("one byte over the limit: got %v, want ErrTooLarge", err)
	}
}

// A list of many short items is fine as long as its text fits.
func TestLongListWithinBudget(t *testing.T) {
	d, err := Read(amplified(t, "%1.", 2000), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Text, "1. x\n2. x\n") || !strings.HasSuffix(d.Text, "2000. x") {
		t.Errorf("text starts %q and ends %q", d.Text[:20], d.Text[len(d.Text)-20:])
	}
}
