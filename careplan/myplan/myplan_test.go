package myplan

import (
	"errors"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

func TestBuildShowsOnlyTheAgreedPlanWithWhoToCallFirst(t *testing.T) {
	p := careplan.Patient{ID: "p1", GivenName: "Mary", FamilyName: "Jones",
		Carers: []careplan.Carer{{Name: "Tom", Relationship: "son", Phone: "07700 900001"}}}
	plan := careplan.Plan{PatientID: "p1", State: careplan.PlanAgreed, AboutMe: "me",
		Goals:       []careplan.Goal{{ID: "g1", InMyWords: "walk"}, {ID: "g2", InMyWords: "done", Outcome: &careplan.GoalOutcome{Decision: careplan.GoalAchieved}}},
		People:      []careplan.Person{{Name: "Sam", Role: "Key worker", Phone: "01373 000 222"}, {Name: "No phone", Role: "GP"}},
		Contingency: careplan.Contingency{Red: careplan.Red{WhoToCall: "999"}}}
	v := Build(p, plan, nil, careplan.StaffMember{})
	if !v.Agreed || v.Contingency.Red.WhoToCall != "999" || len(v.Goals) != 1 || v.Goals[0].ID != "g1" {
		t.Errorf("view %+v", v)
	}
	var names []string
	for _, c := range v.WhoToCall {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "Sam,Tom,NHS 111,Emergency services" {
		t.Errorf("who to call: %s", got)
	}
	// The key worker from the staff record comes first, with their number, whatever the plan
	// lists; the tablet shows the same rows as the printed plan.
	p.Team = careplan.CareTeam{KeyWorkerID: "kw1", KeyWorker: "Priya Shah"}
	kw := careplan.StaffMember{ID: "kw1", Name: "Priya Shah", Phone: "01935 384000"}
	v = Build(p, plan, nil, kw)
	if first := v.WhoToCall[0]; first != (Call{Name: "Priya Shah", Who: "My key worker", Phone: "01935 384000"}) {
		t.Errorf("the tablet's who to call starts %q, want the key worker", first)
	}
	if got := Build(p, careplan.Plan{}, nil, kw).WhoToCall[0].Name; got != "Priya Shah" {
		t.Errorf("before a plan is agreed the tablet's who to call starts with %q, want the key worker", got)
	}
	draft := plan
	draft.State = careplan.PlanDraft
	if v := Build(p, draft, nil, careplan.StaffMember{}); v.Agreed || v.AboutMe != "" || len(v.Goals) != 0 {
		t.Errorf("a draft reached the tablet: %+v", v)
	}
}

func TestTrendInPlainWords(t *testing.T) {
	at := func(score pam.Score, level pam.Level, m time.Month) pam.Assessment {
		return pam.Assessment{Score: score, Level: level, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2026, m, 1)}
	}
	if Trend(nil) != "" {
		t.Error("a trend with no PAM")
	}
	if got := Trend([]pam.Assessment{at(462, 1, 1)}); !strings.Contains(got, "first") {
		t.Errorf("one PAM: %s", got)
	}
	if got := Trend([]pam.Assessment{at(462, 1, 1), at(532, 2, 6)}); !strings.Contains(got, "7.0 points higher") {
		t.Errorf("up: %s", got)
	}
	if got := Trend([]pam.Assessment{at(532, 2, 1), at(462, 1, 6)}); !strings.Contains(got, "lower") {
		t.Errorf("down: %s", got)
	}
}

func TestCheckInValidate(t *testing.T) {
	ok := CheckIn{PatientID: "p1", GoalID: "g1", Scale: 3}
	tests := []struct {
		c    CheckIn
		want error
	}{
		{ok, nil},
		{CheckIn{PatientID: "p1", Scale: 3}, ErrNoGoal},
		{CheckIn{PatientID: "p1", GoalID: "g1", Scale: 0}, ErrScale},
		{CheckIn{PatientID: "p1", GoalID: "g1", Scale: 6}, ErrScale},
		{CheckIn{PatientID: "p1", GoalID: "g1", Scale: 3, Note: strings.Repeat("é", maxNote+1)}, ErrNoteLong},
	}
	for _, tc := range tests {
		if err := tc.c.Validate(); !errors.Is(err, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.c, err, tc.want)
		}
	}
}
