package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// inline runs work and applies it at once, so a test sees the result of a save straight away.
var inline = WorkerFunc(func(work, apply func()) { work(); apply() })

// heldWorker keeps each job until the test lets it finish, to look at a form mid-save.
type heldWorker struct{ jobs [][2]func() }

func (h *heldWorker) Run(work, apply func()) { h.jobs = append(h.jobs, [2]func(){work, apply}) }

// finish runs the held jobs in order.
func (h *heldWorker) finish() {
	jobs := h.jobs
	h.jobs = nil
	for _, j := range jobs {
		j[0]()
		j[1]()
	}
}

// testWindow is a window of a fixed size in a fresh test app.
func testWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("the screen under the dialog"))
	w.Resize(fyne.NewSize(900, 700))
	return w
}

// dialogOpen reports whether a dialog is showing over w.
func dialogOpen(w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }
