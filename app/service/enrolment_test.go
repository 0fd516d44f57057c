package service

import (
	"errors"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/store"
)

func TestEnrolmentServiceOnARealStore(t *testing.T) {
	st := outcomeStore(t) // 30 demo people
	svc := servicesOn(On(st)).Enrolment
	today := careplan.DateOf(fixedNow())

	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	// A nomination for someone already on the hub saves nothing and names them.
	existing, err := st.Patient(rows[0].PatientID)
	if err != nil {
		t.Fatal(err)
	}
	again := careplan.NewNomination(careplan.Patient{NHSNumber: existing.NHSNumber, GivenName: "Someone", FamilyName: "Else",
		DateOfBirth: careplan.NewDate(1950, time.May, 1), Conditions: existing.Conditions, Nomination: existing.Nomination})
	if dup, err := svc.Nominate(&again); err != nil || dup != existing.ID {
		t.Errorf("duplicate nomination: %q, %v; want %s", dup, err, existing.ID)
	}
	if n, _ := st.PatientCount(); n != 30 {
		t.Errorf("%d patients after a duplicate nomination", n)
	}

	p := careplan.NewNomination(careplan.Patient{NHSNumber: "9434765919", GivenName: "Gwen", FamilyName: "Pryce",
		DateOfBirth: careplan.NewDate(1941, time.March, 3), Conditions: []string{"52448006"},
		Nomination: careplan.Nomination{On: today, Clinician: "Dr Ames", Reason: "falls"}})
	if _, err := svc.Nominate(&p); !errors.Is(err, careplan.ErrTooFewConditions) {
		t.Fatalf("one condition and no judgement: %v", err)
	}
	p.Nomination.Judgement = &careplan.ClinicalJudgement{Reason: "lives alone", By: "Dr Ames"}
	if dup, err := svc.Nominate(&p); err != nil || dup != "" {
		t.Fatalf("nominate: %q, %v", dup, err)
	}
	if _, err := svc.ChangeStatus(p.ID, careplan.StatusActive, today, "Sam", ""); !errors.Is(err, careplan.ErrStatusMove) {
		t.Errorf("nominated → active: %v", err)
	}
	for _, to := range []careplan.Status{careplan.StatusContacted} {
		if _, err := svc.ChangeStatus(p.ID, to, today, "Sam", ""); err != nil {
			t.Fatal(err)
		}
	}
	join := careplan.ConsentRecord{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: today, RecordedBy: "Sam"}
	if _, err := svc.RecordConsent(p.ID, join); err != nil {
		t.Fatal(err)
	}
	for _, to := range []careplan.Status{careplan.StatusConsented, careplan.StatusActive} {
		if _, err := svc.ChangeStatus(p.ID, to, today, "Sam", ""); err != nil {
			t.Fatal(err)
		}
	}
	c := careplan.Contact{PatientID: p.ID, Kind: careplan.ContactPhone, On: today, By: "Sam", Minutes: 10}
	if err := svc.SaveContact(&c); err != nil {
		t.Fatal(err)
	}
	got, err := st.Patient(p.ID)
	if err != nil || got.Status != careplan.StatusActive || len(got.History) != 4 {
		t.Errorf("stored %+v, %v", got, err)
	}
	if cs, err := svc.Contacts(p.ID); err != nil || len(cs) != 1 {
		t.Errorf("contacts %+v, %v", cs, err)
	}
	if err := svc.SetEnrolmentTarget(0); !errors.Is(err, store.ErrTarget) {
		t.Errorf("target 0: %v", err)
	}
	if err := svc.SetEnrolmentTarget(1200); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.EnrolmentTarget(); n != 1200 {
		t.Errorf("target %d", n)
	}
}
