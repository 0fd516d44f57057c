package ui

import (
	"carehub/ui/kit"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/test/fhirserver"
)

// lightTheme is the default theme in its light variant, as most users will see carehub; the
// test app otherwise asks for no variant at all.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// screenshooter returns the directory CAREHUB_SCREENSHOTS names and what writes a window's
// picture into it, skipping the test when it is not set.
func screenshooter(t *testing.T) (dir string, shoot func(t *testing.T, w fyne.Window, name string)) {
	t.Helper()
	dir = os.Getenv("CAREHUB_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CAREHUB_SCREENSHOTS to a directory to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, func(t *testing.T, w fyne.Window, name string) {
		t.Helper()
		writePNG(t, filepath.Join(dir, name), w.Canvas().Capture(), testWindowSize())
	}
}

// TestScreenshots writes PNGs of the main screens, for the docs and for checking by eye, into
// the directory named by CAREHUB_SCREENSHOTS. It is skipped when that is not set.
func TestScreenshots(t *testing.T) {
	dir, shoot := screenshooter(t)

	t.Run("unlock", func(t *testing.T) {
		h := newTestHub(t, testRecords())
		h.account(t, catCoordinator)
		s, w := newTestSession(t, h.config())
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Type(s.unlock.passphrase, "not the one")
		test.Tap(s.unlock.submit)
		if !s.unlock.problem.Visible() {
			t.Fatal("the wrong passphrase shows no problem")
		}
		shoot(t, w, "unlock.png")
	})
	t.Run("first-run", func(t *testing.T) {
		s, w := newTestSession(t, newEmptyHub(t).config())
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Type(s.unlock.name, "Ada Admin")
		shoot(t, w, "first-run.png")
	})
	t.Run("read-only", func(t *testing.T) {
		h := newTestHub(t, testRecords())
		s, w := h.session(t, access.User{Name: "Ada Admin", Role: access.Administrator})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.openPatient(pid("p01"))
		shoot(t, w, "read-only.png")
	})
	t.Run("users", func(t *testing.T) {
		s, h := roleSession(t, adaAdmin)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.usersButton)
		test.Tap(s.users.rowButtons[account(t, h, "Olu Adebayo").ID])
		shoot(t, s.w, "users.png")
	})
	t.Run("locked", func(t *testing.T) {
		s, _ := lockedPlanSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.lockNow()
		shoot(t, s.w, "locked.png")
	})
	t.Run("audit", func(t *testing.T) {
		s := auditSession(t, auditHub(t), &fakeFiles{})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.auditButton)
		shoot(t, s.w, "audit.png")
	})
	t.Run("sync", func(t *testing.T) {
		f := newSyncHub(t)
		f.importFromLaptop2(t)
		f.setUpTablet(t)
		f.sendToLaptop2(t)
		s := f.syncSession(t, syncCoordinator, &fakeFiles{})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.syncButton)
		shoot(t, s.w, "sync.png")
	})
	t.Run("sync-imported", func(t *testing.T) {
		f := newSyncHub(t)
		s := f.syncSession(t, syncCoordinator, &fakeFiles{path: f.fromLaptop2})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.syncButton)
		test.Tap(s.syncing.importer)
		shoot(t, s.w, "sync-imported.png")
	})
	t.Run("conflicts", func(t *testing.T) {
		f := newSyncHub(t)
		f.importFromLaptop2(t)
		s := f.syncSession(t, syncCoordinator, &fakeFiles{})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.conflictsButton)
		s.resolve.detail.rows[0].keep.SetSelected(keepTheirs)
		shoot(t, s.w, "conflicts.png")
	})
	t.Run("patient-sync", func(t *testing.T) {
		f := newSyncHub(t)
		f.importFromLaptop2(t)
		f.setUpTablet(t)
		s := f.syncSession(t, syncCoordinator, &fakeFiles{})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.openPatient(pid("p01"))
		shoot(t, s.w, "patient-sync.png")
	})
	t.Run("tablet-review-passed", func(t *testing.T) {
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s := newTablet(t).session(t, &fakeFiles{}, func(c *Config) {
			c.Today = func() careplan.Date { return careplan.NewDate(2026, 6, 2) }
		})
		writePNG(t, filepath.Join(dir, "tablet-review-passed.png"), s.w.Canvas().Capture(), fyne.NewSize(1280, 800))
	})
	t.Run("tablet", func(t *testing.T) {
		tab := newTablet(t)
		removal := tab.bundleForTablet(t, "plan.chb", withdrawConsentToJoin(t))
		s := tab.session(t, &fakeFiles{path: removal})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.showTablet() // again, so the tablet scales the light theme
		writePNG(t, filepath.Join(dir, "tablet.png"), s.w.Canvas().Capture(), fyne.NewSize(1280, 800))
		test.Tap(s.tablet.larger)
		test.Tap(s.tablet.larger)
		writePNG(t, filepath.Join(dir, "tablet-large.png"), s.w.Canvas().Capture(), fyne.NewSize(1280, 800))
		test.Tap(s.tablet.sync.update)
		s.tablet.sync.result.close()
		writePNG(t, filepath.Join(dir, "tablet-removed.png"), s.w.Canvas().Capture(), fyne.NewSize(1280, 800))
	})
	t.Run("settings", func(t *testing.T) {
		s, _ := settingsSession(t, adaAdmin, hubSettings{prefs: access.Preferences{Theme: access.ThemeDark}, hub: "Mendip complex care hub"})
		test.Tap(s.caseload.settingsButton)
		shoot(t, s.w, "settings-dark.png")
	})
	t.Run("publish", func(t *testing.T) {
		base := fhirserver.Start(t)
		h := publishHub(t, 30, base)
		s, p := openPublish(t, h, catCoordinator)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(p.button)
		if p.result == nil || len(p.result.lines) == 0 {
			t.Fatal("the publish showed no summary")
		}
		scrollToEnd(s.syncing.scroll)
		shoot(t, s.w, "publish.png")
	})
	t.Run("settings-shared-record", func(t *testing.T) {
		h := publishHub(t, 0, "")
		c := fhir.Connection{URL: "https://fhir.somerset.example.nhs.uk/R4", Auth: fhir.AuthClientCredentials,
			TokenURL: "https://auth.somerset.example.nhs.uk/oauth2/token", ClientID: "carehub-mendip-hub", KeyID: "mendip-2026",
			KeyFile: servicetest.PrivateKeyFile(t), KeyInStore: true}
		h.connect(t, c)
		s, _ := sharedSettings(t, h, adaAdmin, "")
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.caseload.settingsButton) // again, drawn in the light theme
		part := s.settings.shared
		test.Tap(part.save)
		if !strings.HasPrefix(part.said.Text, "Saved.") {
			t.Fatalf("saving said %q", part.said.Text)
		}
		scrollToEnd(s.settings.scroll)
		shoot(t, s.w, "settings-shared-record.png")
	})
	t.Run("caseload", func(t *testing.T) {
		s, w, _ := unlockedSession(t, testRecords())
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		if s.caseload.list.Length() != 20 {
			t.Fatalf("caseload shows %d people, want 20", s.caseload.list.Length())
		}
		shoot(t, w, "caseload.png")
	})
	t.Run("patient", func(t *testing.T) {
		s, w, _ := unlockedSession(t, testRecords())
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.openPatient(pid("p01"))
		if s.patient.nhsNumber.Text == "" {
			t.Fatal("the summary banner has no NHS number")
		}
		shoot(t, w, "patient.png")
	})
	t.Run("outcomes", func(t *testing.T) {
		s, w, _ := outcomesSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		s.openPatient(pid("p01")) // again, so the banner is drawn in the light theme
		s.patient.showOutcomes()
		if s.patient.tabs.SelectedIndex() != 1 {
			t.Fatal("the Outcomes tab is not showing")
		}
		shoot(t, w, "outcomes.png")
	})
	t.Run("evaluation", func(t *testing.T) {
		s, w := evaluationSession(t, evaluationHub(t), &fakeFiles{})
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		test.Tap(s.report.show)
		if s.report.chart == nil {
			t.Fatal("the report shows no chart")
		}
		shoot(t, w, "evaluation.png")
	})
	t.Run("batch-print", func(t *testing.T) {
		held := &heldWorker{}
		shot := false
		var w fyne.Window
		during := func(done int) {
			if done == 2 { // mid-run, with the progress bar half way
				shoot(t, w, "batch-print.png")
				shot = true
			}
		}
		s, win, _ := batchOn(t, &fakeFiles{path: filepath.Join(t.TempDir(), "plans-march.pdf")}, held,
			func(p Printing) Printing { return watchedBatch{p, during} })
		w = win
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		held.finish() // the preview
		test.Tap(s.print)
		held.finish()
		if !shot {
			t.Fatal("the batch never reached half way")
		}
	})
	t.Run("plan-editor", func(t *testing.T) {
		s, w, _ := planSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		reopenPlan(s) // so the banner is drawn in the light theme
		e := s.patient.plan.editor
		writePlanFromTemplate(t, e)
		e.goalCards[0].actions[0].status.SetSelected("done")
		// Fyne's headless painter does not clip a multi-line field scrolled out of view (the
		// desktop driver does), so the shot of the goals is taken with those fields empty.
		for _, en := range []*kit.Entry{e.aboutMe, e.whatMatters, e.strengths} {
			en.SetText("")
			en.SetPlaceHolder("")
			en.FocusLost()
		}
		e.focus(e.goalCards[0].words)
		e.scroll.ScrollToOffset(fyne.NewPos(0, 470)) // the goals, the heart of the plan
		shoot(t, w, "plan-editor.png")
	})
	t.Run("plan-history", func(t *testing.T) {
		s, w, _ := planSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		reopenPlan(s)
		e := s.patient.plan.editor
		writePlanFromTemplate(t, e)
		test.Tap(e.agree)
		test.Tap(e.agreeing.confirm)
		e = s.patient.plan.editor
		e.goalCards[0].words.SetText("I want to walk to the garden gate on my own")
		e.goalCards[0].actions[0].status.SetSelected("done")
		test.Type(e.contingency.amberSigns, "Dizzy when I stand up")
		test.Tap(e.history)
		shoot(t, w, "plan-history.png")
	})
	t.Run("review-wizard", func(t *testing.T) {
		s, _, _ := reviewSession(t)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		reopenPlan(s)
		test.Tap(s.patient.plan.editor.review)
		rw := s.patient.plan.review
		rw.goalParts[0].decision.SetSelected("achieved")
		test.Type(rw.goalParts[0].note, "Back in the choir since January")
		rw.goalParts[1].decision.SetSelected("changed")
		shoot(t, s.w, "review-wizard.png")
	})
	t.Run("empty", func(t *testing.T) {
		s, w, _ := unlockedSession(t, nil)
		fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
		if s.caseload.demo == nil {
			t.Fatal("the empty caseload offers no demo data")
		}
		shoot(t, w, "empty.png")
	})
}

// writePNG saves a capture, after checking it is the window's size and not a blank page.
func writePNG(t *testing.T, path string, img image.Image, size fyne.Size) {
	t.Helper()
	b := img.Bounds()
	if b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
		t.Errorf("%s: captured %dx%d, want %vx%v", path, b.Dx(), b.Dy(), size.Width, size.Height)
	}
	if blank(img) {
		t.Errorf("%s: the capture is blank", path)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Error(err)
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
}

// blank reports whether every pixel is the same colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// scrollToEnd shows the end of a screen that scrolls, once its content is laid out at the
// size it has grown to (which the test driver does only when asked).
func scrollToEnd(sc *container.Scroll) {
	sc.Refresh()
	sc.ScrollToBottom()
}

// reopenPlan opens the person's Care plan tab again, after a theme change.
func reopenPlan(s *session) {
	s.openPatient(s.patient.rec.patient.ID)
	s.patient.showPlan()
}
