package careplan

// RemoveGoal takes the goal with this id out of the plan, and with it every signpost's link to
// it, so no service is left pointing at a goal the person no longer has. A signpost stays in
// the plan when it loses its last link: the person may still use the service. The plan's
// slices are copied, never changed in place, so a version sharing them (NextDraft, Clone) is
// untouched. It reports whether there was such a goal.
func (p *Plan) RemoveGoal(id string) bool {
	gi := goalIndex(p.Goals, id)
	if gi < 0 {
		return false
	}
	p.Goals = append(append([]Goal(nil), p.Goals[:gi]...), p.Goals[gi+1:]...)
	support := make([]Signpost, 0, len(p.Support))
	for _, sp := range p.Support {
		var ids []string
		for _, g := range sp.GoalIDs {
			if g != id {
				ids = append(ids, g)
			}
		}
		sp.GoalIDs = ids
		support = append(support, sp)
	}
	p.Support = support
	return true
}
