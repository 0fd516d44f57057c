package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A key worker writing a plan without the mouse can change a goal's domain from the keyboard:
// focus the drop-down, open it with Space, move with the arrow keys, choose with Enter.
func TestGoalDomainCanBeChosenByKeyboard(t *testing.T) {
	s, w, f := planSession(t)
	e := s.patient.plan.editor
	c := w.Canvas()
	e.newGoalDomain.SetSelected("Social")
	c.Focus(e.newGoalWords)
	test.Type(c.Focused(), "I want to see my friends at chapel")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(e.goalCards) != 1 {
		t.Fatalf("%d goals", len(e.goalCards))
	}
	domain := e.goalCards[0].domain
	before := domain.Selected

	c.Focus(domain)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	menu := c.Focused()
	if menu == nil || menu == domain {
		t.Fatalf("Space did not open the domain list (focus on %T)", menu)
	}
	// The list runs Mind, Social, Movement...: the first Down lands on Mind, the third on Movement.
	for range 3 {
		menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if domain.Selected == before || domain.Selected != "Movement" {
		t.Fatalf("the domain is still %q after choosing by keyboard", domain.Selected)
	}
	vs := f.storedVersions(t)
	if got := string(vs[len(vs)-1].Goals[0].Domain); got != domain.Selected {
		t.Errorf("saved domain %q, the screen shows %q", got, domain.Selected)
	}
}
