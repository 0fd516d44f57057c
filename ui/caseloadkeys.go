package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// caseloadList is the caseload's virtual list, which a key worker can walk with the arrow
// keys: Enter (as well as Space) opens the row with the keyboard's focus.
type caseloadList struct {
	widget.List
}

var _ fyne.Widget = (*caseloadList)(nil)

func newCaseloadList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *caseloadList {
	l := &caseloadList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the focused row on Enter; the arrows and Space are the list's own.
func (l *caseloadList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	l.List.TypedKey(ev)
}

// onSearchSubmitted opens the first match: a name or NHS number typed in full, then Enter,
// opens the person.
func (s *caseloadScreen) onSearchSubmitted(typed string) {
	if strings.TrimSpace(typed) == "" || len(s.shown) == 0 {
		return // Enter in an empty box opens nobody: the first row is nobody's choice
	}
	s.onOpen(s.index.Entry(s.shown[0]).PatientID)
}

// onSearchDown moves from the search box to the first row, for the arrow keys.
func (s *caseloadScreen) onSearchDown() {
	if len(s.shown) == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.list); c != nil {
		c.Focus(s.list)
	}
}
