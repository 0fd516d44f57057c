package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// centredMessage is a line of text in the middle of a screen, for loading and for problems.
func centredMessage(text string, importance widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	l.Importance = importance
	return container.New(&readingWidth{max: 520}, l)
}

// section is a heading over its content, one block of the patient summary.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabel(title)
	heading.SizeName = theme.SizeNameSubHeadingText
	heading.TextStyle.Bold = true
	return container.NewVBox(append([]fyne.CanvasObject{heading}, content...)...)
}

// subheading names a part of a section, such as a goal domain.
func subheading(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Importance = importance
	return l
}

// para is text that wraps to the width of the summary.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// quiet is text that matters less than what is around it: "none recorded" and the like.
// It is set in italics rather than greyed out, so that it stays readable for poor eyesight.
func quiet(text string) *widget.Label {
	l := para(text)
	l.TextStyle.Italic = true
	return l
}

// facts is a two-column list of what each thing is and its value.
type facts struct {
	objects []fyne.CanvasObject
}

// add puts one fact in the list and returns its value, so callers can highlight it.
func (f *facts) add(what, value string) *widget.Label {
	key := widget.NewLabel(what)
	v := para(value)
	f.objects = append(f.objects, key, v)
	return v
}

func (f *facts) grid() fyne.CanvasObject {
	return container.New(layout.NewFormLayout(), f.objects...)
}

// table is rows of labels in fixed proportions under a bold header, for short histories.
func table(weights []float32, header []string, rows [][]*widget.Label) fyne.CanvasObject {
	cells := make([][]fyne.CanvasObject, len(rows))
	for i, r := range rows {
		cells[i] = make([]fyne.CanvasObject, len(r))
		for j, c := range r {
			cells[i][j] = c
		}
	}
	return objectTable(weights, header, cells)
}

// objectTable is table for rows that hold more than labels, such as a button to mark a record
// entered in error.
func objectTable(weights []float32, header []string, rows [][]fyne.CanvasObject) fyne.CanvasObject {
	out := container.NewVBox()
	head := make([]fyne.CanvasObject, len(header))
	for i, h := range header {
		l := widget.NewLabel(h)
		l.TextStyle.Bold = true
		head[i] = l
	}
	out.Add(container.New(&columns{weights: weights}, head...))
	for _, r := range rows {
		out.Add(container.New(&columns{weights: weights}, r...))
	}
	return out
}
