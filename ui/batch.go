package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/careplan/printout"
	"carehub/ui/kit"
)

// The batch screen's choices, as the user reads them.
const (
	byReviewLabel    = "Reviews due between two dates"
	byKeyWorkerLabel = "A key worker's caseload"
	oneFileLabel     = "One PDF, ready to print"
	folderLabel      = "One file per person, in a folder"
)

// batchLookAhead is how far ahead the review dates start out covering: the month ahead is what
// a coordinator usually prints before reviews.
const batchLookAhead = 28

// batchLookBack is how far back they start: overdue reviews are the plans most in need of a
// fresh copy, so the default range must not silently leave them out (stale-plan hazard).
const batchLookBack = 90

// batchScreen prints many people's plans at once: everyone with a review due in a date range,
// or a key worker's caseload. The printing runs in the worker, with a progress bar and a Cancel
// button, so the app stays usable during a long batch.
type batchScreen struct {
	tools  *printTools
	work   worker
	onBack func()

	by       printout.BatchBy
	toFolder bool
	people   []printout.BatchPerson // who the preview found for the current choice; nil while unknown
	asked    int                    // counts preview requests, so a late answer to an old one is ignored
	stop     *atomic.Bool           // set by Cancel; read by the running batch

	back      *widget.Button
	mode      *widget.RadioGroup
	from, to  *kit.Entry
	dates     *fyne.Container
	keyWorker *widget.Select
	workers   *fyne.Container
	problem   *widget.Label // a bad date, inline
	preview   *widget.Label // who would be printed
	output    *widget.RadioGroup
	print     *widget.Button
	cancel    *widget.Button
	progress  *widget.ProgressBar
	done      *widget.Label // how far the batch has got
	summary   *widget.Label // what the finished batch did
	root      fyne.CanvasObject
}

func newBatchScreen(tools *printTools, work worker, today careplan.Date, keyWorkers []string, onBack func()) *batchScreen {
	s := &batchScreen{tools: tools, work: work, onBack: onBack}
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)

	s.mode = widget.NewRadioGroup([]string{byReviewLabel, byKeyWorkerLabel}, s.onModeChosen)
	s.mode.Required = true
	s.from = kit.DateEntry(today.AddDays(-batchLookBack))
	s.from.OnChanged = s.onDateChanged
	s.to = kit.DateEntry(today.AddDays(batchLookAhead))
	s.to.OnChanged = s.onDateChanged
	s.dates = container.NewHBox(widget.NewLabel("From"), kit.FixedWidth(150, s.from), widget.NewLabel("to"), kit.FixedWidth(150, s.to),
		kit.Hint("DD/MM/YYYY or YYYY-MM-DD"))
	s.keyWorker = widget.NewSelect(keyWorkers, s.onKeyWorkerChosen)
	s.keyWorker.PlaceHolder = "Choose a key worker"
	s.workers = container.NewHBox(widget.NewLabel("Key worker"), s.keyWorker)
	s.workers.Hide()
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Hide()
	s.preview = widget.NewLabel("")
	s.preview.TextStyle.Bold = true

	s.output = widget.NewRadioGroup([]string{oneFileLabel, folderLabel}, s.onOutputChosen)
	s.output.Required = true
	s.output.Horizontal = true
	s.output.Selected = oneFileLabel // set directly: the handler's defaults already agree

	s.print = widget.NewButtonWithIcon("Print plans", theme.DocumentPrintIcon(), s.onPrintTapped)
	s.print.Importance = widget.HighImportance
	s.print.Disable()
	s.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.onCancelTapped)
	s.cancel.Hide()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.done = widget.NewLabel("")
	s.done.Hide()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.summary.TextStyle.Bold = true
	s.summary.Hide()
	s.mode.Selected = byReviewLabel // the preview is asked for once the screen is shown

	title := widget.NewLabel("Print plans")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle.Bold = true
	form := container.NewVBox(
		kit.Subheading("Who to print for", widget.MediumImportance),
		kit.Quiet("Only people the hub is still working with are included."),
		s.mode, s.dates, s.workers, s.problem, s.preview,
		widget.NewSeparator(),
		kit.Subheading("How to save them", widget.MediumImportance),
		s.output,
		container.NewHBox(s.print, s.cancel),
		s.progress, s.done, s.summary,
	)
	s.root = container.NewBorder(container.NewHBox(s.back, title), nil, nil, nil,
		container.NewVScroll(container.NewPadded(form)))
	return s
}

// keyWorkersIn lists, in order, the key workers of the people the hub is still working with.
func keyWorkersIn(ix *caseload.Index) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; ix != nil && i < ix.Len(); i++ {
		e := ix.Entry(i)
		if e.KeyWorker == "" || !e.Status.Open() || seen[e.KeyWorker] {
			continue
		}
		seen[e.KeyWorker] = true
		out = append(out, e.KeyWorker)
	}
	sort.Strings(out)
	return out
}

func (s *batchScreen) onBackTapped() { s.onBack() }

func (s *batchScreen) onModeChosen(label string) {
	s.by = printout.ByReviewDue
	if label == byKeyWorkerLabel {
		s.by = printout.ByKeyWorker
	}
	s.dates.Hidden = s.by != printout.ByReviewDue
	s.workers.Hidden = s.by != printout.ByKeyWorker
	s.refreshPreview()
	kit.Relayout(s.root)
}

func (s *batchScreen) onDateChanged(string) { s.refreshPreview() }

func (s *batchScreen) onKeyWorkerChosen(string) { s.refreshPreview() }

func (s *batchScreen) onOutputChosen(label string) { s.toFolder = label == folderLabel }

var (
	errNoKeyWorker = errors.New("choose a key worker")
	errDatesOrder  = errors.New("the first date is after the second: put the earlier date first")
)

// selection reads the choice of people from the form. complete is false while a date is too
// short to be a whole one yet, so nobody is told off half-way through typing.
func (s *batchScreen) selection() (sel printout.BatchSelection, complete bool, err error) {
	if s.by == printout.ByKeyWorker {
		if s.keyWorker.Selected == "" {
			return sel, false, errNoKeyWorker
		}
		return printout.BatchSelection{By: printout.ByKeyWorker, KeyWorker: s.keyWorker.Selected}, true, nil
	}
	return reviewRange(s.from.Text, s.to.Text)
}

// reviewRange reads the two dates of a review-due batch.
func reviewRange(fromText, toText string) (sel printout.BatchSelection, complete bool, err error) {
	from, errFrom := careplan.ParseDate(fromText)
	to, errTo := careplan.ParseDate(toText)
	complete = len(strings.TrimSpace(fromText)) >= len("1/1/2026") && len(strings.TrimSpace(toText)) >= len("1/1/2026")
	switch {
	case errFrom != nil:
		return sel, complete, fmt.Errorf("from: %w", errFrom)
	case errTo != nil:
		return sel, complete, fmt.Errorf("to: %w", errTo)
	case from.After(to):
		return sel, true, errDatesOrder
	}
	return printout.BatchSelection{By: printout.ByReviewDue, From: from, To: to}, true, nil
}

// refreshPreview works out, off the UI goroutine, who the current choice would print.
func (s *batchScreen) refreshPreview() {
	s.asked++
	s.people = nil
	s.print.Disable()
	s.print.SetText("Print plans")
	sel, complete, err := s.selection()
	if err != nil {
		s.showProblem(err, complete)
		return
	}
	s.problem.Hide()
	s.setPreview("Finding people…")
	kit.Relayout(s.root)
	var (
		asked  = s.asked
		people []printout.BatchPerson
	)
	s.work.run(func() { people, err = s.tools.printing.PlansFor(sel) }, func() { s.previewed(asked, people, err) })
}

// showProblem shows a choice that cannot be used: inline when shout is true, otherwise only
// as a quiet preview line.
func (s *batchScreen) showProblem(err error, shout bool) {
	s.setPreview("")
	if errors.Is(err, errNoKeyWorker) {
		s.setPreview("Choose a key worker to see who is on their caseload.")
		s.problem.Hide()
		kit.Relayout(s.root)
		return
	}
	if !shout {
		s.setPreview("Write both dates to see whose reviews are due.")
		s.problem.Hide()
		kit.Relayout(s.root)
		return
	}
	s.problem.SetText(kit.Sentence(err.Error()))
	s.problem.Show()
	kit.Relayout(s.root)
}

// previewed runs on the UI goroutine with who the choice would print.
func (s *batchScreen) previewed(asked int, people []printout.BatchPerson, err error) {
	if asked != s.asked {
		return // the choice has changed since
	}
	if err != nil {
		s.setPreview(fmt.Sprintf("Who to print for could not be worked out: %v", err))
		kit.Relayout(s.root)
		return
	}
	s.people = people
	agreed := withAgreedPlan(people)
	s.setPreview(previewText(len(people)-closedRecords(people), agreed) + closedLeftOut(closedRecords(people)))
	s.print.SetText("Print " + plansCount(agreed))
	if agreed > 0 && s.stop == nil {
		s.print.Enable()
	}
	kit.Relayout(s.root)
}

// setPreview says who would be printed; an empty line is hidden rather than left as a gap.
func (s *batchScreen) setPreview(text string) {
	s.preview.SetText(text)
	s.preview.Hidden = text == ""
}

// withAgreedPlan counts who the batch prints: an agreed plan and an open record.
func withAgreedPlan(people []printout.BatchPerson) int {
	n := 0
	for _, p := range people {
		if p.Prints() {
			n++
		}
	}
	return n
}

// closedRecords counts the people chosen whose record is closed: never printed, but said.
func closedRecords(people []printout.BatchPerson) int {
	n := 0
	for _, p := range people {
		if p.Closed != "" {
			n++
		}
	}
	return n
}

// closedLeftOut says how many closed records the batch leaves out, or nothing.
func closedLeftOut(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "; 1 closed record left out (not a current plan)"
	}
	return fmt.Sprintf("; %s closed records left out (not current plans)", thousands(n))
}

// previewText says "23 people, 21 with an agreed plan".
func previewText(people, agreed int) string {
	if people == 0 {
		return "Nobody the hub is working with matches this choice."
	}
	noun := "people"
	if people == 1 {
		noun = "person"
	}
	return fmt.Sprintf("%s %s, %s with an agreed plan", thousands(people), noun, thousands(agreed))
}

// plansCount says "1 plan" or "21 plans".
func plansCount(n int) string {
	if n == 1 {
		return "1 plan"
	}
	return thousands(n) + " plans"
}

// onPrintTapped asks where to save, once the choice is sound and someone has a plan to print.
func (s *batchScreen) onPrintTapped() {
	sel, _, err := s.selection()
	if err != nil {
		s.showProblem(err, true)
		return
	}
	if withAgreedPlan(s.people) == 0 {
		return
	}
	if s.toFolder {
		s.tools.files.Folder(s.tools.w, s.printTo)
		return
	}
	s.tools.files.SaveFile(s.tools.w, "Save the plans", batchFileName(sel), s.printTo)
}

// batchFileName suggests a name that says what the batch holds.
func batchFileName(sel printout.BatchSelection) string {
	if sel.By == printout.ByKeyWorker {
		name := strings.Map(func(r rune) rune {
			if r == ' ' {
				return '-'
			}
			if r == '/' || r == '\\' || r == '.' {
				return -1
			}
			return r
		}, strings.ToLower(sel.KeyWorker))
		return "plans-" + name + ".pdf"
	}
	return "plans-review-" + sel.From.String() + "-to-" + sel.To.String() + ".pdf"
}

// printTo prints the batch into path (a file or a folder) in the worker, reporting progress.
func (s *batchScreen) printTo(path string) {
	if s.stop != nil || withAgreedPlan(s.people) == 0 {
		return // already running, or the choice changed while the dialog was open
	}
	stop := new(atomic.Bool)
	s.stop = stop
	s.setRunning(true)
	var (
		people = s.people
		out    = printout.BatchOutput{Path: path, Folder: s.toFolder}
		res    printout.BatchResult
		err    error
	)
	s.showProgress(0, withAgreedPlan(people))
	s.work.run(func() { res, err = s.tools.printing.PrintBatch(people, out, s.progressFunc(stop)) },
		func() { s.finished(out, res, err) })
}

// progressFunc reports each plan done to the progress bar, and stops the batch once Cancel is
// tapped. It is called off the UI goroutine.
func (s *batchScreen) progressFunc(stop *atomic.Bool) func(done, total int) bool {
	last := -1
	return func(done, total int) bool {
		if done != last {
			last = done
			s.work.post(func() { s.showProgress(done, total) })
		}
		return !stop.Load()
	}
}

func (s *batchScreen) showProgress(done, total int) {
	if total > 0 {
		s.progress.SetValue(float64(done) / float64(total))
	}
	s.done.SetText(fmt.Sprintf("%s of %s printed", thousands(done), plansCount(total)))
}

func (s *batchScreen) onCancelTapped() {
	if s.stop == nil {
		return
	}
	s.stop.Store(true)
	s.cancel.Disable()
	s.cancel.SetText("Cancelling…")
}

// setRunning locks the form while a batch runs, so what is printed is what was chosen.
func (s *batchScreen) setRunning(on bool) {
	for _, c := range []fyne.Disableable{s.back, s.mode, s.from, s.to, s.keyWorker, s.output, s.print} {
		if on {
			c.Disable()
		} else {
			c.Enable()
		}
	}
	s.cancel.SetText("Cancel")
	s.cancel.Enable()
	s.cancel.Hidden = !on
	s.progress.Hidden = !on
	s.done.Hidden = !on
	if on {
		s.summary.Hide()
	}
	s.cancel.Refresh()
	kit.Relayout(s.root)
}

// finished runs on the UI goroutine when the batch has printed, failed or been cancelled.
func (s *batchScreen) finished(out printout.BatchOutput, res printout.BatchResult, err error) {
	s.stop = nil
	s.setRunning(false)
	if withAgreedPlan(s.people) == 0 {
		s.print.Disable()
	}
	switch {
	case errors.Is(err, printout.ErrCancelled):
		s.report("Printing was cancelled. Nothing was saved.", widget.WarningImportance)
	case err != nil:
		s.report(fmt.Sprintf("The plans could not be printed: %v", err), widget.DangerImportance)
	default:
		text := batchSummary(out, res)
		if !out.Folder {
			if err := s.tools.open(out.Path); err != nil {
				text += " " + notOpened(out.Path)
			}
		}
		s.report(text, widget.MediumImportance)
	}
}

// batchSummary says what a batch printed and who was left out: "21 plans printed to …; 2
// people have no agreed plan: …".
func batchSummary(out printout.BatchOutput, res printout.BatchResult) string {
	text := fmt.Sprintf("%s printed to %s (%s).", plansCount(res.Printed), out.Path, pagesCount(res.Pages))
	if n := len(res.Closed); n > 0 {
		text += " " + kit.Sentence(strings.TrimPrefix(closedLeftOut(n), "; ")) + "."
	}
	if len(res.NoPlan) == 0 {
		return text
	}
	names := make([]string, len(res.NoPlan))
	for i, p := range res.NoPlan {
		names[i] = fmt.Sprintf("%s (%s)", p.Name, p.NHSNumber.Display())
	}
	have := "people have"
	if len(res.NoPlan) == 1 {
		have = "person has"
	}
	return fmt.Sprintf("%s %d %s no agreed plan: %s.", text, len(res.NoPlan), have, strings.Join(names, ", "))
}

func (s *batchScreen) report(text string, importance widget.Importance) {
	s.summary.SetText(text)
	s.summary.Importance = importance
	s.summary.Show()
	s.summary.Refresh()
	kit.Relayout(s.root)
}
