package fhir

import (
	"strings"

	"carehub/careplan"
)

// GoalResource is base R4 Goal: UK Core has no Goal profile.
type GoalResource struct {
	Base
	Extension         []Extension       `json:"extension,omitempty"`
	LifecycleStatus   string            `json:"lifecycleStatus"`
	AchievementStatus *CodeableConcept  `json:"achievementStatus,omitempty"`
	Category          []CodeableConcept `json:"category,omitempty"`
	Description       CodeableConcept   `json:"description"`
	Subject           *Reference        `json:"subject"`
	StatusDate        string            `json:"statusDate,omitempty"`
	StatusReason      string            `json:"statusReason,omitempty"`
}

// MapGoals maps the plan's goals. The description is the person's own words, as text only:
// coding them would put words in their mouth. The wellbeing domain is the category, as text,
// since no code system has Somerset's five domains. Importance and confidence (0-10) are
// extensions, not Goal.priority, because priority's three levels would lose the scale; a score
// the person has not given yet is left out, never sent as 0.
func MapGoals(p careplan.Patient, plan careplan.Plan, c Codes) []*GoalResource {
	out := make([]*GoalResource, 0, len(plan.Goals))
	for _, g := range plan.Goals {
		r := &GoalResource{
			Base:            base("Goal", recordID(p.ID, "goal", g.ID), ""),
			LifecycleStatus: "active",
			Description:     CodeableConcept{Text: strings.TrimSpace(g.InMyWords)},
			Subject:         ref("Patient", p.ID),
			Extension:       scoreExtensions(g, c),
		}
		if g.Domain != "" {
			r.Category = []CodeableConcept{{Text: string(g.Domain)}}
		}
		if o := g.Outcome; o != nil {
			r.StatusDate = o.On.String()
			r.StatusReason = strings.TrimSpace(o.Note)
			switch o.Decision {
			case careplan.GoalAchieved:
				r.LifecycleStatus = "completed"
				a := coded(systemAchievement, "achieved", "Achieved")
				r.AchievementStatus = &a
			case careplan.GoalDropped:
				r.LifecycleStatus = "cancelled"
			}
		}
		out = append(out, r)
	}
	return out
}

// scoreExtensions are a goal's importance and confidence, each only when it has been scored.
func scoreExtensions(g careplan.Goal, c Codes) []Extension {
	var out []Extension
	if g.Importance != nil {
		out = append(out, Extension{URL: c.ExtensionBase + "goal-importance", ValueInteger: intp(*g.Importance)})
	}
	if g.Confidence != nil {
		out = append(out, Extension{URL: c.ExtensionBase + "goal-confidence", ValueInteger: intp(*g.Confidence)})
	}
	return out
}
