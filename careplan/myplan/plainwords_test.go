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
