package ui

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// statusDialog moves a person along the pathway. It offers only the moves the pathway allows
// from where they are, and the domain refuses the rest (no active without consent to join).
type statusDialog struct {
	tools   *enrolTools
	today   careplan.Date
	patient careplan.Patient
	moves   []careplan.Status
	onSaved func(careplan.Patient)
	form    *kit.Form

	to        *widget.Select
	toProblem *widget.Label
	died      *widget.Label // what recording a death does
	on        *kit.Entry
	onProblem *widget.Label
	diedOn    *kit.Entry // the date of death, for a move to died; optional
	diedOnErr *widget.Label
	diedRow   kit.Row
	by        *kit.Entry
	byProblem *widget.Label
	reason    *kit.Entry
}

func newStatusDialog(tools *enrolTools, work worker, today careplan.Date, p careplan.Patient, onSaved func(careplan.Patient)) *statusDialog {
	d := &statusDialog{tools: tools, today: today, patient: p, onSaved: onSaved, moves: careplan.NextStatuses(p.Status)}
	d.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Change status", p),
		Save: "Save change", Failed: "The change could not be saved"}, d.onSave)
	var options []string
	for _, s := range d.moves {
		options = append(options, s.Label())
	}
	d.to = kit.NewSelect(options, "Choose the new status", d.onToChosen)
	d.toProblem = d.form.NewProblemLabel()
	d.died = kit.NewProblemLabel()
	d.died.Importance = widget.WarningImportance
	d.on = kit.DateEntry(today)
	d.onProblem = d.form.NewProblemLabel()
	d.diedOn = kit.NewEntry("DD/MM/YYYY, if known")
	d.diedOnErr = d.form.NewProblemLabel()
	d.by = kit.NewEntry("Your name")
	d.by.SetText(tools.me)
	d.byProblem = d.form.NewProblemLabel()
	d.reason = kit.NewEntry("Optional: why")
	now := kit.Para("Now: " + p.Status.Label())
	now.TextStyle.Bold = true
	d.form.SetContent(now,
		kit.Grid(
			kit.Field{Name: "Move to", Widget: container.NewVBox(d.to, d.died), Problem: d.toProblem},
			kit.Field{Name: "Date", Widget: d.on, Problem: d.onProblem},
			kit.Field{Name: "Date of death", Widget: d.diedOn, Problem: d.diedOnErr, Row: &d.diedRow},
			kit.Field{Name: "By", Widget: d.by, Problem: d.byProblem},
			kit.Field{Name: "Reason", Widget: d.reason}))
	d.diedRow.Show(false) // asked for only when recording a death
	return d
}

// onToChosen says what recording a death does before it is saved.
func (d *statusDialog) onToChosen(string) {
	text := ""
	died := d.chosen() == careplan.StatusDied
	if died {
		text = "Recording a death is final: open actions in the draft plan are closed and review reminders stop. " +
			"Date is the day the hub was told; give the date of death too, if it is known."
	}
	kit.SetProblem(d.died, text)
	d.diedRow.Show(died)
	d.form.Relayout()
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
	problems := kit.Problems{}
	to = d.chosen()
	if to == "" {
		problems[d.toProblem] = "Choose the new status."
	}
	on = problems.ReadDate(d.on.Text, "date of the change", d.onProblem)
	trial := d.patient
	trial.History = append([]careplan.StatusChange(nil), d.patient.History...)
	var err error
	if to == careplan.StatusDied {
		diedOn, err = d.readDeath(&trial, on, problems)
	} else {
		err = trial.ChangeStatus(to, on, d.today, d.by.Text, d.reason.Text)
	}
	problems.When(err, careplan.ErrStatusDateOrder, d.onProblem, "The date is before the last change ("+d.lastChange()+").")
	problems.When(err, careplan.ErrStatusDateInFuture, d.onProblem, "The date cannot be in the future.")
	problems.When(err, careplan.ErrStatusBy, d.byProblem, "Say who made the change.")
	move := "The pathway does not allow that move."
	if to == careplan.StatusActive && !careplan.HasConsent(d.patient.Consent, careplan.ConsentToJoin) {
		move = "There is no consent to join on record: record it first."
	}
	problems.When(err, careplan.ErrStatusMove, d.toProblem, move)
	problems.When(err, careplan.ErrConsentedWithoutConsent, d.toProblem, "There is no consent to join in force: record the person's consent first (Consent…).")
	problems.When(err, careplan.ErrWithdrewWithConsent, d.toProblem, "Their consent to join still stands: record its withdrawal first (Consent…), which offers this move.")
	return to, on, diedOn, d.form.Show(problems)
}

// readDeath reads the optional date of death and tries the death on the copy of the record
// (careplan.Patient.RecordDeath), putting the date of death's problems beside it.
func (d *statusDialog) readDeath(trial *careplan.Patient, toldOn careplan.Date, problems kit.Problems) (careplan.Date, error) {
	var diedOn careplan.Date
	if strings.TrimSpace(d.diedOn.Text) != "" {
		diedOn = problems.ReadDate(d.diedOn.Text, "date of death", d.diedOnErr)
	}
	err := trial.RecordDeath(careplan.Death{ToldOn: toldOn, DiedOn: diedOn, By: d.by.Text, Reason: d.reason.Text}, d.today)
	for _, rule := range []error{careplan.ErrDiedAfterTold, careplan.ErrDiedInFuture, careplan.ErrDiedBeforeBirth} {
		problems.When(err, rule, d.diedOnErr, kit.Sentence(rule.Error())+".")
	}
	return diedOn, err
}

// lastChange is the date of the person's last change of status, as shown.
func (d *statusDialog) lastChange() string {
	if n := len(d.patient.History); n > 0 {
		return d.patient.History[n-1].On.Display()
	}
	return ""
}

// onSave makes the change in the worker.
func (d *statusDialog) onSave() {
	to, on, diedOn, ok := d.read()
	if !ok {
		return
	}
	id, by, reason := d.patient.ID, d.by.Text, d.reason.Text
	save := func() (careplan.Patient, error) { return d.tools.enrol.ChangeStatus(id, to, on, by, reason) }
	if to == careplan.StatusDied {
		death := careplan.Death{ToldOn: on, DiedOn: diedOn, By: by, Reason: reason}
		save = func() (careplan.Patient, error) { return d.tools.enrol.RecordDeath(id, death) }
	}
	kit.SubmitResult(d.form, save, d.onSaved)
}
