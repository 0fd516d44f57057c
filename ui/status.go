package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// statusDialog moves a person along the pathway. It offers only the moves the pathway allows
// from where they are, and the domain refuses the rest (no active without consent to join).
type statusDialog struct {
	tools   *enrolTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	moves   []careplan.Status
	onSaved func(careplan.Patient)

	to        *widget.Select
	toProblem *widget.Label
	died      *widget.Label // what recording a death does
	on        *widget.Entry
	onProblem *widget.Label
	diedOn    *widget.Entry // the date of death, for a move to died; optional
	diedOnErr *widget.Label
	diedRow   optionalRow
	by        *widget.Entry
	byProblem *widget.Label
	reason    *widget.Entry
	problem   *widget.Label
	save      *widget.Button
	cancel    *widget.Button
	dialog    *dialog.CustomDialog
}

func newStatusDialog(tools *enrolTools, work worker, today careplan.Date, p careplan.Patient, onSaved func(careplan.Patient)) *statusDialog {
	d := &statusDialog{tools: tools, work: work, today: today, patient: p, onSaved: onSaved, moves: careplan.NextStatuses(p.Status)}
	var options []string
	for _, s := range d.moves {
		options = append(options, s.Label())
	}
	d.to = widget.NewSelect(options, d.onToChosen)
	d.to.PlaceHolder = "Choose the new status"
	d.toProblem = problemLabel()
	d.died = problemLabel()
	d.died.Importance = widget.WarningImportance
	d.on = widget.NewEntry()
	d.on.SetPlaceHolder("DD/MM/YYYY")
	d.on.SetText(today.Time().Format("02/01/2006"))
	d.onProblem = problemLabel()
	d.diedOn = widget.NewEntry()
	d.diedOn.SetPlaceHolder("DD/MM/YYYY, if known")
	d.diedOnErr = problemLabel()
	d.diedRow = newOptionalRow(formField{"Date of death", d.diedOn, d.diedOnErr})
	d.diedRow.show(false)
	d.by = widget.NewEntry()
	d.by.SetPlaceHolder("Your name")
	d.byProblem = problemLabel()
	d.reason = widget.NewEntry()
	d.reason.SetPlaceHolder("Optional: why")
	d.problem = problemLabel()
	d.save = widget.NewButton("Save change", d.onSave)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	now := para("Now: " + p.Status.Label())
	now.TextStyle.Bold = true
	body := container.NewVBox(now,
		formGridWith(&d.diedRow,
			formField{"Move to", container.NewVBox(d.to, d.died), d.toProblem},
			formField{"Date", d.on, d.onProblem},
			formField{}, // the date of death, for a move to died
			formField{"By", d.by, d.byProblem},
			formField{"Reason", d.reason, nil}),
		d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Change status", p), body, tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.save})
	return d
}

func (d *statusDialog) open() {
	d.relayout()
	d.dialog.Show()
}

func (d *statusDialog) close() { d.dialog.Hide() }

func (d *statusDialog) onCancel() { d.close() }

func (d *statusDialog) relayout() { fitDialog(d.dialog, dialogWidth) }

// onToChosen says what recording a death does before it is saved.
func (d *statusDialog) onToChosen(string) {
	text := ""
	died := d.chosen() == careplan.StatusDied
	if died {
		text = "Recording a death is final: open actions in the draft plan are closed and review reminders stop. " +
			"Date is the day the hub was told; give the date of death too, if it is known."
	}
	setProblem(d.died, text)
	d.diedRow.show(died)
	d.relayout()
}

func (d *statusDialog) chosen() careplan.Status {
	if i := d.to.SelectedIndex(); i >= 0 && i < len(d.moves) {
		return d.moves[i]
	}
	return ""
}

// read checks the change with the domain's rules on a copy of the record, so the problems are
// shown next to their fields before anything is sent to be saved. diedOn is the date of death,
// for a move to died (zero when not known).
func (d *statusDialog) read() (to careplan.Status, on, diedOn careplan.Date, ok bool) {
	problems := map[*widget.Label]string{}
	to = d.chosen()
	if to == "" {
		problems[d.toProblem] = "Choose the new status."
	}
	on, msg := readDate(d.on.Text, "date of the change")
	if msg != "" {
		problems[d.onProblem] = msg
	}
	trial := d.patient
	trial.History = append([]careplan.StatusChange(nil), d.patient.History...)
	var err error
	if to == careplan.StatusDied {
		diedOn, err = d.readDeath(&trial, on, problems)
	} else {
		err = trial.ChangeStatus(to, on, d.today, d.by.Text, d.reason.Text)
	}
	if msg == "" && errors.Is(err, careplan.ErrStatusDateInFuture) {
		problems[d.onProblem] = "The date cannot be in the future."
	}
	if msg == "" && errors.Is(err, careplan.ErrStatusDateOrder) {
		problems[d.onProblem] = "The date is before the last change (" + d.patient.History[len(d.patient.History)-1].On.Display() + ")."
	}
	if errors.Is(err, careplan.ErrStatusBy) {
		problems[d.byProblem] = "Say who made the change."
	}
	if to != "" && errors.Is(err, careplan.ErrStatusMove) {
		problems[d.toProblem] = "The pathway does not allow that move."
		if to == careplan.StatusActive && !careplan.HasConsent(d.patient.Consent, careplan.ConsentToJoin) {
			problems[d.toProblem] = "There is no consent to join on record: record it first."
		}
	}
	for _, l := range []*widget.Label{d.toProblem, d.onProblem, d.diedOnErr, d.byProblem} {
		setProblem(l, problems[l])
	}
	return to, on, diedOn, len(problems) == 0
}

// readDeath reads the optional date of death and tries the death on the copy of the record
// (careplan.Patient.RecordDeath), putting the date of death's problems beside it.
func (d *statusDialog) readDeath(trial *careplan.Patient, toldOn careplan.Date, problems map[*widget.Label]string) (careplan.Date, error) {
	var diedOn careplan.Date
	if strings.TrimSpace(d.diedOn.Text) != "" {
		var msg string
		if diedOn, msg = readDate(d.diedOn.Text, "date of death"); msg != "" {
			problems[d.diedOnErr] = msg
		}
	}
	err := trial.RecordDeath(careplan.Death{ToldOn: toldOn, DiedOn: diedOn, By: d.by.Text, Reason: d.reason.Text}, d.today)
	for _, e := range []error{careplan.ErrDiedAfterTold, careplan.ErrDiedInFuture, careplan.ErrDiedBeforeBirth} {
		if errors.Is(err, e) {
			problems[d.diedOnErr] = sentence(e.Error()) + "."
		}
	}
	return diedOn, err
}

func (d *statusDialog) onSave() {
	setProblem(d.problem, "")
	to, on, diedOn, ok := d.read()
	d.relayout()
	if !ok {
		return
	}
	d.save.Disable()
	var (
		saved careplan.Patient
		err   error
	)
	id, by, reason := d.patient.ID, d.by.Text, d.reason.Text
	change := func() { saved, err = d.tools.enrol.ChangeStatus(id, to, on, by, reason) }
	if to == careplan.StatusDied {
		death := careplan.Death{ToldOn: on, DiedOn: diedOn, By: by, Reason: reason}
		change = func() { saved, err = d.tools.enrol.RecordDeath(id, death) }
	}
	d.work.run(change, func() { d.saved(saved, err) })
}

func (d *statusDialog) saved(p careplan.Patient, err error) {
	d.save.Enable()
	if err != nil {
		setProblem(d.problem, fmt.Sprintf("The change could not be saved: %v", err))
		d.relayout()
		return
	}
	d.close()
	d.onSaved(p)
}
