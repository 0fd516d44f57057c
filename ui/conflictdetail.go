package ui

import (
	"time"

	"carehub/careplan/devices"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// The two choices for each field of a conflict.
const (
	keepOurs   = "Keep this device's"
	keepTheirs = "Keep theirs"
)

// conflictColumns are the detail's columns: field, this device's value, theirs, and the
// choice, which gets the width its longer option needs so it is never cut short.
func conflictColumns() *kit.Columns {
	keep := widget.NewRadioGroup([]string{keepOurs, keepTheirs}, nil).MinSize().Width
	return &kit.Columns{Weights: []float32{1, 2, 2}, Fixed: map[int]float32{3: keep}}
}

// conflictDetail shows one conflict: whose record, both sides in words, and a choice per
// field. The person's name and NHS number head it and stay in view while the fields scroll,
// so nobody resolves a conflict believing it is someone else's record.
type conflictDetail struct {
	conflict devices.Conflict
	onSave   func()

	patient              *widget.Label
	what                 *widget.Label
	oursHead, theirsHead *widget.Label
	rows                 []*conflictFieldRow
	save                 *widget.Button
	root                 fyne.CanvasObject
}

func newConflictDetail(c devices.Conflict, onSave func()) *conflictDetail {
	d := &conflictDetail{conflict: c, onSave: onSave}
	d.patient = widget.NewLabel(whoseRecord(c))
	d.patient.SizeName = theme.SizeNameSubHeadingText
	d.patient.TextStyle.Bold = true
	d.patient.Wrapping = fyne.TextWrapWord
	d.what = widget.NewLabel(c.What)
	d.oursHead = columnHeading("This device: " + sideText(c.Ours))
	d.theirsHead = columnHeading(sideText(c.Theirs))
	head := container.New(conflictColumns(), kit.Bold("Field"), d.oursHead, d.theirsHead, kit.Bold("Keep"))

	fields := container.NewVBox()
	for _, f := range c.Fields {
		r := newConflictFieldRow(f)
		d.rows = append(d.rows, r)
		fields.Add(r.root)
		fields.Add(widget.NewSeparator())
	}
	d.save = widget.NewButtonWithIcon("Save choice", theme.DocumentSaveIcon(), d.onSaveTapped)
	d.save.Importance = widget.HighImportance
	top := container.NewVBox(d.patient, d.what, widget.NewSeparator(), head)
	bottom := container.NewHBox(layout.NewSpacer(), d.save)
	d.root = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(fields))
	return d
}

func (d *conflictDetail) onSaveTapped() { d.onSave() }

// choices says, for each field, which side to keep.
func (d *conflictDetail) choices() map[string]devices.Side {
	keep := make(map[string]devices.Side, len(d.rows))
	for _, r := range d.rows {
		keep[r.key] = r.side()
	}
	return keep
}

func columnHeading(text string) *widget.Label {
	l := kit.Bold(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// sideText names who made one side's edit, on which device and when.
func sideText(s devices.ConflictSide) string {
	return s.Device + ", " + orNotRecorded(s.User) + ", " + whenText(s.When)
}

// latest is the later of two times.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// conflictFieldRow is one field of a conflict: its name, both values, and which to keep.
type conflictFieldRow struct {
	key                 string
	label, ours, theirs *widget.Label
	keep                *widget.RadioGroup
	root                *fyne.Container
}

func newConflictFieldRow(f devices.ConflictField) *conflictFieldRow {
	r := &conflictFieldRow{key: f.Key}
	r.label = kit.Bold(f.Label)
	r.label.Wrapping = fyne.TextWrapWord
	r.ours = valueLabel(f.Ours)
	r.theirs = valueLabel(f.Theirs)
	r.keep = widget.NewRadioGroup([]string{keepOurs, keepTheirs}, nil)
	r.keep.Required = true
	r.keep.Selected = keepOurs // what this device already shows stays unless someone says otherwise
	r.root = container.New(conflictColumns(), r.label, r.ours, r.theirs, r.keep)
	return r
}

// valueLabel shows one side's value, wrapped, and selectable so it can be copied.
func valueLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

func (r *conflictFieldRow) side() devices.Side {
	if r.keep.Selected == keepTheirs {
		return devices.Theirs
	}
	return devices.Ours
}
