//go:build js && wasm

// Command wasm is the checker compiled to WebAssembly for the handbook's
// checker page. It is glue only: it hands the page's text to checker.Check
// and hands back the report's JSON, so that the page and `handbook check`
// give the same bytes for the same text.
//
// It registers two functions on the global object (the page's Web Worker):
//
//	handbookConfigure(settingsText) → "" or an error message
//	handbookCheck(text, answers)    → the report's JSON, or a refusal object
//	handbookReadDocx(bytes)         → {text, parts: [{start, end, label}]} or {error}
//
// answers, optional, maps a screening question's id (a flag id) to "yes"
// or "no", as `handbook check --answer` does. settingsText is
// checker.EncodeSettings' format; without a call to
// handbookConfigure the checker's defaults apply. A refusal is
// {"refused":true,"reason":"…","offset":N}, with the byte offset of the
// first bad byte. handbookReadDocx takes a Word document's bytes (a
// Uint8Array) and gives its text as `handbook check` reads it, with the byte
// ranges of its paragraphs and table cells, so that the page can name them.
package main

import (
	"strconv"
	"syscall/js"

	"handbook/checker"
	"handbook/checker/docx"
	"handbook/checker/limits"
)

// opts are the checker's settings, as handbookConfigure last set them.
var opts checker.Options

// more registers what build tags add (annotate.go).
var more []func()

func main() {

	js.Global().Set("handbookConfigure", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return "handbookConfigure wants the settings text"
		}
		s, err := checker.DecodeSettings(args[0].String())
		if err != nil {
			return err.Error()
		}
		opts.Settings = s
		return ""
	}))

	js.Global().Set("handbookCheck", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return refusal("the checker wants text", 0)
		}
		o := opts
		if len(args) > 1 && args[1].Type() == js.TypeObject {
			o.Answers = map[string]string{}
			for _, r := range checker.Rules() {
				if v := args[1].Get(r.ID); r.Kind == checker.RuleFlag && v.Type() == js.TypeString {
					o.Answers[r.ID] = v.String()
				}
			}
		}
		text := args[0].String()
		if len(text) > limits.TextBytes {
			return refusal("the text is larger than the limit of "+limits.Size(limits.TextBytes), 0)
		}
		report, err := checker.Check(text, o)
		if err != nil {
			// A type assertion, not errors.As: Check returns the
			// *RefusedError itself, and errors.As would link reflection
			// into the module (about 10 KB gzipped).
			if refused, ok := err.(*checker.RefusedError); ok {
				return refusal(refused.Reason, refused.Offset)
			}
			return refusal(err.Error(), 0)
		}
		return string(report.JSON())
	}))

	js.Global().Set("handbookReadDocx", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeObject {
			return map[string]any{"error": "the reader wants the file's bytes"}
		}
		n := args[0].Get("length").Int()
		if n > limits.WordFileBytes {
			return map[string]any{"error": "the Word document is larger than the limit of " + limits.Size(limits.WordFileBytes)}
		}
		data := make([]byte, n)
		js.CopyBytesToGo(data, args[0])
		doc, err := docx.Read(data, docx.Limits{MaxFileSize: limits.WordFileBytes, MaxUnpacked: limits.WordUnpackedBytes})
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		parts := make([]any, len(doc.Parts))
		for i, p := range doc.Parts {
			parts[i] = map[string]any{"start": p.Start, "end": p.End, "label": p.Label}
		}
		return map[string]any{"text": doc.Text, "parts": parts}
	}))

	for _, register := range more {
		register()
	}
	select {} // keep the functions alive for the worker's lifetime
}

// refusal writes the refusal object by hand: the reasons are the checker's
// own fixed ASCII phrases, and encoding/json would double the module.
func refusal(reason string, offset int) string {
	return `{"refused":true,"reason":` + strconv.Quote(reason) + `,"offset":` + strconv.Itoa(offset) + `}`
}
