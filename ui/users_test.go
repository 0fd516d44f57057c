package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
)

// fakeUsers keeps accounts in memory and remembers passphrases by account id.
type fakeUsers struct {
	all    []access.User
	staff  []careplan.StaffMember
	passes map[string]string
}

func (f *fakeUsers) Users() ([]access.User, error)          { return f.all, nil }
func (f *fakeUsers) Staff() ([]careplan.StaffMember, error) { return f.staff, nil }
func (f *fakeUsers) AddUser(u *access.User, pass string) error {
	u.ID, u.Active = "u"+u.Name, true
	f.all = append(f.all, *u)
	f.passes[u.ID] = pass
	return nil
}
func (f *fakeUsers) ResetPassphrase(id, pass string) error { f.passes[id] = pass; return nil }
func (f *fakeUsers) Deactivate(id string) error {
	if err := access.CanDeactivate(f.find(id), f.all); err != nil {
		return err
	}
	for i := range f.all {
		if f.all[i].ID == id {
			f.all[i].Active = false
		}
	}
	delete(f.passes, id)
	return nil
}

func (f *fakeUsers) find(id string) access.User {
	for _, u := range f.all {
		if u.ID == id {
			return u
		}
	}
	return access.User{}
}

func testAccounts() *fakeUsers {
	return &fakeUsers{
		all: []access.User{
			{ID: "a1", Name: "Ada Admin", Role: access.Administrator, Active: true},
			{ID: "c1", Name: "Jo Marsh", Role: access.Coordinator, Active: true},
			{ID: "k1", Name: "Olu Adebayo", Role: access.KeyWorker, StaffID: "s1", Active: true},
			{ID: "k0", Name: "Lee Former", Role: access.KeyWorker, StaffID: "s9", Active: false},
		},
		staff:  testStaff(),
		passes: map[string]string{},
	}
}

// roleSession is the test caseload with enrolment and accounts, signed in as user.
func roleSession(t *testing.T, user access.User, users *fakeUsers) *session {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	s, _ := newTestSession(t, Config{Vault: v, Users: users, Enrolment: &fakeEnrolment{staff: testStaff(), target: 800}})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatal("the caseload did not open")
	}
	return s
}

func TestUsersButtonIsForAdministratorsOnly(t *testing.T) {
	admin := roleSession(t, access.User{Name: "Ada", Role: access.Administrator, Active: true}, testAccounts())
	if admin.caseload.usersButton == nil {
		t.Fatal("an administrator has no Users button")
	}
	if admin.caseload.queues.nominate.Visible() || admin.caseload.queues.staff.Visible() {
		t.Error("an administrator is offered clinical editing")
	}
	coord := roleSession(t, access.User{Name: "Jo", Role: access.Coordinator, Active: true}, testAccounts())
	if coord.caseload.usersButton != nil {
		t.Error("a coordinator has a Users button")
	}
	if !coord.caseload.queues.nominate.Visible() || !coord.caseload.queues.staff.Visible() {
		t.Error("a coordinator cannot nominate or edit staff")
	}
	kw := roleSession(t, access.User{Name: "Olu", Role: access.KeyWorker, StaffID: "s1", Active: true}, testAccounts())
	if !kw.caseload.queues.nominate.Visible() || kw.caseload.queues.staff.Visible() {
		t.Error("a key worker should nominate but not edit the staff list")
	}
}

func TestUsersScreenAddsResetsAndDeactivates(t *testing.T) {
	users := testAccounts()
	s := roleSession(t, access.User{Name: "Ada", Role: access.Administrator, Active: true}, users)
	test.Tap(s.caseload.usersButton)
	u := s.users
	if u == nil || s.w.Content() != u.root {
		t.Fatal("the Users screen did not open")
	}
	test.AssertRendersToMarkup(t, "users.xml", s.w.Canvas())

	test.Type(u.name, "Rhian Davies")
	u.role.SetSelected(string(access.KeyWorker))
	test.Tap(u.add) // no staff record yet
	if len(users.all) != 4 || !u.addProblem.Visible() {
		t.Fatal("a key worker's account was added without a staff record")
	}
	u.staffLink.SetSelected("Rhian Davies")
	test.Type(u.pass, "rhian's passphrase")
	test.Type(u.confirm, "rhian's passphrase")
	test.Tap(u.add)
	added := users.all[len(users.all)-1]
	if len(users.all) != 5 || added.StaffID != "s2" || users.passes[added.ID] != "rhian's passphrase" {
		t.Fatalf("added %+v", added)
	}

	test.Tap(u.rowButtons["k1"])
	test.Type(u.newPass, "olu's new passphrase")
	test.Type(u.newConfirm, "olu's new passphrase")
	test.Tap(u.reset)
	if users.passes["k1"] != "olu's new passphrase" {
		t.Error("the passphrase was not reset")
	}
	test.Tap(u.deactivate)
	if users.find("k1").Active || !u.rowButtons["k1"].Disabled() {
		t.Error("the account was not deactivated")
	}

	test.Tap(u.rowButtons["a1"])
	test.Tap(u.deactivate)
	if !users.find("a1").Active || !u.manageProblem.Visible() {
		t.Error("the last administrator was deactivated, or no reason was shown")
	}
}

func TestPatientTheyMayNotEditOpensReadOnly(t *testing.T) {
	r := &fakeRecords{}
	p := fullPatient("p01", testNHSNumber(100))
	r.add(p, nil, threePAMs(p.ID))
	v := &fakeVault{exists: true, right: "correct horse", records: r,
		user: access.User{Name: "Olu", Role: access.KeyWorker, StaffID: "s1", Active: true}}
	s, _ := newTestSession(t, Config{Vault: v, Plans: &fakePlans{records: r}, MayEdit: func(string) bool { return false }})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	s.openPatient(p.ID)
	if s.patient.plan != nil || s.patient.enrol != nil {
		t.Error("another key worker's patient opened with editing tools")
	}
	if s.patient.name.Text == "" {
		t.Error("the summary is not shown")
	}
}
