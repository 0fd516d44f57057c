package caseload

import (
	"sort"
	"time"

	"carehub/careplan"
)

// DefaultTarget is the number of people a scheme aimed to enrol: the county's pilot target was
// 800 per scheme. Each hub sets its own.
const DefaultTarget = 800

// Funnel is the hub's enrolment funnel: how many people reached each stage of the pathway, with
// nominations per month and per practice, for the hub dashboard.
type Funnel struct {
	// Reached counts, for each stage, the people who got at least that far: someone now active
	// was also nominated, contacted and consented. Active is enrolment against the target: it
	// counts everyone who ever reached active (CaseloadEntry.ReachedActive, from the status
	// history), including people since discharged, withdrawn, died or re-referred; the earlier
	// stages follow from that and from each person's status today.
	Nominated, Contacted, Consented, Active int
	// ActiveSinceLeft is how many of Active are no longer active now (discharged, withdrew,
	// died, or re-referred and starting again).
	ActiveSinceLeft int
	// Exits: people discharged, who declined, who withdrew their consent (counted apart from
	// discharge: they left, the hub did not finish with them), and who died.
	Discharged, Declined, Withdrew, Died int
	// Months holds nominations per calendar month, oldest first, for the MonthsShown months to
	// the one holding today.
	Months []MonthCount
	// Practices holds nominations and people active per practice, most nominations first.
	Practices []PracticeCount
}

// MonthsShown is how many months the dashboard's monthly counts cover.
const MonthsShown = 12

// MonthCount is how many people were nominated in one calendar month.
type MonthCount struct {
	Month     time.Time // the first day of the month, UTC
	Nominated int
}

// PracticeCount is one practice's nominations and how many of them are active now.
type PracticeCount struct {
	Practice  string
	Nominated int
	Active    int
}

// BuildFunnel works out the funnel over every entry in the index, in one pass.
func (ix *Index) BuildFunnel(today careplan.Date) Funnel {
	var f Funnel
	first := monthStart(today.Time()).AddDate(0, 1-MonthsShown, 0)
	f.Months = make([]MonthCount, MonthsShown)
	for i := range f.Months {
		f.Months[i].Month = first.AddDate(0, i, 0)
	}
	practices := map[string]*PracticeCount{}
	for i := range ix.entries {
		e := &ix.entries[i]
		f.count(e)
		if !e.NominatedOn.IsZero() {
			if m := monthsBetween(first, e.NominatedOn.Time()); m >= 0 && m < MonthsShown {
				f.Months[m].Nominated++
			}
		}
		p := practices[e.Practice]
		if p == nil {
			p = &PracticeCount{Practice: e.Practice}
			practices[e.Practice] = p
		}
		p.Nominated++
		if e.Status == careplan.StatusActive {
			p.Active++
		}
	}
	for _, p := range practices {
		f.Practices = append(f.Practices, *p)
	}
	sort.Slice(f.Practices, func(i, j int) bool {
		a, b := f.Practices[i], f.Practices[j]
		if a.Nominated != b.Nominated {
			return a.Nominated > b.Nominated
		}
		return a.Practice < b.Practice
	})
	return f
}

// count adds one person to every stage they must have passed, and to their exit if they left.
func (f *Funnel) count(e *careplan.CaseloadEntry) {
	f.Nominated++
	stage := stageByStatus(e.Status)
	if e.ReachedActive() {
		stage = stageActive
		if e.Status != careplan.StatusActive {
			f.ActiveSinceLeft++
		}
	}
	if stage >= stageContacted {
		f.Contacted++
	}
	if stage >= stageConsented {
		f.Consented++
	}
	if stage >= stageActive {
		f.Active++
	}
	switch e.Status {
	case careplan.StatusDischarged:
		f.Discharged++
	case careplan.StatusDeclined:
		f.Declined++
	case careplan.StatusWithdrew:
		f.Withdrew++
	case careplan.StatusDied:
		f.Died++
	}
}

// The stages of the pathway, in order.
const (
	stageNominated = iota
	stageContacted
	stageConsented
	stageActive
)

// stageByStatus is the furthest stage a status today proves the person reached. Discharge and
// withdrawal happen from consented at the earliest; whether someone who declined or died got
// past nomination the status does not say (ReachedActive says whether they were ever active).
func stageByStatus(s careplan.Status) int {
	switch s {
	case careplan.StatusContacted:
		return stageContacted
	case careplan.StatusConsented, careplan.StatusDischarged, careplan.StatusWithdrew:
		return stageConsented
	case careplan.StatusActive:
		return stageActive
	}
	return stageNominated
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// monthsBetween counts calendar months from the month of a to the month of b.
func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}
