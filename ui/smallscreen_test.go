package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// smallScreens are the smallest screens carehub is used on: a small laptop, and a tablet.
func smallScreens() []fyne.Size {
	return []fyne.Size{fyne.NewSize(1024, 640), fyne.NewSize(1280, 800)}
}

// minSearchWidth is the least the caseload's search box may be given: room for a full name.
const minSearchWidth = 250

// hubScreens opens each hub screen in turn in the session's window, naming it.
func hubScreens(s *session) []struct {
	name string
	open func()
} {
	return []struct {
		name string
		open func()
	}{
		{"caseload", s.showCaseload},
		{"patient", func() { s.openPatient(pid("p01")) }},
		{"outcomes", func() { s.openPatient(pid("p01")); s.patient.showOutcomes() }},
		{"plan", func() { s.openPatient(pid("p01")); s.patient.tabs.SelectIndex(2) }},
		{"nomination", s.openNomination},
		{"dashboard", s.openDashboard},
		{"staff", s.openStaff},
		{"services", s.openServices},
		{"batch", s.openBatch},
		{"evaluation", s.openEvaluation},
		{"audit", s.openAudit},
		{"settings", s.openSettings},
		{"sync", s.openSync},
		{"conflicts", s.openConflicts},
	}
}

// TestEveryScreenFitsASmallScreen opens every hub screen at 1024×640 and 1280×800: none may
// need a wider or taller window than the screen (the window would force itself larger).
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	for _, size := range smallScreens() {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			h := newTestHub(t, testRecords())
			s, w := h.session(t, catCoordinator)
			for _, sc := range hubScreens(s) {
				sc.open()
				w.Resize(size)
				min := w.Content().MinSize()
				pad := 2 * theme.Padding() // the window's own padding around its content
				if min.Width+pad > size.Width || min.Height+pad > size.Height {
					t.Errorf("%s needs %v×%v", sc.name, min.Width+pad, min.Height+pad)
				}
			}
		})
	}
}

// TestSmallScreenSearchAndPlanEditor checks what broke on a small screen: the search box
// keeps its width, and the plan editor gets most of the window's height. Golden markup at
// both sizes, and screenshots when CAREHUB_SCREENSHOTS names a folder.
func TestSmallScreenSearchAndPlanEditor(t *testing.T) {
	for _, size := range smallScreens() {
		tag := fmt.Sprintf("%vx%v", size.Width, size.Height)
		t.Run(tag, func(t *testing.T) {
			h := newTestHub(t, testRecords())
			s, w := h.session(t, catCoordinator)
			w.Resize(size)
			if got := s.caseload.search.Size().Width; got < minSearchWidth {
				t.Errorf("the search box is %v wide, want at least %v", got, minSearchWidth)
			}
			test.AssertRendersToMarkup(t, "small_caseload_"+tag+".xml", w.Canvas())
			shootSmall(t, w, "small-caseload-"+tag+".png")

			s.openPatient(pid("p01"))
			s.patient.tabs.SelectIndex(2)
			w.Resize(size)
			if got := s.patient.tabs.Selected().Text; got != "Care plan" {
				t.Fatalf("the third tab is %q, want Care plan", got)
			}
			editor := s.patient.body.Size().Height
			if editor < 0.6*size.Height {
				t.Errorf("the plan editor gets %v of %v pixels' height, want most of it", editor, size.Height)
			}
			if !s.patient.enrolBar.Hidden {
				t.Error("the enrolment buttons still take a row above the plan editor")
			}
			test.AssertRendersToMarkup(t, "small_plan_"+tag+".xml", w.Canvas())
			shootSmall(t, w, "small-plan-"+tag+".png")

			s.patient.tabs.SelectIndex(0) // the summary unfolds the header again
			if s.patient.enrolBar.Hidden {
				t.Error("the Summary lost its enrolment buttons")
			}
		})
	}
}

// shootSmall writes a screenshot into CAREHUB_SCREENSHOTS, when set, in the light theme.
func shootSmall(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("CAREHUB_SCREENSHOTS")
	if dir == "" {
		return
	}
	was := fyne.CurrentApp().Settings().Theme()
	fyne.CurrentApp().Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	defer fyne.CurrentApp().Settings().SetTheme(was)
	writePNG(t, filepath.Join(dir, name), w.Canvas().Capture(), w.Canvas().Size())
}
