package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/ui/kit"
)

// planVersion shows one version from the plan's history, read-only: nothing on it can be
// edited, and an earlier version says at the top, in the words its printed copy carries on
// every page, that it is not the current plan (hazard H2c). It can be printed.
type planVersion struct {
	tools   *printTools // nil: no Print button
	work    worker
	patient careplan.Patient
	plan    careplan.Plan
	onBack  func()

	stamp   *widget.Label // which version this is, and whether it is the current plan
	back    *widget.Button
	print   *widget.Button // nil when the account may not print
	large   *widget.Check
	outcome *widget.Label
	root    fyne.CanvasObject
}

func newPlanVersion(tools *printTools, work worker, p careplan.Patient, plan careplan.Plan,
	versions []careplan.Plan, onBack func()) *planVersion {
	v := &planVersion{tools: tools, work: work, patient: p, plan: plan, onBack: onBack}
	v.back = widget.NewButtonWithIcon("Back to the history", theme.NavigateBackIcon(), v.onBackTapped)
	v.stamp = versionStamp(plan, printout.Earlier(versions, plan))
	v.outcome = kit.Para("")
	v.outcome.TextStyle.Bold = true
	v.outcome.Hide()
	bar := container.NewHBox(v.back)
	if tools != nil {
		v.print = widget.NewButtonWithIcon("Print this version", theme.DocumentPrintIcon(), v.onPrintTapped)
		v.large = widget.NewCheck("Large print", nil)
		v.large.SetChecked(printout.LargePrintFor(p))
		bar.Add(v.print)
		bar.Add(v.large)
	}
	content := container.NewVBox(v.stamp, v.outcome)
	for _, o := range versionContent(plan) {
		content.Add(o)
	}
	v.root = container.NewBorder(container.NewPadded(bar), nil, nil, nil,
		container.NewVScroll(container.NewPadded(content)))
	return v
}

// versionStamp says which version is open: an earlier one as its printed copy says it
// (printout.EarlierStamp), in red; the current plan or the working draft as they are.
func versionStamp(p careplan.Plan, earlier bool) *widget.Label {
	l := kit.Para("")
	l.TextStyle.Bold = true
	switch {
	case earlier:
		l.SetText(printout.EarlierStamp(p) + ". It is shown here read-only, as it was.")
		l.Importance = widget.DangerImportance
	case p.State == careplan.PlanAgreed:
		on := ""
		if p.Agreement != nil {
			on = " on " + p.Agreement.On.Display()
		}
		l.SetText(fmt.Sprintf("Version %d, agreed%s: the current plan, shown read-only.", p.Version, on))
	default:
		l.SetText(fmt.Sprintf("Version %d, draft, not yet agreed: shown read-only; edit it from the plan.", p.Version))
		l.Importance = widget.WarningImportance
	}
	return l
}

// versionContent is the plan's words, goals, actions and contingency plan as labels.
func versionContent(p careplan.Plan) []fyne.CanvasObject {
	out := []fyne.CanvasObject{
		kit.Section("About me", kit.Para(orNotRecorded(p.AboutMe))),
		kit.Section("What matters to me", kit.Para(orNotRecorded(p.WhatMatters))),
		kit.Section("My strengths", kit.Para(orNotRecorded(p.Strengths))),
	}
	var goals []fyne.CanvasObject
	for _, g := range p.Goals {
		words := kit.Para(fmt.Sprintf("“%s” (%s)", g.InMyWords, g.Domain))
		words.TextStyle.Italic = true
		goals = append(goals, words, kit.Quiet(goalScores(g)))
		for _, a := range g.Actions {
			goals = append(goals, kit.Para("• "+actionLine(a)))
		}
	}
	if len(goals) == 0 {
		goals = append(goals, kit.Quiet("No goals written in this version."))
	}
	out = append(out, kit.Section("Goals and actions", goals...))
	out = append(out, contingency(p.Contingency)...)
	review := "No review date set in this version."
	if !p.ReviewDate.IsZero() {
		review = "Review date in this version: " + p.ReviewDate.Display()
	}
	return append(out, kit.Para(review))
}

// actionLine is one action as the version recorded it: what, who, by when and how it stood.
func actionLine(a careplan.Action) string {
	due := "no date"
	if !a.Due.IsZero() {
		due = "by " + a.Due.Display()
	}
	status := "to do"
	switch a.Status {
	case careplan.ActionDone:
		status = "done"
		if !a.DoneOn.IsZero() {
			status += " " + a.DoneOn.Display()
		}
	case careplan.ActionDropped:
		status = "no longer needed"
	}
	return fmt.Sprintf("%s (%s, %s): %s", a.What, a.Owner.Who(), due, status)
}

func (v *planVersion) onBackTapped() { v.onBack() }

// onPrintTapped asks where to save this version, suggesting a name with the NHS number and
// the version.
func (v *planVersion) onPrintTapped() {
	title := fmt.Sprintf("Save version %d of the plan for %s", v.plan.Version, v.patient.FullName())
	name := fmt.Sprintf("plan-%s-v%d.pdf", v.patient.NHSNumber, v.plan.Version)
	v.tools.files.SaveFile(v.tools.w, title, name, v.saveTo)
}

// saveTo prints the version to path off the UI goroutine, then opens it.
func (v *planVersion) saveTo(path string) {
	v.print.Disable()
	v.say("Printing the plan…", widget.MediumImportance)
	var (
		id, n, large = v.patient.ID, v.plan.Version, v.large.Checked
		pages        int
		err          error
	)
	v.work.run(func() { pages, err = v.tools.printing.PrintVersion(id, n, large, path) },
		func() { v.printed(path, pages, err) })
}

// printed runs on the UI goroutine once the PDF is written or has failed.
func (v *planVersion) printed(path string, pages int, err error) {
	v.print.Enable()
	if err != nil {
		v.say(fmt.Sprintf("The plan could not be printed: %v", err), widget.DangerImportance)
		return
	}
	done := fmt.Sprintf("Version %d saved to %s (%s).", v.plan.Version, path, pagesCount(pages))
	if err := v.tools.open(path); err != nil {
		v.say(done+" "+notOpened(path), widget.WarningImportance)
		return
	}
	v.say(done, widget.MediumImportance)
}

func (v *planVersion) say(text string, importance widget.Importance) {
	v.outcome.SetText(text)
	v.outcome.Importance = importance
	v.outcome.Show()
	v.outcome.Refresh()
}
