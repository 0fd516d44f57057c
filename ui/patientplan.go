package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// currentPlan picks the version the summary shows (careplan.CurrentPlan: the latest agreed
// version, or the draft before anything is agreed). next is a later draft being written on top
// of the agreed version, if any, so the summary can say one is in progress.
func currentPlan(plans []careplan.Plan) (current careplan.Plan, next *careplan.Plan, ok bool) {
	current, ok = careplan.CurrentPlan(plans)
	if draft, has := careplan.LatestDraft(plans); ok && has && current.State == careplan.PlanAgreed && draft.Version > current.Version {
		next = &draft
	}
	return current, next, ok
}

func planSection(plans []careplan.Plan, status careplan.Status, today careplan.Date) fyne.CanvasObject {
	const title = "Care and support plan"
	p, next, ok := currentPlan(plans)
	if !ok {
		return kit.Section(title, kit.Quiet("No care and support plan yet."))
	}
	out := []fyne.CanvasObject{planState(p)}
	if next != nil {
		out = append(out, kit.Quiet(fmt.Sprintf("A new draft (version %d) is being written; this is the agreed version the person holds.", next.Version)))
	}
	out = append(out, reviewLine(p, status, today))
	out = append(out, goalsByDomain(p.Goals)...)
	out = append(out, contingency(p.Contingency)...)
	return kit.Section(title, out...)
}

// planState says whether this version has been agreed, plainly, so nobody takes a draft for
// the plan the person agreed.
func planState(p careplan.Plan) *widget.Label {
	if p.State != careplan.PlanAgreed || p.Agreement == nil {
		l := kit.Para(fmt.Sprintf("Version %d · Draft — not yet agreed", p.Version))
		l.TextStyle.Bold = true
		l.Importance = widget.WarningImportance
		return l
	}
	text := fmt.Sprintf("Version %d · agreed with the person by %s on %s",
		p.Version, orNotRecorded(p.Agreement.By), p.Agreement.On.Display())
	if p.Agreement.PAMLevel > 0 {
		text += fmt.Sprintf(" · PAM level %d when agreed", p.Agreement.PAMLevel)
	}
	l := kit.Para(text)
	l.TextStyle.Bold = true
	return l
}

// reviewLine says when the plan is reviewed, and marks it overdue by careplan.ReviewOverdue.
func reviewLine(p careplan.Plan, status careplan.Status, today careplan.Date) *widget.Label {
	switch {
	case p.ReviewDate.IsZero():
		return kit.Quiet("No review date set.")
	case careplan.ReviewOverdue(p.ReviewDate, status, today):
		l := kit.Para("Review was due on " + p.ReviewDate.Display() + " · overdue")
		l.TextStyle.Bold = true
		l.Importance = widget.DangerImportance
		return l
	case p.ReviewDate.Before(today):
		return kit.Para("Review date was " + p.ReviewDate.Display()) // no longer under a plan: nothing to chase
	default:
		return kit.Para("Review by " + p.ReviewDate.Display())
	}
}

// goalsByDomain lists goals under the five wellbeing domains in the order plans show them.
// A goal in a domain not on the list still shows, under "Other", rather than going missing.
func goalsByDomain(goals []careplan.Goal) []fyne.CanvasObject {
	if len(goals) == 0 {
		return []fyne.CanvasObject{kit.Quiet("No goals written yet.")}
	}
	var out []fyne.CanvasObject
	shown := 0
	for _, d := range careplan.Domains() {
		var in []careplan.Goal
		for _, g := range goals {
			if g.Domain == d {
				in = append(in, g)
			}
		}
		shown += len(in)
		out = append(out, domainGoals(string(d), in)...)
	}
	if shown < len(goals) {
		var other []careplan.Goal
		for _, g := range goals {
			if !knownDomain(g.Domain) {
				other = append(other, g)
			}
		}
		out = append(out, domainGoals("Other", other)...)
	}
	return out
}

func knownDomain(d careplan.Domain) bool {
	for _, k := range careplan.Domains() {
		if k == d {
			return true
		}
	}
	return false
}

func domainGoals(domain string, goals []careplan.Goal) []fyne.CanvasObject {
	if len(goals) == 0 {
		return nil
	}
	out := []fyne.CanvasObject{kit.Subheading(domain, widget.MediumImportance)}
	for _, g := range goals {
		words := kit.Para("“" + g.InMyWords + "”")
		words.TextStyle.Italic = true
		out = append(out, words, kit.Quiet(goalScores(g)))
		if g.Outcome != nil {
			out = append(out, kit.Quiet(goalOutcome(*g.Outcome)))
		}
	}
	return out
}

// goalScores writes a goal's scales and how its actions stand.
func goalScores(g careplan.Goal) string {
	open, done := 0, 0
	for _, a := range g.Actions {
		switch a.Status {
		case careplan.ActionOpen:
			open++
		case careplan.ActionDone:
			done++
		}
	}
	return fmt.Sprintf("Importance %s · confidence %s · %s open, %d done",
		careplan.ScoreShort(g.Importance), careplan.ScoreShort(g.Confidence), plural(open, "action", "actions"), done)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// contingency is "what to do if I become unwell" under green, amber and red headings.
func contingency(c careplan.Contingency) []fyne.CanvasObject {
	var green, amber, red kit.Facts
	green.Add("What I do", orNotRecorded(c.Green.WhatIDo))
	amber.Add("Warning signs", orNotRecorded(c.Amber.WarningSigns))
	amber.Add("What I do", orNotRecorded(c.Amber.WhatIDo))
	amber.Add("Who I call", orNotRecorded(c.Amber.WhoICall))
	red.Add("Who to call", orNotRecorded(c.Red.WhoToCall))
	red.Add("What they need to know", orNotRecorded(c.Red.WhatTheyNeedToKnow))
	return []fyne.CanvasObject{
		kit.Subheading("If I become unwell", widget.MediumImportance),
		kit.Subheading("Green: I'm well", widget.SuccessImportance), green.Grid(),
		kit.Subheading("Amber: warning signs", widget.WarningImportance), amber.Grid(),
		kit.Subheading("Red: emergency", widget.DangerImportance), red.Grid(),
	}
}

// goalOutcome says what the last review decided about a goal: "Achieved at the review on
// 2 Mar 2026: back in the choir".
func goalOutcome(o careplan.GoalOutcome) string {
	text := fmt.Sprintf("%s at the review on %s", strings.ToUpper(string(o.Decision[:1]))+string(o.Decision[1:]), o.On.Display())
	if o.Note != "" {
		text += ": " + o.Note
	}
	return text
}
