package demo

import (
	"hash/fnv"

	"carehub/careplan"
)

// The plans a hub really holds include goals achieved or given up at a review, plans still
// being written (a draft, never agreed) and drafts of people who left before agreeing one;
// exports must map each. These touches are chosen from the person's id rather than drawn from
// the generator, so the rest of the demo hub is exactly what the same seed gave before.

// byID reports, the same way for the same person and purpose every time, whether a person is
// among the share p (0-1) picked for purpose.
func byID(id, purpose string, p float64) bool {
	h := fnv.New64a()
	h.Write([]byte(purpose + ":" + id))
	return float64(h.Sum64()%10_000) < p*10_000
}

// reviewGoals records, on a version agreed at a review, what the review decided for some
// goals: achieved (its open actions then done) or dropped (its open actions dropped).
func reviewGoals(p *careplan.Plan, patientID string) {
	if p.Agreement == nil || p.Version < 2 {
		return
	}
	on := p.Agreement.On
	for i := range p.Goals {
		g := &p.Goals[i]
		switch {
		case byID(patientID+g.ID, "goal achieved", 0.2):
			g.Outcome = &careplan.GoalOutcome{Decision: careplan.GoalAchieved, On: on, Note: "Done it, and keeping it up"}
			settleActions(g, careplan.ActionDone, on)
		case byID(patientID+g.ID, "goal dropped", 0.1):
			g.Outcome = &careplan.GoalOutcome{Decision: careplan.GoalDropped, On: on, Note: "Not for me just now"}
			settleActions(g, careplan.ActionDropped, on)
		}
	}
}

func settleActions(g *careplan.Goal, to careplan.ActionStatus, on careplan.Date) {
	for i := range g.Actions {
		if a := &g.Actions[i]; a.Status == careplan.ActionOpen {
			a.Status = to
			if to == careplan.ActionDone {
				a.DoneOn = on
			}
		}
	}
}

// draftOnly reports whether a person's plan is still a first draft: some people consented but
// not yet active are still writing theirs, and a few who left did so before agreeing one.
func draftOnly(p careplan.Patient) bool {
	switch {
	case p.Status == careplan.StatusConsented:
		return byID(p.ID, "draft only", 0.6)
	case !p.Status.Open():
		return byID(p.ID, "draft only", 0.15)
	}
	return false
}

// asFirstDraft turns the plans written for a person into the one draft they have: the first
// version, never agreed.
func asFirstDraft(plans []careplan.Plan) []careplan.Plan {
	d := plans[0]
	d.Version, d.State, d.Agreement = 1, careplan.PlanDraft, nil
	return []careplan.Plan{d}
}
