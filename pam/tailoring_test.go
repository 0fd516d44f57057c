package pam

import (
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

func TestPromptEveryLevel(t *testing.T) {
	for _, l := range []Level{Level1, Level2, Level3, Level4} {
		if p := Prompt(l); !strings.HasPrefix(p, l.String()+":") {
			t.Errorf("%s: prompt %q", l, p)
		}
	}
	if Prompt(0) != "" {
		t.Error("no level, but a prompt")
	}
}

func TestPlanWarnings(t *testing.T) {
	mine := func(n int) careplan.Plan {
		var acts []careplan.Action
		for i := 0; i < n; i++ {
			acts = append(acts, careplan.Action{Status: careplan.ActionOpen, Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}})
		}
		// Actions for others and closed ones never count.
		acts = append(acts, careplan.Action{Status: careplan.ActionOpen, Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker}},
			careplan.Action{Status: careplan.ActionDone, Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}})
		return careplan.Plan{Goals: []careplan.Goal{{Actions: acts}}}
	}
	at := func(l Level) []Assessment {
		return []Assessment{{Level: l, TakenOn: careplan.NewDate(2026, time.January, 1)}}
	}
	inError := at(Level1)
	inError[0].InError = &EnteredInError{Reason: "wrong person"}
	tests := []struct {
		name string
		plan careplan.Plan
		pams []Assessment
		want string // "" for no warning
	}{
		{"no PAM", mine(0), nil, "No PAM recorded"},
		{"only PAM in error", mine(0), inError, "No PAM recorded"},
		{"level 1, three of mine", mine(3), at(Level1), ""},
		{"level 1, four of mine", mine(4), at(Level1), "4 open actions of the person's own at PAM level 1"},
		{"level 2, five of mine", mine(5), at(Level2), "5 open actions of the person's own at PAM level 2"},
		{"level 3, five of mine", mine(5), at(Level3), ""},
		// A carer's level 4 after the person's level 1 must not hide the warning.
		{"own level 1, then carer's level 4, four of mine", mine(4), append(at(Level1),
			Assessment{Level: Level4, Instrument: CarerPAM, CarerName: "Ffion Jones", TakenOn: careplan.NewDate(2026, time.February, 1)}),
			"4 open actions of the person's own at PAM level 1"},
		{"only a carer's PAM", mine(0), []Assessment{{Level: Level4, Instrument: CarerPAM, CarerName: "Ffion Jones",
			TakenOn: careplan.NewDate(2026, time.January, 1)}}, "No PAM of the person's own recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlanWarnings(tt.plan, tt.pams)
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("warnings %q", got)
				}
				return
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Errorf("warnings %q, want one starting %q", got, tt.want)
			}
		})
	}
}
