package site

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Examples: a list whose every item starts with a bold "Weak:" or
// "Strong:" is a set of examples, shown as the NHS website's Do and Don't
// lists: the weak ones under "Don't", the strong ones under "Do", each
// group in source order. Glossary links are not made inside them: a
// quoted weak clause must read exactly as a family would see it.

// KindExamples is the node kind of a set of examples.
var KindExamples = ast.NewNodeKind("Examples")

// KindExampleGroup is the node kind of one Do or Don't list.
var KindExampleGroup = ast.NewNodeKind("ExampleGroup")

// Examples holds ExampleGroups.
type Examples struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*Examples) Kind() ast.NodeKind { return KindExamples }

// Dump implements ast.Node.
func (n *Examples) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// ExampleGroup holds the list items of one kind of example.
type ExampleGroup struct {
	ast.BaseBlock
	Strong bool
}

// Kind implements ast.Node.
func (*ExampleGroup) Kind() ast.NodeKind { return KindExampleGroup }

// Dump implements ast.Node.
func (n *ExampleGroup) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Strong": map[bool]string{true: "true", false: "false"}[n.Strong]}, nil)
}

// exampleLabel reads the bold label an example item starts with:
// "weak", "strong" or "".
func exampleLabel(item ast.Node, src []byte) (string, *ast.Emphasis) {
	block := item.FirstChild()
	if block == nil {
		return "", nil
	}
	em, ok := block.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return "", nil
	}
	label := strings.ToLower(strings.TrimSpace(plainText(em, src)))
	switch label {
	case "weak:", "strong:":
		return strings.TrimSuffix(label, ":"), em
	}
	return "", nil
}

type examplesTransformer struct{}

func (examplesTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var lists []*ast.List
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.List); ok && entering && !l.IsOrdered() {
			lists = append(lists, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range lists {
		examplize(l, src)
	}
}

// examplize replaces a list of weak and strong examples by Examples.
func examplize(l *ast.List, src []byte) {
	if l.ChildCount() == 0 {
		return
	}
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		if kind, _ := exampleLabel(it, src); kind == "" {
			return
		}
	}
	ex := &Examples{}
	var group *ExampleGroup
	for it := l.FirstChild(); it != nil; {
		next := it.NextSibling()
		kind, em := exampleLabel(it, src)
		block := it.FirstChild()
		block.RemoveChild(block, em)
		// The space after the label.
		if t, ok := block.FirstChild().(*ast.Text); ok {
			t.Segment = t.Segment.TrimLeftSpace(src)
		}
		if group == nil || group.Strong != (kind == "strong") {
			group = &ExampleGroup{Strong: kind == "strong"}
			ex.AppendChild(ex, group)
		}
		group.AppendChild(group, it)
		it = next
	}
	l.Parent().ReplaceChild(l.Parent(), l, ex)
}

type examplesRenderer struct{}

func (examplesRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindExamples, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<div class=\"do-dont\">\n")
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindExampleGroup, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		strong := node.(*ExampleGroup).Strong
		switch {
		case entering && strong:
			w.WriteString("<div class=\"do-dont__list do-dont__list--do\">\n<p class=\"do-dont__label\">Do</p>\n<ul class=\"do-dont__items\">\n")
		case entering:
			w.WriteString("<div class=\"do-dont__list do-dont__list--dont\">\n<p class=\"do-dont__label\">Don’t</p>\n<ul class=\"do-dont__items\">\n")
		default:
			w.WriteString("</ul>\n</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
