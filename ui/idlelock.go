package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// idleCheckEvery is how often the app looks for idleness: often enough that it locks within a
// few seconds of the limit.
const idleCheckEvery = 5 * time.Second

// idleLock remembers when someone last did something and what the window showed before it
// locked. Activity is noticed from the work screens start (loads, autosaves, searches) and from
// the focused entry's text changing between checks, since Fyne offers no global input hook.
type idleLock struct {
	mu         sync.Mutex // touch may be called from a worker goroutine
	now        func() time.Time
	lastActive time.Time

	locked   bool
	covered  fyne.CanvasObject // the screen underneath, kept whole while locked
	title    string
	lastText string // the focused entry's text at the last check
	screen   *lockScreen
}

func (l *idleLock) init(now func() time.Time) {
	l.now = now
	l.lastActive = now()
}

// touch records activity now.
func (l *idleLock) touch() {
	l.mu.Lock()
	l.lastActive = l.now()
	l.mu.Unlock()
}

func (l *idleLock) idleFor() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.now().Sub(l.lastActive)
}

// activeWorker is a worker that counts each job as activity.
type activeWorker struct {
	worker
	touch func()
	gate  *switchGate // nil: never held (the lock screen's own work)
}

func (a activeWorker) run(work, apply func()) {
	a.touch()
	if a.gate == nil {
		a.worker.run(work, apply)
		return
	}
	a.gate.admit(func() { a.worker.run(work, apply) })
}

// watchIdle checks for idleness for the life of the app. It only posts to the UI goroutine.
func (s *session) watchIdle() {
	t := time.NewTicker(idleCheckEvery)
	defer t.Stop()
	for range t.C {
		s.work.post(s.checkIdle)
	}
}

// checkIdle locks the window once it has been idle for the configured time. Tests call it
// directly with an injected clock.
func (s *session) checkIdle() {
	if s.lock.locked || !s.signedIn || s.cfg.IdleLock < 0 {
		return
	}
	if text, ok := focusedText(s.w.Canvas()); ok && text != s.lock.lastText {
		s.lock.lastText = text
		s.lock.touch()
		return
	}
	if s.lock.idleFor() >= s.cfg.IdleLock {
		s.lockNow()
	}
}

// focusedText is the text of the field being typed in, if focus is in one.
func focusedText(c fyne.Canvas) (string, bool) {
	switch e := c.Focused().(type) {
	case *widget.Entry:
		return e.Text, true
	case *kit.Entry:
		return e.Text, true
	}
	return "", false
}

// addLockButton puts a Lock button on the account bar, and Ctrl+L on every screen (see
// addKeyboard for why it is also a menu item).
func (s *session) addLockButton() {
	b := widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), s.lockNow)
	s.caseload.account.Add(b)
	s.caseload.lockButton = b
	s.w.Canvas().AddShortcut(lockShortcut(), s.onLockShortcut)
	s.addMenuShortcut("Lock carehub", lockShortcut(), s.lockNow)
}

func (s *session) onLockShortcut(fyne.Shortcut) { s.lockNow() }

// lockNow covers the window with the lock screen. The screen underneath is taken out of the
// window (so nothing of it is drawn or reachable) but kept whole, drafts and all.
func (s *session) lockNow() {
	if s.lock.locked || !s.signedIn {
		return
	}
	s.lock.locked = true
	s.lock.covered = s.w.Content()
	s.lock.title = s.w.Title()
	// The lock screen's own work is never held: it is what holds the rest (switching).
	own := activeWorker{worker: s.quiet, touch: s.lock.touch}
	s.lock.screen = newLockScreen(s.cfg.Vault, own, s.user.Name, s.unlockedAgain, s.switchedUser)
	s.lock.screen.onSwitching, s.lock.screen.onStayed = s.gate.hold, s.gate.release
	s.w.SetTitle("carehub — locked")
	s.w.SetContent(s.lock.screen.root)
	s.w.Canvas().Focus(s.lock.screen.passphrase)
}

// unlockedAgain puts back the screen the lock covered.
func (s *session) unlockedAgain() {
	s.lock.locked = false
	s.lock.touch()
	s.w.SetTitle(s.lock.title)
	s.w.SetContent(s.lock.covered)
	s.lock.covered, s.lock.screen = nil, nil
}

// switchedUser starts afresh for the person who signed in from the lock screen in place of
// the one who locked it: the screens the lock covered were the earlier person's, opened over
// a session that is now closed, so they are dropped, never shown to the new one.
func (s *session) switchedUser() {
	for top := s.w.Canvas().Overlays().Top(); top != nil; top = s.w.Canvas().Overlays().Top() {
		s.w.Canvas().Overlays().Remove(top)
	}
	s.lock.locked = false
	s.lock.touch()
	s.lock.covered, s.lock.screen = nil, nil
	s.gate.retire()
	s.gate = &switchGate{}
	s.work = activeWorker{worker: s.quiet, touch: s.lock.touch, gate: s.gate}
	s.forgetScreens()
	s.unlocked()
}
