package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// agreeDialog locks the draft as the version agreed with the person: who agreed it with them
// and on which day. The store adds the person's latest PAM level. Once agreed the version
// can never change; the next edit starts a new draft.
type agreeDialog struct {
	e *planEditor

	by        *kit.Entry
	byProblem *widget.Label
	on        *kit.Entry
	onProblem *widget.Label
	problem   *widget.Label // the plan is not ready, or the save failed
	confirm   *widget.Button
	cancel    *widget.Button
	dialog    *dialog.CustomDialog
}

func newAgreeDialog(e *planEditor) *agreeDialog {
	d := &agreeDialog{e: e}
	d.by = kit.NewTextEntry()
	d.by.SetText(e.patient.Team.KeyWorker)
	d.by.SetPlaceHolder("Who agreed the plan with the person")
	d.by.OnSubmitted = d.onSubmitted
	d.byProblem = kit.NewProblemLabel()
	d.on = kit.NewTextEntry()
	d.on.SetText(kit.DateText(e.today))
	d.on.OnSubmitted = d.onSubmitted
	d.onProblem = kit.NewProblemLabel()
	d.problem = kit.NewProblemLabel()
	d.confirm = widget.NewButton("Agree and lock this version", d.onConfirm)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	explain := kit.Para("Agreeing locks this version as the plan the person holds. It cannot be changed afterwards: " +
		"any later change starts a new draft.")
	body := container.NewVBox(explain, kit.Grid(
		kit.Field{Name: "Agreed with the person by", Widget: d.by, Problem: d.byProblem},
		kit.Field{Name: "On", Widget: d.on, Problem: d.onProblem}), d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Agree plan", e.patient), body, e.tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	return d
}

func (d *agreeDialog) open() {
	kit.FitDialog(d.dialog, kit.DialogWidth)
	d.dialog.Show()
	d.e.tools.w.Canvas().Focus(d.by)
}

func (d *agreeDialog) close() { d.dialog.Hide() }

func (d *agreeDialog) onCancel()          { d.close() }
func (d *agreeDialog) onSubmitted(string) { d.onConfirm() }

// onConfirm checks the answers and the plan, then agrees and saves it off the UI goroutine.
func (d *agreeDialog) onConfirm() {
	by := strings.TrimSpace(d.by.Text)
	on, err := careplan.ParseDate(d.on.Text)
	kit.SetProblem(d.byProblem, "")
	kit.SetProblem(d.onProblem, "")
	kit.SetProblem(d.problem, "")
	ok := true
	if by == "" {
		kit.SetProblem(d.byProblem, "Say who agreed the plan with the person")
		ok = false
	}
	if err != nil {
		kit.SetProblem(d.onProblem, "Write the date as DD/MM/YYYY")
		ok = false
	}
	if !ok {
		kit.FitDialog(d.dialog, kit.DialogWidth)
		return
	}
	if err := d.e.readyToAgree(on); err != nil {
		d.showNotReady(err)
		return
	}
	snap := d.e.plan.Clone()
	d.confirm.Disable()
	var saveErr error
	d.e.work.run(func() { saveErr = d.e.tools.plans.AgreePlan(&snap, by, on) }, func() { d.agreed(snap, saveErr) })
}

func (d *agreeDialog) agreed(snap careplan.Plan, err error) {
	d.confirm.Enable()
	if err != nil {
		kit.SetProblem(d.problem, "The plan was not agreed: "+planProblem(err))
		kit.FitDialog(d.dialog, kit.DialogWidth)
		return
	}
	d.close()
	d.e.agreed(snap)
}

// showNotReady shows why the plan cannot be agreed: a problem with the day beside the date,
// the rest (each naming its part of the plan) under the form.
func (d *agreeDialog) showNotReady(err error) {
	rest, onDay := careplan.AgreedOnProblem(err)
	if fp := (careplan.FieldProblem{}); errors.As(onDay, &fp) {
		kit.SetProblem(d.onProblem, kit.Sentence(fp.Err.Error()))
	}
	lines := make([]string, len(rest))
	for i, e := range rest {
		lines[i] = kit.Sentence(e.Error())
	}
	kit.SetProblem(d.problem, strings.Join(lines, "\n"))
	kit.FitDialog(d.dialog, kit.DialogWidth)
}

// readyToAgree says why the draft cannot be agreed on the day given, if it cannot: the
// domain's agreement rules (careplan.ReadyToAgree) on top of the goals being valid.
func (e *planEditor) readyToAgree(on careplan.Date) error {
	switch {
	case !e.drafting:
		return errAlreadyAgreed
	case e.saving:
		return errStillSaving
	}
	p := e.plan
	return errors.Join(p.Validate(), careplan.ReadyToAgree(p, on, e.today))
}

func (e *planEditor) onAgree() {
	if e.agreeing != nil {
		e.agreeing.close()
	}
	e.agreeing = newAgreeDialog(e)
	e.agreeing.open()
}

// agreed shows the version just agreed, then has the tab read the versions again.
func (e *planEditor) agreed(p careplan.Plan) {
	e.plan, e.drafting = p, false
	e.setSaveStatus("Agreed and saved", widget.SuccessImportance)
	e.showState()
	e.onAgreed()
}
