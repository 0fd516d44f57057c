package careplan

import (
	"slices"
	"testing"
)

func TestRemoveGoalUnlinksItsSignposts(t *testing.T) {
	withSupport := func() Plan {
		p := draftPlan()
		p.Support = []Signpost{
			{Name: "Health Connections Mendip", GoalIDs: []string{"g2"}},
			{Name: "Mendip Walking for Health", GoalIDs: []string{"g1", "g2"}},
			{Name: "Frome Lunch Club"},
		}
		return p
	}
	tests := []struct {
		name    string
		remove  string
		removed bool
		goals   []string
		links   [][]string // each signpost's goal links afterwards, in order
	}{
		{"a goal two signposts link to", "g2", true, []string{"g1"}, [][]string{nil, {"g1"}, nil}},
		{"a goal one signpost links to, with another", "g1", true, []string{"g2"}, [][]string{{"g2"}, {"g2"}, nil}},
		{"no such goal", "g9", false, []string{"g1", "g2"}, [][]string{{"g2"}, {"g1", "g2"}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := withSupport()
			before := p.Clone()
			if got := p.RemoveGoal(tt.remove); got != tt.removed {
				t.Fatalf("RemoveGoal = %v, want %v", got, tt.removed)
			}
			var ids []string
			for _, g := range p.Goals {
				ids = append(ids, g.ID)
			}
			if !slices.Equal(ids, tt.goals) {
				t.Errorf("goals %v, want %v", ids, tt.goals)
			}
			if len(p.Support) != 3 {
				t.Fatalf("%d signposts, want all 3 kept", len(p.Support))
			}
			for i, sp := range p.Support {
				if !slices.Equal(sp.GoalIDs, tt.links[i]) {
					t.Errorf("%s links %v, want %v", sp.Name, sp.GoalIDs, tt.links[i])
				}
			}
			// A copy made before (an agreed version the draft came from) is untouched.
			if len(before.Goals) != 2 || !slices.Equal(before.Support[1].GoalIDs, []string{"g1", "g2"}) {
				t.Errorf("removing changed an earlier copy: %+v", before)
			}
		})
	}
}

// Through NextDraft, the agreed version keeps the goal and its links.
func TestRemoveGoalLeavesTheAgreedVersion(t *testing.T) {
	agreed := draftPlan()
	agreed.State = PlanAgreed
	d := agreed.NextDraft("plan-2")
	d.RemoveGoal("g2")
	if len(agreed.Goals) != 2 || !slices.Equal(agreed.Support[0].GoalIDs, []string{"g2"}) {
		t.Errorf("the agreed version changed: %+v", agreed)
	}
}
