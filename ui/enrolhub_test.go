package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/store"
)

// These tests drive the enrolment screens against the real enrolment service on a real store
// in a temp dir, so what they check is what was saved.

// liveStore is the store of an enrolment test's hub, whether or not a session has it open:
// the test writes what it starts from through it and reads back what the screens saved.
type liveStore struct {
	h *testHub
	t *testing.T
}

// newEnrolStore is an empty hub for the enrolment screens.
func newEnrolStore(t *testing.T) liveStore {
	t.Helper()
	return liveStore{h: newTestHub(t, nil), t: t}
}

// storeSession is a session past the unlock screen over the hub, signed in as Cat Coordinator.
func storeSession(t *testing.T, st liveStore) (*session, fyne.Window) {
	t.Helper()
	s, w := st.h.session(t, catCoordinator)
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w
}

// enrolSession is the test caseload (testRecords) signed in as a coordinator, whose caseload
// screen has the work queues.
func enrolSession(t *testing.T, r *people) (*session, fyne.Window) {
	t.Helper()
	s, w, _ := unlockedSession(t, r)
	if s.caseload.queues == nil {
		t.Fatal("the caseload did not open with its queues")
	}
	return s, w
}

// storedPatients are everyone in the store, by their caseload entries.
func storedPatients(t *testing.T, st liveStore) []careplan.CaseloadEntry {
	t.Helper()
	var cl []careplan.CaseloadEntry
	st.do(func(s *store.Store) {
		var err error
		if cl, err = s.Caseload(); err != nil {
			t.Fatal(err)
		}
	})
	return cl
}

func (l liveStore) do(fn func(*store.Store)) { l.t.Helper(); l.h.withStore(l.t, fn) }

// SavePatient saves a patient the test starts from.
func (l liveStore) SavePatient(p *careplan.Patient) (err error) {
	l.do(func(s *store.Store) { err = s.SavePatient(p) })
	return err
}

// SaveStaff saves a member of staff the test starts from.
func (l liveStore) SaveStaff(m *careplan.StaffMember) (err error) {
	l.do(func(s *store.Store) { err = s.SaveStaff(m) })
	return err
}

// Patient reads back a person's record as stored.
func (l liveStore) Patient(id string) (p careplan.Patient, err error) {
	l.do(func(s *store.Store) { p, err = s.Patient(id) })
	return p, err
}

// PatientByNHS reads back a person by NHS number.
func (l liveStore) PatientByNHS(n careplan.NHSNumber) (p careplan.Patient, err error) {
	l.do(func(s *store.Store) { p, err = s.PatientByNHS(n) })
	return p, err
}

// Contacts reads back a person's contacts log.
func (l liveStore) Contacts(id string) (c []careplan.Contact, err error) {
	l.do(func(s *store.Store) { c, err = s.Contacts(id) })
	return c, err
}

// Staff reads back the staff list.
func (l liveStore) Staff() (m []careplan.StaffMember, err error) {
	l.do(func(s *store.Store) { m, err = s.Staff() })
	return m, err
}
