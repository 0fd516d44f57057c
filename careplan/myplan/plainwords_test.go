package myplan

import (
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/pam"
)

// The tablet's PAM sentence uses neutral words at every level, never the evaluation descriptors.
func TestTabletPAMWordsAreNeutral(t *testing.T) {
	for l := pam.Level1; l <= pam.Level4; l++ {
		got := Trend([]pam.Assessment{{Score: 400, Level: l, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2026, 1, 5)}})
		if strings.Contains(got, "disengaged") || strings.Contains(got, "struggling") || !strings.Contains(got, l.PlainWords()) {
			t.Errorf("level %d: %q", l, got)
		}
	}
}

// The tablet shows Planning ahead as the paper does, each answer with who told the hub.
func TestTabletShowsPlanningAhead(t *testing.T) {
	plan := careplan.Plan{State: careplan.PlanAgreed, Ahead: careplan.PlanningAhead{
		LPA: careplan.AheadItem{Answer: "Zoë D'Arcy, my daughter", On: careplan.NewDate(2026, 3, 3), ToldBy: "Siân"}}}
	v := Build(careplan.Patient{}, plan, nil, careplan.StaffMember{})
	if len(v.Ahead) != 1 || v.Ahead[0] != "Lasting power of attorney (health and welfare): Zoë D'Arcy, my daughter (told by Siân on 3 Mar 2026)" {
		t.Errorf("the tablet's planning ahead: %q", v.Ahead)
	}
}
