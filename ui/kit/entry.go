package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field that leaves the keys it has no use for to the window: Escape reaches
// the window's key handler (which closes the dialog the field is in) instead of being
// swallowed, and Tab always moves to the next field, even out of a multi-line box, so no tab
// character is ever typed into a reason or a plan.
type Entry struct {
	widget.Entry
	// OnDown, when set, is what the Down arrow does in a one-line field: the caseload's
	// search box moves to the rows it filters.
	OnDown func()
}

var _ fyne.Widget = (*Entry)(nil)

// NewTextEntry is a one-line Entry.
func NewTextEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewTextBox is a multi-line Entry that wraps its words, for a reason or a note.
func NewTextBox() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer is the Entry's own, with a wheel over a multi-line box so the mouse wheel
// scrolls the page when the box's text has nowhere to scroll (see wheel).
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	if !e.MultiLine {
		return r
	}
	return &wheelRenderer{WidgetRenderer: r, wheel: newWheel(e, r)}
}

// AcceptsTab is false: Tab moves focus on, whatever the field (Fyne's multi-line entries
// would otherwise type a tab character).
func (e *Entry) AcceptsTab() bool { return false }

// TypedKey passes Escape to the window, and Down in a one-line field to OnDown; every other
// key is the entry's own.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
		return
	case ev.Name == fyne.KeyDown && !e.MultiLine && e.OnDown != nil:
		e.OnDown()
		return
	}
	e.Entry.TypedKey(ev)
}
