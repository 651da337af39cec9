package docx

import (
	"strconv"
	"strings"
)

// FromText builds a plain Word document holding a draft typed or pasted
// as text, laid out as the text is: a paragraph per line, the first line
// as a title, lines in capitals in bold, list items (bullets, "1.", "a)")
// with a hanging indent, tabs as tabs. Read gives the text back as the
// checker reads a pasted draft with its line ends made Unix ones, blank
// lines run together and spaces at line ends dropped, so the document's
// report is the draft's. The same text gives the same bytes.
func FromText(text string) []byte {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var body strings.Builder
	titled := false
	for _, line := range strings.Split(text, "\n") {
		line = printable(line)
		if strings.TrimSpace(line) == "" {
			body.WriteString("<w:p/>")
			continue
		}
		body.WriteString("<w:p>")
		if depth := listDepth(line); depth > 0 {
			body.WriteString(`<w:pPr><w:ind w:left="` + strconv.Itoa(360*depth) + `" w:hanging="360"/></w:pPr>`)
		}
		props := ""
		switch {
		case !titled:
			props, titled = `<w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>`, true
		case isCapitals(line):
			props = `<w:rPr><w:b/></w:rPr>`
		}
		for i, piece := range strings.Split(line, "\t") {
			if i > 0 {
				body.WriteString("<w:r>" + props + "<w:tab/></w:r>")
			}
			if piece != "" {
				body.WriteString("<w:r>" + props + `<w:t xml:space="preserve">` + escapeXML(piece) + "</w:t></w:r>")
			}
		}
		body.WriteString("</w:p>")
	}
	w := &zipWriter{}
	for _, part := range [][2]string{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", xmlHead + `<w:document xmlns:w="` + wordMain + `"><w:body>` + body.String() +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`},
		{"word/_rels/document.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/styles.xml", xmlHead + `<w:styles xmlns:w="` + wordMain + `"><w:docDefaults><w:rPrDefault><w:rPr>` +
			`<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/>` +
			`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`},
	} {
		w.store(part[0], []byte(part[1]), plainRecord)
	}
	return w.finish()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// listDepth is how deep a line that starts like a list item is: 1 for
// "• x", "- x", "1. x", "a) x", 2 for "1.2 x"; 0 for any other line.
func listDepth(line string) int {
	s := strings.TrimLeft(line, " ")
	for _, bullet := range []string{"• ", "· ", "- ", "* ", "– ", "o "} {
		if strings.HasPrefix(s, bullet) {
			return 1
		}
	}
	if len(s) > 2 && s[0] >= 'a' && s[0] <= 'z' && (s[1] == ')' || s[1] == '.') && s[2] == ' ' {
		return 1
	}
	i, numbers, marked := 0, 0, false // marked: "12 Acacia Avenue" is no list item
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		numbers++
		if i < len(s) && (s[i] == '.' || s[i] == ')') {
			i, marked = i+1, true
		}
	}
	if !marked || i >= len(s) || s[i] != ' ' {
		return 0
	}
	return min(numbers, 2)
}

// isCapitals: a heading typed in capitals.
func isCapitals(line string) bool {
	letters := 0
	for _, r := range line {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters >= 3
}
