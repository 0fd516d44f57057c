package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/printout"
	"carehub/store"
)

// closedPerson is a demo person whose record is closed with status st and who has an agreed
// plan, with their record; the test skips when the demo data has none.
func closedPerson(t *testing.T, st *store.Store, status careplan.Status) careplan.Patient {
	t.Helper()
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Status != status {
			continue
		}
		plans, err := st.Plans(r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if servicetest.HasAgreed(plans) {
			p, err := st.Patient(r.PatientID)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Skipf("the demo data has nobody %s with an agreed plan", status)
	return careplan.Patient{}
}

func TestPrintOfAClosedRecordIsRefusedWithTheReason(t *testing.T) {
	st := demoStoreOf(t, 200)
	for _, status := range []careplan.Status{careplan.StatusDied, careplan.StatusDischarged} {
		p := closedPerson(t, st, status)
		path := filepath.Join(t.TempDir(), "plan.pdf")
		_, err := serviceOn(st).PrintPatient(p.ID, false, false, path)
		var closed *printout.ClosedError
		if !errors.As(err, &closed) || !errors.Is(err, printout.ErrClosedRecord) {
			t.Fatalf("%s: printing gave %v, want a closed-record refusal", status, err)
		}
		cl, _ := p.Closure()
		if !strings.Contains(err.Error(), cl.Reason()) || !strings.Contains(err.Error(), p.FullName()) {
			t.Errorf("%s: the refusal %q does not say whose record or why (%s)", status, err, cl.Reason())
		}
		if _, statErr := os.Stat(path); statErr == nil {
			t.Errorf("%s: a refused print left a file", status)
		}
	}
}

func TestConfirmedPrintOfAClosedRecordIsStampedOnEveryPage(t *testing.T) {
	st := demoStoreOf(t, 200)
	p := closedPerson(t, st, careplan.StatusDied)
	cl, _ := p.Closure()
	path := filepath.Join(t.TempDir(), "plan.pdf")
	pages, err := serviceOn(st).PrintClosedPatient(p.ID, false, false, path)
	if err != nil {
		t.Fatal(err)
	}
	texts := servicetest.PDFPages(t, path)
	if len(texts) != pages {
		t.Fatalf("%d pages of text for %d pages printed", len(texts), pages)
	}
	for i, text := range texts {
		if !strings.Contains(text, cl.Stamp()) {
			t.Errorf("page %d of %d does not say %q:\n%s", i+1, pages, cl.Stamp(), text)
		}
		if strings.Contains(text, "next PAM is due") {
			t.Errorf("page %d of a closed record still says when the next PAM is due", i+1)
		}
	}
}

func TestOnlyACoordinatorPrintsAClosedRecord(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, catPW)
	plan := careplan.Plan{PatientID: h.annsPatient, Version: 1, State: careplan.PlanAgreed, WhatMatters: "home",
		ReviewDate: careplan.DateOf(fixedNow()).AddDays(90), Agreement: &careplan.Agreement{By: "Cat", On: careplan.DateOf(fixedNow())}}
	if err := st.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	p, err := st.Patient(h.annsPatient)
	if err != nil {
		t.Fatal(err)
	}
	p.Status = careplan.StatusDischarged
	p.History = append(p.History, careplan.StatusChange{To: careplan.StatusDischarged, On: careplan.DateOf(fixedNow()), By: "Cat"})
	if err := st.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	printAs := func(pw string) error {
		h.signIn(t, pw)
		_, err := servicesOn(h.v.Store).Printing.PrintClosedPatient(h.annsPatient, false, false, filepath.Join(t.TempDir(), "p.pdf"))
		return err
	}
	if err := printAs(annPW); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann (key worker) printing a closed record: %v, want ErrNotAllowed", err)
	}
	if err := printAs(catPW); err != nil {
		t.Errorf("Cat (coordinator) printing a closed record: %v", err)
	}
}

func TestBatchLeavesClosedRecordsOutAndCountsThem(t *testing.T) {
	st := demoStoreOf(t, 200)
	far := careplan.DateOf(fixedNow()).AddDays(3650)
	svc := serviceOn(st)
	people, err := svc.PlansFor(printout.BatchSelection{By: printout.ByReviewDue, To: far})
	if err != nil {
		t.Fatal(err)
	}
	closed := 0
	for _, p := range people {
		if p.Closed != "" {
			closed++
		}
	}
	if closed == 0 {
		t.Skip("no closed record has a review date in the demo data")
	}
	dir := filepath.Join(t.TempDir(), "out")
	res, err := svc.PrintBatch(people, printout.BatchOutput{Path: dir, Folder: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Closed) != closed {
		t.Errorf("the batch says %d closed records left out, the selection had %d", len(res.Closed), closed)
	}
	for _, p := range res.Closed {
		if _, err := os.Stat(filepath.Join(dir, "plan-"+string(p.NHSNumber)+".pdf")); err == nil {
			t.Errorf("%s's closed record was printed", p.NHSNumber.Display())
		}
	}
}
