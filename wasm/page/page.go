// Package page holds the checker page's browser scripts and styles. The
// site build publishes them, fingerprinted, beside the theme's own assets.
package page

import "embed"

// FS holds the page scripts (the main-thread script and the Web Worker that
// runs the WebAssembly checker) and their stylesheet.
//
//go:embed *.js *.css
var FS embed.FS
