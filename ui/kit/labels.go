package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Para is text that wraps to the width it is given.
func Para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Quiet is text that matters less than what is around it: "none recorded" and the like. It is
// set in italics rather than greyed out, so that it stays readable for poor eyesight.
func Quiet(text string) *widget.Label {
	l := Para(text)
	l.TextStyle.Italic = true
	return l
}

// Bold is a short bold label that does not wrap, such as a column's name.
func Bold(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// Subheading names a part of a section, such as a goal domain; importance colours it, as the
// green, amber and red parts of a crisis plan are.
func Subheading(text string, importance widget.Importance) *widget.Label {
	l := Bold(text)
	l.Importance = importance
	return l
}

// Hint is a short italic note that sits beside a field and does not wrap.
func Hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Italic = true
	return l
}

// Section is a heading over its content, one block of a summary or report.
func Section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabel(title)
	heading.SizeName = theme.SizeNameSubHeadingText
	heading.TextStyle.Bold = true
	return container.NewVBox(append([]fyne.CanvasObject{heading}, content...)...)
}

// CentredMessage is a line of text in the middle of a screen, for loading and for problems.
func CentredMessage(text string, importance widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	l.Importance = importance
	return container.New(&ReadingWidth{Max: 520}, l)
}

// FixedWidth gives o a set width, so a short field does not stretch across the window.
func FixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}
