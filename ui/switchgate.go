package ui

import "sync"

// switchGate keeps one person's screens from starting work once someone else may be signing in
// from the lock screen: the services read whichever store the vault has open, so a job the
// earlier person's screens start (an autosave finishing and saving again) must never run in
// the next person's session, under their name. While held, jobs wait; if the switch fails they
// run as they would have; if it succeeds they are dropped with the screens that made them.
type switchGate struct {
	mu      sync.Mutex
	held    bool
	retired bool
	waiting []func()
}

// admit starts job now, keeps it while the gate is held, or drops it once retired.
func (g *switchGate) admit(job func()) {
	g.mu.Lock()
	switch {
	case g.retired:
		g.mu.Unlock()
	case g.held:
		g.waiting = append(g.waiting, job)
		g.mu.Unlock()
	default:
		g.mu.Unlock()
		job()
	}
}

// hold keeps new jobs waiting: someone else is signing in.
func (g *switchGate) hold() {
	g.mu.Lock()
	g.held = true
	g.mu.Unlock()
}

// release starts the jobs that waited: the switch did not happen.
func (g *switchGate) release() {
	g.mu.Lock()
	jobs := g.waiting
	g.held, g.waiting = false, nil
	g.mu.Unlock()
	for _, job := range jobs {
		job()
	}
}

// retire drops the waiting jobs and any later ones: someone else has signed in.
func (g *switchGate) retire() {
	g.mu.Lock()
	g.retired, g.waiting = true, nil
	g.mu.Unlock()
}
