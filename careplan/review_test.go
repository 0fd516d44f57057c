package careplan

import (
	"errors"
	"testing"
	"time"
)

func TestStartReviewDefaults(t *testing.T) {
	today := NewDate(2026, time.July, 10)
	p := draftPlan()
	r := StartReview(p, today)
	if r.NextReview != NewDate(2026, time.October, 10) {
		t.Errorf("next review %s, want three months on", r.NextReview)
	}
	if len(r.Goals) != 2 || r.Goals[0].Decision != GoalContinuing {
		t.Errorf("goals %+v", r.Goals)
	}
	// Only open actions are reviewed: a1 and a3; a2 is done and a4 dropped.
	if len(r.Actions) != 2 || r.Actions[0].ActionID != "a1" || r.Actions[1].ActionID != "a3" {
		t.Fatalf("actions %+v", r.Actions)
	}
	if r.Actions[0].NewDue != NewDate(2026, time.August, 10) {
		t.Errorf("roll-over date %s", r.Actions[0].NewDue)
	}
	if err := r.Validate(today); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}

func TestReviewApply(t *testing.T) {
	today := NewDate(2026, time.July, 10) // both open actions are overdue (due 1 June)
	tests := []struct {
		name      string
		change    func(r *Review)
		err       error
		discharge bool
		check     func(t *testing.T, p Plan)
	}{
		{"overdue action done", func(r *Review) { r.Actions[0].Decision = ActionMarkDone }, nil, false, func(t *testing.T, p Plan) {
			a := p.Goals[0].Actions[0]
			if a.Status != ActionDone || a.DoneOn != today {
				t.Errorf("action %+v", a)
			}
		}},
		{"rolled over", func(r *Review) { r.Actions[1].NewDue = NewDate(2026, time.September, 1) }, nil, false, func(t *testing.T, p Plan) {
			if a := p.Goals[1].Actions[0]; a.Due != NewDate(2026, time.September, 1) || a.Status != ActionOpen {
				t.Errorf("action %+v", a)
			}
		}},
		{"roll over into the past", func(r *Review) { r.Actions[1].NewDue = NewDate(2026, time.July, 1) }, ErrReviewRollOver, false, nil},
		{"changed goal", func(r *Review) { r.Goals[0].Decision, r.Goals[0].NewWords = GoalChanged, "Walk to the shop" }, nil, false,
			func(t *testing.T, p Plan) {
				if p.Goals[0].InMyWords != "Walk to the shop" || p.Goals[0].Closed() {
					t.Errorf("goal %+v", p.Goals[0])
				}
			}},
		{"changed goal without words", func(r *Review) { r.Goals[0].Decision, r.Goals[0].NewWords = GoalChanged, " " }, ErrReviewGoalWords, false, nil},
		{"undecided", func(r *Review) { r.Goals[1].Decision = "" }, ErrReviewUndecided, false, nil},
		{"next review today", func(r *Review) { r.NextReview = today }, ErrReviewNextDate, false, nil},
		{"all achieved or dropped", func(r *Review) {
			r.Goals[0].Decision, r.Goals[0].Note = GoalAchieved, "Walked there in May"
			r.Goals[1].Decision = GoalDropped
			r.Actions[0].Decision, r.Actions[1].Decision = ActionMarkDone, ActionDrop
			r.WhatMattersNow = "Staying at home"
		}, nil, true, func(t *testing.T, p Plan) {
			if p.Goals[0].Outcome.Note != "Walked there in May" || p.WhatMatters != "Staying at home" {
				t.Errorf("plan %+v", p)
			}
			if p.Goals[1].Actions[0].Status != ActionDropped {
				t.Errorf("action %+v", p.Goals[1].Actions[0])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			agreed := draftPlan()
			agreed.State, agreed.Agreement = PlanAgreed, &Agreement{By: "Sam Green"}
			draft := agreed.NextDraft("plan-2")
			r := StartReview(draft, today)
			tt.change(&r)
			err := r.Apply(&draft, today)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if got := SuggestDischarge(draft); got != tt.discharge {
				t.Errorf("suggest discharge = %v, want %v", got, tt.discharge)
			}
			if agreed.Goals[0].Actions[0].Status != ActionOpen || agreed.Goals[0].Outcome != nil {
				t.Errorf("the review changed the agreed version: %+v", agreed.Goals[0])
			}
			if tt.check != nil {
				tt.check(t, draft)
			}
			if err == nil {
				if draft.ReviewDate != r.NextReview {
					t.Errorf("review date %s", draft.ReviewDate)
				}
				if err := draft.Agree("Sam Green", today.Time(), today, 2); err != nil {
					t.Errorf("the reviewed draft cannot be agreed: %v", err)
				}
			}
		})
	}
}

func TestReviewOfAgreedPlanRefused(t *testing.T) {
	p := draftPlan()
	p.State = PlanAgreed
	today := NewDate(2026, time.July, 10)
	if err := StartReview(p, today).Apply(&p, today); !errors.Is(err, ErrPlanLocked) {
		t.Errorf("err = %v", err)
	}
}
