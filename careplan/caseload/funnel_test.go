package caseload

import (
	"testing"

	"carehub/careplan"
)

// Someone who withdrew their consent counts as a withdrawal, never as a discharge: the
// commissioners read discharges as the hub finishing with someone.
func TestFunnelCountsWithdrewApartFromDischarge(t *testing.T) {
	var f Funnel
	wasActive := careplan.NewDate(2026, 3, 1)
	for _, e := range []careplan.CaseloadEntry{{Status: careplan.StatusWithdrew}, {Status: careplan.StatusWithdrew, FirstActive: wasActive},
		{Status: careplan.StatusDischarged, FirstActive: wasActive}, {Status: careplan.StatusActive}} {
		f.count(&e)
	}
	if f.Withdrew != 2 || f.Discharged != 1 {
		t.Errorf("withdrew %d, discharged %d; want 2 and 1", f.Withdrew, f.Discharged)
	}
	if f.Consented != 4 || f.Active != 3 {
		t.Errorf("consented %d, active %d; want 4 (everyone who withdrew had consented) and 3 (one withdrew before becoming active)", f.Consented, f.Active)
	}
}

// Enrolment against target counts everyone who ever reached active: people who were active and
// have since died, been discharged or withdrawn, or been re-referred, still count; someone
// discharged straight from consented does not.
func TestFunnelCountsEveryoneWhoEverReachedActive(t *testing.T) {
	wasActive := careplan.NewDate(2026, 3, 1)
	ix := New([]careplan.CaseloadEntry{
		{PatientID: "a", Status: careplan.StatusActive, FirstActive: wasActive},
		{PatientID: "b", Status: careplan.StatusActive}, // active, history without a dated change to active
		{PatientID: "c", Status: careplan.StatusDied, FirstActive: wasActive},
		{PatientID: "d", Status: careplan.StatusDischarged, FirstActive: wasActive},
		{PatientID: "e", Status: careplan.StatusWithdrew, FirstActive: wasActive},
		{PatientID: "f", Status: careplan.StatusNominated, FirstActive: wasActive}, // re-referred
		{PatientID: "g", Status: careplan.StatusDischarged},                        // straight from consented
		{PatientID: "h", Status: careplan.StatusDied},                              // died before enrolling
	})
	f := ix.BuildFunnel(careplan.NewDate(2026, 12, 6))
	if f.Active != 6 || f.ActiveSinceLeft != 4 {
		t.Errorf("active %d (since left %d), want 6 who ever reached active, 4 of them since left", f.Active, f.ActiveSinceLeft)
	}
	if f.Consented != 7 || f.Contacted != 7 || f.Nominated != 8 {
		t.Errorf("nominated %d, contacted %d, consented %d; want 8, 7, 7", f.Nominated, f.Contacted, f.Consented)
	}
	if f.Died != 2 || f.Discharged != 2 || f.Withdrew != 1 {
		t.Errorf("died %d, discharged %d, withdrew %d; want 2, 2, 1", f.Died, f.Discharged, f.Withdrew)
	}
}
