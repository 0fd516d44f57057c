package caseload

import (
	"testing"

	"carehub/careplan"
)

// Someone who withdrew their consent counts as a withdrawal, never as a discharge: the
// commissioners read discharges as the hub finishing with someone.
func TestFunnelCountsWithdrewApartFromDischarge(t *testing.T) {
	var f Funnel
	for _, s := range []careplan.Status{careplan.StatusWithdrew, careplan.StatusWithdrew, careplan.StatusDischarged, careplan.StatusActive} {
		f.count(s)
	}
	if f.Withdrew != 2 || f.Discharged != 1 {
		t.Errorf("withdrew %d, discharged %d; want 2 and 1", f.Withdrew, f.Discharged)
	}
	if f.Consented != 4 || f.Active != 2 {
		t.Errorf("consented %d, active %d; want 4 (everyone who withdrew had consented) and 2", f.Consented, f.Active)
	}
}
