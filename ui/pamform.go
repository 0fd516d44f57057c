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
	"carehub/pam"
)

// pamForm records one PAM as the licensed tool reported it: the score and level from the PAM
// report, typed in. It never shows PAM's questions and never works out a score. When the
// reported level disagrees with the published cut points it asks before saving, and then saves
// the level as reported.
type pamForm struct {
	tools   *outcomeTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	onSaved func()

	score             *widget.Entry
	scoreProblem      *widget.Label
	level             *widget.Select
	levelProblem      *widget.Label
	instrument        *widget.Select
	instrumentProblem *widget.Label
	carer             *widget.Select
	carerProblem      *widget.Label
	carerRow          optionalRow
	takenOn           *widget.Entry
	takenOnProblem    *widget.Label
	recordedBy        *widget.Entry
	recordedByProblem *widget.Label
	source            *widget.Entry
	problem           *widget.Label // a save that failed
	save              *widget.Button
	cancel            *widget.Button
	dialog            *dialog.CustomDialog

	pending      pam.Assessment // waiting for the answer about a mismatched level
	mismatch     *dialog.CustomDialog
	mismatchText *widget.Label
	asReported   *widget.Button
	goBack       *widget.Button
}

// levelChoice is how a level is offered: "Level 2 — becoming aware but still struggling".
func levelChoice(l pam.Level) string { return l.String() + " — " + l.Description() }

func newPAMForm(tools *outcomeTools, work worker, today careplan.Date, p careplan.Patient, onSaved func()) *pamForm {
	f := &pamForm{tools: tools, work: work, today: today, patient: p, onSaved: onSaved}
	f.score = widget.NewEntry()
	f.score.SetPlaceHolder("e.g. 58.4")
	f.scoreProblem = problemLabel()

	var levels []string
	for _, b := range pam.Bands() {
		levels = append(levels, levelChoice(b.Level))
	}
	f.level = widget.NewSelect(levels, nil)
	f.level.PlaceHolder = "Choose the level on the PAM report"
	f.levelProblem = problemLabel()

	var instruments []string
	for _, in := range pam.Instruments() {
		instruments = append(instruments, string(in))
	}
	f.instrument = widget.NewSelect(instruments, f.onInstrumentChosen)
	f.instrumentProblem = problemLabel()
	var carers []string
	for _, c := range p.Carers {
		carers = append(carers, c.Name)
	}
	f.carer = widget.NewSelect(carers, nil)
	f.carer.PlaceHolder = "Choose the carer"
	f.carerProblem = problemLabel()

	f.takenOn = widget.NewEntry()
	f.takenOn.SetPlaceHolder("DD/MM/YYYY")
	f.takenOnProblem = problemLabel()
	f.recordedBy = widget.NewEntry()
	f.recordedBy.SetPlaceHolder("Your name")
	f.recordedByProblem = problemLabel()
	f.source = widget.NewEntry()
	f.source.SetPlaceHolder("e.g. PAM online portal, paper form")
	f.problem = problemLabel()

	f.save = widget.NewButton("Save PAM", f.onSave)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton("Cancel", f.onCancel)

	f.carerRow = newOptionalRow(formField{"Carer", f.carer, f.carerProblem})
	f.carerRow.show(false)
	note := quiet("Type the score and level exactly as the PAM report gives them.")
	body := container.NewVBox(note,
		formGridWith(&f.carerRow,
			formField{"Score (0-100)", f.score, f.scoreProblem},
			formField{"Level as reported", f.level, f.levelProblem},
			formField{"Instrument", f.instrument, f.instrumentProblem},
			formField{label: "Carer"}, // the optional carer row goes here
			formField{"Date taken", f.takenOn, f.takenOnProblem},
			formField{"Recorded by", f.recordedBy, f.recordedByProblem},
			formField{"Source", f.source, nil}),
		f.problem)
	f.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Record a PAM", p), body, tools.w)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.instrument.SetSelected(string(pam.PAM13))
	return f
}

func (f *pamForm) open() {
	f.relayout()
	f.dialog.Show()
	f.tools.w.Canvas().Focus(f.score)
}

// close hides the form and any question still open over it.
func (f *pamForm) close() {
	if f.mismatch != nil {
		f.mismatch.Hide()
	}
	f.dialog.Hide()
}

func (f *pamForm) relayout() { fitDialog(f.dialog, dialogWidth) }

func (f *pamForm) onCancel() { f.close() }

// onInstrumentChosen asks which carer a Carer PAM belongs to, and only then.
func (f *pamForm) onInstrumentChosen(string) {
	carer := pam.Instrument(f.instrument.Selected) == pam.CarerPAM
	f.carerRow.show(carer)
	if !carer {
		f.carer.ClearSelected()
		setProblem(f.carerProblem, "")
	} else if len(f.patient.Carers) == 0 {
		setProblem(f.carerProblem, "No carers are recorded for this person: add the carer to their record first.")
	}
	if f.dialog != nil {
		f.relayout()
	}
}

// read builds the assessment from the form, with a problem for each field that is wrong. The
// rules are pam's (Assessment.Validate); the form only says them in words for the field.
func (f *pamForm) read() (pam.Assessment, bool) {
	a := pam.Assessment{
		PatientID:  f.patient.ID,
		Score:      -1, // stays invalid unless the score reads
		Level:      pam.Level(f.level.SelectedIndex() + 1),
		Instrument: pam.Instrument(f.instrument.Selected),
		RecordedBy: strings.TrimSpace(f.recordedBy.Text),
		Source:     strings.TrimSpace(f.source.Text),
	}
	if a.Instrument == pam.CarerPAM {
		a.CarerName = f.carer.Selected
	}
	problems := map[*widget.Label]string{}
	if s, err := pam.ParseScore(f.score.Text); err == nil {
		a.Score = s
	} else {
		problems[f.scoreProblem] = "Write a number from 0 to 100, with at most one decimal place (such as 58.4)."
	}
	dateRead := false
	switch d, err := careplan.ParseDate(f.takenOn.Text); {
	case strings.TrimSpace(f.takenOn.Text) == "":
		problems[f.takenOnProblem] = "Write the date the PAM was taken."
	case err != nil:
		problems[f.takenOnProblem] = "Write the date as DD/MM/YYYY or YYYY-MM-DD."
	default:
		a.TakenOn, dateRead = d, true
	}
	err := a.Validate(f.today)
	if errors.Is(err, pam.ErrLevel) {
		problems[f.levelProblem] = "Choose the level the PAM report gives."
	}
	if errors.Is(err, pam.ErrInstrument) {
		problems[f.instrumentProblem] = "Choose the PAM instrument used."
	}
	if errors.Is(err, pam.ErrCarerName) {
		problems[f.carerProblem] = "Choose which carer this Carer PAM belongs to."
		if len(f.patient.Carers) == 0 {
			problems[f.carerProblem] = "No carers are recorded for this person: add the carer to their record first."
		}
	}
	if dateRead && errors.Is(err, pam.ErrTakenOn) {
		problems[f.takenOnProblem] = "The date cannot be in the future (today is " + f.today.Display() + ")."
	}
	if errors.Is(err, pam.ErrRecordedBy) {
		problems[f.recordedByProblem] = "Say who is recording this PAM."
	}
	for _, l := range []*widget.Label{f.scoreProblem, f.levelProblem, f.instrumentProblem, f.carerProblem, f.takenOnProblem, f.recordedByProblem} {
		setProblem(l, problems[l])
	}
	if err != nil && len(problems) == 0 {
		setProblem(f.problem, sentence(err.Error()))
	}
	return a, len(problems) == 0 && err == nil
}

// onSave checks the form, asks about a level that disagrees with the cut points, and saves.
func (f *pamForm) onSave() {
	setProblem(f.problem, "")
	a, ok := f.read()
	f.relayout() // the problems shown have changed
	if !ok {
		return
	}
	if errors.Is(a.CrossCheck(), pam.ErrLevelMismatch) {
		f.askAboutLevel(a)
		return
	}
	f.store(a)
}

// mismatchQuestion asks about a level that disagrees with the cut points: "A score of 58.4 is
// usually Level 3, but Level 2 was reported. Save it as reported?"
func mismatchQuestion(a pam.Assessment) string {
	return fmt.Sprintf("A score of %s is usually %s, but %s was reported. Save it as reported?",
		a.Score, pam.ExpectedLevel(a.Score), a.Level)
}

// askAboutLevel shows the mismatch question. The level is the licensed tool's, so Yes keeps it
// as reported; No goes back to the form to correct a typing slip.
func (f *pamForm) askAboutLevel(a pam.Assessment) {
	f.pending = a
	f.mismatchText = para(mismatchQuestion(a))
	f.asReported = widget.NewButton("Yes, save it as reported", f.onSaveAsReported)
	f.asReported.Importance = widget.HighImportance
	f.goBack = widget.NewButton("No, go back to the form", f.onBackToForm)
	f.mismatch = dialog.NewCustomWithoutButtons("The level does not match the score", f.mismatchText, f.tools.w)
	f.mismatch.SetButtons([]fyne.CanvasObject{f.goBack, f.asReported})
	fitDialog(f.mismatch, 560)
	f.mismatch.Show()
}

func (f *pamForm) onSaveAsReported() {
	f.mismatch.Hide()
	f.store(f.pending)
}

func (f *pamForm) onBackToForm() {
	f.mismatch.Hide()
	f.tools.w.Canvas().Focus(f.score)
}

// store saves the assessment in the worker; the form stays open if it fails.
func (f *pamForm) store(a pam.Assessment) {
	f.save.Disable()
	var err error
	f.work.run(func() { err = f.tools.outcomes.SaveAssessment(&a) }, func() { f.saved(err) })
}

func (f *pamForm) saved(err error) {
	f.save.Enable()
	if err != nil {
		setProblem(f.problem, fmt.Sprintf("The PAM could not be saved: %v", err))
		f.relayout()
		return
	}
	f.close()
	f.onSaved()
}
