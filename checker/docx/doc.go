// Package docx reads a Word document (.docx) into the plain text the
// checker judges, with a map from that text back to the document's
// paragraphs and table cells, so that a finding can say "paragraph 12" or
// "table 1, row 2, cell 3" rather than a line of text the reader never saw.
//
// It reads the main document part only: paragraphs, headings, numbered
// and bulleted lists (with their numbers worked out as Word shows them),
// tables (one line per row, cells separated by tabs, as the checker reads
// a pasted table), text boxes, and tracked changes as if accepted
// (insertions kept, deletions left out). Headers, footers, comments and
// footnotes are left out.
//
// The same code runs in `handbook check` and in the checker page's
// WebAssembly module, so it uses a little of the standard library only: its
// own reader for the zip container (over compress/flate) and its own
// tokenizer for the subset of XML that WordprocessingML uses. archive/zip
// and encoding/xml would have cost the page's download more than the rest
// of the checker's data. Every size it reads is bounded (Limits), so a
// zip bomb or a huge file is refused, not unpacked.
package docx
