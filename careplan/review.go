package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// GoalDecision is what a review decides about a goal.
type GoalDecision string

// Goal decisions at a review.
const (
	GoalContinuing GoalDecision = "continuing"
	GoalAchieved   GoalDecision = "achieved"
	GoalChanged    GoalDecision = "changed" // reworded with the person; carries on
	GoalDropped    GoalDecision = "dropped"
)

// GoalDecisions lists the choices in the order the review wizard offers them.
func GoalDecisions() []GoalDecision {
	return []GoalDecision{GoalAchieved, GoalContinuing, GoalChanged, GoalDropped}
}

// GoalOutcome records a review's decision on a goal, the note the person and key worker
// wrote, and the day of the review.
type GoalOutcome struct {
	Decision GoalDecision `json:"decision"`
	Note     string       `json:"note,omitempty"`
	On       Date         `json:"on"`
}

// Closed reports whether a goal is finished with: achieved or dropped at a review.
func (g Goal) Closed() bool {
	return g.Outcome != nil && (g.Outcome.Decision == GoalAchieved || g.Outcome.Decision == GoalDropped)
}

// ActionDecision is what a review decides about an open action.
type ActionDecision string

// Action decisions at a review.
const (
	ActionMarkDone ActionDecision = "done"
	ActionRollOver ActionDecision = "roll over"
	ActionDrop     ActionDecision = "drop"
)

// ActionDecisions lists the choices in the order the review wizard offers them.
func ActionDecisions() []ActionDecision {
	return []ActionDecision{ActionMarkDone, ActionRollOver, ActionDrop}
}

// GoalReview is the review's decision on one goal. NewWords is the goal reworded, for a
// changed goal.
type GoalReview struct {
	GoalID   string
	Decision GoalDecision
	Note     string
	NewWords string
}

// ActionReview is the review's decision on one open action. NewDue is the new date for an
// action rolled over.
type ActionReview struct {
	ActionID string
	Decision ActionDecision
	NewDue   Date
}

// Review is a review of a plan, step by step: each active goal, each open action, what
// matters now and the next review date.
type Review struct {
	Goals          []GoalReview
	Actions        []ActionReview
	WhatMattersNow string
	NextReview     Date
}

// ReviewEveryMonths is the usual gap to the next review.
const ReviewEveryMonths = 3

// Sentinel errors for a review.
var (
	ErrReviewGoalWords  = errors.New("a changed goal needs its new words")
	ErrReviewRollOver   = errors.New("an action rolled over needs a new date, on or after today")
	ErrReviewNextDate   = errors.New("the next review date must be after today")
	ErrReviewUndecided  = errors.New("every goal and every open action needs a decision")
	ErrReviewUnknownRef = errors.New("the review refers to a goal or action that is not in the plan")
)

// StartReview sets out a review of p with the usual answers filled in: goals continuing,
// open actions rolled over to a month from today (or kept at their date if later), what
// matters as it was, and the next review in three months.
func StartReview(p Plan, today Date) Review {
	r := Review{WhatMattersNow: p.WhatMatters, NextReview: today.AddMonths(ReviewEveryMonths)}
	for _, g := range p.Goals {
		if g.Closed() {
			continue
		}
		r.Goals = append(r.Goals, GoalReview{GoalID: g.ID, Decision: GoalContinuing, NewWords: g.InMyWords})
		for _, a := range g.Actions {
			if a.Status != ActionOpen {
				continue
			}
			due := today.AddMonths(1)
			if a.Due.After(due) {
				due = a.Due
			}
			r.Actions = append(r.Actions, ActionReview{ActionID: a.ID, Decision: ActionRollOver, NewDue: due})
		}
	}
	return r
}

// Validate checks each decision can be applied.
func (r Review) Validate(today Date) error {
	var errs []error
	for i, g := range r.Goals {
		switch g.Decision {
		case GoalChanged:
			if strings.TrimSpace(g.NewWords) == "" {
				errs = append(errs, fmt.Errorf("goal %d: %w", i+1, ErrReviewGoalWords))
			}
		case GoalContinuing, GoalAchieved, GoalDropped:
		default:
			errs = append(errs, fmt.Errorf("goal %d: %w", i+1, ErrReviewUndecided))
		}
	}
	for i, a := range r.Actions {
		switch a.Decision {
		case ActionRollOver:
			if a.NewDue.IsZero() || a.NewDue.Before(today) {
				errs = append(errs, fmt.Errorf("action %d: %w", i+1, ErrReviewRollOver))
			}
		case ActionMarkDone, ActionDrop:
		default:
			errs = append(errs, fmt.Errorf("action %d: %w", i+1, ErrReviewUndecided))
		}
	}
	if !r.NextReview.After(today) {
		errs = append(errs, ErrReviewNextDate)
	}
	return errors.Join(errs...)
}

// Apply writes the review into draft, the new version being prepared (see Plan.NextDraft):
// goal outcomes and new words, actions done (an overdue action can still be done), rolled
// over or dropped, what matters now, and the next review date. The draft is then ready to be
// agreed.
func (r Review) Apply(draft *Plan, today Date) error {
	if draft.State == PlanAgreed {
		return ErrPlanLocked
	}
	if err := r.Validate(today); err != nil {
		return err
	}
	next := *draft
	next.Goals = append([]Goal(nil), draft.Goals...)
	for _, gr := range r.Goals {
		gi := goalIndex(next.Goals, gr.GoalID)
		if gi < 0 {
			return ErrReviewUnknownRef
		}
		g := &next.Goals[gi]
		if gr.Decision == GoalChanged {
			g.InMyWords = strings.TrimSpace(gr.NewWords)
		}
		g.Outcome = &GoalOutcome{Decision: gr.Decision, Note: strings.TrimSpace(gr.Note), On: today}
	}
	for _, ar := range r.Actions {
		if !applyAction(next.Goals, ar, today) {
			return ErrReviewUnknownRef
		}
	}
	next.WhatMatters = strings.TrimSpace(r.WhatMattersNow)
	next.ReviewDate = r.NextReview
	*draft = next
	return nil
}

func goalIndex(goals []Goal, id string) int {
	for i, g := range goals {
		if g.ID == id {
			return i
		}
	}
	return -1
}

// applyAction applies one action decision; it copies the goal's actions first so the version
// the draft came from is never changed through a shared slice.
func applyAction(goals []Goal, ar ActionReview, today Date) bool {
	for gi := range goals {
		for ai, a := range goals[gi].Actions {
			if a.ID != ar.ActionID {
				continue
			}
			goals[gi].Actions = append([]Action(nil), goals[gi].Actions...)
			act := &goals[gi].Actions[ai]
			switch ar.Decision {
			case ActionMarkDone:
				act.Status, act.DoneOn = ActionDone, today
			case ActionDrop:
				act.Status = ActionDropped
			case ActionRollOver:
				act.Due = ar.NewDue
			}
			return true
		}
	}
	return false
}

// SuggestDischarge reports whether every goal in the plan has been achieved or dropped, when
// the person may be ready to leave the service. It only suggests: the decision, and the
// status change, are the team's.
func SuggestDischarge(p Plan) bool {
	if len(p.Goals) == 0 {
		return false
	}
	for _, g := range p.Goals {
		if !g.Closed() {
			return false
		}
	}
	return true
}

// Clone is a copy of the plan that shares no slices with it, so a snapshot handed to a save
// on another goroutine cannot change under it while the editor carries on.
func (p Plan) Clone() Plan {
	c := p.NextDraft(p.ID)
	c.Version, c.State, c.Agreement = p.Version, p.State, p.Agreement
	return c
}

// ContingencyGaps lists the parts of the contingency plan left empty, in words, so the editor
// can show what is still to talk through.
func ContingencyGaps(c Contingency) []string {
	var out []string
	for _, part := range []struct{ text, name string }{
		{c.Green.WhatIDo, "green: what I do to stay well"},
		{c.Amber.WarningSigns, "amber: warning signs"},
		{c.Amber.WhoICall, "amber: who I call"},
		{c.Red.WhoToCall, "red: who to call in an emergency"},
		{c.Red.WhatTheyNeedToKnow, "red: what they need to know"},
	} {
		if strings.TrimSpace(part.text) == "" {
			out = append(out, part.name)
		}
	}
	return out
}
