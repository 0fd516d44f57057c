package kit

// Worker moves slow work, such as a save, off the UI goroutine. Screens hand theirs to the
// kit, so a form saves on the app's background goroutine and, in tests, inline.
type Worker interface {
	// Run calls work on another goroutine, then apply on the UI goroutine. apply may use
	// whatever work wrote, because it runs only after work has returned.
	Run(work, apply func())
}

// WorkerFunc lets a function be a Worker, such as a screen's own worker's run method.
type WorkerFunc func(work, apply func())

var _ Worker = WorkerFunc(nil)

// Run calls f.
func (f WorkerFunc) Run(work, apply func()) { f(work, apply) }
