package caseload

import (
	"slices"
	"testing"
	"time"

	"carehub/careplan"
)

// BenchmarkQueues30k is what the caseload screen does when a key worker picks a queue or a
// filter over 30,000 people: count every queue for the caseload in view, then list the chosen
// queue's people sorted by review date. ns/op is that job alone. The floor, timed by hand in
// the same run, is one plain pass over the same 30,000 entries in a slice checking one field
// (status) each: the least any per-person answer can cost; x/floor compares the two.
//
// It also types "smith j" a letter at a time into a Searcher with a queue and "My caseload"
// chosen, as the screen does, and reports the median keystroke (the budget is 2 ms): counts
// are not redone per keystroke (the screen caches them), so a keystroke is a search and a sort.
func BenchmarkQueues30k(b *testing.B) {
	today := careplan.NewDate(2026, time.May, 1)
	entries := demoEntries(30_000)
	ix := New(entries)
	worker := ix.Entry(0).KeyWorker
	var floor time.Duration
	var keystrokes []time.Duration
	found := 0
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		n := 0
		for i := range entries {
			if entries[i].Status == careplan.StatusActive {
				n++
			}
		}
		floor += time.Since(start)
		found += n
		b.StartTimer()

		counts := ix.CountQueues(Query{KeyWorker: worker}, today)
		shown := ix.Search(Query{KeyWorker: worker, Queue: QueueReviewOverdue, Today: today})
		ix.Sort(shown, OrderReview)
		found += counts[QueuePAMDue] + len(shown)

		b.StopTimer()
		s := ix.NewSearcher()
		for _, typed := range typing("smith j") {
			start := time.Now()
			got := s.Search(Query{Text: typed, KeyWorker: worker, Queue: QueuePAMDue, Today: today})
			ix.Sort(got, OrderLastContact)
			keystrokes = append(keystrokes, time.Since(start))
			found += len(got)
		}
		b.StartTimer()
	}
	if found == 0 {
		b.Fatal("nothing found")
	}
	perFloor := float64(floor.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perFloor, "floor-ns/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/perFloor, "x/floor")
	b.ReportMetric(float64(median(keystrokes).Nanoseconds()), "ns/keystroke-median")
	b.ReportMetric(float64(slices.Max(keystrokes).Nanoseconds()), "ns/keystroke-max")
}

// BenchmarkCountQueuesHub30k counts every queue for the whole hub (no filter): the worst case,
// since every entry is checked against all six queues.
func BenchmarkCountQueuesHub30k(b *testing.B) {
	today := careplan.NewDate(2026, time.May, 1)
	ix := New(demoEntries(30_000))
	for b.Loop() {
		ix.CountQueues(Query{}, today)
	}
}

// BenchmarkFunnel30k builds the dashboard's funnel over 30,000 people.
func BenchmarkFunnel30k(b *testing.B) {
	today := careplan.NewDate(2026, time.May, 1)
	ix := New(demoEntries(30_000))
	for b.Loop() {
		ix.BuildFunnel(today)
	}
}
