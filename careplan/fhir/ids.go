package fhir

import (
	"strconv"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// withIDs gives records that have no id yet (people built in memory, before the store assigns
// ids) one derived from their place in the person's lists, so no two resources share an id.
// It copies only a list it changes: the caller's records are left alone, and records from the
// store, which all have ids, cost nothing.
func withIDs(p Person, plan *careplan.Plan) Person {
	id := p.Patient.ID
	if plan != nil {
		if plan.ID == "" {
			plan.ID = derivedID(id, "plan", strconv.Itoa(plan.Version))
		}
		plan.Goals = fillIDs(id, "goal", plan.Goals, func(g *careplan.Goal) *string { return &g.ID })
	}
	p.Assessments = fillIDs(id, "pam", p.Assessments, func(a *pam.Assessment) *string { return &a.ID })
	p.Outcomes = fillIDs(id, "outcome", p.Outcomes, func(o *outcomes.Record) *string { return &o.ID })
	p.Contacts = fillIDs(id, "contact", p.Contacts, func(c *careplan.Contact) *string { return &c.ID })
	return p
}

// fillIDs returns list with every empty id filled, copying list first if any is empty.
func fillIDs[T any](patientID, kind string, list []T, idOf func(*T) *string) []T {
	copied := false
	for i := range list {
		if *idOf(&list[i]) != "" {
			continue
		}
		if !copied {
			list, copied = append([]T(nil), list...), true
		}
		*idOf(&list[i]) = derivedID(patientID, kind, strconv.Itoa(i))
	}
	return list
}
