package careplan

import (
	"errors"
	"testing"
	"time"
)

// draftPlan is a draft a key worker might have written with the person.
func draftPlan() Plan {
	due := NewDate(2026, time.June, 1)
	return Plan{
		ID:          "plan-1",
		Version:     1,
		State:       PlanDraft,
		AboutMe:     "I have lived in Frome all my life.",
		WhatMatters: "Staying in my own home and seeing my friends.",
		Goals: []Goal{{
			ID: "g1", Domain: DomainMovement, InMyWords: "I want to walk to the post office on my own again",
			Importance: Score(9), Confidence: Score(5),
			Actions: []Action{
				{ID: "a1", What: "Walk to the end of the road each morning", Owner: ActionOwner{Kind: OwnerPatient}, Due: due, Status: ActionOpen},
				{ID: "a2", What: "Refer to the falls service", Owner: ActionOwner{Kind: OwnerKeyWorker, Name: "Sam Green"}, Due: due, Status: ActionDone, DoneOn: due},
			},
		}, {
			ID: "g2", Domain: DomainSocial, InMyWords: "I want to see my friends at the lunch club", Importance: Score(7), Confidence: Score(8),
			Actions: []Action{
				{ID: "a3", What: "Find a lift to the club", Owner: ActionOwner{Kind: OwnerService, Name: "Health Connections Mendip"}, Due: due, Status: ActionOpen},
				{ID: "a4", What: "Ask my daughter to come", Owner: ActionOwner{Kind: OwnerCarer, Name: "Ffion"}, Due: due, Status: ActionDropped},
			},
		}},
		Support:     []Signpost{{Name: "Health Connections Mendip", GoalIDs: []string{"g2"}}},
		Contingency: Contingency{Red: Red{WhoToCall: "999, then my daughter Ffion"}},
		People:      []Person{{Name: "Dr Rees", Role: "GP"}},
		ReviewDate:  NewDate(2026, time.November, 1),
	}
}

func TestPlanValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Plan)
		err    error
	}{
		{"draft as written", func(p *Plan) {}, nil},
		{"draft without review date", func(p *Plan) { p.ReviewDate = Date{} }, nil},
		{"goal with no words", func(p *Plan) { p.Goals[0].InMyWords = "  " }, ErrGoalWords},
		{"goal with no domain", func(p *Plan) { p.Goals[1].Domain = "Spiritual" }, ErrGoalDomain},
		{"importance 11", func(p *Plan) { p.Goals[0].Importance = Score(11) }, ErrScale},
		{"confidence -1", func(p *Plan) { p.Goals[0].Confidence = Score(-1) }, ErrScale},
		{"scales at the ends", func(p *Plan) { p.Goals[0].Importance, p.Goals[0].Confidence = Score(0), Score(10) }, nil},
		{"action with no what", func(p *Plan) { p.Goals[0].Actions[0].What = "" }, ErrActionWhat},
		{"action status unknown", func(p *Plan) { p.Goals[0].Actions[0].Status = "pending" }, ErrActionStatus},
		{"agreed without review date", func(p *Plan) {
			p.State, p.Agreement, p.ReviewDate = PlanAgreed, &Agreement{By: "Sam Green"}, Date{}
		}, ErrReviewDate},
		{"agreed without who", func(p *Plan) { p.State = PlanAgreed }, ErrAgreementByWhom},
		{"agreed by blank", func(p *Plan) { p.State, p.Agreement = PlanAgreed, &Agreement{By: " "} }, ErrAgreementByWhom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := draftPlan()
			tt.change(&p)
			err := p.Validate()
			if tt.err == nil && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestAgreeLocksThePlan(t *testing.T) {
	at := time.Date(2026, time.May, 1, 10, 30, 0, 0, time.UTC)
	p := draftPlan()
	if err := p.Agree("Sam Green", at, DateOf(at), 2); err != nil {
		t.Fatal(err)
	}
	if p.State != PlanAgreed || p.Agreement == nil || p.Agreement.By != "Sam Green" ||
		p.Agreement.On != NewDate(2026, time.May, 1) || p.Agreement.PAMLevel != 2 {
		t.Fatalf("after Agree: state %s, agreement %+v", p.State, p.Agreement)
	}
	if err := p.Agree("Someone Else", at.Add(time.Hour), DateOf(at), 3); !errors.Is(err, ErrPlanLocked) {
		t.Fatalf("agreeing twice: error = %v, want ErrPlanLocked", err)
	}
	if p.Agreement.By != "Sam Green" {
		t.Errorf("a refused Agree changed who agreed: %q", p.Agreement.By)
	}
}

func TestAgreeRefusedLeavesDraft(t *testing.T) {
	p := draftPlan()
	p.ReviewDate = Date{}
	now := time.Date(2026, time.May, 1, 10, 30, 0, 0, time.UTC)
	if err := p.Agree("Sam Green", now, DateOf(now), 0); !errors.Is(err, ErrReviewDate) {
		t.Fatalf("error = %v, want ErrReviewDate", err)
	}
	if p.State != PlanDraft || p.Agreement != nil {
		t.Fatalf("half-agreed: state %s, agreement %+v", p.State, p.Agreement)
	}
	p = draftPlan()
	if err := p.Agree("  ", now, DateOf(now), 0); !errors.Is(err, ErrAgreementByWhom) {
		t.Fatalf("error = %v, want ErrAgreementByWhom", err)
	}
}

func TestNextDraftIsIndependent(t *testing.T) {
	agreed := draftPlan()
	if err := agreed.Agree("Sam Green", time.Date(2026, time.May, 1, 10, 0, 0, 0, time.UTC), NewDate(2026, time.May, 1), 2); err != nil {
		t.Fatal(err)
	}
	d := agreed.NextDraft("plan-2")
	if d.ID != "plan-2" || d.Version != 2 || d.State != PlanDraft || d.Agreement != nil {
		t.Fatalf("draft: id %s version %d state %s agreement %+v", d.ID, d.Version, d.State, d.Agreement)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("new draft invalid: %v", err)
	}
	// Edit everything the draft shares in shape with the agreed version.
	d.Goals[0].InMyWords = "changed"
	d.Goals[0].Actions[0].Status = ActionDone
	d.Goals = append(d.Goals, Goal{ID: "g3", Domain: DomainMind, InMyWords: "I want to sleep better"})
	d.Goals[1].Actions = append(d.Goals[1].Actions, Action{ID: "a5", What: "Try the Tuesday group", Status: ActionOpen})
	d.Support[0].Name = "changed"
	d.Support[0].GoalIDs[0] = "changed"
	d.People[0].Name = "changed"

	want := draftPlan()
	if agreed.Goals[0].InMyWords != want.Goals[0].InMyWords ||
		agreed.Goals[0].Actions[0].Status != ActionOpen ||
		len(agreed.Goals) != 2 || len(agreed.Goals[1].Actions) != 2 ||
		agreed.Support[0].Name != want.Support[0].Name ||
		agreed.Support[0].GoalIDs[0] != "g2" ||
		agreed.People[0].Name != want.People[0].Name {
		t.Fatalf("editing the draft changed the agreed version: %+v", agreed)
	}
	if agreed.State != PlanAgreed || agreed.Version != 1 {
		t.Fatalf("agreed version changed: %s v%d", agreed.State, agreed.Version)
	}
	if err := d.Agree("Sam Green", time.Date(2026, time.October, 1, 10, 0, 0, 0, time.UTC), NewDate(2026, time.October, 1), 3); err != nil {
		t.Fatal(err)
	}
	if next := d.NextDraft("plan-3"); next.Version != 3 {
		t.Errorf("version after 2 = %d, want 3", next.Version)
	}
}

func TestActionOverdue(t *testing.T) {
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name   string
		a      Action
		overdu bool
	}{
		{"open, due yesterday", Action{Status: ActionOpen, Due: today.AddDays(-1)}, true},
		{"open, due today", Action{Status: ActionOpen, Due: today}, false},
		{"open, due tomorrow", Action{Status: ActionOpen, Due: today.AddDays(1)}, false},
		{"open, no due date", Action{Status: ActionOpen}, false},
		{"done late", Action{Status: ActionDone, Due: today.AddDays(-30)}, false},
		{"dropped", Action{Status: ActionDropped, Due: today.AddDays(-30)}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Overdue(today); got != tt.overdu {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.overdu)
		}
	}
}

func TestOpenActions(t *testing.T) {
	all, mine := draftPlan().OpenActions()
	if all != 2 || mine != 1 {
		t.Errorf("OpenActions = %d, %d; want 2 open, 1 of them mine", all, mine)
	}
	if all, mine := (Plan{}).OpenActions(); all != 0 || mine != 0 {
		t.Errorf("empty plan: %d, %d", all, mine)
	}
}

func TestReviewDue(t *testing.T) {
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name   string
		review Date
		within int
		due    bool
	}{
		{"overdue", today.AddDays(-60), 0, true},
		{"today", today, 0, true},
		{"in 14 days, looking 14 ahead", today.AddDays(14), 14, true},
		{"in 15 days, looking 14 ahead", today.AddDays(15), 14, false},
		{"no review date", Date{}, 365, false},
	}
	for _, tt := range tests {
		if got := (Plan{ReviewDate: tt.review}).ReviewDue(today, tt.within); got != tt.due {
			t.Errorf("%s: ReviewDue = %v, want %v", tt.name, got, tt.due)
		}
	}
}

func TestActionOwnerWho(t *testing.T) {
	tests := []struct {
		o    ActionOwner
		want string
	}{
		{ActionOwner{Kind: OwnerPatient}, "Me"},
		{ActionOwner{Kind: OwnerKeyWorker, Name: "Sam Green"}, "Key worker (Sam Green)"},
		{ActionOwner{Kind: OwnerService, Name: "Somerset Wellbeing Service"}, "Service (Somerset Wellbeing Service)"},
		{ActionOwner{Kind: OwnerCarer}, "Carer"},
		{ActionOwner{}, "Not yet decided"},
	}
	for _, tt := range tests {
		if got := tt.o.Who(); got != tt.want {
			t.Errorf("Who(%+v) = %q, want %q", tt.o, got, tt.want)
		}
	}
}
