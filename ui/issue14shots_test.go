package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// TestScreenshotsIssue14 adds issue 14's screens to TestScreenshots' set (make screenshots runs
// it too): the Edit details dialog part filled in (a mobile told apart from the home phone, a
// carer added, large print ticked), the plan editor's Planning ahead section with answers, and
// the Consent section of a record stored as active with no consent to join.
func TestScreenshotsIssue14(t *testing.T) {
	_, shoot := screenshooter(t)
	t.Run("edit-details", func(t *testing.T) {
		st := newEnrolStore(t)
		s, _ := openSaved(t, st)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.patient.enrolDlg.detailsButton)
		d := s.patient.enrolDlg.details
		test.Type(d.mobile, "07700 900456")
		d.largePrint.SetChecked(true)
		test.Tap(d.addCarer)
		test.Type(d.carers[len(d.carers)-1].name, "Zoë D'Arcy")
		shoot(t, s.w, "edit-details.png")
	})
	t.Run("planning-ahead", func(t *testing.T) {
		s, w, _ := planSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		reopenPlan(s)
		e := s.patient.plan.editor
		// As for plan-editor.png: the headless painter does not clip a multi-line field scrolled
		// out of view, so those are left empty.
		c := e.contingency
		for _, en := range []*kit.Entry{e.aboutMe, e.whatMatters, e.strengths, c.green, c.amberSigns, c.amberDo, c.amberCall, c.redCall, c.redKnow} {
			en.SetText("")
			en.SetPlaceHolder("")
			en.FocusLost()
		}
		for i, a := range []struct{ answer, who string }{
			{"In place: the pink form in the kitchen drawer", "Rhodri O'Brien"},
			{"Rhodri O'Brien (son)", "Rhodri O'Brien"},
			{"Not in place", "Siân"},
		} {
			test.Type(e.ahead.answers[i], a.answer)
			test.Type(e.ahead.toldBy[i], a.who)
			e.ahead.answers[i].FocusLost()
			e.ahead.toldBy[i].FocusLost()
		}
		w.Canvas().Unfocus()
		e.scroll.Refresh()
		d := fyne.CurrentApp().Driver()
		top := d.AbsolutePositionForObject(e.ahead.root).Y - d.AbsolutePositionForObject(e.scroll.Content).Y
		e.scroll.ScrollToOffset(fyne.NewPos(0, top-8))
		shoot(t, w, "planning-ahead.png")
	})
	t.Run("consent-to-put-right", func(t *testing.T) {
		r := &people{staff: testStaff(), services: testServices()}
		p := fullPatient(pid("c1"), testNHSNumber(777))
		p.Status, p.Consent = careplan.StatusActive, nil
		r.add(p, nil, nil)
		s, w, _ := unlockedSession(t, r)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.openPatient(p.ID)
		sc, flag := findScroll(s.patient.body), findLabel(s.patient.body, "To put right")
		if sc == nil || flag == nil {
			t.Fatal("the summary has no scroll or no flag")
		}
		sc.Refresh()
		d := fyne.CurrentApp().Driver()
		sc.ScrollToOffset(fyne.NewPos(0, d.AbsolutePositionForObject(flag).Y-d.AbsolutePositionForObject(sc.Content).Y-60))
		shoot(t, w, "consent-to-put-right.png")
	})
}

// findScroll is the first scrolling container laid out under o.
func findScroll(o fyne.CanvasObject) *container.Scroll {
	for _, obj := range test.LaidOutObjects(o) {
		if sc, ok := obj.(*container.Scroll); ok {
			return sc
		}
	}
	return nil
}

// findLabel is the first visible label laid out under o with exactly this text.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() && l.Text == text {
			return l
		}
	}
	return nil
}
