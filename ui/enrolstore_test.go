package ui

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/store"
)

// These tests drive the enrolment screens against a real store in a temp dir, so what they
// check is what was saved. storeEnrolment mirrors app's enrolment service (which the ui
// package cannot import); app/enrolment_test.go tests that service itself.

// storeVault is planstore_test.go's.

type storeEnrolment struct {
	st    *store.Store
	today careplan.Date
}

func (e storeEnrolment) Nominate(p *careplan.Patient) (string, error) {
	err := e.st.SavePatient(p)
	if errors.Is(err, store.ErrDuplicateNHS) {
		existing, ferr := e.st.PatientByNHS(p.NHSNumber)
		return existing.ID, ferr
	}
	return "", err
}

func (e storeEnrolment) change(id string, apply func(*careplan.Patient) error) (careplan.Patient, error) {
	p, err := e.st.Patient(id)
	if err != nil {
		return p, err
	}
	if err := apply(&p); err != nil {
		return careplan.Patient{}, err
	}
	return p, e.st.SavePatient(&p)
}

func (e storeEnrolment) RecordConsent(id string, c careplan.ConsentRecord) (careplan.Patient, error) {
	return e.change(id, func(p *careplan.Patient) error { return p.RecordConsent(c, e.today) })
}

func (e storeEnrolment) ChangeStatus(id string, to careplan.Status, on careplan.Date, by, reason string) (careplan.Patient, error) {
	return e.change(id, func(p *careplan.Patient) error { return p.ChangeStatus(to, on, e.today, by, reason) })
}

func (e storeEnrolment) RecordDeath(id string, d careplan.Death) (careplan.Patient, error) {
	return e.change(id, func(p *careplan.Patient) error { return p.RecordDeath(d, e.today) })
}

func (e storeEnrolment) AssignTeam(id string, team careplan.CareTeam) (careplan.Patient, error) {
	return e.change(id, func(p *careplan.Patient) error { p.Team = team; return nil })
}

func (e storeEnrolment) Staff() ([]careplan.StaffMember, error)         { return e.st.Staff() }
func (e storeEnrolment) SaveStaff(m *careplan.StaffMember) error        { return e.st.SaveStaff(m) }
func (e storeEnrolment) Contacts(id string) ([]careplan.Contact, error) { return e.st.Contacts(id) }
func (e storeEnrolment) SaveContact(c *careplan.Contact) error          { return e.st.SaveContact(c) }
func (e storeEnrolment) EnrolmentTarget() (int, error)                  { return e.st.EnrolmentTarget() }
func (e storeEnrolment) SetEnrolmentTarget(n int) error                 { return e.st.SetEnrolmentTarget(n) }

// newEnrolStore makes a real store on fixedToday's clock, checked and closed at cleanup.
func newEnrolStore(t *testing.T) *store.Store {
	t.Helper()
	now := func() time.Time { return fixedToday().Time().Add(10 * time.Hour) }
	st, err := store.Create(filepath.Join(t.TempDir(), "hub.carehub"), "correct horse",
		store.Options{Now: now, User: "test", KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r, err := st.Check()
		if err != nil || !r.OK() {
			t.Errorf("store check: %v %v", r.Problems, err)
		}
		st.Close()
	})
	return st
}

// storeSession is a session past the unlock screen over a real store, with enrolment.
func storeSession(t *testing.T, st *store.Store) (*session, fyne.Window) {
	t.Helper()
	s, w := newTestSession(t, Config{Vault: storeVault{st}, Enrolment: storeEnrolment{st: st, today: fixedToday()}})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w
}

// storedPatients are everyone in the store, by their caseload entries.
func storedPatients(t *testing.T, st *store.Store) []careplan.CaseloadEntry {
	t.Helper()
	cl, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	return cl
}
