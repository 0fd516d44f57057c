package evaluation

import (
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Report is the evaluation of a cohort over a period: see the package comment for the rules
// and docs/evaluation.md for what each figure means.
type Report struct {
	Filter Filter // what the report covers
	// InScope counts people on the caseload who match the filter's practice and key worker.
	InScope int
	// WithPAM counts people in scope with at least one counting PAM-13 or PAM-10 in the period.
	WithPAM int
	// WithAnyMeasure counts people in scope with at least one counting PAM or outcome record in
	// the period: the rows of the evaluators' CSV.
	WithAnyMeasure int
	Enrolment      Enrolment
	Activation     Activation
	Loneliness     Loneliness
	Wellbeing      Wellbeing
	Frailty        Frailty
	ServiceUse     ServiceUse
}

// Activation compares each person's first and latest PAM in the period, for the People who
// have both.
type Activation struct {
	// People have two or more counting PAM-13 or PAM-10 results in the period.
	People int
	// MovedUpFromLow is Somerset's measure: of the people whose first level was 1 or 2 (Of),
	// how many have a latest level higher than their first (Count).
	MovedUpFromLow Share
	// MeanChangePoints is the mean of latest minus first score, in points (negative is a fall).
	MeanChangePoints float64
	// MeaningfulGain counts people whose score rose by pam.MeaningfulGain (3.0 points) or more,
	// out of People.
	MeaningfulGain Share
	// MeaningfulGainWithinYear is the measure steward's quality measure: of the people whose
	// latest PAM is within 12 months of their first, how many gained 3 points or more.
	MeaningfulGainWithinYear Share
	// FirstLevels and LatestLevels are the People by reported level at their first and latest
	// PAM: index 0 is level 1, index 3 is level 4.
	FirstLevels, LatestLevels [4]Share
}

// Loneliness compares the first and latest UCLA 3-item totals (3-9, higher is lonelier).
type Loneliness struct {
	People                    int     // with a first and a later counting score
	MeanFirst, MeanLatest     float64 // mean UCLA total
	LonelyFirst, LonelyLatest Share   // total of 6 or more (outcomes.Loneliness.Band), out of People
}

// Wellbeing compares the first and latest ONS4 answers, each question on its own.
type Wellbeing struct {
	People        int // with a first and a later counting set of answers
	First, Latest ONS4Means
}

// ONS4Means holds the mean answer (0-10) to each ONS4 question. They are never added up.
type ONS4Means struct {
	LifeSatisfaction float64
	Worthwhile       float64
	Happy            float64 // happy yesterday
	Anxious          float64 // anxious yesterday: lower is better
}

// Frailty compares the first and latest Clinical Frailty Scale scores (1-9, higher is frailer).
type Frailty struct {
	People                int // with a first and a later counting score
	MeanFirst, MeanLatest float64
}

// Build works out the report for the people the filter covers. people may include anyone on
// the caseload; Build applies the practice and key worker itself.
func Build(people []Person, f Filter) Report {
	r := Report{Filter: f, ServiceUse: serviceUse(people, f)}
	var t tally
	for _, p := range people {
		if !f.inScope(p.Entry) {
			continue
		}
		r.InScope++
		r.Enrolment.add(p, f)
		m := measure(p, f)
		if m.pam.n > 0 {
			r.WithPAM++
		}
		if m.any() {
			r.WithAnyMeasure++
		}
		t.add(m)
	}
	t.into(&r)
	return r
}

// tally accumulates whole-number sums while people are added, so means are divided once at the
// end and never drift with floating-point rounding.
type tally struct {
	pamPeople, startedLow, movedUp, gains, gainsInYear, pairsInYear int
	pamChangeTenths                                                 int
	firstLevel, latestLevel                                         [4]int

	lonelyPeople, lonelyFirstSum, lonelyLatestSum, lonelyFirst, lonelyLatest int

	wellPeople          int
	wellFirst, wellLast [4]int // life, worthwhile, happy, anxious

	frailPeople, frailFirstSum, frailLatestSum int
}

func (t *tally) add(m measures) {
	if m.pam.hasLater() {
		first, latest := m.pam.first, m.pam.latest
		c := pam.Between(first, latest)
		t.pamPeople++
		if c.WithinYear {
			t.pairsInYear++
		}
		t.pamChangeTenths += int(c.Points)
		if c.Meaningful {
			t.gains++
			if c.WithinYear {
				t.gainsInYear++
			}
		}
		if first.Level <= pam.Level2 {
			t.startedLow++
			if latest.Level > first.Level {
				t.movedUp++
			}
		}
		t.firstLevel[first.Level-1]++
		t.latestLevel[latest.Level-1]++
	}
	if l := m.loneliness; l.hasLater() {
		first, latest := *l.first.Loneliness, *l.latest.Loneliness
		t.lonelyPeople++
		t.lonelyFirstSum += first.Total()
		t.lonelyLatestSum += latest.Total()
		t.lonelyFirst += isLonely(first)
		t.lonelyLatest += isLonely(latest)
	}
	if w := m.wellbeing; w.hasLater() {
		t.wellPeople++
		addONS4(&t.wellFirst, *w.first.Wellbeing)
		addONS4(&t.wellLast, *w.latest.Wellbeing)
	}
	if fr := m.frailty; fr.hasLater() {
		t.frailPeople++
		t.frailFirstSum += fr.first.Frailty.Score
		t.frailLatestSum += fr.latest.Frailty.Score
	}
}

func isLonely(l outcomes.Loneliness) int {
	if l.Band() == "lonely" {
		return 1
	}
	return 0
}

func addONS4(sum *[4]int, w outcomes.Wellbeing) {
	sum[0] += w.LifeSatisfaction
	sum[1] += w.Worthwhile
	sum[2] += w.Happy
	sum[3] += w.Anxious
}

func ons4Means(sum [4]int, n int) ONS4Means {
	return ONS4Means{LifeSatisfaction: mean(sum[0], n), Worthwhile: mean(sum[1], n), Happy: mean(sum[2], n), Anxious: mean(sum[3], n)}
}

// into writes the tally's figures into the report.
func (t *tally) into(r *Report) {
	a := &r.Activation
	a.People = t.pamPeople
	a.MovedUpFromLow = Share{t.movedUp, t.startedLow}
	a.MeanChangePoints = mean(t.pamChangeTenths, t.pamPeople) / 10
	a.MeaningfulGain = Share{t.gains, t.pamPeople}
	// Out of the people whose pair is within 12 months: a person whose latest PAM came later
	// could not count, so counting them in the denominator understated the share.
	a.MeaningfulGainWithinYear = Share{t.gainsInYear, t.pairsInYear}
	for i := range 4 {
		a.FirstLevels[i] = Share{t.firstLevel[i], t.pamPeople}
		a.LatestLevels[i] = Share{t.latestLevel[i], t.pamPeople}
	}
	r.Loneliness = Loneliness{
		People:    t.lonelyPeople,
		MeanFirst: mean(t.lonelyFirstSum, t.lonelyPeople), MeanLatest: mean(t.lonelyLatestSum, t.lonelyPeople),
		LonelyFirst: Share{t.lonelyFirst, t.lonelyPeople}, LonelyLatest: Share{t.lonelyLatest, t.lonelyPeople},
	}
	r.Wellbeing = Wellbeing{People: t.wellPeople, First: ons4Means(t.wellFirst, t.wellPeople), Latest: ons4Means(t.wellLast, t.wellPeople)}
	r.Frailty = Frailty{People: t.frailPeople, MeanFirst: mean(t.frailFirstSum, t.frailPeople), MeanLatest: mean(t.frailLatestSum, t.frailPeople)}
}
