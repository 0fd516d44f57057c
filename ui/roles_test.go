package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/access"
)

// firstRun creates a store through the first-run screen as Ada, also a coordinator or not.
func firstRun(t *testing.T, h *testHub, coordinates bool) *session {
	t.Helper()
	s, _ := newTestSession(t, h.config())
	if s.unlock.coordinate == nil || !s.unlock.coordinate.Checked {
		t.Fatal("the first run does not offer (ticked) to be a coordinator as well")
	}
	test.Type(s.unlock.name, "Ada Admin")
	if !coordinates {
		test.Tap(s.unlock.coordinate)
	}
	test.Type(s.unlock.passphrase, testPassphrase)
	test.Type(s.unlock.confirm, testPassphrase)
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatalf("the first run did not open the caseload: %s", s.unlock.problem.Text)
	}
	return s
}

func TestFirstRunAdministratorWhoAlsoCoordinatesCanNominateAndChooseThemselves(t *testing.T) {
	h := newEmptyHub(t)
	s := firstRun(t, h, true)
	me := h.vault.SignedIn()
	if me.RoleLabel() != "hub administrator and coordinator" || me.StaffID == "" {
		t.Fatalf("signed in as %s (staff %q), want an administrator and coordinator linked to a staff record", me.RoleLabel(), me.StaffID)
	}
	if s.caseload.queues.nominate.Hidden || s.caseload.queues.staff.Hidden || s.caseload.usersButton == nil {
		t.Error("an administrator who coordinates must see Nominate, Staff and Users")
	}
	staff, err := h.svc.Enrolment.Staff()
	must(t, err)
	if len(staff) != 1 || staff[0].Name != "Ada Admin" || staff[0].ID != me.StaffID {
		t.Errorf("staff list %+v: Ada should be on it, linked to her account, to be chosen as care coordinator", staff)
	}
	// "Choose myself as care coordinator" for someone she nominates.
	p := careplan.NewNomination(careplan.Patient{NHSNumber: testNHSNumber(100), GivenName: "Gwen", FamilyName: "Pryce",
		DateOfBirth: careplan.NewDate(1941, time.March, 3), Conditions: []string{"52448006", "44054006", "13645005"},
		Nomination: careplan.Nomination{On: fixedToday(), Clinician: "Dr Ames", Reason: "falls"}})
	must(t, h.store(t).SavePatient(&p))
	s.openPatient(p.ID)
	test.Tap(s.patient.enrolDlg.teamButton)
	d := s.patient.enrolDlg.team
	if len(d.mine.Objects) != 1 {
		t.Fatalf("the care team dialog offers %d \"me\" buttons, want Me as care coordinator", len(d.mine.Objects))
	}
	mine := d.mine.Objects[0].(*widget.Button)
	if mine.Text != "Me as care coordinator" {
		t.Fatalf("button %q", mine.Text)
	}
	test.Tap(mine)
	test.Tap(d.form.Save)
	got, err := h.store(t).Patient(p.ID)
	must(t, err)
	if got.Team.Coordinator != "Ada Admin" || got.Team.CoordinatorID != me.StaffID {
		t.Errorf("stored team %+v, want Ada as care coordinator", got.Team)
	}
}

func TestFirstRunAdministratorOnlyReadsRecordsAndIsToldWhy(t *testing.T) {
	first := newEmptyHub(t)
	s0 := firstRun(t, first, false)
	if got := first.vault.SignedIn().RoleLabel(); got != "hub administrator" || !s0.caseload.queues.nominate.Hidden {
		t.Errorf("unticked, the first account is %q with Nominate hidden=%v; want an administrator only, without Nominate",
			got, s0.caseload.queues.nominate.Hidden)
	}

	h := newTestHub(t, testRecords())
	admin := access.User{Name: "Ada Admin", Role: access.Administrator}
	s, w := h.session(t, admin)
	if !s.caseload.queues.nominate.Hidden {
		t.Error("an administrator alone is offered Nominate")
	}
	s.openPatient(pid("p01"))
	text := strings.Join(labelTexts(w.Canvas().Content()), "\n")
	if !strings.Contains(text, "Read only: you are signed in as a hub administrator") || !strings.Contains(text, "or a coordinator can change it") {
		t.Errorf("a read-only record does not say why:\n%s", text)
	}
}

func TestKeyWorkerLandsOnMyCaseload(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, _ := h.session(t, oluKeyWorker)
	q := s.caseload.queues
	if q.me.Selected != myCaseload {
		t.Fatalf("a key worker's caseload opens on %q, want %q", q.me.Selected, myCaseload)
	}
	if len(s.caseload.shown) == 0 {
		t.Fatal("My caseload shows nobody: Olu has people in the fixture")
	}
	for _, i := range s.caseload.shown {
		if e := s.caseload.index.Entry(i); e.KeyWorker != "Olu Adebayo" {
			t.Errorf("My caseload shows %s, whose key worker is %q", e.SortName(), e.KeyWorker)
		}
	}
	q.me.SetSelected(wholeHub)
	if len(s.caseload.shown) <= 5 {
		t.Errorf("the whole hub shows %d people", len(s.caseload.shown))
	}
	// A coordinator is not a key worker: the whole hub, and no "My caseload" choice.
	h2 := newTestHub(t, testRecords())
	s2, _ := h2.session(t, catCoordinator)
	if s2.caseload.queues.me.Selected != wholeHub || slices.Contains(s2.caseload.queues.me.Options, myCaseload) {
		t.Errorf("a coordinator's caseload: %q of %v", s2.caseload.queues.me.Selected, s2.caseload.queues.me.Options)
	}
}

func TestUsersScreenGivesASecondRoleAndLinksAStaffRecord(t *testing.T) {
	s, h := roleSession(t, adaAdmin)
	test.Tap(s.caseload.usersButton)
	test.Tap(s.users.rowButtons[account(t, h, "Jo Marsh").ID])
	u := s.users
	if u.changeRole.Selected != string(access.Coordinator) || u.changeAlso.Selected != noSecondRole || u.changeStaff.Selected != noStaffLink {
		t.Fatalf("Jo's roles shown as %q / %q / %q", u.changeRole.Selected, u.changeAlso.Selected, u.changeStaff.Selected)
	}
	u.changeAlso.SetSelected(string(access.Administrator))
	u.changeStaff.SetSelected("Jo Marsh")
	test.Tap(u.saveRoles)
	if u.manageProblem.Text != "Jo Marsh is now coordinator and hub administrator." {
		t.Errorf("after saving: %q", u.manageProblem.Text)
	}
	jo := account(t, h, "Jo Marsh")
	if jo.Also != access.Administrator || jo.StaffID != fixtureID("staff-s4") {
		t.Errorf("stored: %s, staff %q", jo.RoleLabel(), jo.StaffID)
	}
	if !labelShown(u.list, "coordinator and hub administrator") {
		t.Error("the accounts list does not show Jo's two roles")
	}
	// A key worker must keep a staff record: the screen says so and changes nothing.
	test.Tap(u.rowButtons[account(t, h, "Olu Adebayo").ID])
	u.changeStaff.SetSelected(noStaffLink)
	test.Tap(u.saveRoles)
	if !strings.Contains(u.manageProblem.Text, "staff record") || account(t, h, "Olu Adebayo").StaffID == "" {
		t.Errorf("unlinking a key worker: %q", u.manageProblem.Text)
	}
}
