package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/careplan/access"
	"carehub/store"
)

func TestAuditViewerShowsWhoSawAndChangedWhat(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, annPW)
	if _, err := st.Patient(h.bobsPatient); err != nil {
		t.Fatal(err)
	}
	plans := servicesOn(h.v.Store).Plans
	p := draftFor(h.annsPatient)
	if err := plans.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	audit := servicesOn(h.v.Store).AuditLog
	if _, err := audit.Audit(access.AuditFilter{}); !errors.Is(err, access.ErrNotAllowed) {
		t.Fatalf("a key worker reading the audit: %v", err)
	}

	h.signIn(t, catPW)
	rows, err := audit.Audit(access.AuditFilter{User: "Ann Key"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows for Ann, want her view and her plan: %+v", len(rows), rows)
	}
	saved, viewed := rows[0], rows[1] // newest first
	if viewed.Action != store.AuditViewed || !strings.Contains(viewed.Patient, "Pryce, Gwen (943 476 5870)") {
		t.Errorf("the view reads %+v", viewed)
	}
	if saved.Action != store.AuditCreated || saved.Record != "plan" || saved.Detail == "" {
		t.Errorf("the change reads %+v (it should say what changed)", saved)
	}

	path := filepath.Join(t.TempDir(), "ig-request.csv")
	n, err := audit.ExportCSV(access.AuditFilter{Patient: "9434765870"}, path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !strings.Contains(string(b), "Ann Key,viewed,patient,\"Pryce, Gwen (943 476 5870)\"") {
		t.Errorf("%d rows:\n%s", n, b)
	}
	all, _ := audit.Audit(access.AuditFilter{User: "Cat Coordinator", Action: store.AuditReport})
	if len(all) < 2 {
		t.Errorf("reading and exporting the audit were not themselves audited: %+v", all)
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".carehub-*"))
	if len(matches) != 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}
