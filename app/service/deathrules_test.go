package service

import (
	"errors"
	"testing"

	"carehub/careplan"
)

// The enrolment service records a death with its date apart from the day the hub was told,
// and refuses a date of death after it, leaving the record as it was.
func TestEnrolmentServiceRecordsDateOfDeathApart(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Enrolment
	today := careplan.DateOf(fixedNow())
	rows, _ := st.Caseload()
	var id string
	for _, r := range rows {
		if r.Status == careplan.StatusActive {
			id = r.PatientID
			break
		}
	}
	if id == "" {
		t.Fatal("no active demo person")
	}
	bad := careplan.Death{ToldOn: today.AddDays(-2), DiedOn: today.AddDays(-1), By: "Jo Marsh"}
	if _, err := svc.RecordDeath(id, bad); !errors.Is(err, careplan.ErrDiedAfterTold) {
		t.Fatalf("died after the hub was told: %v", err)
	}
	if p, _ := st.Patient(id); p.Status != careplan.StatusActive {
		t.Fatalf("a refused death changed the status to %s", p.Status)
	}
	p, err := svc.RecordDeath(id, careplan.Death{ToldOn: today, DiedOn: today.AddDays(-6), By: "Jo Marsh", Reason: "notified by the practice"})
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := st.Patient(id)
	died, known := stored.DateOfDeath()
	last := stored.History[len(stored.History)-1]
	if stored.Status != careplan.StatusDied || !known || died != today.AddDays(-6) || last.On != today || p.Status != careplan.StatusDied {
		t.Errorf("stored %s, date of death %v (%v), told on %v", stored.Status, died, known, last.On)
	}
}
