package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// contactsDialog shows a person's contacts log and adds to it. The log is append-only: a
// wrong entry is put right by a note on a new one.
type contactsDialog struct {
	tools   *enrolTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	onSaved func(careplan.Patient)
	form    *kit.Form

	history        *fyne.Container
	kind           *widget.Select
	kindProblem    *widget.Label
	on             *kit.Entry
	onProblem      *widget.Label
	by             *kit.Entry
	byProblem      *widget.Label
	minutes        *kit.Entry
	minutesProblem *widget.Label
	note           *kit.Entry
	noteProblem    *widget.Label
	added          bool // a contact was saved: the summary reloads on closing
}

func newContactsDialog(tools *enrolTools, work worker, today careplan.Date, p careplan.Patient, onSaved func(careplan.Patient)) *contactsDialog {
	d := &contactsDialog{tools: tools, work: work, today: today, patient: p, onSaved: onSaved}
	d.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Contacts log", p),
		Save: "Add contact", Dismiss: "Close", Failed: "The contact could not be saved", Width: 760, StaysOpen: true}, d.onSave)
	d.form.OnDismissed = d.onClosed
	d.history = container.NewVBox(kit.Quiet("Reading the contacts log…"))
	var kinds []string
	for _, k := range careplan.ContactKinds() {
		kinds = append(kinds, k.Label())
	}
	d.kind = kit.NewSelect(kinds, "Choose how", nil)
	d.kindProblem = d.form.NewProblemLabel()
	d.on = kit.DateEntry(today)
	d.onProblem = d.form.NewProblemLabel()
	d.by = kit.NewEntry("Who made the contact")
	d.by.SetText(tools.me)
	d.byProblem = d.form.NewProblemLabel()
	d.minutes = kit.NewEntry("e.g. 30")
	d.minutesProblem = d.form.NewProblemLabel()
	d.note = kit.NewEntry("A short note")
	d.noteProblem = d.form.NewProblemLabel()
	scroll := container.NewVScroll(d.history)
	scroll.SetMinSize(fyne.NewSize(0, 180))
	d.form.SetContent(scroll, widget.NewSeparator(), kit.Subheading("Add a contact", widget.MediumImportance),
		kit.Grid(
			kit.Field{Name: "How", Widget: d.kind, Problem: d.kindProblem},
			kit.Field{Name: "Date", Widget: d.on, Problem: d.onProblem},
			kit.Field{Name: "By", Widget: d.by, Problem: d.byProblem},
			kit.Field{Name: "Minutes", Widget: d.minutes, Problem: d.minutesProblem},
			kit.Field{Name: "Note", Widget: d.note, Problem: d.noteProblem}))
	return d
}

// open shows the log and reads it in the worker.
func (d *contactsDialog) open() {
	d.form.Open(nil)
	d.reload()
}

// reload reads the log in the worker.
func (d *contactsDialog) reload() {
	var (
		all []careplan.Contact
		err error
	)
	id := d.patient.ID
	d.work.run(func() { all, err = d.tools.enrol.Contacts(id) }, func() { d.show(all, err) })
}

func contactColumns() []float32 { return []float32{1.1, 1.1, 1.3, 0.7, 3} }

// show lists the contacts, newest first: the latest is what the next visit needs.
func (d *contactsDialog) show(all []careplan.Contact, err error) {
	d.history.RemoveAll()
	switch {
	case err != nil:
		d.history.Add(kit.CentredMessage(fmt.Sprintf("The contacts log could not be read: %v", err), widget.DangerImportance))
	case len(all) == 0:
		d.history.Add(kit.Quiet("No contacts recorded yet."))
	default:
		rows := make([][]*widget.Label, 0, len(all))
		for i := len(all) - 1; i >= 0; i-- {
			c := all[i]
			rows = append(rows, []*widget.Label{kit.Para(c.On.Display()), kit.Para(c.Kind.Label()), kit.Para(c.By),
				kit.Para(strconv.Itoa(c.Minutes)), kit.Para(c.Note)})
		}
		d.history.Add(kit.Table(contactColumns(), []string{"Date", "How", "By", "Minutes", "Note"}, rows))
	}
	d.history.Refresh()
	d.form.Relayout()
}

// read builds the contact with each problem next to its field (careplan.Contact.Validate).
func (d *contactsDialog) read() (careplan.Contact, bool) {
	c := careplan.Contact{PatientID: d.patient.ID, By: strings.TrimSpace(d.by.Text), Note: strings.TrimSpace(d.note.Text)}
	if i := d.kind.SelectedIndex(); i >= 0 {
		c.Kind = careplan.ContactKinds()[i]
	}
	problems := kit.Problems{}
	c.On = problems.ReadDate(d.on.Text, "date of the contact", d.onProblem)
	minutes, err := strconv.Atoi(strings.TrimSpace(d.minutes.Text))
	if err != nil {
		problems[d.minutesProblem] = "Write the minutes as a whole number, such as 30."
	}
	c.Minutes = minutes
	verr := c.Validate(d.today)
	problems.When(verr, careplan.ErrContactKind, d.kindProblem, "Choose how the contact was made.")
	problems.When(verr, careplan.ErrContactInFuture, d.onProblem, "The date cannot be in the future.")
	problems.When(verr, careplan.ErrContactBy, d.byProblem, "Say who made the contact.")
	problems.When(verr, careplan.ErrContactMinutes, d.minutesProblem, fmt.Sprintf("Write from 1 to %d minutes.", careplan.MaxContactMinutes))
	problems.When(verr, careplan.ErrContactNote, d.noteProblem,
		fmt.Sprintf("Keep the note to %d characters: the log is a summary.", careplan.MaxContactNote))
	return c, d.form.Show(problems)
}

// onSave adds the contact in the worker; the log stays open for the next one.
func (d *contactsDialog) onSave() {
	if c, ok := d.read(); ok {
		d.form.Submit(func() error { return d.tools.enrol.SaveContact(&c) }, d.saved)
	}
}

// saved empties the form for the next contact (the date and who made it usually stay) and
// reads the log again to show the new one.
func (d *contactsDialog) saved() {
	d.added = true
	d.kind.ClearSelected()
	d.minutes.SetText("")
	d.note.SetText("")
	d.reload()
}

// onClosed reloads the summary (and the caseload's queues) if the log changed.
func (d *contactsDialog) onClosed() {
	if d.added {
		d.onSaved(d.patient)
	}
}
