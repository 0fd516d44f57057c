package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/pam"
	"carehub/ui/kit"
)

// reviewStepNames are the wizard's steps, in the order the review conversation goes.
func reviewStepNames() []string {
	return []string{"Goals", "Open actions", "PAM", "What matters now", "Agree"}
}

// reviewWizard walks through a plan review step by step: each goal, each open action, whether
// a PAM is due, what matters now and the next review date, then agreeing the new version.
// The decisions are held in a careplan.Review (the source of truth); the new version is made
// by Review.Apply only when it is agreed, so leaving the wizard half way changes nothing.
type reviewWizard struct {
	tools       *planTools
	work        worker
	today       careplan.Date
	patient     careplan.Patient
	assessments []pam.Assessment
	onCancel    func()
	onAgreed    func()

	draft careplan.Plan // the version the review will become: the draft, or the next one
	rev   careplan.Review
	step  int
	done  bool

	title   *widget.Label
	problem *widget.Label
	body    *fyne.Container
	back    *widget.Button
	next    *widget.Button
	cancel  *widget.Button
	root    fyne.CanvasObject

	goalParts   []*reviewGoal
	actionParts []*reviewAction
	recordPAM   *widget.Button
	whatMatters *kit.Entry
	nextReview  *kit.Entry
	contingency *widget.Check
	by          *kit.Entry
	on          *kit.Entry
	agree       *widget.Button
	outcome     *widget.Label // what happened once agreed, with any discharge suggestion
}

func newReviewWizard(tools *planTools, work worker, today careplan.Date, p careplan.Patient, data planData,
	onCancel, onAgreed func()) *reviewWizard {
	w := &reviewWizard{tools: tools, work: work, today: today, patient: p, assessments: data.assessments,
		onCancel: onCancel, onAgreed: onAgreed}
	w.draft = reviewDraft(p.ID, data.versions)
	w.rev = careplan.StartReview(w.draft, today)
	w.title = widget.NewLabel("")
	w.title.SizeName = theme.SizeNameSubHeadingText
	w.title.TextStyle.Bold = true
	w.problem = kit.NewProblemLabel()
	w.body = container.NewVBox()
	w.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), w.onBack)
	w.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), w.onNext)
	w.next.Importance = widget.HighImportance
	w.cancel = widget.NewButton("Leave the review", w.onLeave)
	w.buildSteps()
	buttons := container.NewHBox(w.cancel, widget.NewSeparator(), w.back, w.next)
	w.root = container.NewBorder(container.NewPadded(container.NewVBox(w.title, w.problem)),
		container.NewPadded(buttons), nil, nil, container.NewVScroll(container.NewPadded(w.body)))
	w.showStep()
	return w
}

// reviewDraft is what the review writes into: a draft already started on top of the agreed
// version, else a new draft from the latest agreed version.
func reviewDraft(patientID string, versions []careplan.Plan) careplan.Plan {
	p, drafting := planToEdit(patientID, versions)
	if drafting {
		return p
	}
	return p.NextDraft("")
}

func (w *reviewWizard) buildSteps() {
	for i, gr := range w.rev.Goals {
		w.goalParts = append(w.goalParts, newReviewGoal(w, i, goalByID(w.draft, gr.GoalID)))
	}
	for i, ar := range w.rev.Actions {
		w.actionParts = append(w.actionParts, newReviewAction(w, i, actionByID(w.draft, ar.ActionID)))
	}
	w.recordPAM = widget.NewButtonWithIcon("Record a PAM…", theme.ContentAddIcon(), w.onRecordPAM)
	if w.tools.recordPAM == nil {
		w.recordPAM.Hide()
	}
	w.whatMatters = planText(w.rev.WhatMattersNow, "What matters to the person now", w.onWhatMatters)
	w.nextReview = lineEntry(kit.DateText(w.rev.NextReview), "DD/MM/YYYY", w.onNextReview)
	w.contingency = widget.NewCheck("The contingency plan (green, amber, red) has been gone through and is still right", nil)
	w.by = kit.NewTextEntry()
	w.by.SetText(w.patient.Team.KeyWorker)
	w.by.SetPlaceHolder("Who agreed the plan with the person")
	w.on = kit.NewTextEntry()
	w.on.SetText(kit.DateText(w.today))
	w.agree = widget.NewButtonWithIcon("Agree the new version", theme.ConfirmIcon(), w.onAgree)
	w.agree.Importance = widget.HighImportance
	w.outcome = kit.Para("")
}

func goalByID(p careplan.Plan, id string) careplan.Goal {
	for _, g := range p.Goals {
		if g.ID == id {
			return g
		}
	}
	return careplan.Goal{}
}

func actionByID(p careplan.Plan, id string) careplan.Action {
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if a.ID == id {
				return a
			}
		}
	}
	return careplan.Action{}
}

// showStep draws the current step.
func (w *reviewWizard) showStep() {
	names := reviewStepNames()
	w.title.SetText(fmt.Sprintf("Review · step %d of %d: %s", w.step+1, len(names), names[w.step]))
	w.body.RemoveAll()
	for _, o := range w.stepContent() {
		w.body.Add(o)
	}
	w.body.Refresh()
	w.back.Disable()
	if w.step > 0 && !w.done {
		w.back.Enable()
	}
	w.next.Hidden = w.step == len(names)-1
	w.next.Refresh()
}

func (w *reviewWizard) stepContent() []fyne.CanvasObject {
	switch w.step {
	case 0:
		if len(w.goalParts) == 0 {
			return []fyne.CanvasObject{kit.Quiet("There are no goals still being worked on.")}
		}
		var out []fyne.CanvasObject
		for _, g := range w.goalParts {
			out = append(out, g.root, widget.NewSeparator())
		}
		return out
	case 1:
		if len(w.actionParts) == 0 {
			return []fyne.CanvasObject{kit.Quiet("There are no open actions.")}
		}
		out := []fyne.CanvasObject{kit.Para("An action past its date can still be marked done.")}
		for _, a := range w.actionParts {
			out = append(out, a.root, widget.NewSeparator())
		}
		return out
	case 2:
		return []fyne.CanvasObject{w.pamDue(), w.recordPAM}
	case 3:
		return []fyne.CanvasObject{
			kit.Grid(kit.Field{Name: "What matters to me now", Widget: w.whatMatters},
				kit.Field{Name: "Next review", Widget: w.nextReview}),
			w.contingency,
		}
	}
	return []fyne.CanvasObject{
		kit.Para("Agreeing locks the reviewed plan as a new version, with the person's latest PAM level."),
		kit.Grid(kit.Field{Name: "Agreed with the person by", Widget: w.by}, kit.Field{Name: "On", Widget: w.on}),
		w.agree, w.outcome,
	}
}

// pamDue says whether a new PAM of the person's own is due, by pam's rule (a Carer PAM never
// counts).
func (w *reviewWizard) pamDue() fyne.CanvasObject {
	latest, ok := pam.Latest(w.assessments)
	if !ok {
		l := kit.Para("No PAM of the person's own recorded yet: one is due now.")
		l.Importance = widget.WarningImportance
		return l
	}
	text := fmt.Sprintf("Latest PAM: %s (%s) on %s. ", latest.Level, latest.Level.Description(), latest.TakenOn.Display())
	if !pam.Due(w.assessments, w.today) {
		due, _ := pam.NextDue(w.assessments)
		return kit.Para(text + "The next is due by " + due.Display() + ": no new PAM needed for this review.")
	}
	l := kit.Para(text + "A new PAM is due (it has been six months): record it before agreeing, if the person is willing.")
	l.Importance = widget.WarningImportance
	return l
}

// onNext moves on once the decisions so far can be applied.
func (w *reviewWizard) onNext() {
	if err := w.rev.Validate(w.today); err != nil {
		kit.SetProblem(w.problem, strings.ReplaceAll(err.Error(), "\n", "; "))
		return
	}
	if w.step == 3 && !w.contingency.Checked {
		kit.SetProblem(w.problem, "Go through the contingency plan with the person, then tick to say it is still right")
		return
	}
	kit.SetProblem(w.problem, "")
	w.step++
	w.showStep()
}

func (w *reviewWizard) onBack() {
	kit.SetProblem(w.problem, "")
	if w.step > 0 {
		w.step--
	}
	w.showStep()
}

func (w *reviewWizard) onLeave() { w.onCancel() }

func (w *reviewWizard) onRecordPAM() {
	if w.tools.recordPAM != nil {
		w.tools.recordPAM()
	}
}

func (w *reviewWizard) onWhatMatters(s string) { w.rev.WhatMattersNow = s }

func (w *reviewWizard) onNextReview(s string) {
	d, err := careplan.ParseDate(s)
	if err != nil {
		kit.SetProblem(w.problem, "Write the next review date as DD/MM/YYYY")
		return
	}
	kit.SetProblem(w.problem, "")
	w.rev.NextReview = d
}

// onAgree applies the review to the draft and agrees it, off the UI goroutine.
func (w *reviewWizard) onAgree() {
	by := strings.TrimSpace(w.by.Text)
	on, err := careplan.ParseDate(w.on.Text)
	switch {
	case by == "":
		kit.SetProblem(w.problem, "Say who agreed the plan with the person")
		return
	case err != nil:
		kit.SetProblem(w.problem, "Write the day it was agreed as DD/MM/YYYY, today or before")
		return
	}
	next := w.draft.Clone()
	if err := w.rev.Apply(&next, w.today); err != nil {
		kit.SetProblem(w.problem, strings.ReplaceAll(err.Error(), "\n", "; "))
		return
	}
	if err := careplan.ReadyToAgree(next, on, w.today); err != nil {
		kit.SetProblem(w.problem, strings.ReplaceAll(err.Error(), "\n", "; "))
		return
	}
	kit.SetProblem(w.problem, "")
	w.agree.Disable()
	var saveErr error
	w.work.run(func() { saveErr = w.tools.plans.AgreePlan(&next, by, on) }, func() { w.agreed(next, saveErr) })
}

func (w *reviewWizard) agreed(p careplan.Plan, err error) {
	if err != nil {
		w.agree.Enable()
		kit.SetProblem(w.problem, "The new version was not agreed: "+planProblem(err))
		return
	}
	w.done = true
	w.agree.Hide()
	w.cancel.SetText("Back to the plan")
	text := fmt.Sprintf("Version %d agreed by %s on %s. Next review by %s.",
		p.Version, p.Agreement.By, p.Agreement.On.Display(), p.ReviewDate.Display())
	if careplan.SuggestDischarge(p) {
		text += "\nEvery goal has been achieved or dropped: talk with the person and the team about discharge from the hub."
		w.outcome.Importance = widget.WarningImportance
	} else {
		w.outcome.Importance = widget.SuccessImportance
	}
	w.outcome.TextStyle.Bold = true
	w.outcome.SetText(text)
	w.showStep()
	w.onAgreed()
}
