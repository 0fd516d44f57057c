package service

import (
	"path/filepath"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/evaluation"
	"carehub/store"
)

// BenchmarkEvaluationStore30k is the evaluation report as the command line and the app make
// it: read a 30,000-person demo store (caseload, every PAM and every outcome record, all
// decrypted) and build the report. Loading the store is outside the timing and takes a while.
// Reproduce with: go test -run XXX -bench EvaluationStore -benchtime 5x ./app/
func BenchmarkEvaluationStore30k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "county.carehub")
	st, err := store.Create(path, "pw-for-bench", store.Options{Now: fixedNow, User: "bench",
		KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	today := careplan.DateOf(fixedNow())
	built := time.Now()
	if err := loadDemo(st, 1, 30_000, today, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded 30,000 demo people in %v", time.Since(built))
	f := evaluation.Filter{From: today.AddMonths(-36), To: today}
	b.ResetTimer()
	for b.Loop() {
		rep, _, err := evaluate(st, f)
		if err != nil {
			b.Fatal(err)
		}
		if rep.InScope != 30_000 {
			b.Fatalf("%d in scope", rep.InScope)
		}
	}
}
