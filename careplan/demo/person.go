package demo

import (
	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Person is one synthetic person: the patient record, their plan versions (oldest first, a
// current draft last if there is one), their PAM results and their outcome records (each
// oldest first). About one PAM or outcome record in a hundred is marked entered in error.
type Person struct {
	Patient     careplan.Patient
	Plans       []careplan.Plan
	Assessments []pam.Assessment
	Outcomes    []outcomes.Record
	Contacts    []careplan.Contact // the contacts log, oldest first
}

// CurrentPlan returns the plan version in force: the latest agreed one. ok is false when the
// person has no agreed plan.
func (p Person) CurrentPlan() (plan careplan.Plan, ok bool) {
	for i := len(p.Plans) - 1; i >= 0; i-- {
		if p.Plans[i].State == careplan.PlanAgreed {
			return p.Plans[i], true
		}
	}
	return careplan.Plan{}, false
}

// CaseloadEntry returns the person's row in the caseload list, as the store keeps it.
func (p Person) CaseloadEntry() careplan.CaseloadEntry {
	var e careplan.CaseloadEntry
	if plan, ok := p.CurrentPlan(); ok {
		e = careplan.CaseloadEntryFor(p.Patient, &plan)
	} else {
		e = careplan.CaseloadEntryFor(p.Patient, nil)
	}
	e.LastContact = careplan.LatestContact(p.Contacts)
	if last, ok := pam.Latest(p.Assessments); ok {
		e.LastPAM = last.TakenOn
	}
	return e
}
