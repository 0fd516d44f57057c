package careplan

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// counter hands out ids "id1", "id2"... so tests can see every id is fresh.
func counter() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id%d", n) }
}

func TestBuiltInTemplatesAreValid(t *testing.T) {
	names := map[string]bool{}
	for _, tpl := range BuiltInTemplates() {
		if err := tpl.Validate(); err != nil {
			t.Errorf("%s: %v", tpl.Name, err)
		}
		if !tpl.BuiltIn || tpl.ID == "" || names[tpl.ID] {
			t.Errorf("%s: built-in %v, id %q (duplicate %v)", tpl.Name, tpl.BuiltIn, tpl.ID, names[tpl.ID])
		}
		names[tpl.ID] = true
		for _, g := range tpl.Goals {
			for _, a := range g.Actions {
				if a.What == "" || a.Owner == "" {
					t.Errorf("%s: action %+v needs a what and an owner", tpl.Name, a)
				}
			}
		}
	}
	if len(names) < 4 {
		t.Errorf("%d built-in templates, want at least 4", len(names))
	}
}

func TestApplyTemplate(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	tpl := BuiltInTemplates()[0]
	tests := []struct {
		name    string
		plan    Plan
		wantErr error
		goals   int
	}{
		{"empty draft", Plan{State: PlanDraft}, nil, len(tpl.Goals)},
		{"draft with a goal keeps it", Plan{State: PlanDraft, Goals: []Goal{{ID: "mine", Domain: DomainMind, InMyWords: "Sleep"}}}, nil, len(tpl.Goals) + 1},
		{"agreed plan refused", Plan{State: PlanAgreed}, ErrPlanLocked, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.plan
			err := ApplyTemplate(&p, tpl, today, counter())
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if len(p.Goals) != tt.goals {
				t.Fatalf("%d goals, want %d", len(p.Goals), tt.goals)
			}
			ids := map[string]bool{}
			for _, g := range p.Goals {
				for _, id := range append([]string{g.ID}, actionIDs(g)...) {
					if ids[id] {
						t.Errorf("id %q used twice", id)
					}
					ids[id] = true
				}
				for _, a := range g.Actions {
					if a.Status != ActionOpen || a.Due.Before(today) {
						t.Errorf("action %q: status %s due %s", a.What, a.Status, a.Due)
					}
				}
			}
			if tt.wantErr == nil {
				if err := p.Validate(); err != nil {
					t.Errorf("the applied draft does not validate: %v", err)
				}
			}
		})
	}
}

func actionIDs(g Goal) []string {
	var out []string
	for _, a := range g.Actions {
		out = append(out, a.ID)
	}
	return out
}

func TestTemplateFromLeavesPersonalDetailsBehind(t *testing.T) {
	p := draftPlan()
	p.WhatMatters = "My grandchildren"
	p.Strengths = "Stubborn"
	p.Contingency.Red.WhoToCall = "999"
	tpl := TemplateFrom(p, "  Walking again ", "")
	if tpl.Name != "Walking again" || tpl.ID != "" || tpl.BuiltIn {
		t.Errorf("template = %+v", tpl)
	}
	if err := tpl.Validate(); err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprintf("%+v", tpl)
	for _, personal := range []string{"Frome", "grandchildren", "Stubborn", "999", "Dr Rees", "Sam Green",
		"Ffion", "Health Connections", "2026"} {
		if strings.Contains(text, personal) {
			t.Errorf("the template keeps %q: %s", personal, text)
		}
	}
	if len(tpl.Goals) != 2 || len(tpl.Goals[1].Actions) != 2 || tpl.Goals[1].Actions[0].Owner != OwnerService {
		t.Errorf("structure lost: %+v", tpl.Goals)
	}
}

func TestTemplateValidate(t *testing.T) {
	ok := Template{Name: "x", Goals: []TemplateGoal{{Domain: DomainMind}}}
	for _, tt := range []struct {
		name string
		t    Template
		want error
	}{
		{"ok", ok, nil},
		{"no name", Template{Name: " ", Goals: ok.Goals}, ErrTemplateName},
		{"no goals", Template{Name: "x"}, ErrTemplateEmpty},
		{"bad domain", Template{Name: "x", Goals: []TemplateGoal{{Domain: "Money"}}}, ErrGoalDomain},
	} {
		if err := tt.t.Validate(); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestOfferedServicesLeavesOutWithdrawn(t *testing.T) {
	all := []Service{{ID: "a", Name: "Lunch club"}, {ID: "b", Name: "Carers café", Withdrawn: true}, {ID: "c", Name: "Walking group"}}
	got := OfferedServices(all)
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "c" {
		t.Errorf("OfferedServices = %+v", got)
	}
	if got := OfferedServices(nil); len(got) != 0 {
		t.Errorf("OfferedServices(nil) = %+v", got)
	}
}
