package store

import (
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// diedAfterActive is a person who was enrolled (active from 2 Feb 2026) and has since died.
func diedAfterActive() careplan.Patient {
	p := testPatient("Gwen", "Pryce", testNHSNumber(7))
	day := func(m time.Month, d int) careplan.Date { return careplan.NewDate(2026, m, d) }
	p.Consent = []careplan.ConsentRecord{{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: day(1, 20), RecordedBy: "Sam Green"}}
	p.History = []careplan.StatusChange{
		{To: careplan.StatusNominated, On: day(1, 5), By: "Dr Ahmed"},
		{From: careplan.StatusNominated, To: careplan.StatusContacted, On: day(1, 12), By: "Sam Green"},
		{From: careplan.StatusContacted, To: careplan.StatusConsented, On: day(1, 20), By: "Sam Green"},
		{From: careplan.StatusConsented, To: careplan.StatusActive, On: day(2, 2), By: "Sam Green"},
		{From: careplan.StatusActive, To: careplan.StatusDied, On: day(5, 9), By: "Alex Hill"},
	}
	p.Status = careplan.StatusDied
	return p
}

// The caseload entry keeps the day someone first became active after they leave, so the
// dashboard and the evaluation still count them as enrolled.
func TestCaseloadKeepsFirstActiveAfterDeath(t *testing.T) {
	s, _ := newTestStore(t)
	p := diedAfterActive()
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	e := caseloadOf(t, s, p.ID)
	if e.FirstActive != careplan.NewDate(2026, time.February, 2) || !e.ReachedActive() {
		t.Errorf("entry first active %v (reached %v), want 2 Feb 2026", e.FirstActive, e.ReachedActive())
	}
}

// A store whose caseload entries are in format 2 (no first active day) reads as before, and its
// first unlock rewrites them once, so people who were active and have since died count again.
func TestUpgradeCaseloadFromFormat2AddsFirstActive(t *testing.T) {
	s, c := newTestStore(t)
	p := diedAfterActive()
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	id, _ := parseID(p.ID)
	err := s.db.Update(func(tx *bolt.Tx) error {
		e := careplan.CaseloadEntryFor(p, nil)
		e.FirstActive = careplan.Date{}
		v2 := encodeCaseload(e)
		v2[0] = caseloadFormatV2 // as a store from before this upgrade wrote it
		if err := tx.Bucket([]byte(bucketCaseload)).Put(id[:], s.keys.seal(nil, v2, id[:])); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(metaCaseloadFormat), []byte{caseloadFormatV2})
	})
	if err != nil {
		t.Fatal(err)
	}
	old := caseloadOf(t, s, p.ID)
	if old.GivenName != "Gwen" || old.Status != careplan.StatusDied || old.ReachedActive() {
		t.Fatalf("format 2 entry reads as %+v", old)
	}
	s.Close()
	s2 := openTestStore(t, s.Path(), c)
	got := caseloadOf(t, s2, p.ID)
	if got.FirstActive != careplan.NewDate(2026, time.February, 2) || got.GivenName != "Gwen" || got.NominatedOn != p.Nomination.On {
		t.Errorf("after unlock the entry is %+v, want first active 2 Feb 2026", got)
	}
	var format []byte
	if err := s2.db.View(func(tx *bolt.Tx) error {
		format = append(format, tx.Bucket([]byte(bucketMeta)).Get([]byte(metaCaseloadFormat))...)
		return nil
	}); err != nil || len(format) != 1 || format[0] != caseloadFormat {
		t.Errorf("caseload format after unlock %v (%v), want %d", format, err, caseloadFormat)
	}
}
