package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/ui/kit"
)

// outcomeForm records one frailty, loneliness or wellbeing measurement, dated and with who
// recorded it. The answers are chosen from lists, so only the date and the recorder can be
// typed wrong; outcomes.Record.Validate has the last word on everything.
type outcomeForm struct {
	tools   *outcomeTools
	today   careplan.Date
	patient careplan.Patient
	measure outcomes.Measure
	onSaved func()
	form    *kit.Form

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

	takenOn           *kit.Entry
	takenOnProblem    *widget.Label
	recordedBy        *kit.Entry
	recordedByProblem *widget.Label
}

func newOutcomeForm(tools *outcomeTools, work worker, today careplan.Date, p careplan.Patient,
	m outcomes.Measure, onSaved func()) *outcomeForm {
	f := &outcomeForm{tools: tools, today: today, patient: p, measure: m, onSaved: onSaved}
	f.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Record "+measureNoun(m), p),
		Save: "Save", Failed: "It could not be saved", Width: kit.DialogWidth + 60}, f.onSave)
	f.takenOn = kit.DateEntry(today)
	f.takenOnProblem = f.form.NewProblemLabel()
	f.recordedBy = kit.NewEntry("Your name")
	f.recordedBy.SetText(tools.me)
	f.recordedByProblem = f.form.NewProblemLabel()

	var (
		intro  *widget.Label
		fields []kit.Field
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
		kit.Field{Name: "Date taken", Widget: f.takenOn, Problem: f.takenOnProblem},
		kit.Field{Name: "Recorded by", Widget: f.recordedBy, Problem: f.recordedByProblem})
	f.form.SetContent(intro, kit.Grid(fields...))
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

func (f *outcomeForm) frailtyFields() (*widget.Label, []kit.Field) {
	f.frailty = kit.NewSelect(frailtyChoices(), "Choose a score from 1 to 9", nil)
	f.frailtyProblem = f.form.NewProblemLabel()
	return kit.Quiet("The Clinical Frailty Scale (version 2.0) is a clinical judgement: choose the score that fits best."),
		[]kit.Field{{Name: "Frailty score", Widget: f.frailty, Problem: f.frailtyProblem}}
}

func (f *outcomeForm) lonelinessFields() (*widget.Label, []kit.Field) {
	labels := outcomes.UCLAAnswerLabels()
	answers := labels[1:]
	var fields []kit.Field
	for i, topic := range uclaTopics() {
		f.ucla[i] = kit.NewSelect(answers, "Choose an answer", f.onUCLAChosen)
		fields = append(fields, kit.Field{Name: topic, Widget: f.ucla[i]})
	}
	f.uclaProblem = f.form.NewProblemLabel()
	f.uclaTotal = widget.NewLabel("")
	f.uclaTotal.TextStyle.Bold = true
	var often []string
	for _, h := range outcomes.HowOftenOptions() {
		often = append(often, h.Label())
	}
	f.howOften = kit.NewSelect(often, "Choose an answer", nil)
	f.howOftenProblem = f.form.NewProblemLabel()
	fields = append(fields,
		kit.Field{Name: "Total", Widget: container.NewVBox(f.uclaTotal, f.uclaProblem)},
		kit.Field{Name: "How often lonely", Widget: f.howOften, Problem: f.howOftenProblem})
	f.onUCLAChosen("")
	return kit.Quiet("How often does the person feel each of these? Then: how often do they feel lonely?"), fields
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

func (f *outcomeForm) wellbeingFields() (*widget.Label, []kit.Field) {
	var fields []kit.Field
	questions := onsQuestions()
	f.onsProblem = f.form.NewProblemLabel()
	for i := range f.ons {
		f.ons[i] = kit.NewSelect(onsChoices(), "0 to 10", func(string) { f.onONSChosen(i) })
		f.onsBands[i] = widget.NewLabel("")
		fields = append(fields, kit.Field{Name: questions[i], Widget: container.NewHBox(kit.FixedWidth(190, f.ons[i]), f.onsBands[i])})
	}
	fields[len(fields)-1].Problem = f.onsProblem // one problem for the four, under the last
	return kit.Quiet("Four separate answers from 0 to 10; they are never added up. For anxiety, lower is better."), fields
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
	problems := kit.Problems{}
	r.TakenOn = problems.ReadDate(f.takenOn.Text, "date it was taken", f.takenOnProblem)
	err := r.Validate(f.today)
	problems.When(err, outcomes.ErrTakenOn, f.takenOnProblem, "The date cannot be in the future (today is "+f.today.Display()+").")
	problems.When(err, outcomes.ErrRecordedBy, f.recordedByProblem, "Say who is recording this.")
	problems.When(err, outcomes.ErrFrailty, f.frailtyProblem, "Choose a score from 1 to 9.")
	problems.When(err, outcomes.ErrLoneliness, f.uclaProblem, "Answer all three loneliness questions.")
	problems.When(err, outcomes.ErrLonelyOften, f.howOftenProblem, "Choose how often they feel lonely.")
	problems.When(err, outcomes.ErrWellbeing, f.onsProblem, "Answer all four wellbeing questions, each from 0 to 10.")
	if err != nil && len(problems) == 0 {
		problems[f.form.Problem] = kit.Sentence(err.Error())
	}
	return r, f.form.Show(problems)
}

// onSave checks the form and saves it in the worker; the form stays open if that fails.
func (f *outcomeForm) onSave() {
	if r, ok := f.read(); ok {
		f.form.Submit(func() error { return f.tools.outcomes.SaveOutcome(&r) }, f.onSaved)
	}
}
