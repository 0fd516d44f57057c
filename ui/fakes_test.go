package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
)

// fixedToday is the day every test runs on, so ages and overdue marks never drift.
func fixedToday() careplan.Date { return careplan.NewDate(2026, time.March, 2) }

// inline is a worker that does everything at once on the calling goroutine, so a test sees
// the result of a tap as soon as the tap returns.
type inline struct{}

func (inline) run(work, apply func()) { work(); apply() }
func (inline) post(fn func())         { fn() }

// heldWorker keeps jobs until the test finishes them, to look at a screen while work is under
// way.
type heldWorker struct {
	jobs [][2]func()
}

func (h *heldWorker) run(work, apply func()) { h.jobs = append(h.jobs, [2]func(){work, apply}) }
func (h *heldWorker) post(fn func())         { fn() }

// finish does the held work and applies it, as the UI goroutine would once it was done.
func (h *heldWorker) finish() {
	jobs := h.jobs
	h.jobs = nil
	for _, j := range jobs {
		j[0]()
		j[1]()
	}
}

// testWindowSize keeps goldens and screenshots the same from run to run.
func testWindowSize() fyne.Size { return fyne.NewSize(1000, 700) }

// newTestSession starts the screens in a fixed-size test window with inline work.
func newTestSession(t *testing.T, cfg Config) (*session, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, layout.NewSpacer())
	w.Resize(testWindowSize())
	if cfg.Today == nil {
		cfg.Today = fixedToday
	}
	s, err := startWith(w, cfg, inline{})
	if err != nil {
		t.Fatal(err)
	}
	return s, w
}

// unlockedSession is a session over a test hub holding r, signed in as Cat Coordinator and
// showing the caseload.
func unlockedSession(t *testing.T, r *people) (*session, fyne.Window, *testHub) {
	t.Helper()
	h := newTestHub(t, r)
	s, w := h.session(t, access.User{})
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w, h
}
