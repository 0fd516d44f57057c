package service

import (
	"errors"
	"io"
	"testing"

	"carehub/careplan"
	"carehub/careplan/fhir"
)

// failingWriter is a Bundle writer whose output fails after a few chunks, like a full disk.
type failingWriter struct {
	fhir.Writer
	chunks int
}

var errDiskFull = errors.New("disk full")

func (w *failingWriter) WriteChunk(c *fhir.Chunk) (int, error) {
	if w.chunks++; w.chunks > 3 {
		return 0, errDiskFull
	}
	return w.Writer.WriteChunk(c)
}

// A write error stops the pipeline: Add reports it so the store's pass ends early, Close
// returns it, and nothing is left waiting.
func TestFHIRPipelineStopsAtTheFirstWriteError(t *testing.T) {
	opts := fhir.Options{IncludeWithoutConsent: true}
	p := newFHIRPipeline(&failingWriter{Writer: fhir.NewBundleWriter(io.Discard, opts)}, 2)
	person := fhir.Person{Patient: careplan.Patient{ID: "0b7e5d2a-5d1c-4c53-9d2e-3f1f6a2b8c11", GivenName: "Ada", FamilyName: "Lovelace"}}
	var err error
	added := 0
	for ; added < 100_000 && err == nil; added++ {
		err = p.Add(person)
	}
	if !errors.Is(err, errDiskFull) {
		t.Fatalf("Add after %d people: %v", added, err)
	}
	if _, err := p.Close(); !errors.Is(err, errDiskFull) {
		t.Fatalf("Close: %v", err)
	}
}
