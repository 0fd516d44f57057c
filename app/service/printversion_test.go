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
)

// saveTwoAgreedVersions gives Ann's patient version 1 agreed 90 days ago and version 2 agreed
// today: version 2 is their plan, version 1 is history.
func saveTwoAgreedVersions(t *testing.T, h *roleHub) {
	t.Helper()
	st := h.signIn(t, adminPW)
	today := careplan.DateOf(fixedNow())
	for _, v := range []careplan.Plan{
		{PatientID: h.annsPatient, Version: 1, State: careplan.PlanAgreed, WhatMatters: "Getting home from hospital",
			ReviewDate: today.AddDays(-1), Agreement: &careplan.Agreement{By: "Ann Key", On: today.AddDays(-90)}},
		{PatientID: h.annsPatient, Version: 2, State: careplan.PlanAgreed, WhatMatters: "Singing in the choir again",
			ReviewDate: today.AddDays(90), Agreement: &careplan.Agreement{By: "Ann Key", On: today}},
	} {
		if err := st.SavePlan(&v); err != nil {
			t.Fatal(err)
		}
	}
}

// An earlier version prints for those who may print the person's plan, stamped as not the
// current plan (hazard H2c); the current version prints as the plan.
func TestPrintVersionStampsAnEarlierVersion(t *testing.T) {
	h := newRoleHub(t)
	saveTwoAgreedVersions(t, h)
	h.signIn(t, annPW)
	ps := servicesOn(h.v.Store).Printing
	dir := t.TempDir()

	old := filepath.Join(dir, "v1.pdf")
	if _, err := ps.PrintVersion(h.annsPatient, 1, false, old); err != nil {
		t.Fatal(err)
	}
	text := servicetest.PDFText(t, old)
	agreed := careplan.DateOf(fixedNow()).AddDays(-90).Display()
	for _, want := range []string{"Getting home from hospital", "Version 1, agreed on " + agreed + ", not the current plan"} {
		if !strings.Contains(text, want) {
			t.Errorf("version 1 printed without %q:\n%s", want, text)
		}
	}
	cur := filepath.Join(dir, "v2.pdf")
	if _, err := ps.PrintVersion(h.annsPatient, 2, false, cur); err != nil {
		t.Fatal(err)
	}
	if text := servicetest.PDFText(t, cur); strings.Contains(text, "not the current plan") || !strings.Contains(text, "Singing in the choir") {
		t.Errorf("the current version printed as an earlier one:\n%s", text)
	}

	missing := filepath.Join(dir, "v9.pdf")
	if _, err := ps.PrintVersion(h.annsPatient, 9, false, missing); !errors.Is(err, printout.ErrNoVersion) {
		t.Errorf("version 9: %v, want ErrNoVersion", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("a file was left for a version that does not exist")
	}
}

// The history prints under the same rule as the plan: a key worker prints only their own
// caseload's.
func TestPrintVersionKeepsTheRoleChecks(t *testing.T) {
	h := newRoleHub(t)
	saveTwoAgreedVersions(t, h)
	h.signIn(t, bobPW)
	_, err := servicesOn(h.v.Store).Printing.PrintVersion(h.annsPatient, 1, false, filepath.Join(t.TempDir(), "v1.pdf"))
	if !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Bob printing Ann's patient's history: %v, want ErrNotAllowed", err)
	}
	h.signIn(t, catPW)
	if _, err := servicesOn(h.v.Store).Printing.PrintVersion(h.annsPatient, 1, false, filepath.Join(t.TempDir(), "v1.pdf")); err != nil {
		t.Errorf("Cat (coordinator) printing the history: %v", err)
	}
}
