package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// labelTexts lists the text of every visible label under o, in layout order.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

// labelShown reports whether a visible label under o says exactly text.
func labelShown(o fyne.CanvasObject, text string) bool {
	for _, s := range labelTexts(o) {
		if s == text {
			return true
		}
	}
	return false
}
