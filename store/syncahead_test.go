package store

import (
	"bytes"
	"errors"
	"runtime"
	"testing"
	"time"
)

// A bundle refused part-way through, many items after reading ahead began, changes nothing and
// leaves no reading goroutine behind.
func TestImportRefusedLateChangesNothingAndStopsReading(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	for i := range 300 {
		enrolled(t, a, 1000+10*i) // each a patient and a draft plan: many batches of items
	}
	enrolled(t, b, 1000+10*299) // someone the bundle also enrols, under another record
	before := recordsOf(t, b)
	bundle := bundleFor(t, a, b)
	goroutines := runtime.NumGoroutine()
	if _, err := b.ImportBundle(bytes.NewReader(bundle), nil, nil); !errors.Is(err, ErrEnrolledTwice) {
		t.Fatalf("importing the same person under another record: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, b)) {
		t.Error("the refused bundle changed the store")
	}
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > goroutines; {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after the import, %d before", runtime.NumGoroutine(), goroutines)
		}
		time.Sleep(10 * time.Millisecond)
	}

	// A bundle cut short fails after every item was applied, and changes nothing either.
	if _, err := b.ImportBundle(bytes.NewReader(bundle[:len(bundle)-40]), nil, nil); err == nil {
		t.Fatal("a truncated bundle was imported")
	}
	if !bytes.Equal(before, recordsOf(t, b)) {
		t.Error("the truncated bundle changed the store")
	}
}
