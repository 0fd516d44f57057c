package careplan

// CloseActionsOnDeath drops every open action in a plan when the person has died, so no one is
// chased for a task that can no longer happen, dated the day of the status change. It returns how
// many actions it closed. The plan is changed in place; an agreed (locked) plan is left alone,
// since its wording is a record of what was agreed, and ok is false.
//
// Review reminders stop by a separate rule: queues and overdue marks look only at people the
// hub is still working with (Status.Open), and died is not open.
func CloseActionsOnDeath(p *Plan, on Date) (closed int, ok bool) {
	if p.State == PlanAgreed {
		return 0, false
	}
	for gi := range p.Goals {
		for ai := range p.Goals[gi].Actions {
			a := &p.Goals[gi].Actions[ai]
			if a.Status != ActionOpen {
				continue
			}
			a.Status = ActionDropped
			a.DoneOn = on
			closed++
		}
	}
	return closed, true
}
