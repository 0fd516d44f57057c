package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
)

// fakeAuditLog filters a fixed audit with the real rules and remembers exports.
type fakeAuditLog struct {
	rows     []access.AuditRow
	exported []access.AuditFilter
	paths    []string
}

func (f *fakeAuditLog) Audit(flt access.AuditFilter) ([]access.AuditRow, error) {
	return access.FilterAudit(f.rows, flt), nil
}

func (f *fakeAuditLog) ExportCSV(flt access.AuditFilter, path string) (int, error) {
	f.exported = append(f.exported, flt)
	f.paths = append(f.paths, path)
	return len(access.FilterAudit(f.rows, flt)), nil
}

func testAudit() *fakeAuditLog {
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 15, 0, 0, time.UTC) }
	mary := "Álvarez, José (999 000 2118)"
	return &fakeAuditLog{rows: []access.AuditRow{
		{Time: at(2, 9), User: "Olu Adebayo", Action: "viewed", Record: "patient", Patient: mary},
		{Time: at(2, 10), User: "Olu Adebayo", Action: "updated", Record: "plan", Patient: mary, Detail: "version 2 draft: goals 2 → 3"},
		{Time: at(3, 11), User: "Jo Marsh", Action: "viewed", Record: "patient", Patient: "Clarke, Zoë (999 000 1375)"},
		{Time: at(4, 8), User: "Ada Admin", Action: "created", Detail: `account "Rhian Davies" (key worker)`},
		{Time: at(5, 16), User: "Jo Marsh", Action: "report", Detail: "evaluation 2026-01-01..2026-03-01 csv"},
	}}
}

func auditSession(t *testing.T, user access.User, log *fakeAuditLog, files *fakeFiles) *session {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	s, _ := newTestSession(t, Config{Vault: v, AuditLog: log})
	s.files = files
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	return s
}

func TestAuditViewerFiltersAndExports(t *testing.T) {
	log, files := testAudit(), &fakeFiles{path: "/tmp/ig.csv"}
	s := auditSession(t, access.User{Name: "Jo Marsh", Role: access.Coordinator, Active: true}, log, files)
	if s.caseload.auditButton == nil {
		t.Fatal("a coordinator has no Audit button")
	}
	test.Tap(s.caseload.auditButton)
	a := s.audit
	if a.list.Length() != 5 || len(a.user.Options) != 4 {
		t.Fatalf("%d rows, users %v", a.list.Length(), a.user.Options)
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
	if a.list.Length() != 1 || a.rows[0].Detail == "" {
		t.Fatalf("filtered to %+v", a.rows)
	}
	a.patient.SetText("")
	a.user.SetSelected(anyUser)
	a.action.SetSelected(anyAction)
	a.from.SetText("2026-03-03")
	a.to.SetText("04/03/2026")
	test.Tap(a.show)
	if a.list.Length() != 2 {
		t.Errorf("%d rows between two dates", a.list.Length())
	}
	a.to.SetText("next week")
	test.Tap(a.show)
	if !a.problem.Visible() || a.list.Length() != 2 {
		t.Error("an unreadable date was not shown as a problem")
	}
	a.to.SetText("")
	test.Tap(a.export)
	if len(log.exported) != 1 || log.paths[0] != "/tmp/ig.csv" || log.exported[0].From.String() != "2026-03-03" {
		t.Errorf("exported %+v to %v", log.exported, log.paths)
	}
}

func TestAuditButtonHiddenFromKeyWorkers(t *testing.T) {
	s := auditSession(t, access.User{Name: "Olu", Role: access.KeyWorker, StaffID: "s1", Active: true}, testAudit(), &fakeFiles{})
	if s.caseload.auditButton != nil {
		t.Error("a key worker has an Audit button")
	}
}
