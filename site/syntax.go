package site

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// chromaStyle is a quiet highlighting style whose colours all reach WCAG AA
// contrast (4.5:1) on the code background, #f3f2f1.
var chromaStyle = chroma.MustNewStyle("handbook", chroma.StyleEntries{
	chroma.Background:          "#0b0c0c bg:#f3f2f1",
	chroma.Comment:             "italic #505a5f",
	chroma.Keyword:             "bold #0b0c0c",
	chroma.NameTag:             "#1d4f91",
	chroma.NameAttribute:       "#1d4f91",
	chroma.NameBuiltin:         "#1d4f91",
	chroma.LiteralString:       "#005a30",
	chroma.LiteralNumber:       "#942514",
	chroma.Literal:             "#942514",
	chroma.GenericHeading:      "bold #0b0c0c",
	chroma.GenericSubheading:   "bold #0b0c0c",
	chroma.GenericEmph:         "italic",
	chroma.GenericStrong:       "bold",
	chroma.Punctuation:         "#383f43",
	chroma.Operator:            "#383f43",
	chroma.NameVariable:        "#1d4f91",
	chroma.KeywordConstant:     "#942514",
	chroma.LiteralStringEscape: "#6f3c00",
})

// syntaxCSS returns the stylesheet for highlighted code.
func syntaxCSS() []byte {
	var b bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	_ = f.WriteCSS(&b, chromaStyle)
	return b.Bytes()
}
