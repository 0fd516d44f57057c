package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/caseload"
	"carehub/careplan/demo"
	"carehub/store"
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
	fillDemo(t, st, 400)
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

// fillDemo saves n demo people (and the demo staff) into st, as app.LoadDemo does.
func fillDemo(t *testing.T, st *store.Store, n int) {
	t.Helper()
	g := demo.New(1, fixedToday())
	err := st.Import(func(b *store.Batch) error {
		for _, m := range g.Staff() {
			if err := b.SaveStaff(&m); err != nil {
				return err
			}
		}
		for range n {
			p := g.Next()
			if err := b.SavePatient(&p.Patient); err != nil {
				return err
			}
			for i := range p.Plans {
				p.Plans[i].PatientID = p.Patient.ID
				if err := b.SavePlan(&p.Plans[i]); err != nil {
					return err
				}
			}
			for i := range p.Assessments {
				p.Assessments[i].PatientID = p.Patient.ID
				if err := b.SaveAssessment(&p.Assessments[i]); err != nil {
					return err
				}
			}
			for i := range p.Contacts {
				p.Contacts[i].PatientID = p.Patient.ID
				if err := b.SaveContact(&p.Contacts[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
