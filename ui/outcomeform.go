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
	"carehub/careplan/outcomes"
)

// outcomeForm records one frailty, loneliness or wellbeing measurement, dated and with who
// recorded it. The answers are chosen from lists, so only the date and the recorder can be
// typed wrong; outcomes.Record.Validate has the last word on everything.
type outcomeForm struct {
	tools   *outcomeTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	measure outcomes.Measure
	onSaved func()

	// Clinical Frailty Scale.
	frailty        *widget.Select
	frailtyProblem *widget.Label
	// UCLA loneliness, in uclaTopics order, then the ONS question and the live total.
	ucla            [3]*widget.Select
	uclaProblem     *widget.Label
	howOften        *widget.Select
	howOftenProblem *widget.Label
	uclaTotal       *widget.Label
	// ONS4 wellbeing, in onsTopics order, each with its band shown as it is chosen.
	ons        [4]*widget.Select
	onsBands   [4]*widget.Label
	onsProblem *widget.Label

	takenOn           *widget.Entry
	takenOnProblem    *widget.Label
	recordedBy        *widget.Entry
	recordedByProblem *widget.Label
	problem           *widget.Label // a save that failed
	save              *widget.Button
	cancel            *widget.Button
	dialog            *dialog.CustomDialog
}

func newOutcomeForm(tools *outcomeTools, work worker, today careplan.Date, p careplan.Patient,
	m outcomes.Measure, onSaved func()) *outcomeForm {
	f := &outcomeForm{tools: tools, work: work, today: today, patient: p, measure: m, onSaved: onSaved}
	f.takenOn = widget.NewEntry()
	f.takenOn.SetPlaceHolder("DD/MM/YYYY")
	f.takenOn.SetText(today.Time().Format(shownDateLayout))
	f.takenOnProblem = problemLabel()
	f.recordedBy = widget.NewEntry()
	f.recordedBy.SetPlaceHolder("Your name")
	f.recordedByProblem = problemLabel()
	f.problem = problemLabel()
	f.save = widget.NewButton("Save", f.onSave)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton("Cancel", f.onCancel)

	var (
		intro  *widget.Label
		fields []formField
	)
	switch m {
	case outcomes.MeasureFrailty:
		intro, fields = f.frailtyFields()
	case outcomes.MeasureLoneliness:
		intro, fields = f.lonelinessFields()
	default:
		intro, fields = f.wellbeingFields()
	}
	// One grid for the answers and the date and recorder, so every field lines up.
	fields = append(fields,
		formField{"Date taken", f.takenOn, f.takenOnProblem},
		formField{"Recorded by", f.recordedBy, f.recordedByProblem})
	body := container.NewVBox(intro, formGrid(fields...), f.problem)
	f.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Record "+measureNoun(m), p), body, tools.w)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	return f
}

// measureNoun names a measure in the middle of a sentence: "Record frailty".
func measureNoun(m outcomes.Measure) string {
	switch m {
	case outcomes.MeasureFrailty:
		return "frailty"
	case outcomes.MeasureLoneliness:
		return "loneliness"
	}
	return "wellbeing"
}

// frailtyChoices are the nine CFS scores with their labels: "5 — living with mild frailty".
func frailtyChoices() []string {
	labels := outcomes.FrailtyLabels()
	out := make([]string, 0, 9)
	for i := 1; i <= 9; i++ {
		out = append(out, fmt.Sprintf("%d — %s", i, labels[i]))
	}
	return out
}

func (f *outcomeForm) frailtyFields() (*widget.Label, []formField) {
	f.frailty = widget.NewSelect(frailtyChoices(), nil)
	f.frailty.PlaceHolder = "Choose a score from 1 to 9"
	f.frailtyProblem = problemLabel()
	return quiet("The Clinical Frailty Scale (version 2.0) is a clinical judgement: choose the score that fits best."),
		[]formField{{"Frailty score", f.frailty, f.frailtyProblem}}
}

func (f *outcomeForm) lonelinessFields() (*widget.Label, []formField) {
	labels := outcomes.UCLAAnswerLabels()
	answers := labels[1:]
	var fields []formField
	for i, topic := range uclaTopics() {
		f.ucla[i] = widget.NewSelect(answers, f.onUCLAChosen)
		f.ucla[i].PlaceHolder = "Choose an answer"
		fields = append(fields, formField{topic, f.ucla[i], nil})
	}
	f.uclaProblem = problemLabel()
	f.uclaTotal = widget.NewLabel("")
	f.uclaTotal.TextStyle.Bold = true
	var often []string
	for _, h := range outcomes.HowOftenOptions() {
		often = append(often, h.Label())
	}
	f.howOften = widget.NewSelect(often, nil)
	f.howOften.PlaceHolder = "Choose an answer"
	f.howOftenProblem = problemLabel()
	fields = append(fields,
		formField{"Total", container.NewVBox(f.uclaTotal, f.uclaProblem), nil},
		formField{"How often lonely", f.howOften, f.howOftenProblem})
	f.onUCLAChosen("")
	return quiet("How often does the person feel each of these? Then: how often do they feel lonely?"), fields
}

// uclaAnswer is a UCLA answer's score, 1-3, or 0 when none is chosen.
func uclaAnswer(s *widget.Select) int { return s.SelectedIndex() + 1 }

// onUCLAChosen shows the total so far, so the recorder can check it against the paper form.
func (f *outcomeForm) onUCLAChosen(string) {
	l := f.loneliness()
	if l.LackCompanionship == 0 || l.LeftOut == 0 || l.Isolated == 0 {
		f.uclaTotal.SetText("Total: answer all three questions")
		return
	}
	f.uclaTotal.SetText(fmt.Sprintf("Total %d of 9 (%s)", l.Total(), l.Band()))
}

func (f *outcomeForm) loneliness() outcomes.Loneliness {
	l := outcomes.Loneliness{
		LackCompanionship: uclaAnswer(f.ucla[0]),
		LeftOut:           uclaAnswer(f.ucla[1]),
		Isolated:          uclaAnswer(f.ucla[2]),
	}
	if i := f.howOften.SelectedIndex(); i >= 0 {
		l.HowOften = outcomes.HowOftenOptions()[i]
	}
	return l
}

// onsChoices are the answers 0-10, with the ends in words so the scale reads the right way.
func onsChoices() []string {
	out := make([]string, 11)
	for i := range out {
		out[i] = fmt.Sprint(i)
	}
	out[0] = "0 — not at all"
	out[10] = "10 — completely"
	return out
}

// onsQuestions put the ONS4 questions in plain words of our own.
func onsQuestions() [4]string {
	return [4]string{
		"How satisfied with life nowadays",
		"How worthwhile the things they do feel",
		"How happy they felt yesterday",
		"How anxious they felt yesterday",
	}
}

func (f *outcomeForm) wellbeingFields() (*widget.Label, []formField) {
	var fields []formField
	questions := onsQuestions()
	f.onsProblem = problemLabel()
	for i := range f.ons {
		i := i
		f.ons[i] = widget.NewSelect(onsChoices(), func(string) { f.onONSChosen(i) })
		f.ons[i].PlaceHolder = "0 to 10"
		f.onsBands[i] = widget.NewLabel("")
		fields = append(fields, formField{questions[i], container.NewHBox(fixedWidth(190, f.ons[i]), f.onsBands[i]), nil})
	}
	fields[len(fields)-1].problem = f.onsProblem // one problem for the four, under the last
	return quiet("Four separate answers from 0 to 10; they are never added up. For anxiety, lower is better."), fields
}

// onONSChosen shows the ONS band of question i's answer.
func (f *outcomeForm) onONSChosen(i int) {
	a := f.ons[i].SelectedIndex()
	if a < 0 {
		f.onsBands[i].SetText("")
		return
	}
	f.onsBands[i].SetText(onsBand(i, a))
}

func (f *outcomeForm) wellbeing() outcomes.Wellbeing {
	// An unanswered question reads as -1, which Validate refuses: 0 is a real answer.
	return outcomes.Wellbeing{
		LifeSatisfaction: f.ons[0].SelectedIndex(),
		Worthwhile:       f.ons[1].SelectedIndex(),
		Happy:            f.ons[2].SelectedIndex(),
		Anxious:          f.ons[3].SelectedIndex(),
	}
}

func (f *outcomeForm) open() {
	f.relayout()
	f.dialog.Show()
}

func (f *outcomeForm) close() { f.dialog.Hide() }

func (f *outcomeForm) relayout() { fitDialog(f.dialog, dialogWidth+60) }

func (f *outcomeForm) onCancel() { f.close() }

// read builds the record from the form, with a problem for each part that is wrong.
func (f *outcomeForm) read() (outcomes.Record, bool) {
	r := outcomes.Record{
		PatientID:  f.patient.ID,
		Measure:    f.measure,
		RecordedBy: strings.TrimSpace(f.recordedBy.Text),
	}
	switch f.measure {
	case outcomes.MeasureFrailty:
		r.Frailty = &outcomes.Frailty{Score: f.frailty.SelectedIndex() + 1}
	case outcomes.MeasureLoneliness:
		l := f.loneliness()
		r.Loneliness = &l
	case outcomes.MeasureWellbeing:
		w := f.wellbeing()
		r.Wellbeing = &w
	}
	problems := map[*widget.Label]string{}
	dateRead := false
	switch d, err := careplan.ParseDate(f.takenOn.Text); {
	case strings.TrimSpace(f.takenOn.Text) == "":
		problems[f.takenOnProblem] = "Write the date it was taken."
	case err != nil:
		problems[f.takenOnProblem] = "Write the date as DD/MM/YYYY or YYYY-MM-DD."
	default:
		r.TakenOn, dateRead = d, true
	}
	err := r.Validate(f.today)
	if dateRead && errors.Is(err, outcomes.ErrTakenOn) {
		problems[f.takenOnProblem] = "The date cannot be in the future (today is " + f.today.Display() + ")."
	}
	if errors.Is(err, outcomes.ErrRecordedBy) {
		problems[f.recordedByProblem] = "Say who is recording this."
	}
	if errors.Is(err, outcomes.ErrFrailty) {
		problems[f.frailtyProblem] = "Choose a score from 1 to 9."
	}
	if errors.Is(err, outcomes.ErrLoneliness) {
		problems[f.uclaProblem] = "Answer all three loneliness questions."
	}
	if errors.Is(err, outcomes.ErrLonelyOften) {
		problems[f.howOftenProblem] = "Choose how often they feel lonely."
	}
	if errors.Is(err, outcomes.ErrWellbeing) {
		problems[f.onsProblem] = "Answer all four wellbeing questions, each from 0 to 10."
	}
	for _, l := range []*widget.Label{f.frailtyProblem, f.uclaProblem, f.howOftenProblem, f.onsProblem, f.takenOnProblem, f.recordedByProblem} {
		if l != nil {
			setProblem(l, problems[l])
		}
	}
	if err != nil && len(problems) == 0 {
		setProblem(f.problem, sentence(err.Error()))
	}
	return r, len(problems) == 0 && err == nil
}

// onSave checks the form and saves it in the worker; the form stays open if that fails.
func (f *outcomeForm) onSave() {
	setProblem(f.problem, "")
	r, ok := f.read()
	f.relayout() // the problems shown have changed
	if !ok {
		return
	}
	f.save.Disable()
	var err error
	f.work.run(func() { err = f.tools.outcomes.SaveOutcome(&r) }, func() { f.saved(err) })
}

func (f *outcomeForm) saved(err error) {
	f.save.Enable()
	if err != nil {
		setProblem(f.problem, fmt.Sprintf("It could not be saved: %v", err))
		f.relayout()
		return
	}
	f.close()
	f.onSaved()
}
