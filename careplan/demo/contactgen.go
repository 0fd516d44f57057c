package demo

import (
	"math/rand/v2"

	"carehub/careplan"
)

// contactNotes are short notes a key worker might write after a contact.
func contactNotes() [8]string {
	return [8]string{
		"Talked through the plan; no new concerns.",
		"Checked how the new medication is going.",
		"Discussed getting out more; interested in a lunch club.",
		"Carer finding things hard; signposted to carers' support.",
		"Reviewed falls risk at home; rail fitted in bathroom.",
		"MDT agreed to refer to community physio.",
		"Breathing worse this week; rescue pack started.",
		"Left a message; will try again.",
	}
}

// makeContacts writes a contacts log for a person, from their own random stream (crng), so
// adding contacts to the demo changed nobody's record or measures. People the hub has been in
// touch with get one to six contacts, mostly recent; about one in four of those still on the
// caseload has gone more than 30 days without one, so the queue has people in it.
func (g *Generator) makeContacts(p careplan.Patient) []careplan.Contact {
	r := g.crng
	if p.Status == careplan.StatusNominated || len(p.History) < 2 {
		return nil
	}
	start := p.History[1].On // the first step past nomination: the hub's first contact
	end := g.today
	if !p.Status.Open() {
		end = p.History[len(p.History)-1].On
	}
	last := end.AddDays(-between(r, 0, 29))
	if p.Status.Open() && chance(r, 0.25) {
		last = end.AddDays(-between(r, 31, 90))
	}
	n := between(r, 1, 6)
	var out []careplan.Contact
	for i, on := 0, last; i < n && !on.Before(start); i, on = i+1, on.AddDays(-between(r, 14, 45)) {
		out = append(out, g.contact(r, p, on))
	}
	if len(out) == 0 {
		out = append(out, g.contact(r, p, start))
	}
	// Oldest first, as the store returns a log.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func (g *Generator) contact(r *rand.Rand, p careplan.Patient, on careplan.Date) careplan.Contact {
	kinds := careplan.ContactKinds()
	kind := kinds[weighted(r, []int{35, 40, 10, 10, 5})]
	minutes := contactMinutes(kind)
	by := p.Team.KeyWorker
	if by == "" || kind == careplan.ContactMDT {
		by = p.Team.Coordinator
	}
	if by == "" {
		by = "hub duty worker"
	}
	return careplan.Contact{
		Kind: kind, On: on, By: by, Minutes: between(r, minutes[0], minutes[1]), Note: contactNotes()[r.IntN(8)],
	}
}

// contactMinutes is how long a contact of a kind usually takes, shortest and longest.
func contactMinutes(k careplan.ContactKind) [2]int {
	switch k {
	case careplan.ContactHomeVisit:
		return [2]int{30, 90}
	case careplan.ContactClinic:
		return [2]int{15, 45}
	case careplan.ContactMDT:
		return [2]int{5, 20}
	}
	return [2]int{5, 30}
}
