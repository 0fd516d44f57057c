package recordjson

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"carehub/careplan"
)

// Every field of every kind, filled with a value of its own, comes through the fast path as
// encoding/json reads it. A field the decoders forgot is an unknown name to them, so the fast
// path refuses the body and this test fails; a field read into the wrong place fails the
// comparison, as the values all differ.
func TestEveryFieldOfEveryKindIsDecoded(t *testing.T) {
	for i, fresh := range kinds {
		v := fresh()
		f := &filler{}
		f.fill(reflect.ValueOf(v).Elem(), kindNames[i])
		body, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !sameAsJSON(t, fresh, body) {
			t.Errorf("the fast path refused a %s with every field filled: %s", kindNames[i], body)
		}
		back := fresh()
		if Decode(body, back) && !reflect.DeepEqual(back, v) {
			t.Errorf("a %s did not come back as it was written:\n%#v\n%#v", kindNames[i], back, v)
		}
	}
}

// filler gives every field a value of its own: strings name the field and carry escapes
// and non-ASCII, numbers count up (and down, for negatives), dates and times differ.
type filler struct{ n int }

func (f *filler) next() int {
	f.n++
	return f.n
}

func (f *filler) fill(v reflect.Value, path string) {
	switch v.Type() {
	case reflect.TypeFor[careplan.Date]():
		n := f.next()
		v.Set(reflect.ValueOf(careplan.NewDate(1930+n, time.Month(1+n%12), 1+n%28)))
		return
	case reflect.TypeFor[time.Time]():
		n := f.next()
		v.Set(reflect.ValueOf(time.Date(2026, 1, 1, 0, n, n, n*1000, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("%s %d: \"Siân\" <&> \\ \t😀\u2028", path, f.next()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := int64(f.next())
		if n%2 == 0 {
			n = -n
		}
		v.SetInt(n)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem(), path)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			f.fill(s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	default:
		panic(fmt.Sprintf("%s: no filler for a %s", path, v.Kind()))
	}
}
