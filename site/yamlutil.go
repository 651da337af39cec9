package site

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlLine finds the line number in a YAML library error message, so a
// syntax error can be reported against the file's own line numbering.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseYAML parses src into a document's top mapping. Syntax errors are
// reported at their line plus offset (the lines before src in the file).
func parseYAML(file string, src []byte, offset int, e *errs) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line := offset + 1
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = offset + n
			msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		e.add(file, line, "malformed YAML: %s", msg)
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, true // empty document
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		e.add(file, offset+top.Line, "expected key: value pairs, found %s", kindName(top))
		return nil, false
	}
	return top, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// yamlField is one key: value pair of a mapping.
type yamlField struct {
	key   string
	line  int // of the key, already offset
	value *yaml.Node
}

// fields lists a mapping's pairs, reporting duplicate keys.
func fields(file string, m *yaml.Node, offset int, e *errs) []yamlField {
	var out []yamlField
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		f := yamlField{key: k.Value, line: offset + k.Line, value: v}
		if seen[f.key] {
			e.add(file, f.line, "%q is given twice", f.key)
			continue
		}
		seen[f.key] = true
		out = append(out, f)
	}
	return out
}

// str reads a scalar string value.
func str(file string, f yamlField, offset int, e *errs) (string, bool) {
	if f.value.Kind != yaml.ScalarNode || f.value.Tag == "!!null" {
		e.add(file, offset+f.value.Line, "%s must be a single value, found %s", f.key, kindNameOrEmpty(f.value))
		return "", false
	}
	return f.value.Value, true
}

func kindNameOrEmpty(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "nothing"
	}
	return kindName(n)
}

// strList reads a list of strings; a single scalar is accepted as a one-item list.
func strList(file string, f yamlField, offset int, e *errs) ([]string, bool) {
	switch f.value.Kind {
	case yaml.ScalarNode:
		if f.value.Tag == "!!null" {
			return nil, true
		}
		return []string{f.value.Value}, true
	case yaml.SequenceNode:
		out := make([]string, 0, len(f.value.Content))
		for _, it := range f.value.Content {
			if it.Kind != yaml.ScalarNode {
				e.add(file, offset+it.Line, "%s must be a list of words, found %s", f.key, kindName(it))
				return nil, false
			}
			out = append(out, it.Value)
		}
		return out, true
	}
	e.add(file, offset+f.value.Line, "%s must be a list, found %s", f.key, kindName(f.value))
	return nil, false
}

// boundedInt reads a whole number from lo to hi.
func boundedInt(file string, f yamlField, lo, hi int, e *errs) (int, bool) {
	s, ok := str(file, f, 0, e)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		e.add(file, f.value.Line, "%s must be a whole number from %d to %d, found %q", f.key, lo, hi, s)
		return 0, false
	}
	return n, true
}
