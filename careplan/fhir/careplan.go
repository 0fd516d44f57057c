package fhir

import (
	"fmt"
	"strings"

	"carehub/careplan"
)

// CarePlanResource is FHIR CarePlan (UK Core draft profile): the person's current plan.
type CarePlanResource struct {
	Base
	Extension      []Extension        `json:"extension,omitempty"`
	Status         string             `json:"status"`
	Intent         string             `json:"intent"`
	Title          string             `json:"title,omitempty"`
	Description    string             `json:"description,omitempty"`
	Subject        *Reference         `json:"subject"`
	Period         *Period            `json:"period,omitempty"`
	Created        string             `json:"created,omitempty"`
	Author         *Reference         `json:"author,omitempty"`
	CareTeam       []Reference        `json:"careTeam,omitempty"`
	Addresses      []Reference        `json:"addresses,omitempty"`
	SupportingInfo []Reference        `json:"supportingInfo,omitempty"`
	Goal           []Reference        `json:"goal,omitempty"`
	Activity       []CarePlanActivity `json:"activity,omitempty"`
	Note           []Annotation       `json:"note,omitempty"`
}

// CarePlanActivity is one action of the plan.
type CarePlanActivity struct {
	Detail ActivityDetail `json:"detail"`
}

// ActivityDetail says what the action is, who does it, by when and where it stands.
type ActivityDetail struct {
	Goal            []Reference `json:"goal,omitempty"`
	Status          string      `json:"status"`
	ScheduledPeriod *Period     `json:"scheduledPeriod,omitempty"`
	Performer       []Reference `json:"performer,omitempty"`
	Description     string      `json:"description,omitempty"`
}

// carePlanStatus maps where the plan and the person stand. An agreed plan is active while the
// hub works with the person and completed after; a plan never agreed is a draft, and a draft
// for someone who has left is revoked (it was never put into effect).
func carePlanStatus(plan careplan.Plan, person careplan.Status) string {
	switch {
	case plan.State == careplan.PlanAgreed && person.Open():
		return "active"
	case plan.State == careplan.PlanAgreed:
		return "completed"
	case person.Open():
		return "draft"
	}
	return "revoked"
}

// activityStatus maps an action's status. An open action is "scheduled" (it has a due date
// and an owner), overdue or not: carehub lets an overdue action still be completed.
func activityStatus(s careplan.ActionStatus) string {
	switch s {
	case careplan.ActionDone:
		return "completed"
	case careplan.ActionDropped:
		return "cancelled"
	case careplan.ActionOpen:
		return "scheduled"
	}
	return "unknown"
}

// MapCarePlan maps the plan in force. Conditions and the care team are referenced by the ids
// the other mappers give them. The review date is period.end and also an extension, because
// period.end alone reads as "the plan ends" to a receiver, while carehub means "review by".
// The contingency plan, "about me", strengths, signposting and the PAM level at agreement go
// in notes: they are the person's own words, not scheduled activities.
func MapCarePlan(p careplan.Patient, plan careplan.Plan, c Codes) *CarePlanResource {
	r := &CarePlanResource{
		Base:        base("CarePlan", carePlanID(p.ID), ProfileCarePlan),
		Status:      carePlanStatus(plan, p.Status),
		Intent:      "plan",
		Title:       fmt.Sprintf("Personalised care and support plan, version %d", plan.Version),
		Description: strings.TrimSpace(plan.WhatMatters),
		Subject:     ref("Patient", p.ID),
		CareTeam:    []Reference{*ref("CareTeam", careTeamID(p.ID))},
	}
	if !plan.ReviewDate.IsZero() {
		r.Extension = []Extension{{URL: c.ExtensionBase + "care-plan-review-date", ValueDate: plan.ReviewDate.String()}}
	}
	if a := plan.Agreement; a != nil {
		r.Created = a.On.String()
		r.Author = named(a.By)
	}
	if r.Created != "" || !plan.ReviewDate.IsZero() {
		r.Period = &Period{Start: r.Created, End: plan.ReviewDate.String()}
	}
	for _, code := range p.Conditions {
		r.Addresses = append(r.Addresses, *ref("Condition", derivedID(p.ID, "condition", code)))
	}
	for _, g := range plan.Goals {
		gid := recordID(p.ID, "goal", g.ID)
		r.Goal = append(r.Goal, *ref("Goal", gid))
		for _, a := range g.Actions {
			r.Activity = append(r.Activity, mapAction(p, a, gid))
		}
	}
	r.Note = planNotes(plan)
	return r
}

// mapAction maps one action. An action the person does themself ("Me") references the
// Patient, named, so a receiver knows who "me" is; anyone else is named only.
// carePlanID is the CarePlan's id: one per person, not one per plan version, because only the
// plan in force is sent and a receiver should see one plan whose versions move (FHIR's own
// history) rather than a new plan at each review and the old one left standing.
func carePlanID(patientID string) string { return derivedID(patientID, "careplan", "") }

func mapAction(p careplan.Patient, a careplan.Action, goalID string) CarePlanActivity {
	d := ActivityDetail{
		Goal:        []Reference{*ref("Goal", goalID)},
		Status:      activityStatus(a.Status),
		Description: a.What,
		Performer:   []Reference{{Display: a.Owner.Who()}},
	}
	if a.Owner.Kind == careplan.OwnerPatient {
		d.Performer[0] = Reference{Reference: "Patient/" + p.ID, Display: p.FullName() + " (the person themself)"}
	}
	if !a.Due.IsZero() {
		d.ScheduledPeriod = &Period{End: a.Due.String()}
	}
	return CarePlanActivity{Detail: d}
}

// planNotes writes the parts of the plan FHIR has no element for, each labelled as the
// printed plan labels it.
func planNotes(plan careplan.Plan) []Annotation {
	var out []Annotation
	add := func(label, text string) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, Annotation{Text: label + ": " + text})
		}
	}
	add("About me", plan.AboutMe)
	add("My strengths", plan.Strengths)
	ct := plan.Contingency
	add("If I become unwell – green (I'm well), what I do", ct.Green.WhatIDo)
	add("Amber – warning signs", ct.Amber.WarningSigns)
	add("Amber – what I do", ct.Amber.WhatIDo)
	add("Amber – who I call", ct.Amber.WhoICall)
	add("Red – emergency, who to call", ct.Red.WhoToCall)
	add("Red – what they need to know", ct.Red.WhatTheyNeedToKnow)
	for _, e := range plan.Ahead.Recorded() {
		text := e.Item.Answer
		if told := e.Item.Told(); told != "" {
			text += " (" + told + ")"
		}
		add("Planning ahead – "+e.Label, text)
	}
	for _, s := range plan.Support {
		add("Support", strings.Join(nonBlank(s.Name, s.Offers, s.Area, s.Contact), "; "))
	}
	if plan.Agreement != nil && plan.Agreement.PAMLevel > 0 {
		add("PAM level when the plan was agreed", fmt.Sprint(plan.Agreement.PAMLevel))
	}
	return out
}

func nonBlank(parts ...string) []string {
	out := parts[:0]
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
