// Package limits names the size limits on everything the handbook reads
// from outside: agreements given to `handbook check` or the checker page,
// and the files of a content folder. The command, the site build and the
// page take them from here, so that each refuses the same input with the
// same figure.
//
// Each limit is far above any real input (a long agreement is a few
// kilobytes of text; a chapter a few tens) and far below what would hurt a
// laptop or a phone's browser tab.
package limits

import (
	"strconv"

	"handbook/checker/docx"
)

const (
	// TextBytes bounds an agreement as text: a file, standard input, or
	// the page's text box.
	TextBytes = 10 << 20
	// WordFileBytes bounds a .docx file as stored.
	WordFileBytes = docx.MaxFileSize
	// WordUnpackedBytes bounds what a .docx unpacks to, the text it
	// produces (list numbers included) counted in.
	WordUnpackedBytes = docx.MaxUnpacked
	// ChapterBytes bounds a Markdown chapter and the settings file.
	ChapterBytes = 4 << 20
	// ContentFileBytes bounds any other file published from the content
	// folder (images, PDFs).
	ContentFileBytes = 64 << 20
)

// Size writes a limit for people: "10 MB", "512 KB".
func Size(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt((n+(1<<20)-1)>>20, 10) + " MB"
	}
	return strconv.FormatInt((n+1023)>>10, 10) + " KB"
}
