package demo

import (
	"math"
	"math/rand/v2"
	"time"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Outcome measures are drawn from the generator's own outcome stream, not the main one, so
// adding them left every person's identity, pathway, plans and PAM results exactly as before:
// screenshots and tests built on the demo hub did not shift.

// inErrorRate is how often a demo record is later marked entered in error, as happens when
// answers are typed against the wrong person.
const inErrorRate = 0.01

// visit is one occasion outcome measures are taken: the first meeting, or a six-monthly review.
type visit struct {
	on    careplan.Date
	first bool
}

// outcomes makes the person's frailty, loneliness and wellbeing records. They are taken at the
// visits where PAM was (a review is when both are repeated), a few days either side at most.
// Loneliness and wellbeing tend to improve modestly; frailty mostly holds and sometimes drifts.
func (b *builder) outcomes(pams []pam.Assessment) []outcomes.Record {
	r := b.g.orng
	ref := b.refDate()
	var visits []visit
	for i, a := range pams {
		on := a.TakenOn.AddDays(r.IntN(8))
		if on.After(ref) {
			on = ref
		}
		visits = append(visits, visit{on: on, first: i == 0})
	}
	var out []outcomes.Record
	var cfs *outcomes.Frailty
	var lonely *outcomes.Loneliness
	var wb *outcomes.Wellbeing
	for _, v := range visits {
		// The first visit records each measure for most people; reviews repeat it for many.
		if take(r, v.first, cfs != nil, 0.9, 0.4) {
			cfs = nextFrailty(r, cfs)
			out = append(out, b.outcome(v.on, outcomes.MeasureFrailty, func(o *outcomes.Record) { o.Frailty = cfs }))
		}
		if take(r, v.first, lonely != nil, 0.8, 0.7) {
			lonely = nextLoneliness(r, lonely)
			out = append(out, b.outcome(v.on, outcomes.MeasureLoneliness, func(o *outcomes.Record) { o.Loneliness = lonely }))
		}
		if take(r, v.first, wb != nil, 0.8, 0.7) {
			wb = nextWellbeing(r, wb)
			out = append(out, b.outcome(v.on, outcomes.MeasureWellbeing, func(o *outcomes.Record) { o.Wellbeing = wb }))
		}
	}
	for i := range out {
		if chance(r, inErrorRate) {
			out[i].InError = b.inError(r, out[i].TakenOn)
		}
	}
	return out
}

// take decides whether a measure is recorded at a visit: at the first with probability atFirst;
// at a review, only when there is an earlier answer to compare with, with probability atReview.
func take(r *rand.Rand, first, hadOne bool, atFirst, atReview float64) bool {
	if first {
		return chance(r, atFirst)
	}
	return hadOne && chance(r, atReview)
}

// outcome is a record of one measure taken on a day by the key worker; set fills in the answers.
func (b *builder) outcome(on careplan.Date, m outcomes.Measure, set func(*outcomes.Record)) outcomes.Record {
	o := outcomes.Record{ID: b.nextID("outcome"), PatientID: b.p.ID, Measure: m, TakenOn: on, RecordedBy: b.kw.Name}
	set(&o)
	return o
}

// inError marks a record entered in error a few days after it was taken, never after today.
func (b *builder) inError(r *rand.Rand, taken careplan.Date) *outcomes.EnteredInError {
	on := taken.AddDays(between(r, 1, 14))
	if on.After(b.g.today) {
		on = b.g.today
	}
	return &outcomes.EnteredInError{
		Reason: pick(r, []string{"entered against the wrong person", "answers typed in the wrong boxes", "duplicate of another entry"}),
		By:     b.coord.Name,
		At:     on.Time().Add(11 * time.Hour),
	}
}

// markPAMsInError marks about one PAM result in a hundred entered in error, the same way.
func (b *builder) markPAMsInError(pams []pam.Assessment) {
	r := b.g.orng
	for i := range pams {
		if chance(r, inErrorRate) {
			e := b.inError(r, pams[i].TakenOn)
			pams[i].InError = &pam.EnteredInError{Reason: e.Reason, By: e.By, At: e.At}
		}
	}
}

// nextFrailty is a first CFS score (mostly 3-7: people on a complex-care caseload are rarely
// very fit) or a later one, usually the same and sometimes a step either way.
func nextFrailty(r *rand.Rand, was *outcomes.Frailty) *outcomes.Frailty {
	if was == nil {
		return &outcomes.Frailty{Score: 1 + weighted(r, []int{1, 3, 12, 20, 24, 20, 12, 5, 3})}
	}
	score := was.Score
	if chance(r, 0.3) {
		score += pick(r, []int{-1, 1})
	}
	return &outcomes.Frailty{Score: clamp(score, 1, 9)}
}

// nextLoneliness is a first set of UCLA answers, leaning lonely as complex care's people often
// are, or a later set where each answer more often eases than worsens.
func nextLoneliness(r *rand.Rand, was *outcomes.Loneliness) *outcomes.Loneliness {
	item := func(prev int) int {
		if prev == 0 {
			return 1 + weighted(r, []int{35, 40, 25})
		}
		switch {
		case chance(r, 0.25):
			return clamp(prev-1, 1, 3)
		case chance(r, 0.08):
			return clamp(prev+1, 1, 3)
		}
		return prev
	}
	var prev outcomes.Loneliness
	if was != nil {
		prev = *was
	}
	l := outcomes.Loneliness{LackCompanionship: item(prev.LackCompanionship), LeftOut: item(prev.LeftOut), Isolated: item(prev.Isolated)}
	l.HowOften = howOftenFor(r, l.Total())
	return &l
}

// howOftenFor answers "How often do you feel lonely?" in keeping with the UCLA total.
func howOftenFor(r *rand.Rand, total int) outcomes.HowOften {
	switch {
	case total <= 4:
		return pick(r, []outcomes.HowOften{outcomes.Never, outcomes.HardlyEver, outcomes.HardlyEver, outcomes.Occasionally})
	case total <= 6:
		return pick(r, []outcomes.HowOften{outcomes.HardlyEver, outcomes.Occasionally, outcomes.SomeOfTheTime})
	}
	return pick(r, []outcomes.HowOften{outcomes.SomeOfTheTime, outcomes.OftenAlways, outcomes.OftenAlways})
}

// nextWellbeing is a first set of ONS4 answers, somewhat below the national averages, or a
// later set that is on average a little better: more satisfied, worthwhile and happy, less anxious.
func nextWellbeing(r *rand.Rand, was *outcomes.Wellbeing) *outcomes.Wellbeing {
	answer := func(mean, sd float64) int { return clamp(int(math.Round(mean+r.NormFloat64()*sd)), 0, 10) }
	if was == nil {
		return &outcomes.Wellbeing{
			LifeSatisfaction: answer(5.5, 2), Worthwhile: answer(6, 2), Happy: answer(5.5, 2.2), Anxious: answer(4.5, 2.5),
		}
	}
	return &outcomes.Wellbeing{
		LifeSatisfaction: answer(float64(was.LifeSatisfaction)+0.5, 1),
		Worthwhile:       answer(float64(was.Worthwhile)+0.4, 1),
		Happy:            answer(float64(was.Happy)+0.5, 1.2),
		Anxious:          answer(float64(was.Anxious)-0.5, 1.2),
	}
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }
