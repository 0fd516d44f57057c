package store

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

func testContact(patientID string, on careplan.Date) careplan.Contact {
	return careplan.Contact{PatientID: patientID, Kind: careplan.ContactHomeVisit, On: on, By: "Sam Green", Minutes: 45, Note: "Talked about walking"}
}

func caseloadOf(t *testing.T, s *Store, id string) careplan.CaseloadEntry {
	t.Helper()
	for _, e := range wholeCaseload(t, s) {
		if e.PatientID == id {
			return e
		}
	}
	t.Fatalf("no caseload entry for %s", id)
	return careplan.CaseloadEntry{}
}

func TestContactsLogIsAppendOnlyAndMovesLastContact(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	later := testContact(p.ID, careplan.NewDate(2026, time.March, 1))
	earlier := testContact(p.ID, careplan.NewDate(2026, time.February, 1))
	for _, c := range []*careplan.Contact{&later, &earlier} {
		if err := s.SaveContact(c); err != nil {
			t.Fatal(err)
		}
	}
	if got := caseloadOf(t, s, p.ID).LastContact; got != later.On {
		t.Errorf("last contact = %v, want %v (an older contact must not move it back)", got, later.On)
	}
	got, err := s.Contacts(p.ID)
	if err != nil || len(got) != 2 || got[0].On != earlier.On || got[1].Note != later.Note {
		t.Fatalf("Contacts = %+v, %v", got, err)
	}
	changed := later
	changed.Minutes = 5
	if err := s.SaveContact(&changed); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing a stored contact: %v, want ErrAppendOnly", err)
	}
	// Saving the patient again keeps what the contacts log wrote into the caseload.
	p.GivenName = "Sian"
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	if got := caseloadOf(t, s, p.ID).LastContact; got != later.On {
		t.Errorf("after a patient save last contact = %v, want %v", got, later.On)
	}
	if n := counts(t, s)["contacts"]; n != 2 {
		t.Errorf("Check counts %d contacts, want 2", n)
	}
}

func TestContactRefusedHalfFilled(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	bad := careplan.Contact{PatientID: p.ID, On: careplan.NewDate(2027, time.January, 1)}
	err := s.SaveContact(&bad)
	for _, want := range []error{careplan.ErrContactKind, careplan.ErrContactInFuture, careplan.ErrContactBy, careplan.ErrContactMinutes} {
		if !errors.Is(err, want) {
			t.Errorf("SaveContact = %v, want %v among the problems", err, want)
		}
	}
	if bad.ID != "" {
		t.Error("a refused contact kept an id")
	}
	if n := counts(t, s)["contacts"]; n != 0 {
		t.Errorf("%d contacts stored after a refusal", n)
	}
	nobody := testContact("6f1c1d8e-8d0a-4c1e-9a53-3b2a7f0e9a10", careplan.NewDate(2026, time.March, 1))
	if err := s.SaveContact(&nobody); !errors.Is(err, ErrNotFound) {
		t.Errorf("contact for nobody: %v, want ErrNotFound", err)
	}
}

func TestAssessmentsMoveLastPAM(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	a := testAssessment(p.ID)
	if err := s.SaveAssessment(&a); err != nil {
		t.Fatal(err)
	}
	if got := caseloadOf(t, s, p.ID).LastPAM; got != a.TakenOn {
		t.Fatalf("last PAM = %v, want %v", got, a.TakenOn)
	}
	marked := a
	marked.InError = &pam.EnteredInError{Reason: "wrong person", By: "Jo Marsh", At: time.Date(2026, 3, 3, 11, 0, 0, 0, time.UTC)}
	if err := s.SaveAssessment(&marked); err != nil {
		t.Fatal(err)
	}
	if got := caseloadOf(t, s, p.ID).LastPAM; !got.IsZero() {
		t.Errorf("after marking the only PAM in error, last PAM = %v, want none (a PAM is due)", got)
	}
}

func TestDiedClosesDraftActions(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	plan := testPlan(p.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	on := careplan.NewDate(2026, time.March, 2)
	if err := p.MoveTo(careplan.StatusDied, on, "Jo Marsh", "informed by the practice"); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	plans, err := s.Plans(p.ID)
	if err != nil || len(plans) != 1 {
		t.Fatalf("Plans = %v, %v", plans, err)
	}
	if all, _ := plans[0].OpenActions(); all != 0 {
		t.Errorf("%d actions still open after death", all)
	}
	a := plans[0].Goals[0].Actions[0]
	if a.Status != careplan.ActionDropped || a.DoneOn != on {
		t.Errorf("action = %+v, want dropped on %v", a, on)
	}
}

func TestUpgradeCaseloadFromFormat1(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	a := testAssessment(p.ID)
	if err := s.SaveAssessment(&a); err != nil {
		t.Fatal(err)
	}
	id, _ := parseID(p.ID)
	// Write the entry as a store from before the work queues did, and forget the upgrade.
	err := s.db.Update(func(tx *bolt.Tx) error {
		e := careplan.CaseloadEntryFor(p, nil)
		v1 := []byte{caseloadFormatV1, hasDOB}
		v1 = binary.AppendVarint(v1, epochDays(e.DateOfBirth))
		for _, f := range []string{string(e.NHSNumber), e.GivenName, e.FamilyName, string(e.Status), e.KeyWorker, e.Coordinator, e.Practice} {
			v1 = appendString(v1, f)
		}
		if err := tx.Bucket([]byte(bucketCaseload)).Put(id[:], s.keys.seal(nil, v1, id[:])); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketMeta)).Delete([]byte(metaCaseloadFormat))
	})
	if err != nil {
		t.Fatal(err)
	}
	old := caseloadOf(t, s, p.ID)
	if old.GivenName != "Siân" || old.Conditions != "" || !old.LastPAM.IsZero() {
		t.Fatalf("format 1 entry reads as %+v", old)
	}
	s.Close()
	s2 := openTestStore(t, s.Path(), c)
	got := caseloadOf(t, s2, p.ID)
	if got.LastPAM != a.TakenOn || got.Conditions != careplan.JoinConditions(p.Conditions) || got.NominatedOn != p.Nomination.On {
		t.Errorf("after unlock the entry is %+v", got)
	}
}

func TestEnrolmentTarget(t *testing.T) {
	s, _ := newTestStore(t)
	if n, err := s.EnrolmentTarget(); n != 800 || err != nil {
		t.Errorf("default target = %d, %v; want 800", n, err)
	}
	for _, bad := range []int{0, -3, 100_001} {
		if err := s.SetEnrolmentTarget(bad); !errors.Is(err, ErrTarget) {
			t.Errorf("SetEnrolmentTarget(%d) = %v", bad, err)
		}
	}
	if err := s.SetEnrolmentTarget(1000); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.EnrolmentTarget(); n != 1000 {
		t.Errorf("target = %d, want 1000", n)
	}
}

func TestCaseloadCodecRoundTrip(t *testing.T) {
	e := careplan.CaseloadEntry{
		PatientID: "1d9b4fed-6f41-44ff-9b0d-700ebde4447e", NHSNumber: testNHSNumber(3), GivenName: "Zoë",
		FamilyName: "Ní Bhriain", PreferredName: "Zo", DateOfBirth: careplan.NewDate(1931, time.May, 2),
		Status: careplan.StatusActive, KeyWorker: "Sam", Coordinator: "Jo", Practice: "Frome",
		ReviewDate: careplan.NewDate(2026, 4, 1), NominatedOn: careplan.NewDate(2025, 1, 9),
		LastContact: careplan.NewDate(2026, 2, 27), LastPAM: careplan.NewDate(2025, 11, 3), FirstActive: careplan.NewDate(2025, 2, 1),
		Conditions: "52448006,35489007",
	}
	got, err := decodeCaseload(e.PatientID + string(encodeCaseload(e)))
	if err != nil || got != e {
		t.Errorf("round trip:\n got %+v, %v\nwant %+v", got, err, e)
	}
}
