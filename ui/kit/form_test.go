package kit

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// nameForm is the smallest form a screen would write with the kit: one required name.
type nameForm struct {
	form        *Form
	name        *Entry
	nameProblem *widget.Label
	save        func(name string) error
	saved       []string // what done was told, in order
}

func newNameForm(w fyne.Window, work Worker, spec FormSpec, save func(string) error) *nameForm {
	f := &nameForm{save: save}
	f.form = NewForm(w, work, spec, f.onSave)
	f.name = NewEntry("Your name")
	f.nameProblem = f.form.NewProblemLabel()
	f.form.SetContent(Para("Who is this?"), Grid(Field{Name: "Name", Widget: f.name, Problem: f.nameProblem}))
	return f
}

func (f *nameForm) onSave() {
	name := strings.TrimSpace(f.name.Text)
	problems := Problems{}
	if name == "" {
		problems[f.nameProblem] = "Write a name."
	}
	if !f.form.Show(problems) {
		return
	}
	f.form.Submit(func() error { return f.save(name) }, func() { f.saved = append(f.saved, name) })
}

func TestFormRefusesAProblemThenSavesAndCloses(t *testing.T) {
	w := testWindow(t)
	var stored []string
	f := newNameForm(w, inline, FormSpec{Title: "Name", Save: "Save name", Failed: "The name could not be saved"},
		func(n string) error { stored = append(stored, n); return nil })
	f.form.Open(f.name)
	test.Tap(f.form.Save)
	if !f.nameProblem.Visible() || f.nameProblem.Text != "Write a name." || len(stored) != 0 {
		t.Fatalf("a blank name: problem %q shown %v, stored %q", f.nameProblem.Text, f.nameProblem.Visible(), stored)
	}
	if !dialogOpen(w) {
		t.Fatal("a form with a problem closed")
	}
	test.Type(f.name, "Sam Green")
	test.Tap(f.form.Save)
	if len(stored) != 1 || stored[0] != "Sam Green" || len(f.saved) != 1 {
		t.Fatalf("stored %q, done told %q", stored, f.saved)
	}
	if f.nameProblem.Visible() {
		t.Error("the problem put right still shows")
	}
	if dialogOpen(w) {
		t.Error("the form is still open after saving")
	}
}

func TestFormFailedSaveKeepsWhatWasTyped(t *testing.T) {
	w := testWindow(t)
	f := newNameForm(w, inline, FormSpec{Title: "Name", Save: "Save name", Failed: "The name could not be saved"},
		func(string) error { return errors.New("the disk is full") })
	f.form.Open(nil)
	test.Type(f.name, "Sam Green")
	test.Tap(f.form.Save)
	if got := f.form.Problem.Text; got != "The name could not be saved: the disk is full" || !f.form.Problem.Visible() {
		t.Errorf("a failed save says %q (shown %v)", got, f.form.Problem.Visible())
	}
	if !dialogOpen(w) || f.name.Text != "Sam Green" || len(f.saved) != 0 {
		t.Errorf("after a failed save: open %v, name %q, done told %q", dialogOpen(w), f.name.Text, f.saved)
	}
	if f.form.Save.Disabled() {
		t.Error("Save stays disabled after a failed save, so it cannot be tried again")
	}
	// Trying again clears the old failure before anything else is said.
	f.name.SetText("")
	test.Tap(f.form.Save)
	if f.form.Problem.Visible() {
		t.Error("the last save's failure still shows under a new problem")
	}
}

func TestFormSaveDisabledWhileSaving(t *testing.T) {
	w := testWindow(t)
	held := &heldWorker{}
	var stored []string
	f := newNameForm(w, held, FormSpec{Title: "Name", Save: "Save name", Failed: "Not saved"},
		func(n string) error { stored = append(stored, n); return nil })
	f.form.Open(nil)
	test.Type(f.name, "Jo Marsh")
	test.Tap(f.form.Save)
	if !f.form.Save.Disabled() || len(stored) != 0 {
		t.Fatalf("mid-save: Save disabled %v, stored %q", f.form.Save.Disabled(), stored)
	}
	held.finish()
	if len(stored) != 1 || dialogOpen(w) || f.form.Save.Disabled() {
		t.Errorf("after the save: stored %q, open %v, Save disabled %v", stored, dialogOpen(w), f.form.Save.Disabled())
	}
}

func TestFormThatStaysOpen(t *testing.T) {
	w := testWindow(t)
	f := newNameForm(w, inline, FormSpec{Title: "Log", Save: "Add", Dismiss: "Close", Failed: "Not added", StaysOpen: true},
		func(string) error { return nil })
	dismissed := 0
	f.form.OnDismissed = func() { dismissed++ }
	f.form.Open(nil)
	test.Type(f.name, "first")
	test.Tap(f.form.Save)
	if !dialogOpen(w) || len(f.saved) != 1 {
		t.Fatalf("a form that stays open: open %v, done told %q", dialogOpen(w), f.saved)
	}
	if f.form.Dismiss.Text != "Close" {
		t.Errorf("dismiss button says %q", f.form.Dismiss.Text)
	}
	test.Tap(f.form.Dismiss)
	if dialogOpen(w) || dismissed != 1 {
		t.Errorf("Close: open %v, OnDismissed ran %d times", dialogOpen(w), dismissed)
	}
}

func TestFormDangerAndDefaults(t *testing.T) {
	w := testWindow(t)
	f := newNameForm(w, inline, FormSpec{Title: "Mark", Save: "Mark entered in error", Danger: true}, func(string) error { return nil })
	if f.form.Save.Importance != widget.DangerImportance {
		t.Error("a step that cannot be undone is not red")
	}
	if f.form.Dismiss.Text != "Cancel" {
		t.Errorf("the default dismiss says %q", f.form.Dismiss.Text)
	}
	f.form.Open(f.name)
	if w.Canvas().Focused() != f.name {
		t.Error("the form did not open in its first field")
	}
	test.Tap(f.form.Dismiss)
	if dialogOpen(w) || len(f.saved) != 0 {
		t.Error("Cancel saved or left the form open")
	}
}

func TestSubmitResultHandsOnWhatWasSaved(t *testing.T) {
	w := testWindow(t)
	f := NewForm(w, inline, FormSpec{Title: "Consent", Save: "Save decision", Failed: "Not saved"}, nil)
	f.SetContent(Para("Consent to join"))
	f.Open(nil)
	var got string
	SubmitResult(f, func() (string, error) { return "record v2", nil }, func(saved string) { got = saved })
	if got != "record v2" || dialogOpen(w) {
		t.Errorf("done was given %q; form open %v", got, dialogOpen(w))
	}
	f.Open(nil)
	SubmitResult(f, func() (string, error) { return "", errors.New("locked") }, func(string) { t.Error("done ran after a failed save") })
	if f.Problem.Text != "Not saved: locked" {
		t.Errorf("failure says %q", f.Problem.Text)
	}
}
