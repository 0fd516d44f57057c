package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/store"
)

// adaAdmin is the test hub's one administrator, who manages its accounts.
var adaAdmin = access.User{Name: "Ada Admin", Role: access.Administrator}

// testAccounts gives the hub its accounts beside the one a test signs in as: Jo Marsh the
// coordinator, Olu Adebayo the key worker, and Lee Former, who has left (deactivated).
func testAccounts(t *testing.T, h *testHub) {
	t.Helper()
	h.withStore(t, func(st *store.Store) {
		for _, u := range []access.User{
			{Name: "Jo Marsh", Role: access.Coordinator},
			{Name: "Olu Adebayo", Role: access.KeyWorker, StaffID: fixtureID("staff-s1")},
			{Name: "Lee Former", Role: access.KeyWorker, StaffID: fixtureID("staff-s9")},
		} {
			must(t, st.AddUser(&u, u.Name+"'s passphrase"))
			if u.Name == "Lee Former" {
				must(t, st.DeactivateUser(u.ID))
			}
		}
	})
}

// roleSession is the test caseload with the hub's accounts, signed in as user.
func roleSession(t *testing.T, user access.User) (*session, *testHub) {
	t.Helper()
	h := newTestHub(t, testRecords())
	testAccounts(t, h)
	s, _ := h.session(t, user)
	if s.caseload == nil {
		t.Fatal("the caseload did not open")
	}
	return s, h
}

// account is the hub's account with that name, as the Users screen lists it.
func account(t *testing.T, h *testHub, name string) access.User {
	t.Helper()
	all, err := h.store(t).Users()
	must(t, err)
	for _, u := range all {
		if u.Name == name {
			return u
		}
	}
	t.Fatalf("no account named %q", name)
	return access.User{}
}

// opensAs reports who the passphrase signs in as, with the app closed.
func opensAs(t *testing.T, h *testHub, passphrase string) string {
	t.Helper()
	must(t, h.vault.Close())
	st, err := store.Open(h.path, passphrase, h.storeOptions())
	if err != nil {
		return ""
	}
	defer st.Close()
	return st.SignedIn().Name
}

func TestUsersButtonIsForAdministratorsOnly(t *testing.T) {
	admin, _ := roleSession(t, adaAdmin)
	if admin.caseload.usersButton == nil {
		t.Fatal("an administrator has no Users button")
	}
	if admin.caseload.queues.nominate.Visible() || admin.caseload.queues.staff.Visible() {
		t.Error("an administrator is offered clinical editing")
	}
	coord, _ := roleSession(t, access.User{Name: "Cat", Role: access.Coordinator})
	if coord.caseload.usersButton != nil {
		t.Error("a coordinator has a Users button")
	}
	if !coord.caseload.queues.nominate.Visible() || !coord.caseload.queues.staff.Visible() {
		t.Error("a coordinator cannot nominate or edit staff")
	}
	kw, _ := roleSession(t, access.User{Name: "Priya", Role: access.KeyWorker, StaffID: fixtureID("staff-s2")})
	if !kw.caseload.queues.nominate.Visible() || kw.caseload.queues.staff.Visible() {
		t.Error("a key worker should nominate but not edit the staff list")
	}
}

func TestUsersScreenAddsResetsAndDeactivates(t *testing.T) {
	s, h := roleSession(t, adaAdmin)
	test.Tap(s.caseload.usersButton)
	u := s.users
	if u == nil || s.w.Content() != u.root {
		t.Fatal("the Users screen did not open")
	}
	test.AssertRendersToMarkup(t, "users.xml", s.w.Canvas())
	count := func() int {
		all, err := h.store(t).Users()
		must(t, err)
		return len(all)
	}

	test.Type(u.name, "Rhian Davies")
	u.role.SetSelected(string(access.KeyWorker))
	test.Tap(u.add) // no staff record yet
	if count() != 4 || !u.addProblem.Visible() {
		t.Fatal("a key worker's account was added without a staff record")
	}
	u.staffLink.SetSelected("Rhian Davies")
	test.Type(u.pass, "rhian's passphrase")
	test.Type(u.confirm, "rhian's passphrase")
	test.Tap(u.add)
	if added := account(t, h, "Rhian Davies"); count() != 5 || added.StaffID != fixtureID("staff-s2") || !added.Active {
		t.Fatalf("added %+v", added)
	}

	test.Tap(u.rowButtons[account(t, h, "Jo Marsh").ID])
	test.Type(u.newPass, "jo's new passphrase")
	test.Type(u.newConfirm, "jo's new passphrase")
	test.Tap(u.reset)

	olu := account(t, h, "Olu Adebayo")
	test.Tap(u.rowButtons[olu.ID])
	held := &heldWorker{}
	u.work = held
	test.Tap(u.deactivate)
	if !u.resealing.Visible() || !u.deactivate.Disabled() || !u.retire.Disabled() {
		t.Error("while the store is sealed again under a new key, the screen does not say so")
	}
	u.work = inline{} // what the finished work starts (the list again) runs at once
	held.finish()
	if u.resealing.Visible() || u.retire.Disabled() {
		t.Error("the screen still says the store is being sealed again after it was done")
	}
	if account(t, h, "Olu Adebayo").Active || !u.rowButtons[olu.ID].Disabled() {
		t.Error("the account was not deactivated")
	}

	ada := account(t, h, "Ada Admin")
	test.Tap(u.rowButtons[ada.ID])
	test.Tap(u.deactivate)
	if !account(t, h, "Ada Admin").Active || !u.manageProblem.Visible() {
		t.Error("the last administrator was deactivated, or no reason was shown")
	}

	if who := opensAs(t, h, "rhian's passphrase"); who != "Rhian Davies" {
		t.Errorf("the new account's passphrase opens the store as %q", who)
	}
	if who := opensAs(t, h, "jo's new passphrase"); who != "Jo Marsh" {
		t.Errorf("the reset passphrase opens the store as %q", who)
	}
	if who := opensAs(t, h, "Jo Marsh's passphrase"); who != "" {
		t.Errorf("the passphrase before the reset still opens the store as %q", who)
	}
	if who := opensAs(t, h, "Olu Adebayo's passphrase"); who != "" {
		t.Errorf("a deactivated account's passphrase still opens the store as %q", who)
	}
}

func TestUsersScreenRetiresTheSharedPassphrase(t *testing.T) {
	s, h := roleSession(t, adaAdmin)
	test.Tap(s.caseload.usersButton)
	test.Tap(s.users.retire)
	if !s.users.retireProblem.Visible() || s.users.retireProblem.Importance != widget.SuccessImportance {
		t.Fatalf("retiring said %q", s.users.retireProblem.Text)
	}
	test.Tap(s.users.retire) // nothing left to retire: said so
	if s.users.retireProblem.Importance != widget.DangerImportance {
		t.Errorf("retiring twice said %q", s.users.retireProblem.Text)
	}
	h.ownPass = testPassphrase // Ada's own: the harness checks the store with it from now on
	if who := opensAs(t, h, hubPassphrase); who != "" {
		t.Errorf("the retired shared passphrase still opens the store as %q", who)
	}
	if who := opensAs(t, h, "Jo Marsh's passphrase"); who != "Jo Marsh" {
		t.Errorf("after retiring, Jo Marsh's passphrase opens the store as %q", who)
	}
}

func TestPatientTheyMayNotEditOpensReadOnly(t *testing.T) {
	s, _ := planSessionAs(t, oluKeyWorker)
	if s.patient.plan != nil || s.patient.enrol != nil {
		t.Error("another key worker's patient opened with editing tools")
	}
	if s.patient.name.Text == "" {
		t.Error("the summary is not shown")
	}
}

// planSessionAs opens planPerson's record as user.
func planSessionAs(t *testing.T, user access.User) (*session, *testHub) {
	t.Helper()
	r := planPerson()
	h := newTestHub(t, r)
	s, _ := h.session(t, user)
	s.openPatient(r.patients[0].ID)
	return s, h
}
