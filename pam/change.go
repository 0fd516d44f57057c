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

// History returns the person's own assessments that count, oldest first. A Carer PAM measures
// the carer, not the person, so it is never part of the person's history: taking a carer's
// level 4 for the patient's level 1 would tailor the plan to the wrong person (hazard log: a
// carer's PAM taken for the patient's). CarerHistory has the Carer PAMs.
func History(all []Assessment) []Assessment {
	return counting(all, func(a Assessment) bool { return !a.OfCarer() })
}

// CarerHistory returns the Carer PAMs that count, oldest first: a series of its own, about the
// carers, shown apart from the person's.
func CarerHistory(all []Assessment) []Assessment {
	return counting(all, Assessment.OfCarer)
}

// counting picks the assessments that count and pass keep, oldest first.
func counting(all []Assessment, keep func(Assessment) bool) []Assessment {
	var out []Assessment
	for _, a := range all {
		if a.Counts() && keep(a) {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TakenOn.Before(out[j].TakenOn) })
	return out
}

// Latest returns the person's own most recent assessment that counts (never a Carer PAM).
func Latest(all []Assessment) (Assessment, bool) {
	h := History(all)
	if len(h) == 0 {
		return Assessment{}, false
	}
	return h[len(h)-1], true
}

// NextDue is the day the person's next PAM is due: six months after their own latest one (a
// Carer PAM does not count). ok is false when there is no PAM of their own yet (one is due now).
func NextDue(all []Assessment) (due careplan.Date, ok bool) {
	last, ok := Latest(all)
	if !ok {
		return careplan.Date{}, false
	}
	return NextDueAfter(last.TakenOn), true
}
