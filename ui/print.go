package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/ui/kit"
)

// Printing is what the print screens need; the app implements it over the store and the PDF
// writer. The rules (which plan, who is in a batch, when large print is needed) live there,
// so the screens only ask and show.
type Printing interface {
	// Offer says what can be printed for a person from the plans the summary has already
	// read, so the screen can offer a draft only when the rules allow it.
	Offer(p careplan.Patient, plans []careplan.Plan) printout.Offer
	// PrintPatient writes one person's plan as a PDF at path: their latest agreed plan, or
	// with draft their latest draft marked DRAFT. largePrint forces large print; it is also
	// used whenever the person's communication needs ask for it. Nothing is left at path
	// unless a whole plan was written.
	PrintPatient(patientID string, draft, largePrint bool, path string) (pages int, err error)
	// PrintClosedPatient prints a closed record's plan (the person died, was discharged,
	// declined or withdrew) once a coordinator has confirmed, every page stamped "Record
	// closed (…) — not a current plan"; other accounts are refused. PrintPatient refuses a
	// closed record with printout.ErrClosedRecord.
	PrintClosedPatient(patientID string, draft, largePrint bool, path string) (pages int, err error)
	// PrintVersion writes one version from the plan's history at path. An earlier version
	// (printout.Earlier) is stamped on every page as not the current plan; the role checks are
	// PrintPatient's.
	PrintVersion(patientID string, version int, largePrint bool, path string) (pages int, err error)
	// PlansFor lists the open people a batch would print, each marked with whether they
	// have an agreed plan.
	PlansFor(sel printout.BatchSelection) ([]printout.BatchPerson, error)
	// PrintBatch prints the agreed plans of people into out. progress is called off the UI
	// goroutine as people are done; returning false cancels the batch, which then returns an
	// error wrapping printout.ErrCancelled and leaves no files behind.
	PrintBatch(people []printout.BatchPerson, out printout.BatchOutput, progress func(done, total int) bool) (printout.BatchResult, error)
}

// printTools are what the print buttons need. A screen given a nil *printTools shows no print
// buttons.
type printTools struct {
	printing Printing
	openFile func(path string) error // nil: the PDF is saved but not opened
	files    kit.FileChooser
	w        fyne.Window
}

// notOpened says where a saved PDF is when no viewer could be started (on a machine with no
// PDF viewer, or no xdg-open): the reason the system gives means nothing to a key worker.
func notOpened(path string) string {
	return fmt.Sprintf("No PDF viewer could be started on this computer: to print it, open %s from its folder (%s).",
		filepath.Base(path), filepath.Dir(path))
}

// open shows a saved PDF in the system's viewer, when the app can.
func (t *printTools) open(path string) error {
	if t.openFile == nil {
		return nil
	}
	return t.openFile(path)
}
