package kit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// FormSpec is what a form dialog says and how it behaves.
type FormSpec struct {
	Title   string  // the dialog's title; name the person it is about (see ui's whoseTitle)
	Save    string  // the button that saves: "Save PAM", "Add contact"
	Dismiss string  // the button that closes without saving; "Cancel" when empty
	Failed  string  // starts the line shown when a save fails: "The PAM could not be saved"
	Width   float32 // the dialog's width; DialogWidth when 0
	// Danger colours Save red, for a step that cannot be undone.
	Danger bool
	// StaysOpen keeps the form open after a save, for one that adds to a list it shows (the
	// contacts log), so the next can be added.
	StaysOpen bool
}

// Form is a dialog that records one thing: fields, each with its problem beneath it, and a
// Save that checks them, saves in the worker and closes. A screen builds its fields, makes
// each field's problem label with NewProblemLabel, lays them out with SetContent, and in its
// Save handler reads the fields, calls Show with what is wrong and, when nothing is, Submit.
// The rules are the domain's; the screen only says them in words for the field.
type Form struct {
	// Save is the button that saves; Submit disables it while a save runs.
	Save *widget.Button
	// Dismiss closes the form without saving: "Cancel", or "Close".
	Dismiss *widget.Button
	// Problem is the form's own problem line, under the fields: why a save failed, or what is
	// wrong that belongs to no one field.
	Problem *widget.Label
	// OnDismissed, when set, runs after Dismiss has closed the form.
	OnDismissed func()

	spec     FormSpec
	win      fyne.Window
	work     Worker
	problems problemLabels
	dialog   *dialog.CustomDialog

	// While the form is open it has the window's key handler (Escape cancels it); the one it
	// replaced, and how many overlays were open with it, to tell a question asked over it.
	open      bool
	keysAfter func(*fyne.KeyEvent)
	depth     int
	settling  bool // Show keeps up with the form (Recheck) rather than judging it (Save)
}

// NewForm makes a form dialog over w that saves through work; onSave is the screen's handler
// for Save. It shows nothing until SetContent and Open.
func NewForm(w fyne.Window, work Worker, spec FormSpec, onSave func()) *Form {
	if spec.Dismiss == "" {
		spec.Dismiss = "Cancel"
	}
	if spec.Width == 0 {
		spec.Width = DialogWidth
	}
	f := &Form{spec: spec, win: w, work: work}
	f.Save = widget.NewButton(spec.Save, onSave)
	f.Save.Importance = widget.HighImportance
	if spec.Danger {
		f.Save.Importance = widget.DangerImportance
	}
	f.Dismiss = widget.NewButton(spec.Dismiss, f.onDismiss)
	f.Problem = f.problems.add()
	return f
}

// NewProblemLabel makes a problem label for one of the form's fields, hidden until Show gives
// it a problem.
func (f *Form) NewProblemLabel() *widget.Label { return f.problems.add() }

// SetContent lays out the form: content from the top, then the form's own problem line, with
// Dismiss and Save at the foot.
func (f *Form) SetContent(content ...fyne.CanvasObject) {
	body := container.NewVBox(content...)
	body.Add(f.Problem)
	f.dialog = dialog.NewCustomWithoutButtons(f.spec.Title, body, f.win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.Dismiss, f.Save})
}

// Open shows the form, with focus, when not nil, in the field to start from. Escape then
// works as Dismiss.
func (f *Form) Open(focus fyne.Focusable) {
	f.Relayout()
	f.dialog.Show()
	if !f.open {
		c := f.win.Canvas()
		f.open, f.keysAfter, f.depth = true, c.OnTypedKey(), len(c.Overlays().List())
		c.SetOnTypedKey(f.onTypedKey)
	}
	if focus != nil {
		f.win.Canvas().Focus(focus)
	}
}

// Close hides the form, and gives the window its key handler back.
func (f *Form) Close() {
	f.dialog.Hide()
	if f.open {
		f.open = false
		f.win.Canvas().SetOnTypedKey(f.keysAfter)
	}
}

// onTypedKey cancels the form on Escape, or closes the question asked over it (such as
// "save it as reported?"), leaving the form as it was. Other keys go where they went before.
func (f *Form) onTypedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		if f.keysAfter != nil {
			f.keysAfter(ev)
		}
		return
	}
	overlays := f.win.Canvas().Overlays()
	if len(overlays.List()) > f.depth {
		overlays.Top().Hide()
		return
	}
	f.onDismiss()
}

// Relayout fits the dialog to its content again, after problems or parts of the form were
// shown or hidden. It does nothing before SetContent, while the form is still being built.
func (f *Form) Relayout() {
	if f.dialog != nil {
		FitDialog(f.dialog, f.spec.Width)
	}
}

// Show puts each problem under its field (or in Problem) and clears the rest, so nothing put
// right still shows. It reports whether there were none: whether the form may be saved.
// Called from inside Recheck, it only updates or clears the problems already showing.
func (f *Form) Show(p Problems) bool {
	if f.settling {
		Settle(p, f.problems.labels...)
		f.Relayout()
		return len(p) == 0
	}
	ok := f.problems.show(p)
	f.Relayout()
	return ok
}

// Recheck runs the screen's read (which ends in Show) while problems are showing, so each
// message clears as soon as its field is right. Hook it to the fields' changes (see OnEdit).
func (f *Form) Recheck(read func()) {
	if !f.problems.showing() {
		return
	}
	f.settling = true
	defer func() { f.settling = false }()
	read()
}

// OnEdit calls changed after each edit of the given fields (text fields and choices), after
// whatever the field already did on a change.
func OnEdit(changed func(), fields ...fyne.CanvasObject) {
	for _, o := range fields {
		switch w := o.(type) {
		case *Entry:
			before := w.OnChanged
			w.OnChanged = func(s string) {
				if before != nil {
					before(s)
				}
				changed()
			}
		case *widget.Select:
			before := w.OnChanged
			w.OnChanged = func(s string) {
				if before != nil {
					before(s)
				}
				changed()
			}
		}
	}
}

// Submit runs save in the worker, with Save disabled meanwhile. When it fails, the form stays
// open with everything still typed and says why; when it succeeds the form closes (unless it
// StaysOpen) and done runs. done may use what save wrote: it runs after save has returned,
// on the UI goroutine.
func (f *Form) Submit(save func() error, done func()) {
	f.Save.Disable()
	var err error
	f.work.Run(func() { err = save() }, func() { f.submitted(err, done) })
}

// SubmitResult is Submit for a save that returns what it saved, such as a patient's record with
// the consent just added, which done is given.
func SubmitResult[T any](f *Form, save func() (T, error), done func(T)) {
	var saved T
	f.Submit(func() (err error) {
		saved, err = save()
		return err
	}, func() { done(saved) })
}

func (f *Form) submitted(err error, done func()) {
	f.Save.Enable()
	if err != nil {
		SetProblem(f.Problem, fmt.Sprintf("%s: %v", f.spec.Failed, err))
		f.Relayout()
		return
	}
	if !f.spec.StaysOpen {
		f.Close()
	}
	done()
}

func (f *Form) onDismiss() {
	f.Close()
	if f.OnDismissed != nil {
		f.OnDismissed()
	}
}
