package pam

import (
	"sort"

	"carehub/careplan"
)

// MeaningfulGain is the smallest gain that counts as meaningful: 3 points (the measure
// steward's quality measure).
const MeaningfulGain Score = 30

// DueEveryMonths is how often PAM is usually repeated.
const DueEveryMonths = 6

// Change is how activation moved between two assessments.
type Change struct {
	From, To   Assessment
	Points     Score // later minus earlier, in tenths
	LevelMove  int   // later level minus earlier level
	Meaningful bool  // a gain of 3 points or more
	WithinYear bool  // taken within 12 months of each other
}

// Between works out the change from an earlier to a later assessment.
func Between(earlier, later Assessment) Change {
	pts := later.Score - earlier.Score
	return Change{
		From:       earlier,
		To:         later,
		Points:     pts,
		LevelMove:  int(later.Level) - int(earlier.Level),
		Meaningful: pts >= MeaningfulGain,
		WithinYear: !later.TakenOn.After(earlier.TakenOn.AddMonths(12)),
	}
}

// History returns the assessments that count, oldest first.
func History(all []Assessment) []Assessment {
	var out []Assessment
	for _, a := range all {
		if a.Counts() {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TakenOn.Before(out[j].TakenOn) })
	return out
}

// Latest returns the most recent assessment that counts.
func Latest(all []Assessment) (Assessment, bool) {
	h := History(all)
	if len(h) == 0 {
		return Assessment{}, false
	}
	return h[len(h)-1], true
}

// NextDue is the day the next PAM is due: six months after the latest one. ok is false when
// there is no PAM yet (one is due now).
func NextDue(all []Assessment) (due careplan.Date, ok bool) {
	last, ok := Latest(all)
	if !ok {
		return careplan.Date{}, false
	}
	return last.TakenOn.AddMonths(DueEveryMonths), true
}
