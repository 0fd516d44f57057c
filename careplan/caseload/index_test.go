package caseload

import (
	"reflect"
	"testing"

	"carehub/careplan"
)

// people is a small caseload with the names that catch search out.
func people() []careplan.CaseloadEntry {
	e := func(id, given, family, preferred, nhs string, s careplan.Status, kw string) careplan.CaseloadEntry {
		return careplan.CaseloadEntry{PatientID: id, GivenName: given, FamilyName: family, PreferredName: preferred,
			NHSNumber: careplan.NHSNumber(nhs), Status: s, KeyWorker: kw}
	}
	return []careplan.CaseloadEntry{
		e("p1", "Siân", "O'Brien", "", "9434765919", careplan.StatusActive, "Sam Green"),
		e("p2", "Zoë", "D'Arcy", "", "9449305552", careplan.StatusActive, "Kerry Hole"),
		e("p3", "Margaret", "Smith", "Peggy", "4010232137", careplan.StatusNominated, ""),
		e("p4", "John", "Smith", "", "9990000018", careplan.StatusActive, "Sam Green"),
		e("p5", "Aoife", "Ní Bhriain", "", "9990000026", careplan.StatusDischarged, "Kerry Hole"),
		e("p6", "Sian", "Obrien", "", "9990000034", careplan.StatusConsented, "Sam Green"),
		e("p7", "Jean", "Smith-Jones", "", "9990000042", careplan.StatusActive, "Kerry Hole"),
		e("p8", "John", "Smith", "", "9990000010", careplan.StatusActive, "Kerry Hole"),
	}
}

// ids turns positions into patient ids, for readable failures.
func ids(ix *Index, positions []int) []string {
	out := []string{}
	for _, i := range positions {
		out = append(out, ix.Entry(i).PatientID)
	}
	return out
}

func TestSortedByNameThenNHSNumber(t *testing.T) {
	ix := New(people())
	var got []string
	for i := range ix.Len() {
		got = append(got, ix.Entry(i).PatientID)
	}
	// D'Arcy; Ní Bhriain; O'Brien and Obrien (same folded family, then given Sian = Siân,
	// then NHS number); Smith John ×2 by NHS number; Smith Margaret; Smith-Jones.
	want := []string{"p2", "p5", "p1", "p6", "p8", "p4", "p3", "p7"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestSearchMatching(t *testing.T) {
	ix := New(people())
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"folded accent", Query{Text: "sian"}, []string{"p1", "p6"}},
		{"accent typed", Query{Text: "Siân"}, []string{"p1", "p6"}},
		{"diaeresis", Query{Text: "zoe"}, []string{"p2"}},
		{"apostrophe left out", Query{Text: "obrien"}, []string{"p1", "p6"}},
		{"apostrophe typed", Query{Text: "o'bri"}, []string{"p1", "p6"}},
		{"space inside a name", Query{Text: "nibhr"}, []string{"p5"}},
		{"words of a spaced name", Query{Text: "ni bhriain"}, []string{"p5"}},
		{"hyphen", Query{Text: "smith-jones"}, []string{"p7"}},
		{"middle of a name", Query{Text: "arc"}, []string{"p2"}},
		{"preferred name", Query{Text: "peggy"}, []string{"p3"}},
		{"every word must match", Query{Text: "smith j"}, []string{"p8", "p4", "p7"}},
		{"words in any order", Query{Text: "john smith"}, []string{"p8", "p4"}},
		{"upper case", Query{Text: "SMITH MARG"}, []string{"p3"}},
		{"NHS number with spaces", Query{Text: "943 476"}, []string{"p1"}},
		{"NHS number whole", Query{Text: "9434765919"}, []string{"p1"}},
		{"NHS number middle", Query{Text: "49305"}, []string{"p2"}},
		{"digits across spaces must be contiguous", Query{Text: "943 5919"}, []string{}},
		{"digits and a name", Query{Text: "smith 999"}, []string{"p8", "p4", "p7"}},
		{"no match", Query{Text: "xyz"}, []string{}},
		{"a word cannot span two fields", Query{Text: "brienS"}, []string{}},
		{"empty is everyone", Query{}, []string{"p2", "p5", "p1", "p6", "p8", "p4", "p3", "p7"}},
		{"status", Query{Status: careplan.StatusActive}, []string{"p2", "p1", "p8", "p4", "p7"}},
		{"status and text", Query{Text: "sian", Status: careplan.StatusConsented}, []string{"p6"}},
		{"key worker", Query{KeyWorker: "Sam Green"}, []string{"p1", "p6", "p4"}},
		{"key worker and text", Query{Text: "smith", KeyWorker: "Kerry Hole"}, []string{"p8", "p7"}},
		{"all three", Query{Text: "smith", KeyWorker: "Kerry Hole", Status: careplan.StatusActive}, []string{"p8", "p7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(ix, ix.Search(tt.q)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Search(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func TestWith(t *testing.T) {
	before := New(people())
	renamed := before.Entry(0) // Zoë D'Arcy
	renamed.FamilyName = "Abbott"
	renamed.Status = careplan.StatusDischarged
	after := before.With(renamed)
	if after.Len() != before.Len() {
		t.Fatalf("replacing changed the count: %d → %d", before.Len(), after.Len())
	}
	if got := ids(after, after.Search(Query{Text: "darcy"})); len(got) != 0 {
		t.Errorf("old name still found: %v", got)
	}
	if got := ids(after, after.Search(Query{Text: "abbott"})); !reflect.DeepEqual(got, []string{"p2"}) {
		t.Errorf("new name: %v", got)
	}
	if after.Entry(0).FamilyName != "Abbott" || after.Entry(0).Status != careplan.StatusDischarged {
		t.Errorf("first entry %+v", after.Entry(0))
	}
	if got := ids(before, before.Search(Query{Text: "darcy"})); !reflect.DeepEqual(got, []string{"p2"}) {
		t.Errorf("the old index changed: %v", got)
	}

	added := after.With(careplan.CaseloadEntry{PatientID: "p9", GivenName: "Renée", FamilyName: "Smith", NHSNumber: "9990000050"})
	if added.Len() != before.Len()+1 {
		t.Fatalf("adding: %d entries", added.Len())
	}
	// The index built by With must be the one New would build from the same people.
	var all []careplan.CaseloadEntry
	for i := range added.Len() {
		all = append(all, added.Entry(i))
	}
	if fresh := New(all); !reflect.DeepEqual(fresh, added) {
		t.Error("With gives a different index from New")
	}
	if got := ids(added, added.Search(Query{Text: "renee smith"})); !reflect.DeepEqual(got, []string{"p9"}) {
		t.Errorf("added person: %v", got)
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := New(nil)
	if ix.Len() != 0 || len(ix.Search(Query{Text: "a"})) != 0 || len(ix.Search(Query{})) != 0 {
		t.Error("empty index found someone")
	}
	if ix = ix.With(careplan.CaseloadEntry{PatientID: "p1", GivenName: "Ann", FamilyName: "Lee"}); ix.Len() != 1 {
		t.Errorf("With on empty: %d", ix.Len())
	}
}
