package careplan

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReadyToAgree(t *testing.T) {
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name   string
		change func(p *Plan)
		on     Date
		want   []error // every problem expected; nil for none
		field  string  // the field named with the first problem
	}{
		{"ready, agreed today", func(p *Plan) {}, today, nil, ""},
		{"ready, agreed last week", func(p *Plan) {}, today.AddDays(-7), nil, ""},
		{"agreed tomorrow", func(p *Plan) {}, today.AddDays(1), []error{ErrAgreedInFuture}, FieldAgreedOn},
		{"no day agreed", func(p *Plan) {}, Date{}, []error{ErrAgreedOnMissing}, FieldAgreedOn},
		{"no review date", func(p *Plan) { p.ReviewDate = Date{} }, today, []error{ErrReviewDate}, FieldReviewDate},
		{"review in 2020", func(p *Plan) { p.ReviewDate = NewDate(2020, time.January, 1) }, today, []error{ErrReviewNotAfter}, FieldReviewDate},
		{"review on the day agreed", func(p *Plan) { p.ReviewDate = today }, today, []error{ErrReviewNotAfter}, FieldReviewDate},
		{"review the day after", func(p *Plan) { p.ReviewDate = today.AddDays(1) }, today, nil, ""},
		{"nothing on what matters", func(p *Plan) { p.WhatMatters = " \n" }, today, []error{ErrNoWhatMatters}, FieldWhatMatters},
		{"no goals", func(p *Plan) { p.Goals, p.Support = nil, nil }, today, []error{ErrNoGoals}, FieldGoals},
		{"no one to call in an emergency", func(p *Plan) { p.Contingency.Red.WhoToCall = "  " }, today, []error{ErrNoEmergencyContact}, FieldRedWhoCall},
		{"the 2020 plan with nothing in it", func(p *Plan) {
			p.Goals, p.Support, p.WhatMatters, p.ReviewDate, p.Contingency = nil, nil, "", NewDate(2020, 1, 1), Contingency{}
		}, today, []error{ErrReviewNotAfter, ErrNoWhatMatters, ErrNoGoals, ErrNoEmergencyContact}, FieldReviewDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := draftPlan()
			tt.change(&p)
			err := ReadyToAgree(p, tt.on, today)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("error %v does not say %v", err, w)
				}
			}
			var fp FieldProblem
			if !errors.As(err, &fp) || fp.Field != tt.field {
				t.Errorf("first problem is about %q, want %q", fp.Field, tt.field)
			}
			if lines := strings.Split(err.Error(), "\n"); len(lines) != len(tt.want) || !strings.HasPrefix(lines[0], tt.field+": ") {
				t.Errorf("problems %q: want %d lines, each naming its part of the plan", err.Error(), len(tt.want))
			}
		})
	}
}

// Plan.Agree holds to the same rules, so nothing can agree a plan the screens would refuse.
func TestAgreeHoldsTheAgreementRules(t *testing.T) {
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name   string
		change func(p *Plan)
		at     time.Time
		want   error
	}{
		{"agreed this morning", func(p *Plan) {}, time.Date(2026, time.May, 1, 9, 0, 0, 0, time.UTC), nil},
		{"agreed tomorrow", func(p *Plan) {}, time.Date(2026, time.May, 2, 9, 0, 0, 0, time.UTC), ErrAgreedInFuture},
		// 23:30 UTC on 1 May is 00:30 on 2 May in England: still a day to come.
		{"late evening UTC is tomorrow in England", func(p *Plan) {}, time.Date(2026, time.May, 1, 23, 30, 0, 0, time.UTC), ErrAgreedInFuture},
		{"no goals", func(p *Plan) { p.Goals, p.Support = nil, nil }, time.Date(2026, time.May, 1, 9, 0, 0, 0, time.UTC), ErrNoGoals},
		{"review date passed", func(p *Plan) { p.ReviewDate = NewDate(2020, 1, 1) }, time.Date(2026, time.May, 1, 9, 0, 0, 0, time.UTC), ErrReviewNotAfter},
		{"no what matters", func(p *Plan) { p.WhatMatters = "" }, time.Date(2026, time.May, 1, 9, 0, 0, 0, time.UTC), ErrNoWhatMatters},
		{"no red who to call", func(p *Plan) { p.Contingency = Contingency{} }, time.Date(2026, time.May, 1, 9, 0, 0, 0, time.UTC), ErrNoEmergencyContact},
	}
	for _, tt := range tests {
		p := draftPlan()
		tt.change(&p)
		err := p.Agree("Sam Green", tt.at, today, 2)
		switch {
		case tt.want == nil && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.want != nil && !errors.Is(err, tt.want):
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		case tt.want != nil && (p.State != PlanDraft || p.Agreement != nil):
			t.Errorf("%s: refused but half-agreed: %s %+v", tt.name, p.State, p.Agreement)
		}
	}
}

func TestAgreedOnProblem(t *testing.T) {
	p := draftPlan()
	p.Goals, p.Support = nil, nil
	today := NewDate(2026, time.May, 1)
	rest, onDay := AgreedOnProblem(ReadyToAgree(p, today.AddDays(2), today))
	if !errors.Is(onDay, ErrAgreedInFuture) || len(rest) != 1 || !errors.Is(rest[0], ErrNoGoals) {
		t.Errorf("split into %v and %v", onDay, rest)
	}
	if rest, onDay := AgreedOnProblem(nil); onDay != nil || rest != nil {
		t.Errorf("nil split into %v, %v", onDay, rest)
	}
}
