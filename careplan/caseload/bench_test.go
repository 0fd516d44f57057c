package caseload

import (
	"slices"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
)

// typedQueries are what key workers type into the caseload search box.
func typedQueries() []string {
	return []string{"o'bri", "sian", "999 12", "smith j", "zoe d", "jones marg", "peggy"}
}

func demoEntries(n int) []careplan.CaseloadEntry {
	g := demo.New(1, careplan.NewDate(2026, time.May, 1))
	out := make([]careplan.CaseloadEntry, n)
	for i := range out {
		out[i] = g.Next().CaseloadEntry()
	}
	return out
}

// BenchmarkSearchKeystroke30k types each query a character at a time into a Searcher over
// 30,000 people and reports the median time per keystroke (the budget is 2 ms), and how that
// compares with a floor: one plain strings.Contains pass over 30,000 lower-cased keys for the
// finished query, measured in the same run.
func BenchmarkSearchKeystroke30k(b *testing.B) {
	entries := demoEntries(30_000)
	ix := New(entries)
	plain := make([]string, len(entries))
	for i, e := range entries {
		plain[i] = strings.ToLower(e.GivenName + " " + e.FamilyName + " " + e.PreferredName + " " + string(e.NHSNumber))
	}
	var keystrokes, floors []time.Duration
	found := 0
	for b.Loop() {
		for _, text := range typedQueries() {
			s := ix.NewSearcher()
			for _, typed := range typing(text) {
				start := time.Now()
				found += len(s.Search(Query{Text: typed}))
				keystrokes = append(keystrokes, time.Since(start))
			}
			final := strings.ToLower(text)
			start := time.Now()
			for _, k := range plain {
				if strings.Contains(k, final) {
					found++
				}
			}
			floors = append(floors, time.Since(start))
		}
	}
	if found == 0 {
		b.Fatal("nothing found")
	}
	ks, fl := median(keystrokes), median(floors)
	b.ReportMetric(float64(ks.Nanoseconds()), "ns/keystroke-median")
	b.ReportMetric(float64(slices.Max(keystrokes).Nanoseconds()), "ns/keystroke-max")
	b.ReportMetric(float64(fl.Nanoseconds()), "ns/floor-median")
	b.ReportMetric(float64(ks)/float64(fl), "x/floor")
}

// BenchmarkBuildIndex30k is the cost of building the index when the caseload loads.
func BenchmarkBuildIndex30k(b *testing.B) {
	entries := demoEntries(30_000)
	for b.Loop() {
		New(entries)
	}
}

// BenchmarkWith30k is the cost of one edit reaching the caseload list.
func BenchmarkWith30k(b *testing.B) {
	ix := New(demoEntries(30_000))
	e := ix.Entry(15_000)
	e.FamilyName = "Renamed"
	for b.Loop() {
		ix.With(e)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
