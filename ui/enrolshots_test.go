package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/caseload"
)

// TestScreenshotsEnrolment adds the enrolment screens to TestScreenshots' set (make screenshots
// runs both): the nomination form part filled in, the caseload with its work queues and the hub
// dashboard, over 400 demo people in a real store so the figures look like a hub's.
func TestScreenshotsEnrolment(t *testing.T) {
	dir := os.Getenv("CAREHUB_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CAREHUB_SCREENSHOTS to a directory to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st := newEnrolStore(t)
	st.h.loadDemo(t, 1, 400)
	shoot := func(t *testing.T, w fyne.Window, name string) {
		t.Helper()
		writePNG(t, filepath.Join(dir, name), w.Canvas().Capture(), testWindowSize())
	}
	t.Run("nomination", func(t *testing.T) {
		s, n := openNominationOn(t, st)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		// Someone already on the hub, typed in again: the form offers their record instead.
		e := s.caseload.index.Entry(3)
		in := goodNomination()
		in.nhs, in.given, in.family = e.NHSNumber.Display(), e.GivenName, e.FamilyName
		in.born = e.DateOfBirth.Time().Format("02/01/2006")
		typeNomination(t, n, in)
		shoot(t, s.w, "nomination.png")
	})
	t.Run("nomination-problems", func(t *testing.T) {
		s, n := openNominationOn(t, st)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		typeNomination(t, n, nominationInput{practice: "Frome Medical Practice", ods: "85016", nhs: "943 476 5918",
			given: "Gwen", born: "01/01/2030", conditions: []string{"dement"}})
		test.Tap(n.save)
		shoot(t, s.w, "nomination-problems.png")
	})
	t.Run("queues", func(t *testing.T) {
		s, w := storeSession(t, st)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.queues.queues[caseload.QueueReviewOverdue])
		shoot(t, w, "queues.png")
	})
	t.Run("dashboard", func(t *testing.T) {
		s, w := storeSession(t, st)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.queues.dashboard)
		shoot(t, w, "dashboard.png")
	})
}
