package ui

import (
	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/ui/kit"
)

// Printing is what the print screens need; the app implements it over the store and the PDF
// writer. The rules (which plan, who is in a batch, when large print is needed) live there,
// so the screens only ask and show.
type Printing interface {
	// Offer says what can be printed for a person from the plans the summary has already
	// read, so the screen can offer a draft only when the rules allow it.
	Offer(p careplan.Patient, plans []careplan.Plan) PlanOffer
	// PrintPatient writes one person's plan as a PDF at path: their latest agreed plan, or
	// with draft their latest draft marked DRAFT. largePrint forces large print; it is also
	// used whenever the person's communication needs ask for it. Nothing is left at path
	// unless a whole plan was written.
	PrintPatient(patientID string, draft, largePrint bool, path string) (pages int, err error)
	// PlansFor lists the open people a batch would print, each marked with whether they
	// have an agreed plan.
	PlansFor(sel BatchSelection) ([]BatchPerson, error)
	// PrintBatch prints the agreed plans of people into out. progress is called off the UI
	// goroutine as people are done; returning false cancels the batch, which then returns an
	// error wrapping printout.ErrCancelled and leaves no files behind.
	PrintBatch(people []BatchPerson, out BatchOutput, progress func(done, total int) bool) (BatchResult, error)
}

// PlanOffer is what can be printed for one person.
type PlanOffer struct {
	// Agreed is true when there is an agreed plan, which is what prints by default.
	Agreed bool
	// Draft is true when a draft may be printed instead: the person has only a draft, or
	// one newer than their agreed plan.
	Draft bool
	// LargePrint is true when the person's communication needs ask for large print.
	LargePrint bool
}

// BatchBy is how a batch chooses people.
type BatchBy int

const (
	// ByReviewDue chooses open people whose plan's review falls between From and To.
	ByReviewDue BatchBy = iota
	// ByKeyWorker chooses the open people on one key worker's caseload.
	ByKeyWorker
)

// BatchSelection says who a batch prints for.
type BatchSelection struct {
	By BatchBy
	// From and To bound the review dates for ByReviewDue, both days included. A zero From
	// has no lower bound, so reviews already overdue are included.
	From, To careplan.Date
	// KeyWorker names the key worker for ByKeyWorker.
	KeyWorker string
}

// BatchPerson is one person a batch would print for.
type BatchPerson struct {
	PatientID string
	NHSNumber careplan.NHSNumber
	Name      string
	// HasAgreed is false for people with no agreed plan: they are listed, not printed.
	HasAgreed bool
}

// BatchOutput says where a batch goes.
type BatchOutput struct {
	// Path is the PDF to write, or with Folder the folder to write one file per person into.
	Path   string
	Folder bool
	// LargePrint prints everyone in large print; people who need it get it regardless.
	LargePrint bool
}

// BatchResult is what a finished batch did.
type BatchResult struct {
	Printed int // plans printed
	Pages   int
	// NoPlan lists the people left out because they have no agreed plan.
	NoPlan []BatchPerson
}

// printTools are what the print buttons need. A nil *printTools means the app offers no
// printing, and no print buttons are shown.
type printTools struct {
	printing Printing
	openFile func(path string) error // nil: the PDF is saved but not opened
	files    kit.FileChooser
	w        fyne.Window
}

// open shows a saved PDF in the system's viewer, when the app can.
func (t *printTools) open(path string) error {
	if t.openFile == nil {
		return nil
	}
	return t.openFile(path)
}
