package pam

import (
	"fmt"

	"carehub/careplan"
)

// MaxOwnActionsAtLowLevel is the most open actions of their own a person at level 1 or 2
// should be carrying before the plan is worth another look: a long list of things to do is
// more likely to overwhelm than to help.
const MaxOwnActionsAtLowLevel = 3

// Prompt is a short reminder, for the key worker writing the plan, of what tends to help at
// a level. The words are carehub's own, not licensed coaching material.
func Prompt(l Level) string {
	switch l {
	case Level1:
		return "Level 1: start with what the person notices about their own health. Agree one or two very small steps they are sure they can manage."
	case Level2:
		return "Level 2: build knowledge and confidence. Help the person understand their conditions and keep an eye on how they are (a diary, weights, readings)."
	case Level3:
		return "Level 3: the person is taking action. Support new habits and plan together how to solve problems when they get in the way."
	case Level4:
		return "Level 4: help the person keep going, including under stress, and plan what they will do if things slip."
	}
	return ""
}

// PlanWarnings are the things about a plan worth a second look given the person's own PAM (a
// Carer PAM never counts): no PAM of theirs recorded (so the plan cannot be tailored), or too
// many open actions of their own at level 1 or 2.
func PlanWarnings(p careplan.Plan, assessments []Assessment) []string {
	latest, ok := Latest(assessments)
	if !ok && len(CarerHistory(assessments)) > 0 {
		return []string{"No PAM of the person's own recorded (a Carer PAM is about the carer): record one to tailor the plan to how ready the person feels to manage their health."}
	}
	if !ok {
		return []string{"No PAM recorded: record one to tailor the plan to how ready the person feels to manage their health."}
	}
	_, mine := p.OpenActions()
	if (latest.Level == Level1 || latest.Level == Level2) && mine > MaxOwnActionsAtLowLevel {
		return []string{fmt.Sprintf("%d open actions of the person's own at PAM level %d: more than %d may be too many. Consider fewer, smaller steps.",
			mine, int(latest.Level), MaxOwnActionsAtLowLevel)}
	}
	return nil
}
