package store

import (
	"testing"

	"carehub/careplan"
)

// A version agreed before the agreement rules (no goals, nothing on what matters, no one to
// call in an emergency, a review date long past) is a record of what was agreed: it saves and
// reaches the other laptop as it is. The rules stop new agreements, never old ones.
func TestVersionAgreedBeforeTheAgreementRulesStillSyncs(t *testing.T) {
	a, clock := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	p, plan := enrolled(t, a, 31)
	plan.Goals, plan.WhatMatters, plan.Contingency = nil, "", careplan.Contingency{}
	plan.ReviewDate = careplan.NewDate(2020, 1, 1)
	if err := careplan.ReadyToAgree(plan, careplan.NewDate(2019, 12, 1), careplan.DateOf(clock.Now())); err == nil {
		t.Fatal("the old plan meets today's agreement rules: the test proves nothing")
	}
	plan.State = careplan.PlanAgreed
	plan.Agreement = &careplan.Agreement{By: "Sam Green", On: careplan.NewDate(2019, 12, 1), PAMLevel: 2}
	if err := a.SavePlan(&plan); err != nil {
		t.Fatalf("saving an old agreed version: %v", err)
	}
	carry(t, a, b)
	got := latestPlan(t, b, p.ID)
	if got.State != careplan.PlanAgreed || got.Agreement == nil || got.Agreement.On != careplan.NewDate(2019, 12, 1) {
		t.Errorf("on the other laptop: %s %+v", got.State, got.Agreement)
	}
	closeAndCheck(t, a)
	closeAndCheck(t, b)
}
