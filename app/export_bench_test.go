package app

import (
	"path/filepath"
	"testing"
)

// BenchmarkFHIRExportStore2k is the command line's export of a 2,000-person demo store to a
// Bundle file, everyone included: store reads (each patient read is audited as a view, the
// store having no unaudited bulk reader for patients), mapping and the atomic write. It shows
// what the store side adds to the pure mapping measured by BenchmarkFHIRExport30k.
// Reproduce with: go test -run XXX -bench FHIRExportStore -benchtime 3x ./app/
func BenchmarkFHIRExportStore2k(b *testing.B) {
	st := openBenchStore(b, demoStoreFile(b, 2_000))
	out := filepath.Join(b.TempDir(), "hub.json")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := ExportFHIR(st, out, true)
		if err != nil {
			b.Fatal(err)
		}
		if res.People != 2_000 {
			b.Fatalf("%d people", res.People)
		}
	}
}
