package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/ui/kit"
)

// outcomesTab is the patient screen's Outcomes tab: every PAM in a table and a chart, how
// activation has changed and when the next PAM is due, then the frailty, loneliness and
// wellbeing histories. Recording and marking entered in error open dialogs over the window;
// once one saves, the patient screen reads the person's measures again and calls show.
type outcomesTab struct {
	tools   *outcomeTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	onSaved func() // re-reads the person's measures after a save

	recordPAM        *widget.Button
	recordFrailty    *widget.Button
	recordLoneliness *widget.Button
	recordWellbeing  *widget.Button
	chart            *pamChart                 // the PAM chart last shown: the person's own
	carerChart       *pamChart                 // the Carer PAM chart last shown, nil when there is none
	marks            map[string]*widget.Button // each row's "Mark entered in error", by record ID
	content          *fyne.Container
	root             fyne.CanvasObject

	pamForm     *pamForm       // the PAM form last opened
	outcomeForm *outcomeForm   // the outcome form last opened
	marking     *inErrorDialog // the entered-in-error question last asked
}

func newOutcomesTab(tools *outcomeTools, work worker, today careplan.Date, p careplan.Patient, onSaved func()) *outcomesTab {
	t := &outcomesTab{tools: tools, work: work, today: today, patient: p, onSaved: onSaved}
	t.recordPAM = widget.NewButtonWithIcon("Record a PAM…", theme.ContentAddIcon(), t.onRecordPAM)
	t.recordPAM.Importance = widget.HighImportance
	t.recordFrailty = widget.NewButtonWithIcon("Record frailty…", theme.ContentAddIcon(), t.onRecordFrailty)
	t.recordLoneliness = widget.NewButtonWithIcon("Record loneliness…", theme.ContentAddIcon(), t.onRecordLoneliness)
	t.recordWellbeing = widget.NewButtonWithIcon("Record wellbeing…", theme.ContentAddIcon(), t.onRecordWellbeing)
	t.content = container.NewVBox()
	actions := container.NewHBox(t.recordPAM, t.recordFrailty, t.recordLoneliness, t.recordWellbeing)
	t.root = container.NewBorder(container.NewPadded(actions), nil, nil, nil,
		container.NewVScroll(container.NewPadded(t.content)))
	return t
}

// show fills the tab with the person's measures.
func (t *outcomesTab) show(assessments []pam.Assessment, records []outcomes.Record) {
	t.marks = map[string]*widget.Button{}
	history := pam.History(assessments)
	t.chart = newPAMChart(history)
	// The chart comes first: the trend is what a reader looks for, and the table under it
	// holds the detail.
	pamParts := []fyne.CanvasObject{t.chart}
	pamParts = append(pamParts, pamChange(history)...)
	pamParts = append(pamParts, outcomesPAMDue(assessments, t.today))
	pamParts = append(pamParts, t.carerPAMs(assessments)...)
	pamParts = append(pamParts, t.pamTable(assessments))
	sections := []fyne.CanvasObject{
		kit.Section("Patient Activation Measure (PAM)", pamParts...),
		kit.Section(outcomes.MeasureFrailty.Label(), t.frailtyTable(records)),
		kit.Section(outcomes.MeasureLoneliness.Label(), t.lonelinessTable(records)),
		kit.Section(outcomes.MeasureWellbeing.Label(), t.wellbeingTable(records)),
	}
	t.content.RemoveAll()
	for i, s := range sections {
		if i > 0 {
			t.content.Add(widget.NewSeparator())
		}
		t.content.Add(s)
	}
	t.content.Refresh()
}

// leave closes any dialog still open about this person, so it cannot outlive their record.
func (t *outcomesTab) leave() {
	if t.pamForm != nil {
		t.pamForm.close()
	}
	if t.outcomeForm != nil {
		t.outcomeForm.form.Close()
	}
	if t.marking != nil {
		t.marking.form.Close()
	}
}

// carerPAMs draws any Carer PAMs as a series of their own, labelled as the carer's, so a
// carer's level is never read as the person's (hazard log: a carer's PAM taken for the
// patient's).
func (t *outcomesTab) carerPAMs(all []pam.Assessment) []fyne.CanvasObject {
	t.carerChart = nil
	carers := pam.CarerHistory(all)
	if len(carers) == 0 {
		return nil
	}
	var names []string
	for _, a := range carers {
		if !slices.Contains(names, a.CarerName) {
			names = append(names, a.CarerName)
		}
	}
	t.carerChart = newPAMChart(carers)
	return []fyne.CanvasObject{
		kit.Subheading("Carer PAM for "+strings.Join(names, ", ")+": the carer's own, not "+t.patient.FullName()+"'s",
			widget.MediumImportance),
		kit.Quiet("About the carer: not counted in the person's PAM level, their next PAM, the plan's prompts or the reports."),
		t.carerChart,
	}
}

// outcomesPAMDue says when the next PAM is due, by pam.NextDue's rule.
func outcomesPAMDue(all []pam.Assessment, today careplan.Date) *widget.Label {
	due, ok := pam.NextDue(all)
	switch {
	case !ok && len(all) == 0:
		l := kit.Para("No PAM recorded yet — one is due now")
		l.Importance = widget.WarningImportance
		l.TextStyle.Bold = true
		return l
	case !ok:
		l := kit.Para("No PAM that counts yet — one is due now")
		l.Importance = widget.WarningImportance
		l.TextStyle.Bold = true
		return l
	case due.Before(today):
		l := kit.Para("Next PAM due " + due.Display() + " · overdue")
		l.Importance = widget.DangerImportance
		l.TextStyle.Bold = true
		return l
	default:
		l := kit.Para("Next PAM due " + due.Display())
		l.TextStyle.Bold = true
		return l
	}
}

// The weights of the history tables' columns; the last column of each holds the
// entered-in-error action or note. Functions, not variables, so no table can change another's.
func pamColumns() []float32        { return []float32{1.1, 0.7, 2.4, 1.1, 1.2, 1.3, 1.9} }
func frailtyColumns() []float32    { return []float32{1.1, 4.4, 1.2, 1.9} }
func lonelinessColumns() []float32 { return []float32{1.1, 2.9, 0.8, 1.4, 1.2, 1.9} }
func wellbeingColumns() []float32  { return []float32{1.1, 1.1, 1.1, 1.1, 1.1, 1.2, 1.9} }

func (t *outcomesTab) pamTable(all []pam.Assessment) fyne.CanvasObject {
	if len(all) == 0 {
		return kit.Quiet("No PAM recorded yet.")
	}
	rows := make([][]fyne.CanvasObject, 0, len(all))
	for _, a := range sortedAssessments(all) {
		instrument := string(a.Instrument)
		if a.CarerName != "" {
			instrument += " for " + a.CarerName
		}
		cells := []*widget.Label{
			kit.Para(a.TakenOn.Display()),
			kit.Para(a.Score.String()),
			kit.Para(a.Level.String() + ": " + a.Level.Description()),
			kit.Para(instrument),
			kit.Para(orNotRecorded(a.RecordedBy)),
			kit.Para(orNotRecorded(a.Source)),
		}
		var action fyne.CanvasObject
		if a.InError != nil {
			action = inErrorNote(a.InError.Reason, a.InError.By)
		} else {
			a := a
			action = t.markButton(a.ID, func() { t.onMarkPAM(a) })
		}
		rows = append(rows, historyRow(cells, a.InError != nil, action))
	}
	return kit.ObjectTable(pamColumns(),
		[]string{"Date", "Score", "Level as reported", "Instrument", "Recorded by", "Source", ""}, rows)
}

// historyRow is one row of a history table. A row entered in error is set in italics, because
// Fyne text has no strike-through, and ends with the note saying why. It is not greyed out:
// faint text is hard to read for poor eyesight, and the note says plainly that it does not count.
func historyRow(cells []*widget.Label, inError bool, action fyne.CanvasObject) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(cells)+1)
	for _, c := range cells {
		c.TextStyle.Italic = inError
		out = append(out, c)
	}
	return append(out, action)
}

// inErrorNote marks a row entered in error: "entered in error: wrong person (Jo Marsh)".
func inErrorNote(reason, by string) *widget.Label {
	l := kit.Para(fmt.Sprintf("entered in error: %s (%s)", orNotRecorded(reason), orNotRecorded(by)))
	l.TextStyle.Italic = true
	l.TextStyle.Bold = true
	l.Importance = widget.DangerImportance
	return l
}

// markButton is a row's action to mark the record with id entered in error.
func (t *outcomesTab) markButton(id string, tapped func()) *widget.Button {
	b := widget.NewButton("Mark entered in error", tapped)
	t.marks[id] = b
	return b
}

// measureRecords picks one measure's records, oldest first as the store returns them.
func measureRecords(all []outcomes.Record, m outcomes.Measure) []outcomes.Record {
	var out []outcomes.Record
	for _, r := range all {
		if r.Measure == m {
			out = append(out, r)
		}
	}
	return out
}

// outcomeRow finishes a row of an outcome history with its entered-in-error note or action.
func (t *outcomesTab) outcomeRow(r outcomes.Record, cells []*widget.Label) []fyne.CanvasObject {
	if r.InError != nil {
		return historyRow(cells, true, inErrorNote(r.InError.Reason, r.InError.By))
	}
	return historyRow(cells, false, t.markButton(r.ID, func() { t.onMarkOutcome(r) }))
}

func (t *outcomesTab) frailtyTable(all []outcomes.Record) fyne.CanvasObject {
	recs := measureRecords(all, outcomes.MeasureFrailty)
	if len(recs) == 0 {
		return kit.Quiet("No Clinical Frailty Scale score recorded yet.")
	}
	var rows [][]fyne.CanvasObject
	for _, r := range recs {
		if r.Frailty == nil {
			continue
		}
		rows = append(rows, t.outcomeRow(r, []*widget.Label{
			kit.Para(r.TakenOn.Display()),
			kit.Para(fmt.Sprintf("%d: %s", r.Frailty.Score, r.Frailty.Label())),
			kit.Para(orNotRecorded(r.RecordedBy)),
		}))
	}
	return kit.ObjectTable(frailtyColumns(), []string{"Date", "Clinical Frailty Scale", "Recorded by", ""}, rows)
}

// uclaTopics name the three UCLA questions in a few plain words, in their order.
func uclaTopics() [3]string {
	return [3]string{"Lacks companionship", "Feels left out", "Feels isolated from others"}
}

// uclaWords writes the three answers: "Lacks companionship: often; Feels left out: …".
func uclaWords(l outcomes.Loneliness) string {
	labels := outcomes.UCLAAnswerLabels()
	answer := func(a int) string {
		if a < 1 || a > 3 {
			return "not answered"
		}
		return labels[a]
	}
	topics := uclaTopics()
	parts := []string{
		topics[0] + ": " + answer(l.LackCompanionship),
		topics[1] + ": " + answer(l.LeftOut),
		topics[2] + ": " + answer(l.Isolated),
	}
	return strings.Join(parts, "; ")
}

func (t *outcomesTab) lonelinessTable(all []outcomes.Record) fyne.CanvasObject {
	recs := measureRecords(all, outcomes.MeasureLoneliness)
	if len(recs) == 0 {
		return kit.Quiet("No loneliness answers recorded yet.")
	}
	var rows [][]fyne.CanvasObject
	for _, r := range recs {
		l := r.Loneliness
		if l == nil {
			continue
		}
		rows = append(rows, t.outcomeRow(r, []*widget.Label{
			kit.Para(r.TakenOn.Display()),
			kit.Para(uclaWords(*l)),
			kit.Para(fmt.Sprintf("%d of 9", l.Total())),
			kit.Para(l.HowOften.Label()),
			kit.Para(orNotRecorded(r.RecordedBy)),
		}))
	}
	return kit.ObjectTable(lonelinessColumns(),
		[]string{"Date", "UCLA answers", "Total", "Feels lonely", "Recorded by", ""}, rows)
}

// onsTopics name the four ONS4 questions in a few plain words, in the order they are asked.
func onsTopics() [4]string {
	return [4]string{"Life satisfaction", "Worthwhile", "Happy yesterday", "Anxious yesterday"}
}

// onsAnswers lists the four ONS4 answers in the order of onsTopics.
func onsAnswers(w outcomes.Wellbeing) [4]int {
	return [4]int{w.LifeSatisfaction, w.Worthwhile, w.Happy, w.Anxious}
}

// onsBand reads the answer to question i (in onsTopics order) with its ONS band; anxiety has
// its own bands because lower is better.
func onsBand(i, answer int) string {
	if i == 3 {
		return outcomes.AnxietyBand(answer)
	}
	return outcomes.PositiveBand(answer)
}

func (t *outcomesTab) wellbeingTable(all []outcomes.Record) fyne.CanvasObject {
	recs := measureRecords(all, outcomes.MeasureWellbeing)
	if len(recs) == 0 {
		return kit.Quiet("No wellbeing answers recorded yet.")
	}
	var rows [][]fyne.CanvasObject
	for _, r := range recs {
		if r.Wellbeing == nil {
			continue
		}
		cells := []*widget.Label{kit.Para(r.TakenOn.Display())}
		for i, a := range onsAnswers(*r.Wellbeing) {
			cells = append(cells, kit.Para(fmt.Sprintf("%d (%s)", a, onsBand(i, a))))
		}
		cells = append(cells, kit.Para(orNotRecorded(r.RecordedBy)))
		rows = append(rows, t.outcomeRow(r, cells))
	}
	topics := onsTopics()
	return kit.ObjectTable(wellbeingColumns(),
		[]string{"Date", topics[0], topics[1], topics[2], topics[3], "Recorded by", ""}, rows)
}

func (t *outcomesTab) onRecordPAM() {
	t.pamForm = newPAMForm(t.tools, t.work, t.today, t.patient, t.onSaved)
	t.pamForm.open()
}

func (t *outcomesTab) onRecordFrailty() { t.openOutcomeForm(outcomes.MeasureFrailty) }

func (t *outcomesTab) onRecordLoneliness() { t.openOutcomeForm(outcomes.MeasureLoneliness) }

func (t *outcomesTab) onRecordWellbeing() { t.openOutcomeForm(outcomes.MeasureWellbeing) }

func (t *outcomesTab) openOutcomeForm(m outcomes.Measure) {
	t.outcomeForm = newOutcomeForm(t.tools, t.work, t.today, t.patient, m, t.onSaved)
	t.outcomeForm.form.Open(nil)
}

// onMarkPAM asks why a PAM was entered in error, then saves the mark.
func (t *outcomesTab) onMarkPAM(a pam.Assessment) {
	what := fmt.Sprintf("the PAM of %s (score %s, %s)", a.TakenOn.Display(), a.Score, a.Level)
	t.marking = newInErrorDialog(t.tools.w, t.work, t.patient, what, t.tools.me, func(reason, by string) error {
		marked := a
		marked.InError = &pam.EnteredInError{Reason: reason, By: by}
		return t.tools.outcomes.SaveAssessment(&marked)
	}, t.onSaved)
	t.marking.open()
}

// onMarkOutcome asks why an outcome record was entered in error, then saves the mark.
func (t *outcomesTab) onMarkOutcome(r outcomes.Record) {
	what := fmt.Sprintf("the %s of %s (%s)", r.Measure.Label(), r.TakenOn.Display(), r.Summary())
	t.marking = newInErrorDialog(t.tools.w, t.work, t.patient, what, t.tools.me, func(reason, by string) error {
		marked := r
		marked.InError = &outcomes.EnteredInError{Reason: reason, By: by}
		return t.tools.outcomes.SaveOutcome(&marked)
	}, t.onSaved)
	t.marking.open()
}

// sortedAssessments is every assessment, including those entered in error, oldest first.
func sortedAssessments(all []pam.Assessment) []pam.Assessment {
	out := append([]pam.Assessment(nil), all...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].TakenOn.Before(out[j].TakenOn) })
	return out
}
