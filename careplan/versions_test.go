package careplan

import "testing"

func TestCurrentPlanPrefersTheLatestAgreedVersionOverADraft(t *testing.T) {
	v1 := Plan{ID: "v1", Version: 1, State: PlanAgreed}
	v2 := Plan{ID: "v2", Version: 2, State: PlanAgreed}
	d3 := Plan{ID: "d3", Version: 3, State: PlanDraft}
	d1 := Plan{ID: "d1", Version: 1, State: PlanDraft}
	cases := []struct {
		name     string
		versions []Plan
		want     string
	}{
		{"nothing", nil, ""},
		{"only a draft", []Plan{d1}, "d1"},
		{"agreed then draft", []Plan{v1, v2, d3}, "v2"},
		{"order does not matter", []Plan{d3, v2, v1}, "v2"},
	}
	for _, c := range cases {
		got, ok := CurrentPlan(c.versions)
		if (c.want == "") == ok || got.ID != c.want {
			t.Errorf("%s: CurrentPlan = %q (ok %v), want %q", c.name, got.ID, ok, c.want)
		}
	}
	if _, ok := LatestAgreed([]Plan{d1, d3}); ok {
		t.Error("LatestAgreed found an agreed version among drafts")
	}
	if got, _ := LatestDraft([]Plan{v1, d3}); got.ID != "d3" {
		t.Errorf("LatestDraft = %q, want d3", got.ID)
	}
}
