// Package content holds the default handbook: Markdown chapters with front
// matter and the settings file handbook.yaml. It is embedded in the binary
// so that `handbook build` with no content folder still builds a complete
// handbook.
package content

import "embed"

// FS is the default handbook, rooted at this folder.
//
//go:embed *.md handbook.yaml
var FS embed.FS
