package app

import (
	"path/filepath"
	"testing"

	"carehub/careplan"
	"carehub/store"
)

// BenchmarkFHIRExportStore2k is the command line's export of a 2,000-person demo store to a
// Bundle file, everyone included: store reads (each patient read is audited as a view, the
// store having no unaudited bulk reader for patients), mapping and the atomic write. It shows
// what the store side adds to the pure mapping measured by BenchmarkFHIRExport30k.
// Reproduce with: go test -run XXX -bench FHIRExportStore -benchtime 3x ./app/
func BenchmarkFHIRExportStore2k(b *testing.B) {
	dir := b.TempDir()
	st, err := store.Create(filepath.Join(dir, "hub.db"), "pw-for-bench", store.Options{Now: fixedNow, User: "bench",
		KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := LoadDemo(st, 1, 2_000, careplan.DateOf(fixedNow()), nil); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "hub.json")
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
