package printout

import (
	"errors"
	"fmt"

	"carehub/careplan"
)

// ErrNoVersion is returned when a version asked for is not one of the person's plan versions.
var ErrNoVersion = errors.New("there is no such version of this person's plan")

// VersionToPrint finds version n of a person's plan. earlier is true when it is no longer
// what the person follows: neither their current agreed plan (Current) nor the draft that may
// be printed instead (DraftToPrint). An earlier version prints stamped on every page as not
// the current plan (hazard H2c), so an old copy is never followed in its place.
func VersionToPrint(plans []careplan.Plan, n int) (plan careplan.Plan, earlier bool, err error) {
	found := false
	for _, p := range plans {
		if p.Version == n && (!found || p.State == careplan.PlanAgreed) {
			plan, found = p, true
		}
	}
	if !found {
		return careplan.Plan{}, false, fmt.Errorf("%w (version %d)", ErrNoVersion, n)
	}
	return plan, Earlier(plans, plan), nil
}

// Earlier reports whether p is an earlier version of the plan: not the current agreed plan,
// nor a draft newer than it.
func Earlier(plans []careplan.Plan, p careplan.Plan) bool {
	if cur, ok := Current(plans); ok && cur.Version == p.Version && p.State == careplan.PlanAgreed {
		return false
	}
	if d, ok := DraftToPrint(plans); ok && d.Version == p.Version && p.State == careplan.PlanDraft {
		return false
	}
	return true
}

// EarlierStamp is what an earlier version says about itself, on screen and on every printed
// page: "Version 1, agreed on 2 Mar 2026, not the current plan".
func EarlierStamp(p careplan.Plan) string {
	state := "draft"
	if p.State == careplan.PlanAgreed {
		state = "agreed"
		if p.Agreement != nil && !p.Agreement.On.IsZero() {
			state += " on " + p.Agreement.On.Display()
		}
	}
	return fmt.Sprintf("Version %d, %s, not the current plan", p.Version, state)
}

// earlierWatermark lies across every page of an earlier version, as a draft's does.
const earlierWatermark = "Earlier version — not the current plan"
