package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// Parts shared by the outcome forms: fields with their problem shown inline beneath them, and
// a dialog title that names the person, so nobody records a measure against the wrong patient.

// problemLabel is a field's inline problem, hidden until there is one.
func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setProblem shows text under a field, or hides the problem when text is empty.
func setProblem(l *widget.Label, text string) {
	l.SetText(text)
	l.Hidden = text == ""
	l.Refresh()
}

// formField is one row of a form: what the field is, the field, and its problem beneath it.
type formField struct {
	label   string
	field   fyne.CanvasObject
	problem *widget.Label // nil for a field that cannot be wrong
}

// optionalRow is a form row shown only sometimes, such as the carer of a Carer PAM. Hidden,
// the form closes up around it.
type optionalRow struct {
	name  *widget.Label
	value *fyne.Container
}

func newOptionalRow(f formField) optionalRow {
	name := widget.NewLabel(f.label)
	name.TextStyle.Bold = true
	return optionalRow{name: name, value: container.NewVBox(f.field, f.problem)}
}

func (r optionalRow) show(on bool) {
	r.name.Hidden = !on
	r.value.Hidden = !on
}

func (r optionalRow) visible() bool { return r.value.Visible() }

// formGrid lays out fields in two columns, names on the left.
func formGrid(fields ...formField) *fyne.Container {
	return formGridWith(nil, fields...)
}

// formGridWith is formGrid with an optional row, placed where fields holds one without a
// field, so it lines up with the rest of the form when shown.
func formGridWith(opt *optionalRow, fields ...formField) *fyne.Container {
	var objects []fyne.CanvasObject
	for _, f := range fields {
		if f.field == nil && opt != nil {
			objects = append(objects, opt.name, opt.value)
			continue
		}
		name := widget.NewLabel(f.label)
		name.TextStyle.Bold = true
		value := f.field
		if f.problem != nil {
			value = container.NewVBox(f.field, f.problem)
		}
		objects = append(objects, name, value)
	}
	return container.New(layout.NewFormLayout(), objects...)
}

// whoseTitle names the person a dialog is about: "Record a PAM · Siân O'Brien · 999 000 1009".
func whoseTitle(what string, p careplan.Patient) string {
	return what + " · " + p.FullName() + " · NHS " + p.NHSNumber.Display()
}

// dialogWidth is wide enough for a form's longest choice and its inline problems.
const dialogWidth = 680

// fitDialog sizes a dialog to its content at dialogWidth. It resizes twice because wrapped
// text knows its height only once it has been laid out at its width.
func fitDialog(d interface {
	Resize(fyne.Size)
	MinSize() fyne.Size
}, width float32) {
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
}
