package evaluation

import "carehub/careplan"

// Enrolment is enrolment against the hub's target: the people in scope who ever reached active
// (careplan.CaseloadEntry.ReachedActive, from their status history), whatever their status
// now. Someone enrolled who later died, was discharged, withdrew or was re-referred still
// counts: the hub enrolled them.
type Enrolment struct {
	// Enrolled counts the people in scope who ever reached active.
	Enrolled int
	// SinceLeft is how many of Enrolled are not active now.
	SinceLeft int
	// InPeriod counts the Enrolled whose first day active falls within the period.
	InPeriod int
	// Target is the hub's enrolment target, filled in by the caller for a report on the whole
	// hub; 0 for one practice or key worker, where the hub's target does not apply.
	Target int
}

// AgainstTarget is Enrolled out of Target ("812 of 800 (101.5%)").
func (e Enrolment) AgainstTarget() Share { return Share{e.Enrolled, e.Target} }

// WholeHub reports whether the filter covers the whole hub (every practice and key worker), so
// the hub's enrolment target applies.
func (f Filter) WholeHub() bool { return matches(f.Practice, "") && matches(f.KeyWorker, "") }

// add counts one person in scope.
func (e *Enrolment) add(p Person, f Filter) {
	if !p.Entry.ReachedActive() {
		return
	}
	e.Enrolled++
	if p.Entry.Status != careplan.StatusActive {
		e.SinceLeft++
	}
	if f.inPeriod(p.Entry.FirstActive) {
		e.InPeriod++
	}
}
