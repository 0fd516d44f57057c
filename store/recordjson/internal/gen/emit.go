package gen

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"

	"carehub/careplan"
)

// emit writes the decoder of a struct, slice or pointer type (and a struct's zero test).
func (g *generator) emit(t reflect.Type) {
	if pt := reflect.PointerTo(t); pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType) {
		g.fail("%s has its own unmarshal method", t) // encoding/json would call it: so must we
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		g.emitStruct(t)
		g.emitZero(t)
	case reflect.Slice:
		g.emitSlice(t)
	case reflect.Pointer:
		g.emitPointer(t)
	default:
		g.fail("%s: no decoder for a %s", t, t.Kind())
	}
}

// jsonField is one field encoding/json decodes: its Go name, JSON name and type.
type jsonField struct {
	goName, name string
	typ          reflect.Type
}

// jsonFields lists t's fields as encoding/json sees them, failing on what this package does
// not follow (embedded structs, options other than omitempty and omitzero, odd names).
func (g *generator) jsonFields(t reflect.Type) []jsonField {
	var fields []jsonField
	seen := map[string]bool{}
	for f := range t.Fields() {
		if f.Anonymous {
			g.fail("%s.%s: embedded fields are not followed", t, f.Name)
			continue
		}
		if !f.IsExported() {
			continue // encoding/json ignores it, and so an input naming it is refused
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		for _, o := range strings.Split(opts, ",") {
			if o != "" && o != "omitempty" && o != "omitzero" {
				g.fail("%s.%s: the json option %q is not followed", t, f.Name, o)
			}
		}
		if name == "" {
			name = f.Name
		}
		if !simpleName(name) || seen[name] {
			g.fail("%s.%s: json name %q is odd or repeated", t, f.Name, name)
		}
		seen[name] = true
		fields = append(fields, jsonField{goName: f.Name, name: name, typ: f.Type})
	}
	if len(fields) > 64 {
		g.fail("%s: more than 64 fields", t)
	}
	return fields
}

func simpleName(s string) bool {
	for _, r := range s {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')) {
			return false
		}
	}
	return s != ""
}

// emitStruct writes the decoder of a struct: one member at a time, each name known and given
// once, in any order.
func (g *generator) emitStruct(t reflect.Type) {
	n := funcName(t)
	g.printf("// decode%s reads a %s object.\n", n, t)
	g.printf("func decode%s(d *decoder, v *%s) bool {\n", n, g.code(t))
	g.printf("if !d.open('{') {\nreturn false\n}\nif d.close('}') {\nreturn true\n}\nvar seen uint64\n")
	g.printf("for {\nkey, ok := d.key()\nif !ok {\nreturn false\n}\nswitch string(key) {\n")
	for i, f := range g.jsonFields(t) {
		g.printf("case %q:\nif seen&(1<<%d) != 0 || !%s {\nreturn false\n}\nseen |= 1 << %d\n",
			f.name, i, g.valueExpr(f.typ, "&v."+f.goName, t.String()+"."+f.goName), i)
	}
	g.printf("default:\nreturn false\n}\nif d.close('}') {\nreturn true\n}\nif !d.comma() {\nreturn false\n}\n}\n}\n\n")
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType            = reflect.TypeFor[careplan.Date]()
	timeType            = reflect.TypeFor[time.Time]()
)

// valueExpr is a boolean expression that reads one value of type t into *ptr.
func (g *generator) valueExpr(t reflect.Type, ptr, where string) string {
	switch t {
	case dateType:
		return "d.date(" + ptr + ")"
	case timeType:
		return "d.instant(" + ptr + ")"
	}
	if pt := reflect.PointerTo(t); pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType) {
		g.fail("%s: %s has its own unmarshal method", where, t)
		return "false"
	}
	switch t.Kind() {
	case reflect.String:
		return "d.str(" + asBasic(t, ptr) + ")"
	case reflect.Bool:
		return "d.boolean(" + asBasic(t, ptr) + ")"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("integer(d, %s, %d)", ptr, t.Bits())
	case reflect.Struct, reflect.Slice, reflect.Pointer:
		return fmt.Sprintf("decode%s(d, %s)", g.need(t), ptr)
	}
	g.fail("%s: no decoder for a %s", where, t.Kind())
	return "false"
}

// emitSlice writes the decoder of a slice: null is nil, [] an empty slice, as encoding/json.
// Elements are gathered on the stack first (most arrays in a body are short: conditions,
// goals, actions, consent) and copied once into a slice of their exact length, instead of
// growing one on the heap.
func (g *generator) emitSlice(t reflect.Type) {
	n := funcName(t)
	g.printf("// decode%s reads a JSON array into a %s.\n", n, t)
	g.printf("func decode%s(d *decoder, v *%s) bool {\n", n, g.code(t))
	g.printf("if d.null() {\nreturn true\n}\nif !d.open('[') {\nreturn false\n}\n")
	g.printf("if d.close(']') {\n*v = make(%s, 0)\nreturn true\n}\n", g.code(t))
	g.printf("var gathered [stackElements]%s\ns := gathered[:0]\n", g.code(t.Elem()))
	g.printf("for {\ns = append(s, %s)\nif !%s {\nreturn false\n}\n", g.zeroLiteral(t.Elem()),
		g.valueExpr(t.Elem(), "&s[len(s)-1]", t.String()))
	g.printf("if d.close(']') {\n*v = append(make(%s, 0, len(s)), s...)\nreturn true\n}\n", g.code(t))
	g.printf("if !d.comma() {\nreturn false\n}\n}\n}\n\n")
}

// emitPointer writes the decoder of a pointer: null leaves it nil, as encoding/json does for
// a nil pointer; anything else is decoded into a new value.
func (g *generator) emitPointer(t reflect.Type) {
	n := funcName(t)
	g.printf("// decode%s reads a %s: null leaves it nil.\n", n, t)
	g.printf("func decode%s(d *decoder, v *%s) bool {\n", n, g.code(t))
	g.printf("if d.null() {\nreturn true\n}\np := new(%s)\n*v = p\nreturn %s\n}\n\n", g.code(t.Elem()),
		g.valueExpr(t.Elem(), "p", t.String()))
}

// asBasic is ptr as a pointer to its underlying basic type (*string for a *careplan.Status).
func asBasic(t reflect.Type, ptr string) string {
	if t.PkgPath() == "" {
		return ptr
	}
	return "(*" + t.Kind().String() + ")(" + ptr + ")"
}

func (g *generator) zeroLiteral(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return `""`
	case reflect.Bool:
		return "false"
	case reflect.Struct:
		return "(" + g.code(t) + "{})"
	case reflect.Pointer, reflect.Slice:
		return "nil"
	}
	return "0"
}

// emitZero writes zero<T>, which reports whether a struct is its zero value: Decode only
// decodes into a zero value, where encoding/json's merging has nothing to merge with.
func (g *generator) emitZero(t reflect.Type) {
	n := funcName(t)
	g.printf("// zero%s reports whether v is a zero %s.\n", n, t)
	g.printf("func zero%s(v *%s) bool {\n", n, g.code(t))
	if t.Comparable() {
		g.printf("return *v == (%s{})\n}\n\n", g.code(t))
		return
	}
	var terms []string
	for f := range t.Fields() {
		switch {
		case f.Type.Comparable():
			terms = append(terms, fmt.Sprintf("v.%s == %s", f.Name, g.zeroLiteral(f.Type)))
		case f.Type.Kind() == reflect.Slice:
			terms = append(terms, "v."+f.Name+" == nil")
		case f.Type.Kind() == reflect.Struct:
			g.need(f.Type)
			terms = append(terms, fmt.Sprintf("zero%s(&v.%s)", funcName(f.Type), f.Name))
		default:
			g.fail("%s.%s: no zero test for a %s", t, f.Name, f.Type.Kind())
		}
	}
	g.printf("return %s\n}\n\n", strings.Join(terms, " &&\n"))
}
