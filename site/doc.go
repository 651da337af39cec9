// Package site turns a handbook folder (Markdown chapters with YAML front
// matter plus a handbook.yaml settings file) into a static website held in
// memory, and writes it out atomically.
//
// A Builder keeps a cache of rendered chapter bodies between builds, so the
// preview server can rebuild after a one-chapter edit by re-rendering only
// that chapter's Markdown; the templates, which are cheap, run for every page.
//
// Every problem with the content is reported as an *Error carrying the file
// and line, and all such problems found in one build are returned together
// as an ErrorList. Bad content never panics.
package site
