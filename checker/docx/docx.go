package docx

import (
	"bytes"
	"strconv"
	"strings"
)

// Limits bound what Read will take on. The zero value means DefaultLimits.
type Limits struct {
	MaxFileSize int64 // bytes of the .docx itself
	// MaxUnpacked bounds the bytes unpacked from its parts and the text
	// (list numbers and labels included) made from them, in all: a short
	// list level text repeated on every item of a long list would
	// otherwise make far more text than the file unpacks to.
	MaxUnpacked int64
	MaxParts    int // files in its zip container
}

// The default limits are far above any real agreement (a long one with
// photos is a few megabytes) and far below what would hurt a phone.
// handbook/limits gives them to the command and the page.
const (
	MaxFileSize = 50 << 20
	MaxUnpacked = 64 << 20
)

// DefaultLimits are MaxFileSize, MaxUnpacked and 2,000 parts.
func DefaultLimits() Limits {
	return Limits{MaxFileSize: MaxFileSize, MaxUnpacked: MaxUnpacked, MaxParts: 2000}
}

func (l Limits) orDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = d.MaxUnpacked
	}
	if l.MaxParts <= 0 {
		l.MaxParts = d.MaxParts
	}
	return l
}

// Kind is what a part of the document is.
type Kind uint8

const (
	Paragraph Kind = iota + 1
	Heading
	ListItem
	TableCell
	TextBox
)

// Part is one paragraph, heading, list item, table cell or text box's
// paragraph, as a range of Document.Text.
type Part struct {
	Start, End int // byte offsets into Document.Text
	Kind       Kind
	Label      string // "paragraph 12", "table 1, row 2, cell 3", "text box 1"
}

// Document is a Word document's text as the checker judges it, and where
// each piece of it came from.
type Document struct {
	Text  string
	Parts []Part // in text order, not overlapping

	// What Annotate needs to write a copy with comments.
	src    []origin // where each stretch of Text came from in body
	body   []byte   // word/document.xml, unpacked
	zip    *archive
	num    *numbering
	styles map[string]styleInfo
}

// PartAt returns the part holding the byte at offset, if any (the line
// breaks between parts belong to none).
func (d *Document) PartAt(offset int) (Part, bool) {
	lo, hi := 0, len(d.Parts) // the first part ending after offset
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Parts[mid].End > offset {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	i := lo
	if i < len(d.Parts) && d.Parts[i].Start <= offset {
		return d.Parts[i], true
	}
	return Part{}, false
}

// IsWordFile is a cheap test of whether data is a Word file of any kind,
// to give to Read: a .docx (a zip file that names word/document.xml), or
// an OLE compound file, which is an old .doc or a password-protected
// .docx, both of which Read refuses with the reason.
func IsWordFile(data []byte) bool {
	zipped := bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data, []byte("word/document.xml"))
	return zipped || bytes.HasPrefix(data, oleSignature)
}

var (
	oleSignature = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	// "EncryptedPackage" in UTF-16LE: the stream an encrypted .docx keeps
	// its real content in, inside an OLE compound file.
	encryptedStream = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// Read reads a .docx file's main document into text and parts.
func Read(data []byte, lim Limits) (*Document, error) {
	lim = lim.orDefaults()
	if int64(len(data)) > lim.MaxFileSize {
		return nil, fail(ErrTooLarge, "the file is "+megabytes(int64(len(data)))+"; the limit is "+megabytes(lim.MaxFileSize))
	}
	switch {
	case bytes.HasPrefix(data, oleSignature):
		if bytes.Contains(data, encryptedStream) {
			return nil, ErrEncrypted
		}
		return nil, fail(ErrNotDocx, "it is an older Word document (.doc); open it in Word and save it as .docx")
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return nil, ErrNotDocx
	}
	a, err := openZip(data, lim)
	if err != nil {
		return nil, err
	}
	if !a.has("word/document.xml") {
		return nil, fail(ErrNotDocx, "it is a zip file without word/document.xml")
	}
	body, err := a.read("word/document.xml")
	if err != nil {
		return nil, err
	}
	var numSrc, styleSrc []byte
	if a.has("word/numbering.xml") {
		if numSrc, err = a.read("word/numbering.xml"); err != nil {
			return nil, err
		}
	}
	if a.has("word/styles.xml") {
		if styleSrc, err = a.read("word/styles.xml"); err != nil {
			return nil, err
		}
	}
	num, err := parseNumbering(numSrc)
	if err != nil {
		return nil, err
	}
	styles, err := parseStyles(styleSrc)
	if err != nil {
		return nil, err
	}
	d, err := readBody(body, num, styles, a.budget, lim.MaxUnpacked, nil)
	if err != nil {
		return nil, err
	}
	d.body, d.zip, d.num, d.styles = body, a, num, styles
	return d, nil
}

func label(kind Kind, n int, number string) string {
	switch kind {
	case Heading:
		return "paragraph " + strconv.Itoa(n) + " (heading)"
	case ListItem:
		if number == "•" || number == "" {
			return "paragraph " + strconv.Itoa(n) + " (bullet point)"
		}
		return "paragraph " + strconv.Itoa(n) + " (list item " + strings.TrimRight(number, ".)") + ")"
	case TextBox:
		return "text box " + strconv.Itoa(n)
	}
	return "paragraph " + strconv.Itoa(n)
}
