package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// inErrorDialog asks why a PAM or outcome record was entered in error, and who says so, then
// saves the mark. Records are never deleted: marked, the record stays in the history but no
// longer counts in the chart, the change or any report.
type inErrorDialog struct {
	mark    func(reason, by string) error // saves the mark; runs in the worker
	onSaved func()
	form    *kit.Form

	reason        *kit.Entry
	reasonProblem *widget.Label
	by            *kit.Entry
	byProblem     *widget.Label
}

func newInErrorDialog(w fyne.Window, work worker, p careplan.Patient, what, me string,
	mark func(reason, by string) error, onSaved func()) *inErrorDialog {
	d := &inErrorDialog{mark: mark, onSaved: onSaved}
	d.form = kit.NewForm(w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Entered in error", p),
		Save: "Mark entered in error", Failed: "It could not be marked", Danger: true}, d.onConfirm)
	d.reason = kit.NewEntry("e.g. recorded against the wrong person")
	d.reasonProblem = d.form.NewProblemLabel()
	d.by = kit.NewEntry("Your name")
	d.by.SetText(me)
	d.byProblem = d.form.NewProblemLabel()
	explain := kit.Para(fmt.Sprintf("Mark %s as entered in error? It stays in the record, marked, "+
		"but no longer counts in the chart, the change or any report. This cannot be undone.", what))
	d.form.SetContent(explain,
		kit.Grid(
			kit.Field{Name: "Reason", Widget: d.reason, Problem: d.reasonProblem},
			kit.Field{Name: "Marked by", Widget: d.by, Problem: d.byProblem}))
	return d
}

func (d *inErrorDialog) open() { d.form.Open(d.reason) }

// onConfirm saves the mark once a reason and a name are given.
func (d *inErrorDialog) onConfirm() {
	reason, by := strings.TrimSpace(d.reason.Text), strings.TrimSpace(d.by.Text)
	problems := kit.Problems{}
	if reason == "" {
		problems[d.reasonProblem] = "Say why it was entered in error."
	}
	if by == "" {
		problems[d.byProblem] = "Say who is marking it."
	}
	if d.form.Show(problems) {
		d.form.Submit(func() error { return d.mark(reason, by) }, d.onSaved)
	}
}
