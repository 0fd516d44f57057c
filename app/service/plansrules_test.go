package service

import (
	"errors"
	"testing"

	"carehub/careplan"
	"carehub/pam"
)

// rulesPlan is a draft that meets every agreement rule: what matters, a goal, who to call in
// an emergency and a review date after today.
func rulesPlan(patientID string, today careplan.Date) careplan.Plan {
	return careplan.Plan{PatientID: patientID, Version: 1, State: careplan.PlanDraft,
		WhatMatters: "Staying at home with my dog.",
		Goals:       []careplan.Goal{{ID: "g1", Domain: careplan.DomainMovement, InMyWords: "Walk to the shop", Importance: careplan.Score(8), Confidence: careplan.Score(4)}},
		Contingency: careplan.Contingency{Red: careplan.Red{WhoToCall: "999"}},
		ReviewDate:  today.AddMonths(3)}
}

// The plan service stores the person's own PAM level with an agreed version, never a later
// Carer PAM's (hazard log C1), and the caseload's last PAM stays the person's own.
func TestAgreePlanStoresThePersonsOwnPAMLevel(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	today := careplan.DateOf(fixedNow())
	rows, err := st.Caseload()
	if err != nil || len(rows) == 0 {
		t.Fatalf("caseload: %v", err)
	}
	// Someone whose own latest PAM, if any, is older than the one recorded here.
	var id string
	for _, r := range rows {
		if r.LastPAM.Before(today.AddDays(-10)) {
			id = r.PatientID
			break
		}
	}
	if id == "" {
		t.Fatal("no demo person without a recent PAM")
	}
	own := pam.Assessment{PatientID: id, Score: 420, Level: pam.Level1, Instrument: pam.PAM13,
		TakenOn: today.AddDays(-10), RecordedBy: "Sam Green", Source: "paper form"}
	carer := pam.Assessment{PatientID: id, Score: 740, Level: pam.Level4, Instrument: pam.CarerPAM, CarerName: "Ffion Jones",
		TakenOn: today.AddDays(-2), RecordedBy: "Sam Green", Source: "paper form"}
	for _, a := range []*pam.Assessment{&own, &carer} {
		if err := st.SaveAssessment(a); err != nil {
			t.Fatal(err)
		}
	}
	p := rulesPlan(id, today)
	p.Version = 99
	if err := svc.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	if err := svc.AgreePlan(&p, "Sam Green", today); err != nil {
		t.Fatal(err)
	}
	if p.Agreement.PAMLevel != 1 {
		t.Errorf("agreed at PAM level %d, want the person's own 1 (the Carer PAM is 4)", p.Agreement.PAMLevel)
	}
	rows, _ = st.Caseload()
	for _, r := range rows {
		if r.PatientID == id && r.LastPAM != own.TakenOn {
			t.Errorf("caseload last PAM %v, want the person's own %v", r.LastPAM, own.TakenOn)
		}
	}
}

// The plan service holds to the agreement rules, whatever screen or command calls it: a plan
// with no goals and a 2020 review date, or one agreed on a day still to come, is refused and
// stays a draft.
func TestPlanServiceHoldsTheAgreementRules(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	today := careplan.DateOf(fixedNow())
	rows, _ := st.Caseload()
	id := rows[0].PatientID
	tests := []struct {
		name   string
		change func(p *careplan.Plan)
		on     careplan.Date
		want   error
	}{
		{"no goals, review in 2020", func(p *careplan.Plan) {
			p.Goals, p.ReviewDate = nil, careplan.NewDate(2020, 1, 1)
		}, today, careplan.ErrNoGoals},
		{"agreed tomorrow", func(p *careplan.Plan) {}, today.AddDays(1), careplan.ErrAgreedInFuture},
		{"nothing on what matters", func(p *careplan.Plan) { p.WhatMatters = "" }, today, careplan.ErrNoWhatMatters},
		{"review on the day agreed", func(p *careplan.Plan) { p.ReviewDate = today }, today, careplan.ErrReviewNotAfter},
	}
	for i, tt := range tests {
		p := rulesPlan(id, today)
		p.Version = 50 + i
		tt.change(&p)
		if err := svc.SavePlan(&p); err != nil {
			t.Fatal(err)
		}
		err := svc.AgreePlan(&p, "Sam Green", tt.on)
		if !errors.Is(err, tt.want) || p.State != careplan.PlanDraft {
			t.Errorf("%s: err %v, state %s; want %v and a draft", tt.name, err, p.State, tt.want)
		}
	}
	// Agreed yesterday, recorded today: allowed, dated yesterday.
	p := rulesPlan(id, today)
	p.Version = 60
	if err := svc.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	if err := svc.AgreePlan(&p, "Sam Green", today.AddDays(-1)); err != nil || p.Agreement.On != today.AddDays(-1) {
		t.Errorf("agreed yesterday: %v, %+v", err, p.Agreement)
	}
}
