package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/evaluation"
	"carehub/store"
)

// auditHub is a hub whose audit holds a few days' work by three people, each signed in with
// their own account: Olu Adebayo views José Álvarez and changes his plan on 2 March, Jo Marsh
// views Zoë Clarke on the 3rd, Ada Admin adds an account on the 4th and Jo exports the
// evaluators' CSV on the 5th. Jo Marsh's passphrase is testPassphrase.
func auditHub(t *testing.T) *testHub {
	t.Helper()
	r := &people{staff: testStaff()}
	jose := fullPatient(pid("p04"), testNHSNumber(211))
	jose.GivenName, jose.FamilyName, jose.PreferredName = "José", "Álvarez", ""
	jose.Team = careplan.CareTeam{KeyWorker: "Olu Adebayo", KeyWorkerID: fixtureID("staff-s1"), Coordinator: "Jo Marsh"}
	zoe := fullPatient(pid("p02"), testNHSNumber(137))
	zoe.GivenName, zoe.FamilyName, zoe.PreferredName = "Zoë", "Clarke", ""
	r.add(jose, []careplan.Plan{draftPlan(jose.ID)}, nil)
	r.add(zoe, nil, nil)
	h := newTestHub(t, r)
	h.withStore(t, func(st *store.Store) {
		for _, u := range []struct {
			access.User
			pass string
		}{
			{catCoordinatorNamed("Jo Marsh"), testPassphrase},
			{oluKeyWorker, "olu's passphrase"},
			{adaAdmin, "ada's passphrase"},
		} {
			must(t, st.AddUser(&u.User, u.pass))
		}
	})
	at := func(day, hour int) { h.clock.t = time.Date(2026, 3, day, hour, 15, 0, 0, time.UTC) }
	at(2, 11)
	h.as(t, "olu's passphrase", func(svc *service.Set) {
		_, err := svc.Records.Patient(jose.ID)
		must(t, err)
	})
	at(2, 12)
	h.as(t, "olu's passphrase", func(svc *service.Set) {
		plans, err := svc.Plans.Plans(jose.ID)
		must(t, err)
		plans[0].Goals = testGoals()
		must(t, svc.Plans.SavePlan(&plans[0]))
	})
	at(3, 11)
	h.as(t, testPassphrase, func(svc *service.Set) {
		_, err := svc.Records.Patient(zoe.ID)
		must(t, err)
	})
	at(4, 8)
	h.as(t, "ada's passphrase", func(svc *service.Set) {
		must(t, svc.Users.AddUser(&access.User{Name: "Rhian Davies", Role: access.KeyWorker, StaffID: fixtureID("staff-s2")}, "rhian's passphrase"))
	})
	at(5, 16)
	h.as(t, testPassphrase, func(svc *service.Set) {
		f := evaluation.Filter{From: careplan.NewDate(2026, 1, 1), To: careplan.NewDate(2026, 3, 1)}
		_, err := svc.Evaluation.ExportCSV(f, filepath.Join(t.TempDir(), "evaluation.csv"))
		must(t, err)
	})
	at(5, 17)
	return h
}

// catCoordinatorNamed is a coordinator's account with that name.
func catCoordinatorNamed(name string) access.User {
	return access.User{Name: name, Role: access.Coordinator}
}

// as signs in to the closed hub with passphrase, runs fn on its services and closes it again.
func (h *testHub) as(t *testing.T, passphrase string, fn func(svc *service.Set)) {
	t.Helper()
	st, err := store.Open(h.path, passphrase, h.storeOptions())
	must(t, err)
	defer st.Close()
	fn(service.NewSet(service.On(st), service.Options{Now: h.clock.now, Fonts: servicetest.Fonts(), KDF: servicetest.CheapKDF}))
}

// auditSession signs in to h as the account whose passphrase is testPassphrase.
func auditSession(t *testing.T, h *testHub, files *fakeFiles) *session {
	t.Helper()
	s, _ := h.open(t, files)
	if s.caseload == nil {
		t.Fatal("the caseload did not open")
	}
	return s
}

func TestAuditViewerFiltersAndExports(t *testing.T) {
	h := auditHub(t)
	var entries int
	h.withStore(t, func(st *store.Store) {
		all, err := st.Audit()
		must(t, err)
		entries = len(all)
	})
	csv := filepath.Join(t.TempDir(), "ig.csv")
	s := auditSession(t, h, &fakeFiles{path: csv})
	if s.caseload.auditButton == nil {
		t.Fatal("a coordinator has no Audit button")
	}
	test.Tap(s.caseload.auditButton)
	a := s.audit
	// Newest first, as the rows.
	want := []string{anyUser, "Jo Marsh", "Ada Admin", "Olu Adebayo", "hub set-up"}
	if a.list.Length() != entries || strings.Join(a.user.Options, "|") != strings.Join(want, "|") {
		t.Fatalf("%d rows of %d, users %v", a.list.Length(), entries, a.user.Options)
	}
	test.AssertRendersToMarkup(t, "audit.xml", s.w.Canvas())

	test.Type(a.patient, "alvarez") // accents differ: no match, the filter is exact on letters
	test.Tap(a.show)
	if a.list.Length() != 0 {
		t.Errorf("%d rows for an unaccented name", a.list.Length())
	}
	a.patient.SetText("9990002118")
	a.user.SetSelected("Olu Adebayo")
	a.action.SetSelected("updated")
	test.Tap(a.show)
	if a.list.Length() != 1 || a.rows[0].Record != "plan" || a.rows[0].Detail == "" {
		t.Fatalf("filtered to %+v", a.rows)
	}
	a.patient.SetText("")
	a.user.SetSelected(anyUser)
	a.action.SetSelected(anyAction)
	a.from.SetText("2026-03-03")
	a.to.SetText("04/03/2026")
	test.Tap(a.show)
	if a.list.Length() != 2 {
		t.Errorf("%d rows between two dates, want Jo's view and Ada's new account", a.list.Length())
	}
	a.to.SetText("next week")
	test.Tap(a.show)
	if !a.problem.Visible() || a.list.Length() != 2 {
		t.Error("an unreadable date was not shown as a problem")
	}
	a.to.SetText("")
	test.Tap(a.export)
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatalf("no CSV exported: %v", err)
	}
	// From 3 March on: the two rows, Jo's report, and the reads of the audit since.
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) < 4 || !strings.Contains(string(b), "Rhian Davies") ||
		strings.Contains(string(b), "Álvarez") {
		t.Errorf("the CSV holds %d lines: %s", len(lines), b)
	}
}

func TestAuditButtonHiddenFromKeyWorkers(t *testing.T) {
	s, _ := newTestHub(t, testRecords()).session(t, oluKeyWorker)
	if s.caseload.auditButton != nil {
		t.Error("a key worker has an Audit button")
	}
}
