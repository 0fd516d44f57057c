package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// In the plan editor, the mouse wheel over "About me" scrolls the plan, as it does anywhere
// else on the page (Fyne's text box used to keep the wheel to itself).
func TestWheelOverAPlanTextBoxScrollsThePlan(t *testing.T) {
	s, w, _ := planSession(t)
	e := s.patient.plan.editor
	box := e.aboutMe
	if !box.MultiLine {
		t.Fatal("About me is not a text box")
	}
	before := e.scroll.Offset.Y
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(box).Add(fyne.NewPos(box.Size().Width/2, box.Size().Height/2))
	page := d.AbsolutePositionForObject(e.scroll)
	if at.Y < page.Y || at.Y > page.Y+e.scroll.Size().Height {
		t.Fatalf("About me (at %v) is not in view on the plan (%v, %v): the wheel would not be over it", at, page, e.scroll.Size())
	}
	test.Scroll(w.Canvas(), at, 0, -60)
	if e.scroll.Offset.Y <= before {
		t.Errorf("the wheel over About me left the plan at %.0f (was %.0f)", e.scroll.Offset.Y, before)
	}
}
