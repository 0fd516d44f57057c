package gen

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type withMap struct {
	Codes map[string]string `json:"codes"`
}

type withFloat struct {
	Weight float64 `json:"weight"`
}

type inner struct {
	Name string `json:"name"`
}

type withEmbedded struct {
	inner
}

type withStringOption struct {
	Minutes int `json:"minutes,string"`
}

type withUnmarshaler struct {
	Since time.Duration `json:"since"`
	When  custom        `json:"when"`
}

type custom struct{}

func (*custom) UnmarshalJSON([]byte) error { return nil }

type withRepeatedName struct {
	Other string `json:"Name"`
	Name  string // named Name in JSON too
}

// The generator refuses a shape whose encoding/json rules it does not follow, rather than
// writing a decoder that reads it differently.
func TestGeneratorRefusesShapesItDoesNotFollow(t *testing.T) {
	for _, c := range []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[withMap](), "map"},
		{reflect.TypeFor[withFloat](), "float64"},
		{reflect.TypeFor[withEmbedded](), "embedded"},
		{reflect.TypeFor[withStringOption](), `"string"`},
		{reflect.TypeFor[withUnmarshaler](), "unmarshal method"},
		{reflect.TypeFor[withRepeatedName](), "repeated"},
		{reflect.TypeFor[custom](), "unmarshal method"},
	} {
		_, err := Decoders([]reflect.Type{c.typ})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error about %s", c.typ, err, c.want)
		}
	}
}

func TestGeneratorWritesTheDomainTypesDecoders(t *testing.T) {
	src, err := Decoders(RootTypes())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"func decodeCareplanPatient(", "func decodePtrToInt(", "d.date(&v.DateOfBirth)", "d.instant(&v.At)"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the decoders lack %s", want)
		}
	}
}
