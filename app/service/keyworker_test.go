package service

import (
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
)

// The key worker's name and phone, from their staff record, head "Who to call" on the printed
// plan, whether or not the plan lists them.
func TestPrintedPlanCallsTheKeyWorker(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, adminPW)
	staff, err := st.Staff()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range staff {
		if m.ID == h.annStaffID {
			m.Phone = "01935 384123"
			if err := st.SaveStaff(&m); err != nil {
				t.Fatal(err)
			}
		}
	}
	plan := careplan.Plan{PatientID: h.annsPatient, Version: 1, State: careplan.PlanAgreed, WhatMatters: "home",
		ReviewDate: careplan.DateOf(fixedNow()).AddDays(90), Agreement: &careplan.Agreement{By: "Ann Key", On: careplan.DateOf(fixedNow())}}
	if err := st.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if _, err := servicesOn(h.v.Store).Printing.PrintPatient(h.annsPatient, false, false, path); err != nil {
		t.Fatal(err)
	}
	text := servicetest.PDFText(t, path)
	i := strings.Index(text, "Who to call\n")
	if i < 0 || !strings.Contains(text[i:], "Ann Key") || !strings.Contains(text[i:], "My key worker") || !strings.Contains(text[i:], "01935 384123") {
		t.Errorf("Who to call lacks Ann Key, my key worker, 01935 384123:\n%s", text[max(i, 0):])
	}
}

// The tablet's "who to call" starts with the key worker too, with the phone from the staff
// record the hub's bundle carries: a number changed at the hub reaches the tablet.
func TestTabletCallsTheKeyWorker(t *testing.T) {
	r := newTabletRound(t)
	p, err := r.hub.Patient(r.patient)
	if err != nil {
		t.Fatal(err)
	}
	if p.Team.KeyWorkerID == "" {
		t.Fatal("the demo person with a tablet has no key worker")
	}
	staff, err := r.hub.Staff()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range staff {
		if m.ID == p.Team.KeyWorkerID {
			m.Phone = "01458 440000"
			if err := r.hub.SaveStaff(&m); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := r.tabletSync.UpdateFromFile(r.bundleForTablet(t, "phone.chb"), nil); err != nil {
		t.Fatal(err)
	}
	view, err := r.tablet.MyPlan()
	if err != nil {
		t.Fatal(err)
	}
	first := view.WhoToCall[0]
	if first.Name != p.Team.KeyWorker || !strings.HasPrefix(first.Who, "My key worker") || first.Phone != "01458 440000" {
		t.Errorf("the tablet's who to call starts %+v, want %s, my key worker, 01458 440000", first, p.Team.KeyWorker)
	}
}
