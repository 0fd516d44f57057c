package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// inErrorDialog asks why a PAM or outcome record was entered in error, and who says so, then
// saves the mark. Records are never deleted: marked, the record stays in the history but no
// longer counts in the chart, the change or any report.
type inErrorDialog struct {
	w       fyne.Window
	work    worker
	mark    func(reason, by string) error // saves the mark; runs in the worker
	onSaved func()

	reason        *widget.Entry
	reasonProblem *widget.Label
	by            *widget.Entry
	byProblem     *widget.Label
	problem       *widget.Label // a save that failed
	confirm       *widget.Button
	cancel        *widget.Button
	dialog        *dialog.CustomDialog
}

func newInErrorDialog(w fyne.Window, work worker, p careplan.Patient, what string,
	mark func(reason, by string) error, onSaved func()) *inErrorDialog {
	d := &inErrorDialog{w: w, work: work, mark: mark, onSaved: onSaved}
	d.reason = widget.NewEntry()
	d.reason.SetPlaceHolder("e.g. recorded against the wrong person")
	d.reasonProblem = problemLabel()
	d.by = widget.NewEntry()
	d.by.SetPlaceHolder("Your name")
	d.byProblem = problemLabel()
	d.problem = problemLabel()
	d.confirm = widget.NewButton("Mark entered in error", d.onConfirm)
	d.confirm.Importance = widget.DangerImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)

	explain := para(fmt.Sprintf("Mark %s as entered in error? It stays in the record, marked, "+
		"but no longer counts in the chart, the change or any report. This cannot be undone.", what))
	body := container.NewVBox(explain,
		formGrid(
			formField{"Reason", d.reason, d.reasonProblem},
			formField{"Marked by", d.by, d.byProblem}),
		d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Entered in error", p), body, w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	return d
}

func (d *inErrorDialog) open() {
	d.relayout()
	d.dialog.Show()
	d.w.Canvas().Focus(d.reason)
}

func (d *inErrorDialog) close() { d.dialog.Hide() }

func (d *inErrorDialog) onCancel() { d.close() }

// onConfirm saves the mark once a reason and a name are given.
func (d *inErrorDialog) onConfirm() {
	reason, by := strings.TrimSpace(d.reason.Text), strings.TrimSpace(d.by.Text)
	setProblem(d.reasonProblem, "")
	setProblem(d.byProblem, "")
	setProblem(d.problem, "")
	if reason == "" {
		setProblem(d.reasonProblem, "Say why it was entered in error.")
	}
	if by == "" {
		setProblem(d.byProblem, "Say who is marking it.")
	}
	if reason == "" || by == "" {
		d.relayout()
		return
	}
	d.confirm.Disable()
	var err error
	d.work.run(func() { err = d.mark(reason, by) }, func() { d.saved(err) })
}

// saved runs on the UI goroutine once the mark is saved or has failed.
func (d *inErrorDialog) saved(err error) {
	d.confirm.Enable()
	if err != nil {
		setProblem(d.problem, fmt.Sprintf("It could not be marked: %v", err))
		d.relayout()
		return
	}
	d.close()
	d.onSaved()
}

func (d *inErrorDialog) relayout() { fitDialog(d.dialog, dialogWidth) }
