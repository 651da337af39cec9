package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"handbook/site/theme"
	"handbook/wasm/page"
)

// gzipOver is the size above which an asset also gets a .gz copy.
const gzipOver = 20 << 10

// assetURLs maps an asset's name ("handbook.css") to its fingerprinted URL.
type assetURLs map[string]string

// publishAssets fingerprints every theme, page and checker asset, and the
// assets the build made (extra: the search index), into files and returns
// their URLs.
func (b *Builder) publishAssets(basePath string, files map[string][]byte, extra map[string][]byte) (assetURLs, error) {
	sources := map[string][]byte{}
	for _, src := range []fs.FS{theme.Static, page.FS} {
		err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			sources[path.Base(p)] = data
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("site: reading theme assets: %w", err)
		}
	}
	sources["syntax.css"] = syntaxCSS()
	for name, data := range b.opts.CheckerFiles {
		sources[name] = data
	}
	for name, data := range extra {
		sources[name] = data
	}
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	urls := assetURLs{}
	for _, name := range names {
		data := sources[name]
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		out := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		files[out] = data
		if len(data) > gzipOver {
			files[out+".gz"] = b.gzipCached(hex.EncodeToString(sum[:]), data)
		}
		urls[name] = basePath + out
	}
	return urls, nil
}

// gzipCached returns the gzip copy of an asset, compressing it only the
// first time its content is seen: the checker's WebAssembly is megabytes,
// and compressing it again on every preview rebuild dominated rebuild time.
func (b *Builder) gzipCached(sum string, data []byte) []byte {
	b.mu.Lock()
	gz, ok := b.gzips[sum]
	b.mu.Unlock()
	if ok {
		return gz
	}
	gz = gzipBytes(data)
	b.mu.Lock()
	if b.gzips == nil {
		b.gzips = map[string][]byte{}
	}
	b.gzips[sum] = gz
	b.mu.Unlock()
	return gz
}

// gzipBytes compresses deterministically (no name or time in the header).
func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}
