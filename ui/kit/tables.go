package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Table is rows of labels in fixed proportions under a bold header, for short histories.
func Table(weights []float32, header []string, rows [][]*widget.Label) fyne.CanvasObject {
	cells := make([][]fyne.CanvasObject, len(rows))
	for i, r := range rows {
		cells[i] = make([]fyne.CanvasObject, len(r))
		for j, c := range r {
			cells[i][j] = c
		}
	}
	return ObjectTable(weights, header, cells)
}

// ObjectTable is Table for rows that hold more than labels, such as a button to mark a record
// entered in error or to edit it.
func ObjectTable(weights []float32, header []string, rows [][]fyne.CanvasObject) fyne.CanvasObject {
	out := container.NewVBox()
	head := make([]fyne.CanvasObject, len(header))
	for i, h := range header {
		head[i] = Bold(h)
	}
	out.Add(container.New(&Columns{Weights: weights}, head...))
	for _, r := range rows {
		out.Add(container.New(&Columns{Weights: weights}, r...))
	}
	return out
}

// Facts is a two-column list of what each thing is and its value.
type Facts struct {
	objects []fyne.CanvasObject
}

// Add puts one fact in the list and returns its value, so callers can highlight it.
func (f *Facts) Add(what, value string) *widget.Label {
	v := Para(value)
	f.objects = append(f.objects, widget.NewLabel(what), v)
	return v
}

// Grid lays the facts out, names on the left.
func (f *Facts) Grid() fyne.CanvasObject {
	return container.New(layout.NewFormLayout(), f.objects...)
}
