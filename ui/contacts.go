package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// contactsDialog shows a person's contacts log and adds to it. The log is append-only: a
// wrong entry is put right by a note on a new one.
type contactsDialog struct {
	tools   *enrolTools
	work    worker
	today   careplan.Date
	patient careplan.Patient
	onSaved func(careplan.Patient)

	history        *fyne.Container
	kind           *widget.Select
	kindProblem    *widget.Label
	on             *widget.Entry
	onProblem      *widget.Label
	by             *widget.Entry
	byProblem      *widget.Label
	minutes        *widget.Entry
	minutesProblem *widget.Label
	note           *widget.Entry
	noteProblem    *widget.Label
	problem        *widget.Label
	save           *widget.Button
	closeButton    *widget.Button
	dialog         *dialog.CustomDialog
	added          bool // a contact was saved: the summary reloads on closing
}

func newContactsDialog(tools *enrolTools, work worker, today careplan.Date, p careplan.Patient, onSaved func(careplan.Patient)) *contactsDialog {
	d := &contactsDialog{tools: tools, work: work, today: today, patient: p, onSaved: onSaved}
	d.history = container.NewVBox(quiet("Reading the contacts log…"))
	var kinds []string
	for _, k := range careplan.ContactKinds() {
		kinds = append(kinds, k.Label())
	}
	d.kind = widget.NewSelect(kinds, nil)
	d.kind.PlaceHolder = "Choose how"
	d.kindProblem = problemLabel()
	d.on = widget.NewEntry()
	d.on.SetPlaceHolder("DD/MM/YYYY")
	d.on.SetText(today.Time().Format("02/01/2006"))
	d.onProblem = problemLabel()
	d.by = widget.NewEntry()
	d.by.SetPlaceHolder("Who made the contact")
	d.byProblem = problemLabel()
	d.minutes = widget.NewEntry()
	d.minutes.SetPlaceHolder("e.g. 30")
	d.minutesProblem = problemLabel()
	d.note = widget.NewEntry()
	d.note.SetPlaceHolder("A short note")
	d.noteProblem = problemLabel()
	d.problem = problemLabel()
	d.save = widget.NewButton("Add contact", d.onSave)
	d.save.Importance = widget.HighImportance
	d.closeButton = widget.NewButton("Close", d.onClose)
	scroll := container.NewVScroll(d.history)
	scroll.SetMinSize(fyne.NewSize(0, 180))
	body := container.NewVBox(scroll, widget.NewSeparator(), subheading("Add a contact", widget.MediumImportance),
		formGrid(
			formField{"How", d.kind, d.kindProblem},
			formField{"Date", d.on, d.onProblem},
			formField{"By", d.by, d.byProblem},
			formField{"Minutes", d.minutes, d.minutesProblem},
			formField{"Note", d.note, d.noteProblem}),
		d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Contacts log", p), body, tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.closeButton, d.save})
	return d
}

func (d *contactsDialog) open() {
	d.relayout()
	d.dialog.Show()
	d.reload()
}

func (d *contactsDialog) relayout() { fitDialog(d.dialog, 760) }

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
		d.history.Add(centredMessage(fmt.Sprintf("The contacts log could not be read: %v", err), widget.DangerImportance))
	case len(all) == 0:
		d.history.Add(quiet("No contacts recorded yet."))
	default:
		rows := make([][]*widget.Label, 0, len(all))
		for i := len(all) - 1; i >= 0; i-- {
			c := all[i]
			rows = append(rows, []*widget.Label{para(c.On.Display()), para(c.Kind.Label()), para(c.By),
				para(strconv.Itoa(c.Minutes)), para(c.Note)})
		}
		d.history.Add(table(contactColumns(), []string{"Date", "How", "By", "Minutes", "Note"}, rows))
	}
	d.history.Refresh()
	d.relayout()
}

// read builds the contact with each problem next to its field (careplan.Contact.Validate).
func (d *contactsDialog) read() (careplan.Contact, bool) {
	c := careplan.Contact{PatientID: d.patient.ID, By: strings.TrimSpace(d.by.Text), Note: strings.TrimSpace(d.note.Text)}
	if i := d.kind.SelectedIndex(); i >= 0 {
		c.Kind = careplan.ContactKinds()[i]
	}
	problems := map[*widget.Label]string{}
	var msg string
	if c.On, msg = readDate(d.on.Text, "date of the contact"); msg != "" {
		problems[d.onProblem] = msg
	}
	minutes, err := strconv.Atoi(strings.TrimSpace(d.minutes.Text))
	if err != nil {
		problems[d.minutesProblem] = "Write the minutes as a whole number, such as 30."
	}
	c.Minutes = minutes
	verr := c.Validate(d.today)
	if errors.Is(verr, careplan.ErrContactKind) {
		problems[d.kindProblem] = "Choose how the contact was made."
	}
	if msg == "" && errors.Is(verr, careplan.ErrContactInFuture) {
		problems[d.onProblem] = "The date cannot be in the future."
	}
	if errors.Is(verr, careplan.ErrContactBy) {
		problems[d.byProblem] = "Say who made the contact."
	}
	if err == nil && errors.Is(verr, careplan.ErrContactMinutes) {
		problems[d.minutesProblem] = fmt.Sprintf("Write from 1 to %d minutes.", careplan.MaxContactMinutes)
	}
	if errors.Is(verr, careplan.ErrContactNote) {
		problems[d.noteProblem] = fmt.Sprintf("Keep the note to %d characters: the log is a summary.", careplan.MaxContactNote)
	}
	for _, l := range []*widget.Label{d.kindProblem, d.onProblem, d.byProblem, d.minutesProblem, d.noteProblem} {
		setProblem(l, problems[l])
	}
	return c, len(problems) == 0
}

func (d *contactsDialog) onSave() {
	setProblem(d.problem, "")
	c, ok := d.read()
	d.relayout()
	if !ok {
		return
	}
	d.save.Disable()
	var err error
	d.work.run(func() { err = d.tools.enrol.SaveContact(&c) }, func() { d.saved(err) })
}

func (d *contactsDialog) saved(err error) {
	d.save.Enable()
	if err != nil {
		setProblem(d.problem, fmt.Sprintf("The contact could not be saved: %v", err))
		d.relayout()
		return
	}
	d.added = true
	d.kind.ClearSelected()
	d.minutes.SetText("")
	d.note.SetText("")
	d.reload()
}

// onClose closes the log, reloading the summary (and the caseload's queues) if it changed.
func (d *contactsDialog) onClose() {
	d.dialog.Hide()
	if d.added {
		d.onSaved(d.patient)
	}
}
