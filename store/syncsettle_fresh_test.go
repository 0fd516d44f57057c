package store

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

// freshCaseload is a patient's caseload entry built afresh from their records, as an upgrade
// of the caseload rebuilds it (rebuildCaseload), without writing it.
func freshCaseload(t *testing.T, s *Store, id uuid.UUID) careplan.CaseloadEntry {
	t.Helper()
	var e careplan.CaseloadEntry
	err := s.view(func(tx *bolt.Tx) error {
		var p careplan.Patient
		if _, err := getBody(tx, s.keys, KindPatient, id, &p); err != nil {
			return err
		}
		current, err := currentPlan(tx, s.keys, id, nil)
		if err != nil {
			return err
		}
		e = careplan.CaseloadEntryFor(p, current)
		return queueFacts(tx, s.keys, id, &e)
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// caseloadIsWhatRecordsSay fails the test unless every caseload entry of s is the entry built
// afresh from that person's records.
func caseloadIsWhatRecordsSay(t *testing.T, s *Store, what string, want int) {
	t.Helper()
	entries, err := s.Caseload()
	if err != nil || len(entries) != want {
		t.Fatalf("%s: %d caseload entries, %v; want %d", what, len(entries), err, want)
	}
	for _, got := range entries {
		fresh := freshCaseload(t, s, uuid.MustParse(got.PatientID))
		if !reflect.DeepEqual(got, fresh) {
			t.Errorf("%s: caseload entry\n%+v\nbuilt afresh from the records\n%+v", what, got, fresh)
		}
	}
}

// A bundle's caseload entries are worked out once, at the end, from what the import noted as
// it saved (syncdefer.go, syncsettle.go). Whether applied in one transaction or in chunks, and
// on a first sync or a later one, each must be exactly what the person's records say: the
// review date of the plan that counts (an agreed one over a newer draft), the last PAM that
// counts (not one entered in error), the last contact.
func TestEveryCaseloadEntryAfterAnImportIsWhatTheRecordsSay(t *testing.T) {
	a, clock := newTestStore(t)
	var people []careplan.Patient
	for i := range 6 {
		p, plan := agreedOn(t, a, clock, 300+10*i)
		people = append(people, p)
		// A newer draft with another review date: the agreed plan still counts.
		draft := plan
		draft.ID, draft.Version, draft.State, draft.Agreement = "", plan.Version+1, careplan.PlanDraft, nil
		draft.ReviewDate = careplan.NewDate(2026, time.December, 1+i)
		if err := a.SavePlan(&draft); err != nil {
			t.Fatalf("a newer draft: %v", err)
		}
		early, late := testAssessment(p.ID), testAssessment(p.ID)
		late.TakenOn = careplan.NewDate(2026, time.February, 21+i)
		for _, as := range []*pam.Assessment{&early, &late} {
			if err := a.SaveAssessment(as); err != nil {
				t.Fatal(err)
			}
		}
		if i%2 == 0 { // the later PAM was a mistake: the earlier one counts
			late.InError = &pam.EnteredInError{Reason: "another person's form", By: "Sam Green", At: clock.Now()}
			if err := a.SaveAssessment(&late); err != nil {
				t.Fatal(err)
			}
		}
		c := testContact(p.ID, careplan.NewDate(2026, time.February, 10+i))
		if err := a.SaveContact(&c); err != nil {
			t.Fatal(err)
		}
	}
	caseloadIsWhatRecordsSay(t, a, "the hub itself", 6)

	whole, chunked := laptopWithChunks(t, 0), laptopWithChunks(t, 7)
	for _, b := range []*Store{whole, chunked} {
		pair(t, a, b)
		if _, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	caseloadIsWhatRecordsSay(t, whole, "first sync, one transaction", 6)
	caseloadIsWhatRecordsSay(t, chunked, "first sync, in chunks", 6)

	// Later work on the hub: a PAM that now counts, a later contact, the draft agreed.
	for i, p := range people[:3] {
		as := testAssessment(p.ID)
		as.TakenOn = careplan.NewDate(2026, time.February, 27).AddDays(i)
		if err := a.SaveAssessment(&as); err != nil {
			t.Fatal(err)
		}
		c := testContact(p.ID, careplan.NewDate(2026, time.March, 1+i))
		if err := a.SaveContact(&c); err != nil {
			t.Fatal(err)
		}
		draft := latestPlan(t, a, p.ID)
		if err := draft.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
			t.Fatal(err)
		}
		if err := a.SavePlan(&draft); err != nil {
			t.Fatalf("agreeing the draft: %v", err)
		}
	}
	for _, b := range []*Store{whole, chunked} {
		if _, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	caseloadIsWhatRecordsSay(t, whole, "second sync, one transaction", 6)
	caseloadIsWhatRecordsSay(t, chunked, "second sync, in chunks", 6)
	if hub, laptop := counts(t, a), counts(t, chunked); hub["plans"] != laptop["plans"] || hub["plans"] != 12 {
		t.Errorf("plans: hub %d, laptop %d", hub["plans"], laptop["plans"])
	}
}

// A plan noted as saved by a bundle that also deletes it is looked up at the end, not taken
// from the note: the deleted plan's review date never reaches the caseload.
func TestAPlanTheBundleAlsoDeletedIsNotTakenFromItsNote(t *testing.T) {
	s, clock := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(700))
	p.ID = uuid.NewString()
	p.Status = careplan.StatusActive
	p.Consent = []careplan.ConsentRecord{{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: careplan.NewDate(2026, 1, 10), RecordedBy: "Sam Green"}}
	err := s.update(func(w *writer) error {
		w.later = newDeferredWrites() // as a bundle is applied
		if err := w.savePatient(&p); err != nil {
			return err
		}
		plan := testPlan(p.ID)
		plan.ID = uuid.NewString()
		if err := plan.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
			return err
		}
		if err := w.savePlan(&plan); err != nil {
			return err
		}
		removal := envelope{kind: KindPlan, id: uuid.MustParse(plan.ID), version: 1 << 40, origin: uuid.New(), deleted: true, body: []byte(`{}`)}
		w.incoming, w.unchangedFrom = &removal, uuid.New()
		if err := w.applyRemoval(removal); err != nil {
			return err
		}
		w.incoming, w.unchangedFrom = nil, uuid.Nil
		return w.flush()
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.Caseload()
	if err != nil || len(entries) != 1 {
		t.Fatalf("caseload %v, %v", entries, err)
	}
	if !entries[0].ReviewDate.IsZero() {
		t.Errorf("review date %v from a plan the bundle deleted", entries[0].ReviewDate)
	}
	caseloadIsWhatRecordsSay(t, s, "after a deletion", 1)
}
