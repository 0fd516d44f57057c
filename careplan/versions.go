package careplan

// LatestAgreed returns the most recently agreed version of a person's plan: what the person
// has agreed and what is printed for them. ok is false when no version has been agreed.
func LatestAgreed(versions []Plan) (Plan, bool) {
	best, ok := Plan{}, false
	for _, p := range versions {
		if p.State == PlanAgreed && (!ok || p.Version > best.Version) {
			best, ok = p, true
		}
	}
	return best, ok
}

// LatestDraft returns the draft being worked on, if there is one.
func LatestDraft(versions []Plan) (Plan, bool) {
	best, ok := Plan{}, false
	for _, p := range versions {
		if p.State == PlanDraft && (!ok || p.Version > best.Version) {
			best, ok = p, true
		}
	}
	return best, ok
}

// CurrentPlan is the plan that stands for the person today: the latest agreed version, or,
// before anything has been agreed, the draft. A draft on top of an agreed version does not
// replace it until it is agreed (the stale-plan and wrong-version hazards).
func CurrentPlan(versions []Plan) (Plan, bool) {
	if p, ok := LatestAgreed(versions); ok {
		return p, true
	}
	return LatestDraft(versions)
}
