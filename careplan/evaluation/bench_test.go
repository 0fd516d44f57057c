package evaluation

import (
	"io"
	"testing"

	"carehub/careplan"
	"carehub/careplan/demo"
)

// BenchmarkEvaluation30k builds the report for a county-sized cohort of 30,000 synthetic
// people, over two years, the way the app does after reading the store. The people are made
// once, outside the timing.
func BenchmarkEvaluation30k(b *testing.B) {
	today := careplan.NewDate(2026, 11, 23)
	people := demoPeople(demo.New(1, today), 30_000)
	f := Filter{From: today.AddMonths(-24), To: today}
	b.ResetTimer()
	for b.Loop() {
		if r := Build(people, f); r.InScope != len(people) {
			b.Fatalf("%d in scope", r.InScope)
		}
	}
}

// BenchmarkEvaluationCSV30k writes the pseudonymised CSV for the same cohort.
func BenchmarkEvaluationCSV30k(b *testing.B) {
	today := careplan.NewDate(2026, 11, 23)
	people := demoPeople(demo.New(1, today), 30_000)
	f := Filter{From: today.AddMonths(-24), To: today}
	key := testKey()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteCSV(io.Discard, people, f, key); err != nil {
			b.Fatal(err)
		}
	}
}
