package service

import (
	"errors"
	"testing"
	"time"

	"carehub/careplan"
)

// TestConsentAndStatusAgreeThroughTheService: consented needs consent to join in force; giving
// it moves the person in the same save; withdrawing it while active closes the record as
// withdrew, its own exit; the store keeps both together.
func TestConsentAndStatusAgreeThroughTheService(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Enrolment
	today := careplan.DateOf(fixedNow())
	p := careplan.NewNomination(careplan.Patient{NHSNumber: "9434765919", GivenName: "Gwen", FamilyName: "Pryce",
		DateOfBirth: careplan.NewDate(1941, time.March, 3), Conditions: []string{"52448006", "44054006", "13645005"},
		Nomination: careplan.Nomination{On: today.AddDays(-5), Clinician: "Dr Ames", Reason: "falls"}})
	if _, err := svc.Nominate(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChangeStatus(p.ID, careplan.StatusContacted, today.AddDays(-4), "Sam", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChangeStatus(p.ID, careplan.StatusConsented, today.AddDays(-3), "Sam", ""); !errors.Is(err, careplan.ErrConsentedWithoutConsent) {
		t.Fatalf("consented with no consent to join: %v", err)
	}
	given := careplan.ConsentRecord{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: today.AddDays(-3), RecordedBy: "Sam"}
	got, err := svc.RecordConsentAndMove(p.ID, given, true)
	if err != nil || got.Status != careplan.StatusConsented {
		t.Fatalf("consent given with the move: %v, status %s", err, got.Status)
	}
	if _, err := svc.ChangeStatus(p.ID, careplan.StatusActive, today.AddDays(-2), "Sam", ""); err != nil {
		t.Fatal(err)
	}
	withdrawn := careplan.ConsentRecord{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentWithdrawn, On: today, RecordedBy: "Sam"}
	if _, err := svc.RecordConsentAndMove(p.ID, withdrawn, true); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Status != careplan.StatusWithdrew || careplan.HasConsent(stored.Consent, careplan.ConsentToJoin) {
		t.Errorf("stored status %s, consent to join in force %v", stored.Status, careplan.HasConsent(stored.Consent, careplan.ConsentToJoin))
	}
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.PatientID == p.ID && r.Status != careplan.StatusWithdrew {
			t.Errorf("the caseload shows %s, not withdrew", r.Status)
		}
	}
}
