package caseload

import (
	"reflect"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
)

// demoIndex is a realistic caseload from the demo generator.
func demoIndex(tb testing.TB, n int) *Index {
	tb.Helper()
	g := demo.New(1, careplan.NewDate(2026, time.May, 1))
	entries := make([]careplan.CaseloadEntry, n)
	for i := range entries {
		entries[i] = g.Next().CaseloadEntry()
	}
	return New(entries)
}

// typing returns each state of the search box as text is typed, one character at a time.
func typing(text string) []string {
	var out []string
	r := []rune(text)
	for i := 1; i <= len(r); i++ {
		out = append(out, string(r[:i]))
	}
	return out
}

func TestSearcherAgreesWithSearch(t *testing.T) {
	ix := demoIndex(t, 3000)
	var steps []Query
	for _, text := range typing("o'brien s") {
		steps = append(steps, Query{Text: text})
	}
	// Backspace, a new word, NHS digits with spaces, then filters on and off.
	for _, text := range []string{"o'brie", "o'bri", "o", "", "s", "si", "sia", "sian", "sia", "smith j", "smith jo"} {
		steps = append(steps, Query{Text: text})
	}
	for _, text := range typing("999 12") {
		steps = append(steps, Query{Text: text})
	}
	steps = append(steps,
		Query{Text: "smith", Status: careplan.StatusActive},
		Query{Text: "smith", Status: careplan.StatusActive, KeyWorker: "Sam Green"},
		Query{Text: "smith", KeyWorker: "Sam Green"},
		Query{Text: "smith"},
		Query{Text: "smith", Status: careplan.StatusDischarged},
		Query{Text: "smith", Status: careplan.StatusActive},
	)
	s := ix.NewSearcher()
	for _, q := range steps {
		got, want := s.Search(q), ix.Search(q)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after typing %+v: Searcher found %d, Search found %d", q, len(got), len(want))
		}
	}
}

func TestSearcherResultIsTheCallers(t *testing.T) {
	ix := New(people())
	s := ix.NewSearcher()
	first := s.Search(Query{Text: "s"})
	for i := range first {
		first[i] = 0 // a caller scribbling on its copy
	}
	if got, want := s.Search(Query{Text: "si"}), ix.Search(Query{Text: "si"}); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestNarrows(t *testing.T) {
	q := func(text string) Query { return Query{Text: text} }
	tests := []struct {
		prev, next Query
		want       bool
	}{
		{q("smi"), q("smit"), true},
		{q("smit"), q("smi"), false}, // backspace
		{q("smith"), q("smith j"), true},
		{q("smith j"), q("jo smith"), true},
		{q("smith j"), q("smith"), false},
		{q(""), q("s"), true},
		{q("999 1"), q("999 12"), true},
		{q("sian"), q("zoe"), false},
		{q("s"), Query{Text: "s", Status: careplan.StatusActive}, true},
		{Query{Text: "s", Status: careplan.StatusActive}, q("s"), false},
		{Query{Text: "s", KeyWorker: "Sam Green"}, Query{Text: "s", KeyWorker: "Kerry Hole"}, false},
	}
	for _, tt := range tests {
		if got := narrows(tt.prev, tokens(tt.prev.Text), tt.next, tokens(tt.next.Text)); got != tt.want {
			t.Errorf("narrows(%+v → %+v) = %v, want %v", tt.prev, tt.next, got, tt.want)
		}
	}
}

// TestDemoCaseloadSearch checks the matching rules hold on generated names too: everyone
// called Siân is found by "sian", and every match really contains the word.
func TestDemoCaseloadSearch(t *testing.T) {
	ix := demoIndex(t, 3000)
	want := 0
	for i := range ix.Len() {
		e := ix.Entry(i)
		if e.GivenName == "Siân" || e.FamilyName == "O'Brien" {
			want++
		}
	}
	got := ix.Search(Query{Text: "sian"})
	got = append(got, ix.Search(Query{Text: "obrien"})...)
	if want == 0 || len(got) < want {
		t.Fatalf("found %d, want at least %d", len(got), want)
	}
	nhs := ix.Entry(17).NHSNumber
	if got := ix.Search(Query{Text: nhs.Display()}); len(got) != 1 || got[0] != 17 {
		t.Errorf("search for %s found %v", nhs.Display(), got)
	}
}
