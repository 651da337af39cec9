package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"handbook/site/theme"
)

// swFile is where the service worker is published: at the handbook's
// root, because a service worker looks after only the pages at or below
// its own address.
const swFile = "sw.js"

// serviceWorker returns sw.js for a built site: the theme's worker with
// this build's fingerprint and the files it keeps for offline use. Every
// page and asset is kept when the worker installs, except gzip copies
// (the browser asks for the plain file) and the search index, which is
// kept only once the reader searches: the page promises to fetch it only
// then.
func serviceWorker(files map[string][]byte, basePath string) ([]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		if n != swFile {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	h := sha256.New()
	var pages, assets, later []string
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(files[n])
		h.Write([]byte{0})
		switch {
		case strings.HasSuffix(n, ".gz"), n == "sitemap.xml":
		case strings.HasPrefix(n, "assets/search-index."):
			later = append(later, basePath+n)
		case n == "index.html":
			pages = append(pages, basePath)
		case strings.HasSuffix(n, "/index.html"):
			pages = append(pages, basePath+strings.TrimSuffix(n, "index.html"))
		case strings.HasSuffix(n, ".html"):
			pages = append(pages, basePath+n)
		default:
			assets = append(assets, basePath+n)
		}
	}
	build := hex.EncodeToString(h.Sum(nil)[:8])
	js := func(v any) string {
		b, _ := json.Marshal(v) // strings only: cannot fail
		return string(b)
	}
	var b bytes.Buffer
	b.WriteString("const BUILD = " + js(build) + ";\n")
	b.WriteString("const ROOT = " + js(basePath) + ";\n")
	b.WriteString("const PRECACHE = " + js(append(pages, assets...)) + ";\n")
	b.WriteString("const LATER = " + js(later) + ";\n")
	src := theme.Worker
	start := bytes.Index(src, []byte("/* BUILD */\n"))
	end := bytes.Index(src, []byte("/* END BUILD */"))
	if start < 0 || end < start {
		return nil, errors.New("site: theme/worker/sw.js has lost its BUILD markers")
	}
	start += len("/* BUILD */\n")
	out := append([]byte{}, src[:start]...)
	out = append(out, b.Bytes()...)
	return append(out, src[end:]...), nil
}
