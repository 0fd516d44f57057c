package service

import (
	"errors"
	"path/filepath"
	"testing"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/evaluation"
	"carehub/careplan/printout"
	"carehub/store"
)

// Issue 15's attacks on the services, made as the attack review made them: signed in as an
// account, calling the services directly, whatever the screens would offer.

func TestKeyWorkerExportOfTheWholeHubIsRefused(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, annPW)
	svc := servicesOn(h.v.Store)
	dir := t.TempDir()
	period := evaluation.Filter{From: careplan.NewDate(2026, 1, 1), To: careplan.NewDate(2026, 11, 23)}
	refused := map[string]error{
		"FHIR --all":             second(svc.Export.FHIR(filepath.Join(dir, "all.json"), true)),
		"FHIR of the consenting": second(svc.Export.FHIR(filepath.Join(dir, "some.json"), false)),
		"FHIR per person":        second(svc.Export.FHIRPerPerson(filepath.Join(dir, "people"), false)),
		"evaluation CSV":         second(svc.Evaluation.ExportCSV(period, filepath.Join(dir, "eval.csv"))),
		"backup":                 svc.Backup.Backup(filepath.Join(dir, "copy.carehub")),
		"batch print of someone else's person": second(svc.Printing.PrintBatch(
			[]printout.BatchPerson{{PatientID: h.bobsPatient, HasAgreed: true}}, printout.BatchOutput{Path: filepath.Join(dir, "b.pdf")}, nil)),
		"printing someone else's person": second(svc.Printing.PrintPatient(h.bobsPatient, true, false, filepath.Join(dir, "p.pdf"))),
		"reading the audit":              second(svc.AuditLog.Audit(access.AuditFilter{})),
	}
	for what, err := range refused {
		if !errors.Is(err, access.ErrNotAllowed) {
			t.Errorf("a key worker's %s: %v", what, err)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
		t.Errorf("refused exports left files: %v", matches)
	}
	// Their own caseload is theirs to print, and the batch offers only them.
	people, err := svc.Printing.PlansFor(printout.BatchSelection{By: printout.ByReviewDue})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.PatientID != h.annsPatient {
			t.Errorf("a key worker's batch offers someone off their caseload: %+v", p)
		}
	}
	// Reading the caseload and anyone's record stays open to them.
	if _, err := svc.Records.Caseload(); err != nil {
		t.Errorf("a key worker reading the caseload: %v", err)
	}
	if _, err := svc.Records.Patient(h.bobsPatient); err != nil {
		t.Errorf("a key worker reading another key worker's person: %v", err)
	}
	// Coordinators and administrators take the hub out.
	for _, pw := range []string{catPW, adminPW} {
		h.signIn(t, pw)
		if _, err := servicesOn(h.v.Store).Export.FHIR(filepath.Join(t.TempDir(), "all.json"), true); err != nil {
			t.Errorf("%s exporting FHIR --all: %v", h.v.SignedIn().Name, err)
		}
	}
}

func TestEveryReadOfAPersonIsAuditedUnderTheAccount(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, annPW)
	svc := servicesOn(h.v.Store)
	before, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	reads := []struct {
		what string
		read func() error
	}{
		{"record", func() error { return second(svc.Records.Patient(h.bobsPatient)) }},
		{"plans", func() error { return second(svc.Plans.Plans(h.bobsPatient)) }},
		{"PAMs", func() error { return second(svc.Outcomes.Assessments(h.bobsPatient)) }},
		{"outcomes", func() error { return second(svc.Outcomes.Outcomes(h.bobsPatient)) }},
		{"contacts", func() error { return second(svc.Enrolment.Contacts(h.bobsPatient)) }},
		{"check-ins", func() error { return second(svc.Plans.CheckIns(h.bobsPatient)) }},
		{"caseload list", func() error { return second(svc.Records.ListCaseload()) }},
	}
	for i, r := range reads {
		if err := r.read(); err != nil {
			t.Fatalf("%s: %v", r.what, err)
		}
		after, err := st.Audit()
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before)+i+1 {
			t.Fatalf("reading %s added %d audit entries", r.what, len(after)-len(before)-i)
		}
		last := after[len(after)-1]
		if last.User != "Ann Key" {
			t.Errorf("reading %s is audited under %q", r.what, last.User)
		}
		if r.what != "caseload list" && (last.PatientID != h.bobsPatient || last.Action != store.AuditViewed) {
			t.Errorf("reading %s is audited as %+v", r.what, last)
		}
	}
}

func TestBackupIsAudited(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, catPW)
	if err := servicesOn(h.v.Store).Backup.Backup(filepath.Join(t.TempDir(), "copy.carehub")); err != nil {
		t.Fatal(err)
	}
	entries, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if last := entries[len(entries)-1]; last.User != "Cat Coordinator" || last.Detail != "backup written" {
		t.Errorf("last audit entry after a backup: %+v", last)
	}
}
