// Package caseload is the hub's in-memory caseload search: an immutable, sorted snapshot of
// every person on the caseload that answers search-as-you-type in well under the 2 ms a
// keystroke allows, at 30,000 people.
package caseload

import (
	"slices"
	"strings"

	"carehub/careplan"
)

// Index is an immutable, searchable snapshot of the caseload, sorted by name (family, given),
// then NHS number. It is safe for concurrent use; changes make a new Index with With.
type Index struct {
	entries []careplan.CaseloadEntry // in sorted order
	// keys holds every entry's search key back to back, each ended by keyEnd, so one scan
	// of a single string finds the candidates for a word. starts[i] is where entry i's key
	// begins; starts[len(entries)] is len(keys).
	keys   string
	starts []int
}

// Key layout: folded family, given, NHS number and preferred name, joined by fieldSep. The
// separators can never appear in a folded query word, so a word cannot match across two
// fields or two people, and comparing keys sorts by family, given, then NHS number.
const (
	fieldSep = "\x01"
	keyEnd   = "\x00"
)

func searchKey(e careplan.CaseloadEntry) string {
	return fold(e.FamilyName) + fieldSep + fold(e.GivenName) + fieldSep + string(e.NHSNumber) +
		fieldSep + fold(e.PreferredName)
}

// row pairs an entry with its key while the index is being built.
type row struct {
	key string
	e   careplan.CaseloadEntry
}

func compareRows(a, b row) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	return strings.Compare(a.e.PatientID, b.e.PatientID) // a total order, so builds are repeatable
}

// New builds an index of the caseload. The entries slice is not kept.
func New(entries []careplan.CaseloadEntry) *Index {
	rows := make([]row, len(entries))
	for i, e := range entries {
		rows[i] = row{searchKey(e), e}
	}
	slices.SortFunc(rows, compareRows)
	return build(rows)
}

// build lays out sorted rows as an index.
func build(rows []row) *Index {
	size := 0
	for _, r := range rows {
		size += len(r.key) + len(keyEnd)
	}
	var b strings.Builder
	b.Grow(size)
	ix := &Index{entries: make([]careplan.CaseloadEntry, len(rows)), starts: make([]int, len(rows)+1)}
	for i, r := range rows {
		ix.entries[i] = r.e
		ix.starts[i] = b.Len()
		b.WriteString(r.key)
		b.WriteString(keyEnd)
	}
	ix.keys = b.String()
	ix.starts[len(rows)] = len(ix.keys)
	return ix
}

// Len is the number of people in the index.
func (ix *Index) Len() int { return len(ix.entries) }

// Entry returns the entry at a sorted position.
func (ix *Index) Entry(i int) careplan.CaseloadEntry { return ix.entries[i] }

// key returns entry i's search key, without its end marker.
func (ix *Index) key(i int) string { return ix.keys[ix.starts[i] : ix.starts[i+1]-len(keyEnd)] }

// With returns a new index with e added, or replacing the entry with the same PatientID. The
// receiver is unchanged, so screens still showing it stay consistent.
func (ix *Index) With(e careplan.CaseloadEntry) *Index {
	rows := make([]row, 0, len(ix.entries)+1)
	for i, old := range ix.entries {
		if old.PatientID != e.PatientID {
			rows = append(rows, row{ix.key(i), old})
		}
	}
	r := row{searchKey(e), e}
	at, _ := slices.BinarySearchFunc(rows, r, compareRows)
	rows = slices.Insert(rows, at, r)
	return build(rows)
}
