package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"handbook/checker/limits"
)

// Options configure a Builder.
type Options struct {
	Content fs.FS  // the handbook folder: Markdown chapters and handbook.yaml
	BaseURL string // overrides the settings' base_url when not ""
	Strict  bool   // turn warnings (overdue reviews) into errors
	// LiveReload adds the preview server's reload script to every page.
	LiveReload bool
	// CheckerFiles are extra assets published fingerprinted, such as
	// "checker.wasm" and "wasm_exec.js"; templates reach them with asset.
	CheckerFiles map[string][]byte
	// CheckerUnavailable says why the checker is missing ("" when it is
	// available); the checker page then shows only the manual checklist.
	// The checker counts as available only when this is "" and
	// CheckerFiles is not nil.
	CheckerUnavailable string
	Today              string // YYYY-MM-DD, for overdue reviews; "" skips the check
}

// Result is a whole built site, in memory.
type Result struct {
	Files         map[string][]byte // by URL path: "index.html", "when-to-use/index.html", "assets/x.1234abcd.css"
	Warnings      []*Error          // overdue reviews and the like
	ExternalLinks []ExternalLink    // sorted by URL, then file and line
	Pages         int               // HTML pages rendered
	Duration      time.Duration
}

// ExternalLink is a link to another site: listed, never fetched.
type ExternalLink struct {
	URL  string
	File string
	Line int
}

// Builder builds a site. It caches rendered Markdown between builds; Build
// calls on one Builder run one at a time.
type Builder struct {
	opts    Options
	md      goldmark.Markdown
	buildMu sync.Mutex // one Build at a time

	mu    sync.Mutex
	cache map[string]*cacheEntry // by content file
	gzips map[string][]byte      // gzip copies of large assets, by SHA-256 of the asset
}

type cacheEntry struct {
	key string
	r   *rendered
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, md: newMarkdown(), cache: map[string]*cacheEntry{}}
}

// Build reads the content and builds the site. Content problems are returned
// together as an ErrorList (with a nil Result).
func (b *Builder) Build(ctx context.Context) (*Result, error) {
	b.buildMu.Lock()
	defer b.buildMu.Unlock()
	start := time.Now()
	var e errs
	fsys := b.opts.Content
	if fsys == nil {
		return nil, errors.New("site: no content folder given")
	}

	mdFiles, otherFiles := b.scan(fsys, &e)
	var settings Settings
	if src, ok := readSettings(fsys, &e); ok {
		settings = parseSettings(src, &e)
	}
	if b.opts.BaseURL != "" {
		if msg := badBaseURL(b.opts.BaseURL); msg != "" {
			return nil, ErrorList{{Message: "--base-url " + msg}}
		}
		settings.BaseURL = b.opts.BaseURL
	}
	basePath := basePathOf(settings.BaseURL)
	tokens := map[string]string{
		"review-interval": settings.Checker.ReviewWithin.Words(),
		"max-length":      "no fixed maximum",
	}
	if !settings.Checker.MaxLength.IsZero() {
		tokens["max-length"] = settings.Checker.MaxLength.Words()
	}
	renderKey := settings.Checker.ReviewWithin.Words() + "\x00" + tokens["max-length"] + "\x00" + basePath

	chapters := make([]*Chapter, len(mdFiles))
	chErrs := make([][]*Error, len(mdFiles))
	if err := parallel(ctx, len(mdFiles), func(i int) {
		chapters[i], chErrs[i] = b.loadChapter(fsys, mdFiles[i], tokens, renderKey, basePath)
	}); err != nil {
		return nil, err
	}
	for _, l := range chErrs {
		e.list = append(e.list, l...)
	}
	site := &siteData{settings: settings, basePath: basePath, byKey: map[string]*Chapter{}, failed: map[string]bool{}}
	for i, c := range chapters {
		if c == nil {
			// Links to a chapter that could not be read are not reported
			// again: its own error says what is wrong.
			site.failed[pageKey(mdFiles[i])] = true
		}
	}
	chapters = slices.DeleteFunc(chapters, func(c *Chapter) bool { return c == nil })

	// Addresses are compared without case: Dup.md and dup.md would
	// overwrite each other on a case-insensitive host or disk.
	byFolded := map[string]*Chapter{}
	for _, c := range chapters {
		folded := strings.ToLower(c.Path)
		if prev, dup := byFolded[folded]; dup {
			e.add(c.File, 1, "duplicate slug: %s and %s both make the page /%s", prev.File, c.File, c.Path)
			continue
		}
		byFolded[folded] = c
		site.byKey[c.Path] = c
		site.chapters = append(site.chapters, c)
	}
	site.order()
	glossaryURL := ""
	for _, c := range site.chapters {
		if c.Layout == "glossary" {
			glossaryURL = c.URL
			break
		}
	}
	for _, c := range site.chapters {
		c.Body = template.HTML(resolveGlossaryLinks([]byte(c.Body), glossaryURL))
	}
	files := map[string]bool{}
	for _, f := range otherFiles {
		files[f] = true
	}
	site.checkLinks(files, &e)
	site.checkRelated(&e)

	var warnings []*Error
	for _, c := range site.chapters {
		warnings = append(warnings, c.warnings...)
	}
	if b.opts.Today != "" {
		for _, c := range site.chapters {
			if c.ReviewDue != "" && c.ReviewDue < b.opts.Today {
				c.Overdue = true
				warnings = append(warnings, &Error{File: c.File, Line: c.reviewDueLine, Message: "review was due " + c.ReviewDue})
			}
		}
	}
	if b.opts.Strict {
		e.list = append(e.list, warnings...)
		warnings = nil
	}
	if err := e.err(); err != nil {
		return nil, err
	}

	res := &Result{Files: map[string][]byte{}, Warnings: warnings}
	for _, c := range site.chapters {
		for _, l := range c.links {
			if l.External {
				res.ExternalLinks = append(res.ExternalLinks, ExternalLink{URL: l.Written, File: c.File, Line: l.Line})
			}
		}
	}
	sort.Slice(res.ExternalLinks, func(i, j int) bool {
		a, b := res.ExternalLinks[i], res.ExternalLinks[j]
		if a.URL != b.URL {
			return a.URL < b.URL
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})

	for _, f := range otherFiles {
		data, err := readRegular(fsys, f, limitFor(f))
		if err != nil {
			e.add(f, 0, "%v", err)
			continue
		}
		res.Files[f] = data
	}
	if err := e.err(); err != nil {
		return nil, err
	}

	site.glossary = glossaryEntries()
	if glossaryURL != "" {
		byID := map[string]GlossaryEntry{}
		for _, g := range site.glossary {
			byID[g.ID] = g
		}
		for _, c := range site.chapters {
			for _, id := range c.termIDs {
				c.Terms = append(c.Terms, byID[id])
			}
		}
	}
	built := map[string][]byte{"search-index.json": site.searchIndex()}
	assets, err := b.publishAssets(basePath, res.Files, built)
	if err != nil {
		return nil, err
	}
	tmpl, err := parseTemplates(assets)
	if err != nil {
		return nil, err
	}
	if err := b.renderPages(ctx, site, tmpl, res); err != nil {
		return nil, err
	}
	res.Files["sitemap.xml"] = site.sitemap()
	if !b.opts.LiveReload {
		// The preview never gets a service worker: a draft of a chapter
		// must not outlive the preview in a reader's offline copy.
		sw, err := serviceWorker(res.Files, basePath)
		if err != nil {
			return nil, err
		}
		res.Files[swFile] = sw
	}
	res.Duration = time.Since(start)
	return res, nil
}

// scan lists the Markdown chapters (root and one folder deep) and the other
// files to copy, in sorted order.
func (b *Builder) scan(fsys fs.FS, e *errs) (md, other []string) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			e.add(p, 0, "cannot read: %v", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		depth := strings.Count(p, "/")
		if d.IsDir() {
			if p != "." && depth >= 1 {
				if hasMarkdown(fsys, p) {
					e.add(p, 0, "sections nest one folder deep only; move its chapters up a level")
				}
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(name, ".md"):
			md = append(md, p)
		case p == SettingsFile, strings.HasSuffix(name, ".go"):
		default:
			other = append(other, p)
		}
		return nil
	})
	if err != nil {
		e.add(".", 0, "cannot read the content folder: %v", err)
	}
	sort.Strings(md)
	sort.Strings(other)
	return md, other
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func hasMarkdown(fsys fs.FS, dir string) bool {
	found := false
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// basePathOf returns the path part of a base URL, with slashes both ends.
func basePathOf(base string) string {
	p := base
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		p = u.Path
	}
	p = "/" + strings.Trim(p, "/") + "/"
	if p == "//" {
		p = "/"
	}
	return p
}

// loadChapter reads, validates and renders one chapter (using the cache).
func (b *Builder) loadChapter(fsys fs.FS, file string, tokens map[string]string, renderKey, basePath string) (*Chapter, []*Error) {
	var e errs
	if msg := badSlug(file); msg != "" {
		e.add(file, 1, "%s", msg)
		return nil, e.list
	}
	src, err := readRegular(fsys, file, limits.ChapterBytes)
	if err != nil {
		e.add(file, 0, "%v", err)
		return nil, e.list
	}
	if !utf8.Valid(src) {
		line := 1
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += n
		}
		e.add(file, line, "not valid UTF-8 text: save the file as UTF-8")
		return nil, e.list
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		e.add(file, 1+bytes.Count(src[:i], []byte{'\n'}), "contains a NUL byte")
		return nil, e.list
	}
	header, body, bodyLine, ok := splitFrontMatter(file, src, &e)
	if !ok {
		return nil, e.list
	}
	fm, ok := parseFrontMatter(file, header, 1, &e)
	if !ok {
		return nil, e.list
	}
	sum := sha256.Sum256(src)
	key := hex.EncodeToString(sum[:]) + "\x00" + renderKey
	b.mu.Lock()
	ce := b.cache[file]
	b.mu.Unlock()
	var r *rendered
	if ce != nil && ce.key == key {
		r = ce.r
	} else {
		r = renderMarkdown(b.md, file, body, bodyLine, tokens, basePath, fm.Layout != "glossary")
		b.mu.Lock()
		b.cache[file] = &cacheEntry{key: key, r: r}
		b.mu.Unlock()
	}
	e.list = append(e.list, r.Errors...)
	c := &Chapter{FrontMatter: fm, File: file, Path: pageKey(file), URL: basePath + pageKey(file),
		Body: template.HTML(r.HTML), links: r.Links, termIDs: r.Terms, ids: r.IDs, headings: r.Headings, sections: r.Sections,
		warnings: r.Warnings}
	c.Slug = strings.TrimSuffix(path.Base(c.Path), "/")
	if c.Path == "" {
		c.Slug = ""
	}
	if dir := path.Dir(file); dir != "." {
		c.Section = dir
		c.IsSectionIndex = path.Base(file) == "index.md"
	}
	for _, h := range r.Headings {
		if h.Level == 2 && h.ID != "" {
			c.Headings = append(c.Headings, h)
		}
	}
	return c, e.list
}

// parallel runs f(0..n-1) on GOMAXPROCS workers.
func parallel(ctx context.Context, n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			f(i)
		}
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return err
}
