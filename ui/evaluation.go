package ui

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/careplan/evaluation"
	"carehub/pam"
	"carehub/ui/kit"
)

// Evaluation is what the evaluation report screen needs; the app implements it over the store.
// The figures are worked out by package evaluation, so the screen only asks and shows.
type Evaluation interface {
	// Report works out the figures for f. The app audits it as a report shown on screen.
	Report(f evaluation.Filter) (evaluation.Report, error)
	// ExportCSV writes the pseudonymised CSV for evaluators to path and says how many rows it
	// holds. Nothing is left at path unless the whole file was written.
	ExportCSV(f evaluation.Filter, path string) (rows int, err error)
}

// The scope choices that filter nothing.
const (
	allPractices  = "All practices"
	allKeyWorkers = "All key workers"
)

// pseudonymNote says what the evaluators' CSV leaves out, beside the button and after export.
const pseudonymNote = "The CSV is pseudonymised: no names, NHS numbers or full dates."

// evaluationScreen shows the hub's evaluation figures for a period and, optionally, one
// practice or key worker, with a chart of PAM levels at first and latest assessment, and
// exports the pseudonymised CSV for evaluators. Both run in the worker.
type evaluationScreen struct {
	eval   Evaluation
	work   worker
	files  kit.FileChooser
	w      fyne.Window
	onBack func()

	asked int // counts requests, so a late answer to an old one is ignored

	back      *widget.Button
	from, to  *kit.Entry
	practice  *widget.Select
	keyWorker *widget.Select
	problem   *widget.Label // a bad period, inline
	show      *widget.Button
	export    *widget.Button
	exported  *widget.Label // how the export went
	status    *widget.Label // working, or why the figures could not be worked out
	figures   *fyne.Container
	chart     *levelChart // the chart last shown
	root      fyne.CanvasObject
}

func newEvaluationScreen(eval Evaluation, work worker, files kit.FileChooser, w fyne.Window, today careplan.Date,
	practices, keyWorkers []string, onBack func()) *evaluationScreen {
	s := &evaluationScreen{eval: eval, work: work, files: files, w: w, onBack: onBack}
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	// The last 12 months, both days included: what commissioners usually ask for.
	s.from = kit.DateEntry(today.AddMonths(-12).AddDays(1))
	s.to = kit.DateEntry(today)
	s.practice = widget.NewSelect(append([]string{allPractices}, practices...), nil)
	s.practice.SetSelectedIndex(0)
	s.keyWorker = widget.NewSelect(append([]string{allKeyWorkers}, keyWorkers...), nil)
	s.keyWorker.SetSelectedIndex(0)
	s.problem = kit.NewProblemLabel()
	s.show = widget.NewButtonWithIcon("Show figures", theme.SearchIcon(), s.onShowTapped)
	s.show.Importance = widget.HighImportance
	s.export = widget.NewButtonWithIcon("Export CSV for evaluators…", theme.DocumentSaveIcon(), s.onExportTapped)
	s.exported = kit.Para("")
	s.exported.TextStyle.Bold = true
	s.exported.Hide()
	s.status = kit.Para("")
	s.status.Hide()
	s.figures = container.NewVBox()

	title := widget.NewLabel("Evaluation report")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle.Bold = true
	scope := container.NewVBox(
		container.NewHBox(widget.NewLabel("From"), kit.FixedWidth(150, s.from), widget.NewLabel("to"), kit.FixedWidth(150, s.to),
			kit.Hint("DD/MM/YYYY or YYYY-MM-DD")),
		container.NewHBox(widget.NewLabel("Practice"), kit.FixedWidth(260, s.practice),
			widget.NewLabel("Key worker"), kit.FixedWidth(220, s.keyWorker)),
		s.problem,
		container.NewHBox(s.show, s.export, kit.Hint(pseudonymNote)),
		s.exported,
	)
	s.root = container.NewBorder(container.NewHBox(s.back, title), nil, nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(scope, widget.NewSeparator(), s.status, s.figures))))
	return s
}

// namesIn lists, sorted, the different non-empty values name gives for the people on the
// caseload: its practices or its key workers, whatever their status, as the report covers
// everyone.
func namesIn(ix *caseload.Index, name func(careplan.CaseloadEntry) string) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; ix != nil && i < ix.Len(); i++ {
		n := name(ix.Entry(i))
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (s *evaluationScreen) onBackTapped() { s.onBack() }

// filter reads the period and scope from the form; the period's rule is evaluation's.
func (s *evaluationScreen) filter() (evaluation.Filter, error) {
	sel, _, err := reviewRange(s.from.Text, s.to.Text)
	if err != nil {
		return evaluation.Filter{}, err
	}
	f := evaluation.Filter{From: sel.From, To: sel.To}
	if s.practice.SelectedIndex() > 0 {
		f.Practice = s.practice.Selected
	}
	if s.keyWorker.SelectedIndex() > 0 {
		f.KeyWorker = s.keyWorker.Selected
	}
	return f, f.Validate()
}

// checkedFilter is filter with its problem shown inline.
func (s *evaluationScreen) checkedFilter() (evaluation.Filter, bool) {
	f, err := s.filter()
	if err != nil {
		kit.SetProblem(s.problem, kit.Sentence(err.Error()))
		kit.Relayout(s.root)
		return f, false
	}
	kit.SetProblem(s.problem, "")
	return f, true
}

// onShowTapped works out the figures in the worker.
func (s *evaluationScreen) onShowTapped() {
	f, ok := s.checkedFilter()
	if !ok {
		return
	}
	s.asked++
	s.show.Disable()
	s.say(s.status, "Working out the figures…", widget.MediumImportance)
	var (
		asked = s.asked
		rep   evaluation.Report
		err   error
	)
	s.work.run(func() { rep, err = s.eval.Report(f) }, func() { s.reported(asked, rep, err) })
}

// reported runs on the UI goroutine with the figures.
func (s *evaluationScreen) reported(asked int, rep evaluation.Report, err error) {
	s.show.Enable()
	if asked != s.asked {
		return
	}
	if err != nil {
		s.figures.RemoveAll()
		s.say(s.status, fmt.Sprintf("The figures could not be worked out: %v", err), widget.DangerImportance)
		return
	}
	s.status.Hide()
	s.showFigures(rep)
	kit.Relayout(s.root)
}

func (s *evaluationScreen) say(l *widget.Label, text string, importance widget.Importance) {
	l.SetText(text)
	l.Importance = importance
	l.Show()
	l.Refresh()
	kit.Relayout(s.root)
}

// showFigures lays out the report: scope, activation with its chart, then the other measures.
func (s *evaluationScreen) showFigures(r evaluation.Report) {
	a := r.Activation
	var first, latest [4]int
	for i := range 4 {
		first[i], latest[i] = a.FirstLevels[i].Count, a.LatestLevels[i].Count
	}
	s.chart = newLevelChart(first, latest)

	// Who the figures cover, in two short lines, so the chart shows without scrolling.
	scope := kit.Para(periodWords(r.Filter))
	scope.TextStyle.Bold = true
	counts := kit.Para(fmt.Sprintf("%s people in scope · %s with a PAM in the period · %s with a first and a later PAM",
		thousands(r.InScope), thousands(r.WithPAM), thousands(a.People)))
	parts := []fyne.CanvasObject{container.NewVBox(scope, counts, kit.Para(enrolmentWords(r.Enrolment, r.Filter)))}
	if a.People == 0 {
		parts = append(parts, kit.Section("Patient activation (PAM)", kit.Quiet("No one in scope has a first and a later PAM in the period.")))
	} else {
		var act kit.Facts
		act.Add("Started at level 1 or 2 and moved up a level (Somerset's measure)", a.MovedUpFromLow.String())
		act.Add("Mean change in score, latest minus first", fmt.Sprintf("%+.1f points", a.MeanChangePoints))
		act.Add(fmt.Sprintf("Gained %g points or more", pam.MeaningfulGain.Points()), a.MeaningfulGain.String())
		act.Add("… with the latest PAM within 12 months", a.MeaningfulGainWithinYear.String())
		parts = append(parts, kit.Section("Patient activation (PAM-13 and PAM-10; Carer PAM not included)",
			kit.Subheading("People at each PAM level at their first and latest PAM in the period", widget.MediumImportance),
			s.chart, act.Grid()))
	}
	parts = append(parts, lonelinessFigures(r.Loneliness), wellbeingFigures(r.Wellbeing), frailtyFigures(r.Frailty),
		serviceUseFigures(r.ServiceUse))
	s.figures.RemoveAll()
	for i, p := range parts {
		if i > 0 {
			s.figures.Add(widget.NewSeparator())
		}
		s.figures.Add(p)
	}
	s.figures.Refresh()
}

// enrolmentWords is enrolment against the target in one line: everyone who ever reached
// active, including those who have since left, out of the hub's target when the report covers
// the whole hub.
func enrolmentWords(e evaluation.Enrolment, f evaluation.Filter) string {
	words := fmt.Sprintf("%s enrolled (ever reached active; %s of them no longer active)", thousands(e.Enrolled), thousands(e.SinceLeft))
	if e.Target > 0 {
		words += fmt.Sprintf(" · %.1f%% of the hub's target of %s", e.AgainstTarget().Percent(), thousands(e.Target))
	}
	return words + fmt.Sprintf(" · %s first active in the period", thousands(e.InPeriod))
}

// periodWords says what a report covers: "3 Mar 2025 to 2 Mar 2026 · all practices · Sam Green".
func periodWords(f evaluation.Filter) string {
	practice, worker := "all practices", "all key workers"
	if f.Practice != "" {
		practice = f.Practice
	}
	if f.KeyWorker != "" {
		worker = "key worker " + f.KeyWorker
	}
	return fmt.Sprintf("%s to %s · %s · %s", f.From.Display(), f.To.Display(), practice, worker)
}

// firstLatest writes a mean at first and latest measurement: "6.2 → 5.1".
func firstLatest(first, latest float64) string { return fmt.Sprintf("%.1f → %.1f", first, latest) }

func lonelinessFigures(l evaluation.Loneliness) fyne.CanvasObject {
	const title = "Loneliness (UCLA 3-item, total 3 to 9; higher is lonelier)"
	if l.People == 0 {
		return kit.Section(title, kit.Quiet("No one in scope has a first and a later loneliness score in the period."))
	}
	var f kit.Facts
	f.Add("People with a first and a later score", thousands(l.People))
	f.Add("Mean total, first → latest", firstLatest(l.MeanFirst, l.MeanLatest))
	f.Add("Lonely (total 6 or more), first", l.LonelyFirst.String())
	f.Add("Lonely (total 6 or more), latest", l.LonelyLatest.String())
	return kit.Section(title, f.Grid())
}

func wellbeingFigures(w evaluation.Wellbeing) fyne.CanvasObject {
	const title = "Wellbeing (ONS4, each 0 to 10, never added up)"
	if w.People == 0 {
		return kit.Section(title, kit.Quiet("No one in scope has a first and a later set of wellbeing answers in the period."))
	}
	var f kit.Facts
	f.Add("People with a first and a later set of answers", thousands(w.People))
	f.Add("Life satisfaction, first → latest", firstLatest(w.First.LifeSatisfaction, w.Latest.LifeSatisfaction))
	f.Add("Worthwhile, first → latest", firstLatest(w.First.Worthwhile, w.Latest.Worthwhile))
	f.Add("Happy yesterday, first → latest", firstLatest(w.First.Happy, w.Latest.Happy))
	f.Add("Anxious yesterday (lower is better), first → latest", firstLatest(w.First.Anxious, w.Latest.Anxious))
	return kit.Section(title, f.Grid())
}

func frailtyFigures(fr evaluation.Frailty) fyne.CanvasObject {
	const title = "Frailty (Clinical Frailty Scale 1 to 9; higher is frailer)"
	if fr.People == 0 {
		return kit.Section(title, kit.Quiet("No one in scope has a first and a later frailty score in the period."))
	}
	var f kit.Facts
	f.Add("People with a first and a later score", thousands(fr.People))
	f.Add("Mean score, first → latest", firstLatest(fr.MeanFirst, fr.MeanLatest))
	return kit.Section(title, f.Grid())
}

func serviceUseFigures(u evaluation.ServiceUse) fyne.CanvasObject {
	const title = "Service use"
	note := kit.Quiet("From the hub's own contacts log. Hospital and GP use are not recorded in carehub.")
	if !u.Recorded {
		return kit.Section(title, kit.Quiet("No contacts logged in the period."), note)
	}
	var f kit.Facts
	f.Add("Contacts", fmt.Sprintf("%d (%d minutes)", u.Contacts, u.Minutes))
	f.Add("Contacts per person per month", fmt.Sprintf("%.1f", u.ContactsPerPersonMonth))
	f.Add("Minutes per person per month", fmt.Sprintf("%.0f", u.MinutesPerPersonMonth))
	for _, k := range u.ByKind {
		if k.Contacts > 0 {
			f.Add(k.Kind.Label(), fmt.Sprintf("%d (%d minutes)", k.Contacts, k.Minutes))
		}
	}
	return kit.Section(title, f.Grid(), note)
}

// csvFileName suggests a name that says what period the CSV covers.
func csvFileName(f evaluation.Filter) string {
	return "evaluation-" + f.From.String() + "-" + f.To.String() + ".csv"
}

// onExportTapped asks where to save the CSV for the period and scope in the form.
func (s *evaluationScreen) onExportTapped() {
	f, ok := s.checkedFilter()
	if !ok {
		return
	}
	s.files.SaveFile(s.w, "Save the CSV for evaluators", csvFileName(f), func(path string) { s.exportTo(f, path) })
}

// exportTo writes the CSV in the worker.
func (s *evaluationScreen) exportTo(f evaluation.Filter, path string) {
	s.export.Disable()
	s.say(s.exported, "Writing the CSV…", widget.MediumImportance)
	var (
		rows int
		err  error
	)
	s.work.run(func() { rows, err = s.eval.ExportCSV(f, path) }, func() { s.exportDone(path, rows, err) })
}

func (s *evaluationScreen) exportDone(path string, rows int, err error) {
	s.export.Enable()
	if err != nil {
		s.say(s.exported, fmt.Sprintf("The CSV could not be written: %v", err), widget.DangerImportance)
		return
	}
	noun := "rows"
	if rows == 1 {
		noun = "row"
	}
	s.say(s.exported, fmt.Sprintf("%s %s written to %s. %s", thousands(rows), noun, path, pseudonymNote), widget.MediumImportance)
}
