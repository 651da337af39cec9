// Package search builds the handbook's search index and holds the rules
// for words that the page's search script (site/theme/static/search.js)
// repeats exactly: how text splits into words, which words are too common
// to index, and how a word is reduced to its stem so that "agreements"
// finds "agreement" and "reviewing" finds "reviewed".
//
// The index is one compact JSON file that the page fetches only when a
// reader starts to search. It does not hold the handbook's text: per
// section it keeps the link, heading and a short snippet for display, and
// an inverted index from stems to the sections holding them, with a small
// weight saying whether the word is in the chapter's title, the section's
// heading or only its text. That keeps it a small fraction of the pages
// it covers (see TestIndexSize).
package search
