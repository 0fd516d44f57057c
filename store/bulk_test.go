package store

import (
	"testing"
	"time"

	"carehub/careplan"
)

func TestEachPatientReadsEveryoneInOneUnauditedPass(t *testing.T) {
	s, _ := newTestStore(t)
	ada, bea := savedPatient(t, s, "Ada", 1), savedPatient(t, s, "Bea", 20)
	plan := testPlan(ada.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	visit := testContact(bea.ID, careplan.NewDate(2026, time.March, 2))
	if err := s.SaveContact(&visit); err != nil {
		t.Fatal(err)
	}
	before, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}

	seen := map[string]PatientRecords{}
	if err := s.EachPatient(func(r PatientRecords) error { seen[r.Patient.ID] = r; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 {
		t.Fatalf("EachPatient saw %d people, want 2", len(seen))
	}
	if got := seen[ada.ID]; got.Patient.GivenName != "Ada" || len(got.Plans) != 1 || got.Plans[0].ID != plan.ID || len(got.Contacts) != 0 {
		t.Errorf("Ada's records: %+v", got)
	}
	if got := seen[bea.ID]; len(got.Plans) != 0 || len(got.Contacts) != 1 || got.Contacts[0].ID != visit.ID {
		t.Errorf("Bea's records: %+v", got)
	}
	after, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("a bulk read added %d audit entries; the caller audits the export once", len(after)-len(before))
	}
}
