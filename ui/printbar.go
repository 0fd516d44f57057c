package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/ui/kit"
)

// printBar is the patient summary's print controls: the Print plan button, the large-print
// choice and a line saying how printing went. It holds the person it was loaded for, so the
// plan printed is always that of the person in the banner (the wrong-patient hazard).
type printBar struct {
	tools *printTools
	work  worker

	patient    careplan.Patient // set once the summary has loaded
	offer      printout.Offer
	draft      bool // the user chose the draft
	closedOK   bool // the user confirmed printing a closed record, stamped closed
	largePrint bool

	print   *widget.Button
	large   *widget.Check
	needed  *widget.Label // shown instead of the check box when the person needs large print
	outcome *widget.Label
	root    *fyne.Container
	screen  fyne.CanvasObject // the summary, laid out again when the outcome line changes

	choice      *dialog.CustomDialog // which plan, when a draft may be printed
	agreedPlan  *widget.Button
	draftPlan   *widget.Button
	cancelPrint *widget.Button

	closedAsk     *dialog.CustomDialog // a closed record: print it stamped closed?
	printStamped  *widget.Button
	keepUnprinted *widget.Button
}

func newPrintBar(tools *printTools, work worker) *printBar {
	b := &printBar{tools: tools, work: work}
	b.print = widget.NewButtonWithIcon("Print plan", theme.DocumentPrintIcon(), b.onPrintTapped)
	b.print.Disable() // until the summary has loaded
	b.large = widget.NewCheck("Large print", b.onLargePrintChanged)
	b.large.Disable()
	b.needed = widget.NewLabel("Large print: their communication needs ask for it")
	b.needed.TextStyle.Bold = true
	b.needed.Hide()
	b.outcome = widget.NewLabel("")
	b.outcome.Wrapping = fyne.TextWrapWord
	b.outcome.TextStyle.Bold = true
	b.outcome.Hide()
	b.root = container.NewHBox(b.print, b.large, b.needed)
	return b
}

// loaded readies printing for the person whose summary is shown. When their needs ask for
// large print it is not offered as a choice, since it cannot be turned off; the bar says so
// in plain (not greyed) text.
func (b *printBar) loaded(p careplan.Patient, plans []careplan.Plan) {
	b.patient = p
	b.offer = b.tools.printing.Offer(p, plans)
	b.largePrint = b.offer.LargePrint
	b.large.SetChecked(b.largePrint)
	if b.offer.LargePrint {
		b.large.Hide()
		b.needed.Show()
	} else {
		b.large.Enable()
	}
	b.print.Enable()
}

func (b *printBar) onLargePrintChanged(on bool) { b.largePrint = on }

// onPrintTapped prints the agreed plan, first asking which plan when a draft may be printed
// instead, or says plainly that there is nothing to print.
func (b *printBar) onPrintTapped() {
	b.closedOK = false
	switch {
	case b.offer.Closed != "" && (b.offer.Agreed || b.offer.Draft):
		b.askClosed()
	case !b.offer.Agreed && !b.offer.Draft:
		b.say(fmt.Sprintf("There is no agreed plan to print for %s yet.", b.patient.FullName()), widget.WarningImportance)
	case b.offer.Draft:
		b.askWhichPlan()
	default:
		b.chooseFile(false)
	}
}

// askClosed says why a closed record's plan is not printed as a current plan, and lets a
// coordinator print it anyway, stamped closed on every page (hazard H11). The service
// refuses anyone else, and the refusal is shown on the bar.
func (b *printBar) askClosed() {
	text := widget.NewLabel(fmt.Sprintf("%s's record is closed (%s). Their plan is not a current plan, "+
		"so it is not printed as one. A coordinator can print it with every page stamped "+
		"\"Record closed (%s) — not a current plan\".", b.patient.FullName(), b.offer.Closed, b.offer.Closed))
	text.Wrapping = fyne.TextWrapWord
	b.keepUnprinted = widget.NewButton("Do not print", b.onClosedCancelled)
	b.printStamped = widget.NewButton("Print it stamped closed", b.onClosedConfirmed)
	b.keepUnprinted.Importance = widget.HighImportance
	b.closedAsk = dialog.NewCustomWithoutButtons("This record is closed", text, b.tools.w)
	b.closedAsk.SetButtons([]fyne.CanvasObject{b.keepUnprinted, b.printStamped})
	b.closedAsk.Resize(fyne.NewSize(520, 260))
	b.closedAsk.Show()
}

func (b *printBar) onClosedCancelled() { b.closedAsk.Hide() }

// onClosedConfirmed goes on as for an open record, with the plan to be printed stamped closed.
func (b *printBar) onClosedConfirmed() {
	b.closedAsk.Hide()
	b.closedOK = true
	if b.offer.Draft {
		b.askWhichPlan()
		return
	}
	b.chooseFile(false)
}

// askWhichPlan offers the agreed plan and the draft, with the draft plainly marked, so nobody
// hands a person a draft thinking it is what they agreed.
func (b *printBar) askWhichPlan() {
	b.draftPlan = widget.NewButton("Print the draft (marked DRAFT)", b.onDraftChosen)
	b.cancelPrint = widget.NewButton("Cancel", b.onChoiceCancelled)
	b.agreedPlan = nil
	why := fmt.Sprintf("%s has no agreed plan yet, only a draft. A printed draft is marked DRAFT on every page.", b.patient.FullName())
	buttons := []fyne.CanvasObject{b.cancelPrint, b.draftPlan}
	if b.offer.Agreed {
		b.agreedPlan = widget.NewButton("Print the agreed plan", b.onAgreedChosen)
		b.agreedPlan.Importance = widget.HighImportance
		why = fmt.Sprintf("%s has a draft plan newer than the agreed one. The agreed plan is what they hold at home.", b.patient.FullName())
		buttons = append(buttons, b.agreedPlan)
	} else {
		b.draftPlan.Importance = widget.HighImportance
	}
	text := widget.NewLabel(why)
	text.Wrapping = fyne.TextWrapWord
	b.choice = dialog.NewCustomWithoutButtons("Which plan?", text, b.tools.w)
	b.choice.SetButtons(buttons)
	b.choice.Show()
}

func (b *printBar) onAgreedChosen() {
	b.choice.Hide()
	b.chooseFile(false)
}

func (b *printBar) onDraftChosen() {
	b.choice.Hide()
	b.chooseFile(true)
}

func (b *printBar) onChoiceCancelled() { b.choice.Hide() }

// leave closes a question still open about this person, so it cannot outlive their summary.
func (b *printBar) leave() {
	if b.choice != nil {
		b.choice.Hide()
	}
	if b.closedAsk != nil {
		b.closedAsk.Hide()
	}
}

// chooseFile asks where to save, suggesting a name with the person's NHS number.
func (b *printBar) chooseFile(draft bool) {
	b.draft = draft
	title := "Save the plan for " + b.patient.FullName()
	b.tools.files.SaveFile(b.tools.w, title, planFileName(b.patient.NHSNumber), b.saveTo)
}

// planFileName is the suggested name for a person's printed plan.
func planFileName(n careplan.NHSNumber) string { return "plan-" + string(n) + ".pdf" }

// saveTo writes the chosen plan to path off the UI goroutine, then opens it.
func (b *printBar) saveTo(path string) {
	b.print.Disable()
	b.say("Printing the plan…", widget.MediumImportance)
	var (
		id, draft, large = b.patient.ID, b.draft, b.largePrint
		pages            int
		err              error
	)
	printPlan := b.tools.printing.PrintPatient
	if b.closedOK {
		printPlan = b.tools.printing.PrintClosedPatient
	}
	b.work.run(func() { pages, err = printPlan(id, draft, large, path) },
		func() { b.printed(path, pages, err) })
}

// printed runs on the UI goroutine once the PDF is written or has failed.
func (b *printBar) printed(path string, pages int, err error) {
	b.print.Enable()
	if err != nil {
		b.say(fmt.Sprintf("The plan could not be printed: %v", err), widget.DangerImportance)
		return
	}
	what := "Plan"
	if b.draft {
		what = "Draft plan"
	}
	if b.closedOK {
		what += " (stamped: record closed)"
	}
	done := fmt.Sprintf("%s saved to %s (%s).", what, path, pagesCount(pages))
	if err := b.tools.open(path); err != nil {
		b.say(done+" "+notOpened(path), widget.WarningImportance)
		return
	}
	b.say(done, widget.MediumImportance)
}

func (b *printBar) say(text string, importance widget.Importance) {
	b.outcome.SetText(text)
	b.outcome.Importance = importance
	b.outcome.Show()
	b.outcome.Refresh()
	kit.Relayout(b.screen)
}

// pagesCount says "1 page" or "3 pages".
func pagesCount(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}
