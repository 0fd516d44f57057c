package recordjson

import (
	"bytes"
	"os"
	"testing"

	"carehub/store/recordjson/internal/gen"
)

// decoders_gen.go is what the generator writes from the domain types as they are now, so a
// field added to, renamed in or removed from a body type fails here until the decoders are
// written again (go generate ./store/recordjson).
func TestGeneratedDecodersAreUpToDate(t *testing.T) {
	src, err := gen.Decoders(gen.RootTypes())
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("decoders_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, src) {
		t.Error("decoders_gen.go is out of date with the domain types: run go generate ./store/recordjson")
	}
}
