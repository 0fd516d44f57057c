package service

import (
	"errors"
	"testing"

	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/pam"
)

func TestPlanServiceAgreesWithLatestPAM(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	today := careplan.DateOf(fixedNow())
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	// Someone with an agreed plan and a PAM that counts.
	var id string
	var agreed careplan.Plan
	level := 0
	for _, r := range rows {
		versions, _ := st.Plans(r.PatientID)
		as, _ := st.Assessments(r.PatientID)
		a, ok := careplan.LatestAgreed(versions)
		latest, has := pam.Latest(as)
		d, hasDraft := careplan.LatestDraft(versions)
		if ok && has && (!hasDraft || d.Version < a.Version) {
			id, agreed, level = r.PatientID, a, int(latest.Level)
			break
		}
	}
	if id == "" {
		t.Fatal("no demo person with an agreed plan and a PAM")
	}
	draft := agreed.NextDraft("")
	draft.Strengths = "Edited at the review"
	draft.ReviewDate = today.AddMonths(3)
	if err := svc.SavePlan(&draft); err != nil {
		t.Fatal(err)
	}
	if err := svc.AgreePlan(&draft, "Sam Green", today); err != nil {
		t.Fatal(err)
	}
	if draft.State != careplan.PlanAgreed || draft.Agreement.PAMLevel != level || draft.Agreement.On != today {
		t.Errorf("agreed %+v", draft.Agreement)
	}
	versions, err := svc.Plans(id)
	if err != nil {
		t.Fatal(err)
	}
	if cur, _ := careplan.CurrentPlan(versions); cur.ID != draft.ID || cur.Strengths != "Edited at the review" {
		t.Errorf("the current plan is version %d", cur.Version)
	}
	// Agreed is locked: no second agreement, no edit.
	if err := svc.AgreePlan(&draft, "Jo Marsh", today); !errors.Is(err, careplan.ErrPlanLocked) {
		t.Errorf("agreeing twice: %v", err)
	}
	draft.Strengths = "changed after agreeing"
	if err := svc.SavePlan(&draft); !errors.Is(err, careplan.ErrPlanLocked) {
		t.Errorf("editing an agreed version: %v", err)
	}
}

func TestPlanServiceRefusesAgreeingWithoutEmergencyContact(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	rows, _ := st.Caseload()
	p := careplan.Plan{PatientID: rows[0].PatientID, Version: 9, State: careplan.PlanDraft,
		ReviewDate: careplan.DateOf(fixedNow()).AddMonths(3)}
	if err := svc.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	err := svc.AgreePlan(&p, "Sam Green", careplan.DateOf(fixedNow()))
	if !errors.Is(err, careplan.ErrNoEmergencyContact) || p.State != careplan.PlanDraft {
		t.Errorf("err %v, state %s", err, p.State)
	}
}

func TestPlanServiceTemplatesAndServices(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	tpl := careplan.Template{Name: "Hub's own", Goals: []careplan.TemplateGoal{{Domain: careplan.DomainMind, Suggestion: "Sleep"}}}
	if err := svc.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	all, err := svc.Templates()
	if err != nil || len(all) != len(careplan.BuiltInTemplates())+1 || all[len(all)-1].Name != "Hub's own" {
		t.Errorf("templates %d, %v", len(all), err)
	}
	if err := st.SaveService(&careplan.Service{Name: "Frome Lunch Club"}); err != nil {
		t.Fatal(err)
	}
	svcs, err := svc.Services()
	if err != nil || len(svcs) != len(demo.Services())+1 {
		t.Errorf("services %v, %v", svcs, err)
	}
}

// The Services screen withdraws a demo service through the plan service: it stays in the
// directory, marked, and is no longer among those offered to plans.
func TestPlanServiceWithdrawsAService(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Plans
	before, err := svc.Services()
	if err != nil || len(before) == 0 {
		t.Fatalf("demo directory %+v, %v", before, err)
	}
	gone := before[0]
	gone.Withdrawn = true
	if err := svc.SaveService(&gone); err != nil {
		t.Fatal(err)
	}
	after, err := svc.Services()
	if err != nil || len(after) != len(before) {
		t.Fatalf("after withdrawing: %d services (was %d), %v", len(after), len(before), err)
	}
	for _, s := range careplan.OfferedServices(after) {
		if s.ID == gone.ID {
			t.Errorf("%s is still offered after being withdrawn", s.Name)
		}
	}
	if len(careplan.OfferedServices(after)) != len(before)-1 {
		t.Errorf("offered %d, want %d", len(careplan.OfferedServices(after)), len(before)-1)
	}
}
