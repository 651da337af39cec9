//go:build js && wasm && annotate

package main

import (
	"syscall/js"

	"handbook/checker"
	"handbook/checker/docx/annotate"
)

// The page's "Download as Word with comments" (checker/docx/annotate), in
// the module only when built with -tags annotate: it costs about 28 KB
// gzipped, more than the room left under the module's size ceiling.
//
//	handbookAnnotate(input, date, guidance, answers) → a Uint8Array, or an error message
//
// input is a Word document's bytes (a Uint8Array) or a draft's text; date
// is the comments' date ("2026-12-02T18:33:17Z"), guidance the address the
// guidance paths are relative to. The bytes are those `handbook check
// --annotate` writes for the same input, settings, answers and date.
func init() {
	more = append(more, func() {
		js.Global().Set("handbookAnnotate", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) < 4 {
				return "annotating wants the document or text, a date, the guidance address and the answers"
			}
			a := annotate.Options{Check: opts, Date: args[1].String(), Guidance: args[2].String()}
			if args[3].Type() == js.TypeObject {
				a.Check.Answers = map[string]string{}
				for _, r := range checker.Rules() {
					if v := args[3].Get(r.ID); r.Kind == checker.RuleFlag && v.Type() == js.TypeString {
						a.Check.Answers[r.ID] = v.String()
					}
				}
			}
			var out []byte
			var err error
			if args[0].Type() == js.TypeString {
				out, err = annotate.Text(args[0].String(), a)
			} else {
				data := make([]byte, args[0].Get("length").Int())
				js.CopyBytesToGo(data, args[0])
				out, err = annotate.Word(data, a)
			}
			if err != nil {
				return err.Error()
			}
			bytes := js.Global().Get("Uint8Array").New(len(out))
			js.CopyBytesToJS(bytes, out)
			return bytes
		}))
	})
}
