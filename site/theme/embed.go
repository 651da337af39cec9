// Package theme holds the handbook's html/template layouts and static
// assets (CSS, favicon, small scripts), embedded in the binary.
package theme

import "embed"

// Templates holds templates/*.html, parsed together by the site build.
//
//go:embed templates/*.html
var Templates embed.FS

// Static holds static/*, published fingerprinted under /assets/.
//
//go:embed static/*
var Static embed.FS

// Worker is the service worker's source (worker/sw.js). The build fills in
// its list of files and writes it to the handbook's root, where a service
// worker must live to look after every page.
//
//go:embed worker/sw.js
var Worker []byte
