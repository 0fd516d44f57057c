package kit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Records are what a list-and-edit screen lists and edits: one kind of the hub's own records,
// such as its community services or its staff. The screen that uses ListEdit implements them
// with named methods; the service calls stay in the screen.
type Records[T any] interface {
	// Load reads every record, in the order listed. It runs in the worker.
	Load() ([]T, error)
	// Save stores r, giving a new one its ID. It runs in the worker.
	Save(r *T) error
	// Blank is a new record, as the form starts it.
	Blank() T
	// ID tells r apart from the others; empty for one not yet saved.
	ID(r T) string
	// Name is what r is called, in the form's heading: "Edit Frome Lunch Club".
	Name(r T) string
	// Row is r's cells in the list, without its Edit button.
	Row(r T) []fyne.CanvasObject
	// Fill puts r in the form's fields.
	Fill(r T)
	// Read builds the record from the form's fields, starting from r, the one being edited, so
	// saving it updates it; with what is wrong, by the problem label of each field.
	Read(r T) (T, Problems)
}

// ListSpec is what a list-and-edit screen says and how it is laid out.
type ListSpec struct {
	Heading string    // over the list: "Staff"
	Add     string    // the button that starts a new record: "Add a member of staff"
	New     string    // the form's heading for a new record: "New member of staff"
	Back    string    // the button that leaves the screen: "Back to caseload"
	Reading string    // shown while the list loads: "Reading the staff list…"
	Unread  string    // starts the line shown when it cannot load: "The staff list could not be read"
	Empty   string    // shown when there are none yet
	Columns []float32 // the list's column widths, the Edit buttons' last
	Header  []string  // the list's column names, "" over the Edit buttons
	Split   float64   // the share of the width the list takes, beside the form
}

// ListEdit is a screen that lists the hub's records of one kind, each with an Edit button,
// beside a form that edits the chosen one or adds a new one. Saving goes through the worker;
// the list is read again after each save. Records are never removed here: a record that no
// longer applies is marked so (a withdrawn service, staff who left), and the list says so.
type ListEdit[T any] struct {
	// List holds the records' table, or what is said while there is none.
	List *fyne.Container
	// FormHeading says which record the form holds: "New service", "Edit Frome Lunch Club".
	FormHeading *widget.Label
	// Problem says why a save failed.
	Problem *widget.Label
	// Save saves the form; Add empties it for a new record; Back leaves the screen.
	Save, Add, Back *widget.Button
	// Root is the whole screen, for the window.
	Root fyne.CanvasObject

	records  Records[T]
	work     Worker
	spec     ListSpec
	onBack   func()
	editing  T // the record in the form
	edits    map[string]*widget.Button
	problems problemLabels
}

// NewListEdit makes a list-and-edit screen over records, saving through work; onBack leaves
// it. Make the fields' problem labels with NewProblemLabel, then lay the form out with SetForm.
func NewListEdit[T any](records Records[T], work Worker, spec ListSpec, onBack func()) *ListEdit[T] {
	l := &ListEdit[T]{records: records, work: work, spec: spec, onBack: onBack}
	l.List = container.NewVBox(Quiet(spec.Reading))
	l.FormHeading = Subheading("", widget.MediumImportance)
	l.Problem = l.problems.add()
	l.Save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), l.onSave)
	l.Save.Importance = widget.HighImportance
	l.Add = widget.NewButtonWithIcon(spec.Add, theme.ContentAddIcon(), l.onAdd)
	l.Back = widget.NewButtonWithIcon(spec.Back, theme.NavigateBackIcon(), l.onBackTapped)
	return l
}

// NewProblemLabel makes a problem label for one of the form's fields, hidden until a save
// finds a problem with it.
func (l *ListEdit[T]) NewProblemLabel() *widget.Label { return l.problems.add() }

// SetForm lays the screen out with the form's fields, and starts the form on a new record.
func (l *ListEdit[T]) SetForm(fields ...Field) {
	form := container.NewVBox(l.FormHeading, Grid(fields...), l.Problem, container.NewHBox(l.Save))
	left := container.NewBorder(container.NewHBox(Subheading(l.spec.Heading, widget.MediumImportance), l.Add),
		nil, nil, nil, container.NewVScroll(l.List))
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = l.spec.Split
	l.Root = container.NewBorder(container.NewHBox(l.Back), nil, nil, nil, split)
	l.onAdd()
}

// Load reads the records in the worker and lists them.
func (l *ListEdit[T]) Load() {
	var (
		all []T
		err error
	)
	l.work.Run(func() { all, err = l.records.Load() }, func() { l.loaded(all, err) })
}

func (l *ListEdit[T]) loaded(all []T, err error) {
	l.List.RemoveAll()
	defer l.List.Refresh()
	if err != nil {
		l.List.Add(CentredMessage(fmt.Sprintf("%s: %v", l.spec.Unread, err), widget.DangerImportance))
		return
	}
	l.edits = map[string]*widget.Button{}
	rows := make([][]fyne.CanvasObject, 0, len(all))
	for _, r := range all {
		edit := widget.NewButton("Edit", func() { l.Edit(r) })
		l.edits[l.records.ID(r)] = edit
		rows = append(rows, append(l.records.Row(r), edit))
	}
	if len(rows) == 0 {
		l.List.Add(Quiet(l.spec.Empty))
		return
	}
	l.List.Add(ObjectTable(l.spec.Columns, l.spec.Header, rows))
}

// EditButton is the Edit button on the row of the record with id, or nil when none is listed.
func (l *ListEdit[T]) EditButton(id string) *widget.Button { return l.edits[id] }

// Edit puts r in the form, with no problems shown.
func (l *ListEdit[T]) Edit(r T) {
	l.editing = r
	l.FormHeading.SetText(l.spec.New)
	if l.records.ID(r) != "" {
		l.FormHeading.SetText("Edit " + l.records.Name(r))
	}
	l.records.Fill(r)
	l.problems.show(nil)
}

func (l *ListEdit[T]) onAdd() { l.Edit(l.records.Blank()) }

func (l *ListEdit[T]) onBackTapped() { l.onBack() }

// onSave checks the form and saves it in the worker; the form keeps what was typed if that
// fails.
func (l *ListEdit[T]) onSave() {
	r, problems := l.records.Read(l.editing)
	if !l.problems.show(problems) {
		return
	}
	l.Save.Disable()
	var err error
	l.work.Run(func() { err = l.records.Save(&r) }, func() { l.saved(r, err) })
}

func (l *ListEdit[T]) saved(r T, err error) {
	l.Save.Enable()
	if err != nil {
		SetProblem(l.Problem, fmt.Sprintf("Could not be saved: %v", err))
		return
	}
	l.Edit(r)
	l.Load()
}
