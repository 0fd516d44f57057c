// Package fhirtest checks exported FHIR resources against HL7's R4 JSON schema in tests. The
// project has no JSON-schema library, so this is a small validator that covers the keywords
// the R4 schema uses: $ref, type, pattern, enum, const, properties with additionalProperties
// false, required, items and oneOf. It also applies FHIR's own rule that no object or array
// may be empty, which the schema cannot say.
package fhirtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Schema is the R4 schema loaded for validation. It is safe for use by one goroutine.
type Schema struct {
	defs     map[string]any
	patterns map[string]*regexp.Regexp
}

// Load reads the R4 JSON schema (fhir-r4.schema.json) from path.
func Load(path string) (*Schema, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Definitions map[string]any `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Definitions) == 0 {
		return nil, fmt.Errorf("%s: no definitions", path)
	}
	return &Schema{defs: doc.Definitions, patterns: map[string]*regexp.Regexp{}}, nil
}

// Validate checks one resource, given as JSON, against the definition for its resourceType
// and returns every problem found, each with its JSON path.
func (s *Schema) Validate(resource []byte) []error {
	dec := json.NewDecoder(bytes.NewReader(resource))
	dec.UseNumber() // keep numbers as written, so integer patterns see "5", not 5.0
	var v any
	if err := dec.Decode(&v); err != nil {
		return []error{err}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return []error{fmt.Errorf("a resource is a JSON object")}
	}
	typ, _ := obj["resourceType"].(string)
	def, ok := s.defs[typ]
	if !ok {
		return []error{fmt.Errorf("unknown resourceType %q", typ)}
	}
	var errs []error
	s.check(typ, v, def, &errs)
	return errs
}

func (s *Schema) check(path string, v any, schema any, errs *[]error) {
	sc, ok := schema.(map[string]any)
	if !ok {
		return
	}
	fail := func(format string, args ...any) {
		*errs = append(*errs, fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...)))
	}
	if r, ok := sc["$ref"].(string); ok {
		name := strings.TrimPrefix(r, "#/definitions/")
		def, found := s.defs[name]
		if !found {
			fail("unresolved $ref %s", r)
			return
		}
		s.check(path, v, def, errs)
	}
	if c, ok := sc["const"]; ok && !equal(v, c) {
		fail("must be %v, is %v", c, v)
	}
	if enum, ok := sc["enum"].([]any); ok && !inEnum(v, enum) {
		fail("%v is not one of %v", v, enum)
	}
	if t, ok := sc["type"].(string); ok && !hasType(v, t) {
		fail("must be of type %s, is %T", t, v)
		return
	}
	if p, ok := sc["pattern"].(string); ok {
		s.checkPattern(path, v, p, fail)
	}
	switch val := v.(type) {
	case map[string]any:
		s.checkObject(path, val, sc, fail, errs)
	case []any:
		if len(val) == 0 {
			fail("an array may not be empty in FHIR")
		}
		for i, item := range val {
			s.check(fmt.Sprintf("%s[%d]", path, i), item, sc["items"], errs)
		}
	}
	if alts, ok := sc["oneOf"].([]any); ok {
		s.checkOneOf(path, v, alts, fail)
	}
}

func (s *Schema) checkObject(path string, obj map[string]any, sc map[string]any, fail func(string, ...any), errs *[]error) {
	if len(obj) == 0 {
		fail("an object may not be empty in FHIR")
	}
	props, _ := sc["properties"].(map[string]any)
	for _, req := range asStrings(sc["required"]) {
		if _, ok := obj[req]; !ok {
			fail("missing required %s", req)
		}
	}
	for k, child := range obj {
		ps, known := props[k]
		if !known {
			if sc["additionalProperties"] == false {
				fail("unknown property %q", k)
			}
			continue
		}
		s.check(path+"."+k, child, ps, errs)
	}
}

// checkOneOf handles the schema's ResourceList (a Bundle entry's resource): the alternatives
// differ by resourceType, so the one with the matching const decides.
func (s *Schema) checkOneOf(path string, v any, alts []any, fail func(string, ...any)) {
	obj, _ := v.(map[string]any)
	typ, _ := obj["resourceType"].(string)
	for _, alt := range alts {
		r, _ := alt.(map[string]any)["$ref"].(string)
		if strings.TrimPrefix(r, "#/definitions/") == typ {
			var errs []error
			s.check(path, v, alt, &errs)
			for _, e := range errs {
				fail("%v", e)
			}
			return
		}
	}
	fail("no alternative for resourceType %q", typ)
}

func (s *Schema) checkPattern(path string, v any, pattern string, fail func(string, ...any)) {
	var text string
	switch val := v.(type) {
	case string:
		text = val
	case json.Number:
		text = val.String() // stricter than JSON Schema: an integer element must be written as one
	default:
		return
	}
	re, ok := s.patterns[pattern]
	if !ok {
		var err error
		if re, err = regexp.Compile(pattern); err != nil {
			fail("pattern %q does not compile: %v", pattern, err)
			return
		}
		s.patterns[pattern] = re
	}
	if !re.MatchString(text) {
		fail("%q does not match %s", text, pattern)
	}
}

func hasType(v any, t string) bool {
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	}
	return true
}

func equal(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func inEnum(v any, enum []any) bool {
	for _, e := range enum {
		if equal(v, e) {
			return true
		}
	}
	return false
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
