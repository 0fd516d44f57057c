package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

var errFakeOnly = errors.New("not kept by this fake")

// fakeEnrolment is Enrolment for screens that only read: the staff list and the target. The
// tests that save use storeEnrolment on a real store.
type fakeEnrolment struct {
	staff  []careplan.StaffMember
	target int
}

func (f *fakeEnrolment) Nominate(*careplan.Patient) (string, error) { return "", errFakeOnly }
func (f *fakeEnrolment) RecordConsent(string, careplan.ConsentRecord) (careplan.Patient, error) {
	return careplan.Patient{}, errFakeOnly
}
func (f *fakeEnrolment) ChangeStatus(string, careplan.Status, careplan.Date, string, string) (careplan.Patient, error) {
	return careplan.Patient{}, errFakeOnly
}
func (f *fakeEnrolment) RecordDeath(string, careplan.Death) (careplan.Patient, error) {
	return careplan.Patient{}, errFakeOnly
}
func (f *fakeEnrolment) AssignTeam(string, careplan.CareTeam) (careplan.Patient, error) {
	return careplan.Patient{}, errFakeOnly
}
func (f *fakeEnrolment) Staff() ([]careplan.StaffMember, error)      { return f.staff, nil }
func (f *fakeEnrolment) SaveStaff(*careplan.StaffMember) error       { return errFakeOnly }
func (f *fakeEnrolment) Contacts(string) ([]careplan.Contact, error) { return nil, nil }
func (f *fakeEnrolment) SaveContact(*careplan.Contact) error         { return errFakeOnly }
func (f *fakeEnrolment) EnrolmentTarget() (int, error)               { return f.target, nil }
func (f *fakeEnrolment) SetEnrolmentTarget(n int) error              { f.target = n; return nil }

func testStaff() []careplan.StaffMember {
	return []careplan.StaffMember{
		{ID: "s1", Name: "Olu Adebayo", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecFalls}},
		{ID: "s2", Name: "Rhian Davies", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecDementia}},
		{ID: "s3", Name: "Sam Green", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecTelehealth, careplan.SpecMentalHealth}},
		{ID: "s4", Name: "Jo Marsh", Role: careplan.RoleCoordinator, Active: true},
	}
}

// enrolSession is the test caseload (testRecords) with the enrolment tools on.
func enrolSession(t *testing.T, r *fakeRecords) (*session, fyne.Window) {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w := newTestSession(t, Config{Vault: v, Enrolment: &fakeEnrolment{staff: testStaff(), target: 800}})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil || s.caseload.queues == nil {
		t.Fatal("the caseload did not open with its queues")
	}
	return s, w
}
