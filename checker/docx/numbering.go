package docx

import (
	"strconv"
	"strings"
)

// level is one level of a list's numbering: its first number, its format
// ("decimal", "lowerLetter", "bullet"…) and its text, where %1 to %9
// stand for the numbers of levels 1 to 9 ("%1.%2.").
type level struct {
	start  int
	format string
	text   string
	_      [0]func() // not comparable: no equality function in the page's module
}

// numbering is word/numbering.xml: list instances (numId) pointing at
// abstract lists with up to nine levels, and per-instance start overrides.
type numbering struct {
	abstract  map[string]*[9]level // abstractNumId -> levels
	instances map[string]string    // numId -> abstractNumId
	overrides map[string]map[int]int
	counters  map[string]*[9]int // numId -> the last number given at each level (0: none yet)
}

func parseNumbering(src []byte) (*numbering, error) {
	n := &numbering{abstract: map[string]*[9]level{}, instances: map[string]string{}, overrides: map[string]map[int]int{}, counters: map[string]*[9]int{}}
	if src == nil {
		return n, nil
	}
	z := newTokenizer(src)
	var levels *[9]level
	var lvl = -1
	num, overrideLvl := "", -1
	for z.next() {
		t := &z.tok
		if t.kind == tokEnd {
			switch t.name {
			case "w:abstractNum":
				levels = nil
			case "w:lvl":
				lvl = -1
			case "w:num":
				num = ""
			case "w:lvlOverride":
				overrideLvl = -1
			}
			continue
		}
		if t.kind != tokStart && t.kind != tokEmpty {
			continue
		}
		switch t.name {
		case "w:abstractNum":
			levels = &[9]level{}
			for i := range levels {
				levels[i] = level{start: 1, format: "decimal", text: "%" + strconv.Itoa(i+1) + "."}
			}
			n.abstract[t.attr("w:abstractNumId")] = levels
		case "w:lvl":
			lvl = atoi(t.attr("w:ilvl"), -1)
			if lvl > 8 {
				lvl = -1
			}
		case "w:start":
			if levels != nil && lvl >= 0 {
				levels[lvl].start = atoi(t.attr("w:val"), 1)
			}
		case "w:numFmt":
			if levels != nil && lvl >= 0 {
				levels[lvl].format = t.attr("w:val")
			}
		case "w:lvlText":
			if levels != nil && lvl >= 0 {
				levels[lvl].text = t.attr("w:val")
				if n := len(levels[lvl].text); n > maxLevelText {
					return nil, fail(ErrTooLarge, "a list's number format is "+strconv.Itoa(n)+
						" characters long, where Word's are a few; the limit is "+strconv.Itoa(maxLevelText))
				}
			}
		case "w:num":
			num = t.attr("w:numId")
		case "w:abstractNumId":
			if num != "" {
				n.instances[num] = t.attr("w:val")
			}
		case "w:lvlOverride":
			overrideLvl = atoi(t.attr("w:ilvl"), -1)
		case "w:startOverride":
			if num != "" && overrideLvl >= 0 && overrideLvl <= 8 {
				if n.overrides[num] == nil {
					n.overrides[num] = map[int]int{}
				}
				n.overrides[num][overrideLvl] = atoi(t.attr("w:val"), 1)
			}
		}
	}
	if z.err != "" {
		return nil, fail(ErrDamaged, "word/numbering.xml: "+z.err)
	}
	return n, nil
}

// label advances list numId at level ilvl and returns what Word shows
// before the item: "3.", "2.1", "b)", or "•" for a bullet. ok is false when
// the list is not defined or is numberless.
func (n *numbering) label(numID string, ilvl int) (string, bool) {
	levels := n.abstract[n.instances[numID]]
	if levels == nil || numID == "0" || ilvl < 0 || ilvl > 8 {
		return "", false
	}
	c := n.counters[numID]
	if c == nil {
		c = &[9]int{}
		n.counters[numID] = c
	}
	start := func(l int) int {
		if s, ok := n.overrides[numID][l]; ok {
			return s
		}
		return levels[l].start
	}
	if c[ilvl] == 0 {
		c[ilvl] = start(ilvl)
	} else {
		c[ilvl]++
	}
	for l := ilvl + 1; l < 9; l++ {
		c[l] = 0 // a deeper level starts again under the next item
	}
	lv := levels[ilvl]
	switch lv.format {
	case "bullet":
		return "•", true
	case "none":
		return "", false
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := c[l]
			if v == 0 {
				v = start(l)
			}
			b.WriteString(formatNumber(v, levels[l].format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String()), b.Len() > 0
}

// maxLevelText bounds a list level's text. Word shows a few characters
// ("%1.%2.", "Step %1:"); a long one repeated on every item of a long list
// would multiply the document's text, so a document with one is refused.
const maxLevelText = 128

// formatNumber writes n in one of Word's number formats.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := letters(n)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// letters: a..z, then aa..zz, as Word counts.
func letters(n int) string {
	if n < 1 || n > 26*26 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
}

func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

func atoi(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

// styles is what word/styles.xml says about paragraph styles: which are
// headings, and which carry list numbering of their own ("List Number").
type styleInfo struct {
	heading bool
	numID   string
	ilvl    int
	_       [0]func() // not comparable: no equality function in the page's module
}

func parseStyles(src []byte) (map[string]styleInfo, error) {
	out := map[string]styleInfo{}
	if src == nil {
		return out, nil
	}
	z := newTokenizer(src)
	id := ""
	var cur styleInfo
	for z.next() {
		t := &z.tok
		switch {
		case t.kind == tokEnd && t.name == "w:style":
			if id != "" {
				out[id] = cur
			}
			id = ""
		case t.kind == tokStart && t.name == "w:style":
			id, cur = t.attr("w:styleId"), styleInfo{heading: isHeadingID(t.attr("w:styleId"))}
		case id == "":
		case t.name == "w:name":
			name := strings.ToLower(t.attr("w:val"))
			cur.heading = cur.heading || strings.HasPrefix(name, "heading") || name == "title" || name == "subtitle"
		case t.name == "w:outlineLvl":
			cur.heading = true
		case t.name == "w:numId":
			cur.numID = t.attr("w:val")
		case t.name == "w:ilvl":
			cur.ilvl = atoi(t.attr("w:val"), 0)
		}
	}
	if z.err != "" {
		return nil, fail(ErrDamaged, "word/styles.xml: "+z.err)
	}
	return out, nil
}

func isHeadingID(id string) bool {
	return strings.HasPrefix(id, "Heading") || id == "Title" || id == "Subtitle"
}
