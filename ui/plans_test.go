package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"carehub/careplan"
)

// planFixture is a test hub with one person on it, signed in and showing their Care plan tab,
// for the plan tests to read back what the plan service saved.
type planFixture struct {
	*testHub
	patientID string
}

// planPerson is Siân O'Brien with no plan yet and PAMs at level 2.
func planPerson() *people {
	r := &people{staff: testStaff(), services: testServices()}
	p := fullPatient(pid("p01"), testNHSNumber(100))
	r.add(p, nil, threePAMs(p.ID))
	return r
}

// planSession opens the Care plan tab of a person with no plan yet and PAMs at level 2.
func planSession(t *testing.T, edit ...func(*Config)) (*session, fyne.Window, *planFixture) {
	t.Helper()
	return planSessionOf(t, planPerson(), edit...)
}

// planSessionOf opens the Care plan tab of the first person in r.
func planSessionOf(t *testing.T, r *people, edit ...func(*Config)) (*session, fyne.Window, *planFixture) {
	t.Helper()
	f := &planFixture{testHub: newTestHub(t, r), patientID: r.patients[0].ID}
	s, w := f.session(t, catCoordinator, edit...)
	s.openPatient(f.patientID)
	if s.patient.plan == nil || s.patient.plan.editor == nil {
		t.Fatal("the patient screen has no Care plan tab")
	}
	s.patient.showPlan()
	return s, w, f
}

// storedVersions is the plans the store holds for the person, oldest first.
func (f *planFixture) storedVersions(t *testing.T) []careplan.Plan {
	t.Helper()
	v, err := f.store(t).Plans(f.patientID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// hubTemplates is the hub's own templates as stored (not carehub's built-in ones).
func (f *testHub) hubTemplates(t *testing.T) []careplan.Template {
	t.Helper()
	v, err := f.store(t).Templates()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// directory is the hub's directory of services as stored.
func (f *testHub) directory(t *testing.T) []careplan.Service {
	t.Helper()
	v, err := f.store(t).Services()
	if err != nil {
		t.Fatal(err)
	}
	return v
}
