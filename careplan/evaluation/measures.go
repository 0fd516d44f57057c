package evaluation

import (
	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Person is one person on the caseload with everything recorded about them. Assessments and
// Outcomes may include records entered in error and records outside the period, in any order:
// the report picks what counts.
type Person struct {
	Entry       careplan.CaseloadEntry
	Assessments []pam.Assessment
	Outcomes    []outcomes.Record
	Contacts    []careplan.Contact // the hub's contacts log: service use
}

// pair is a person's first and latest counting measurement of one kind in the period; n is
// how many there were. latest is meaningful only when n >= 2.
type pair[T any] struct {
	first, latest T
	n             int
}

// hasLater reports whether there is a later measurement to compare with the first.
func (p pair[T]) hasLater() bool { return p.n >= 2 }

// firstAndLatest finds the earliest and latest items that keep accepts, in one pass and
// without sorting. On a tie of days the item met first is "first" and the one met last is
// "latest", so input already in date order (as the store returns it) keeps that order.
func firstAndLatest[T any](items []T, keep func(T) bool, on func(T) careplan.Date) pair[T] {
	var p pair[T]
	for _, it := range items {
		if !keep(it) {
			continue
		}
		d := on(it)
		if p.n == 0 || d.Before(on(p.first)) {
			p.first = it
		}
		if p.n == 0 || !d.Before(on(p.latest)) {
			p.latest = it
		}
		p.n++
	}
	return p
}

// measures is what one person brings to the report.
type measures struct {
	pam        pair[pam.Assessment]
	loneliness pair[outcomes.Record]
	wellbeing  pair[outcomes.Record]
	frailty    pair[outcomes.Record]
}

// any reports whether the person has at least one counting measurement in the period.
func (m measures) any() bool {
	return m.pam.n+m.loneliness.n+m.wellbeing.n+m.frailty.n > 0
}

// measure picks a person's first and latest counting measurements in the period.
func measure(p Person, f Filter) measures {
	pamOn := func(a pam.Assessment) careplan.Date { return a.TakenOn }
	patientPAM := func(a pam.Assessment) bool {
		return a.Counts() && (a.Instrument == pam.PAM13 || a.Instrument == pam.PAM10) &&
			a.Level.Valid() && a.Score.Valid() && f.inPeriod(a.TakenOn)
	}
	recOn := func(r outcomes.Record) careplan.Date { return r.TakenOn }
	// A record counts for a measure only if it holds that measure's answers, so a malformed
	// record can never be read through a nil pointer.
	of := func(m outcomes.Measure, holds func(outcomes.Record) bool) func(outcomes.Record) bool {
		return func(r outcomes.Record) bool {
			return r.Counts() && r.Measure == m && holds(r) && f.inPeriod(r.TakenOn)
		}
	}
	return measures{
		pam: firstAndLatest(p.Assessments, patientPAM, pamOn),
		loneliness: firstAndLatest(p.Outcomes, of(outcomes.MeasureLoneliness,
			func(r outcomes.Record) bool { return r.Loneliness != nil }), recOn),
		wellbeing: firstAndLatest(p.Outcomes, of(outcomes.MeasureWellbeing,
			func(r outcomes.Record) bool { return r.Wellbeing != nil }), recOn),
		frailty: firstAndLatest(p.Outcomes, of(outcomes.MeasureFrailty,
			func(r outcomes.Record) bool { return r.Frailty != nil }), recOn),
	}
}
