package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"carehub/careplan"
	"carehub/careplan/printout"
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
	files    fileChooser
	w        fyne.Window
}

// open shows a saved PDF in the system's viewer, when the app can.
func (t *printTools) open(path string) error {
	if t.openFile == nil {
		return nil
	}
	return t.openFile(path)
}

// fileChooser asks the user which file to save or open. The screens go through it so that
// tests can choose a path without driving a file dialog.
type fileChooser interface {
	// openFile asks for an existing file with one of exts (".png"); chosen is not called on
	// cancel.
	openFile(w fyne.Window, exts []string, chosen func(path string))
	// saveFile asks for a file to save, suggesting name; chosen is not called on cancel.
	saveFile(w fyne.Window, title, name string, chosen func(path string))
	// folder asks for a folder; chosen is not called on cancel.
	folder(w fyne.Window, chosen func(path string))
}

// fyneFiles asks with Fyne's own file dialogs.
type fyneFiles struct{}

var _ fileChooser = fyneFiles{}

func (fyneFiles) saveFile(w fyne.Window, title, name string, chosen func(string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		// The dialog opens the file it names; the app writes the plan beside it and renames
		// it into place, so the handle is only needed for its path.
		path := wc.URI().Path()
		wc.Close()
		chosen(path)
	}, w)
	d.SetTitleText(title)
	d.SetFileName(name)
	// Offer only files of the kind being saved: plans are PDFs, the evaluators' export a CSV.
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}

func (fyneFiles) openFile(w fyne.Window, exts []string, chosen func(string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		// The screen reads the file in its worker, so only the path is needed here.
		path := rc.URI().Path()
		rc.Close()
		chosen(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

func (fyneFiles) folder(w fyne.Window, chosen func(string)) {
	dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		chosen(dir.Path())
	}, w).Show()
}
