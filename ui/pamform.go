package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/pam"
	"carehub/ui/kit"
)

// pamForm records one PAM as the licensed tool reported it: the score and level from the PAM
// report, typed in. It never shows PAM's questions and never works out a score. When the
// reported level disagrees with the published cut points it asks before saving, and then saves
// the level as reported.
type pamForm struct {
	tools   *outcomeTools
	today   careplan.Date
	patient careplan.Patient
	onSaved func()
	form    *kit.Form

	score             *kit.Entry
	scoreProblem      *widget.Label
	level             *widget.Select
	levelProblem      *widget.Label
	instrument        *widget.Select
	instrumentProblem *widget.Label
	carer             *widget.Select
	carerProblem      *widget.Label
	carerRow          kit.Row
	takenOn           *kit.Entry
	takenOnProblem    *widget.Label
	recordedBy        *kit.Entry
	recordedByProblem *widget.Label
	source            *kit.Entry

	pending      pam.Assessment // waiting for the answer about a mismatched level
	mismatch     *dialog.CustomDialog
	mismatchText *widget.Label
	asReported   *widget.Button
	goBack       *widget.Button
}

// levelChoice is how a level is offered: "Level 2 — becoming aware but still struggling".
func levelChoice(l pam.Level) string { return l.String() + " — " + l.Description() }

func newPAMForm(tools *outcomeTools, work worker, today careplan.Date, p careplan.Patient, onSaved func()) *pamForm {
	f := &pamForm{tools: tools, today: today, patient: p, onSaved: onSaved}
	f.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Record a PAM", p),
		Save: "Save PAM", Failed: "The PAM could not be saved"}, f.onSave)
	f.score = kit.NewEntry("e.g. 58.4")
	f.scoreProblem = f.form.NewProblemLabel()

	var levels []string
	for _, b := range pam.Bands() {
		levels = append(levels, levelChoice(b.Level))
	}
	f.level = kit.NewSelect(levels, "Choose the level on the PAM report", nil)
	f.levelProblem = f.form.NewProblemLabel()

	var instruments []string
	for _, in := range pam.Instruments() {
		instruments = append(instruments, string(in))
	}
	f.instrument = widget.NewSelect(instruments, f.onInstrumentChosen)
	f.instrumentProblem = f.form.NewProblemLabel()
	var carers []string
	for _, c := range p.Carers {
		carers = append(carers, c.Name)
	}
	f.carer = kit.NewSelect(carers, "Choose the carer", nil)
	f.carerProblem = f.form.NewProblemLabel()

	f.takenOn = kit.DateEntry(today) // like the consent date: most PAMs are recorded the day they are taken
	f.takenOnProblem = f.form.NewProblemLabel()
	f.recordedBy = kit.NewEntry("Your name")
	f.recordedBy.SetText(tools.me)
	f.recordedByProblem = f.form.NewProblemLabel()
	f.source = kit.NewEntry("e.g. PAM online portal, paper form")

	note := kit.Quiet("Type the score and level exactly as the PAM report gives them.")
	grid := kit.Grid(
		kit.Field{Name: "Score (0-100)", Widget: f.score, Problem: f.scoreProblem},
		kit.Field{Name: "Level as reported", Widget: f.level, Problem: f.levelProblem},
		kit.Field{Name: "Instrument", Widget: f.instrument, Problem: f.instrumentProblem},
		kit.Field{Name: "Carer", Widget: f.carer, Problem: f.carerProblem, Row: &f.carerRow},
		kit.Field{Name: "Date taken", Widget: f.takenOn, Problem: f.takenOnProblem},
		kit.Field{Name: "Recorded by", Widget: f.recordedBy, Problem: f.recordedByProblem},
		kit.Field{Name: "Source", Widget: f.source})
	f.carerRow.Show(false) // until a Carer PAM is chosen
	f.form.SetContent(note, grid)
	f.instrument.SetSelected(string(pam.PAM13))
	kit.OnEdit(f.onEdited, f.score, f.level, f.instrument, f.carer, f.takenOn, f.recordedBy)
	return f
}

// onEdited clears each problem as soon as its field is right.
func (f *pamForm) onEdited() { f.form.Recheck(f.recheck) }

func (f *pamForm) recheck() { f.read() }

func (f *pamForm) open() { f.form.Open(f.score) }

// close hides the form and any question still open over it.
func (f *pamForm) close() {
	if f.mismatch != nil {
		f.mismatch.Hide()
	}
	f.form.Close()
}

// onInstrumentChosen asks which carer a Carer PAM belongs to, and only then.
func (f *pamForm) onInstrumentChosen(string) {
	carer := pam.Instrument(f.instrument.Selected) == pam.CarerPAM
	f.carerRow.Show(carer)
	if !carer {
		f.carer.ClearSelected()
		kit.SetProblem(f.carerProblem, "")
	} else if len(f.patient.Carers) == 0 {
		kit.SetProblem(f.carerProblem, "No carers are recorded for this person: add the carer to their record first.")
	}
	f.form.Relayout()
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
	problems := kit.Problems{}
	if s, err := pam.ParseScore(f.score.Text); err == nil {
		a.Score = s
	} else {
		problems[f.scoreProblem] = "Write a number from 0 to 100, with at most one decimal place (such as 58.4)."
	}
	a.TakenOn = problems.ReadDate(f.takenOn.Text, "date the PAM was taken", f.takenOnProblem)
	err := a.Validate(f.today)
	problems.When(err, pam.ErrLevel, f.levelProblem, "Choose the level the PAM report gives.")
	problems.When(err, pam.ErrInstrument, f.instrumentProblem, "Choose the PAM instrument used.")
	whichCarer := "Choose which carer this Carer PAM belongs to."
	if len(f.patient.Carers) == 0 {
		whichCarer = "No carers are recorded for this person: add the carer to their record first."
	}
	problems.When(err, pam.ErrCarerName, f.carerProblem, whichCarer)
	problems.When(err, pam.ErrTakenOn, f.takenOnProblem, "The date cannot be in the future (today is "+f.today.Display()+").")
	problems.When(err, pam.ErrRecordedBy, f.recordedByProblem, "Say who is recording this PAM.")
	if err != nil && len(problems) == 0 {
		problems[f.form.Problem] = kit.Sentence(err.Error())
	}
	return a, f.form.Show(problems)
}

// onSave checks the form, asks about a level that disagrees with the cut points, and saves.
func (f *pamForm) onSave() {
	a, ok := f.read()
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
	f.mismatchText = kit.Para(mismatchQuestion(a))
	f.asReported = widget.NewButton("Yes, save it as reported", f.onSaveAsReported)
	f.asReported.Importance = widget.HighImportance
	f.goBack = widget.NewButton("No, go back to the form", f.onBackToForm)
	f.mismatch = dialog.NewCustomWithoutButtons("The level does not match the score", f.mismatchText, f.tools.w)
	f.mismatch.SetButtons([]fyne.CanvasObject{f.goBack, f.asReported})
	kit.FitDialog(f.mismatch, 560)
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
	f.form.Submit(func() error { return f.tools.outcomes.SaveAssessment(&a) }, f.onSaved)
}
