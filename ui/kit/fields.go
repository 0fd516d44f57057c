package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Field is one row of a form: what the field is, the field, and its problem beneath it.
type Field struct {
	Name    string
	Widget  fyne.CanvasObject
	Problem *widget.Label // nil for a field that cannot be wrong
	// Row, when set, is given the row Grid lays out, so the form can hide it while it does
	// not apply, such as the carer of a PAM that is not a Carer PAM.
	Row *Row
}

// Row is a field as a Grid laid it out: its name and its value, hidden and shown together.
// Hidden, the form closes up around it.
type Row struct {
	name  *widget.Label
	value *fyne.Container
}

// Show shows the row, or hides it.
func (r Row) Show(on bool) {
	r.name.Hidden = !on
	r.value.Hidden = !on
}

// Visible reports whether the row is shown.
func (r Row) Visible() bool { return r.value.Visible() }

// Grid lays out fields in two columns, names in bold on the left, each field over its problem.
func Grid(fields ...Field) *fyne.Container {
	objects := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		name := Bold(f.Name)
		if f.Problem == nil && f.Row == nil {
			objects = append(objects, name, f.Widget)
			continue
		}
		value := container.NewVBox(f.Widget)
		if f.Problem != nil {
			value.Add(f.Problem)
		}
		if f.Row != nil {
			*f.Row = Row{name: name, value: value}
		}
		objects = append(objects, name, value)
	}
	return container.New(layout.NewFormLayout(), objects...)
}

// NewEntry is a one-line entry with a hint of what to write.
func NewEntry(placeHolder string) *Entry {
	e := NewTextEntry()
	e.SetPlaceHolder(placeHolder)
	return e
}

// NewSelect offers options, saying what to choose until one is chosen; changed is called with
// each choice and may be nil.
func NewSelect(options []string, placeHolder string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = placeHolder
	return s
}
