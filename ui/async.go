package ui

import "fyne.io/fyne/v2"

// worker moves slow work off the UI goroutine. Screens take one so that tests can swap in a
// synchronous worker and stay deterministic; the app uses background.
type worker interface {
	// run calls work on another goroutine, then apply on the UI goroutine. apply may use
	// whatever work wrote, because it runs only after work has returned.
	run(work, apply func())
	// post calls fn on the UI goroutine; work uses it to report progress while it runs.
	post(fn func())
}

// background is the worker the app uses: a goroutine per job, results back through fyne.Do.
// These are the only fyne.Do calls in carehub's UI.
type background struct{}

var _ worker = background{}

func (background) run(work, apply func()) {
	go func() {
		work()
		fyne.Do(apply)
	}()
}

func (background) post(fn func()) { fyne.Do(fn) }
