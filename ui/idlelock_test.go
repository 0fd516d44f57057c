package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// lockedPlanSession opens a person's Care plan tab with a clock the test moves.
func lockedPlanSession(t *testing.T) (*session, *fakeClock) {
	t.Helper()
	clock := &fakeClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	s, _, _ := planSession(t, func(c *Config) { c.Clock = clock.now })
	return s, clock
}

func TestIdleLockHidesPatientDataAndKeepsTheDraft(t *testing.T) {
	s, clock := lockedPlanSession(t)
	e := s.patient.plan.editor
	// A held worker keeps the autosave from finishing: the words are typed but not yet saved.
	held := &heldWorker{}
	e.work = held
	test.Type(e.aboutMe, "I like my garden")
	s.w.Canvas().Focus(e.aboutMe)

	clock.advance(4 * time.Minute)
	s.checkIdle() // notices the typing: still unlocked
	clock.advance(4 * time.Minute)
	s.checkIdle()
	if s.lock.locked {
		t.Fatal("locked less than five minutes after typing")
	}
	clock.advance(2 * time.Minute)
	s.checkIdle()
	if !s.lock.locked || s.w.Content() != s.lock.screen.root {
		t.Fatal("five idle minutes did not lock the window")
	}
	test.AssertRendersToMarkup(t, "locked.xml", s.w.Canvas())
	markup := test.RenderToMarkup(s.w.Canvas())
	for _, private := range []string{s.patient.name.Text, "999 000", "I like my garden"} {
		if private != "" && strings.Contains(markup, private) {
			t.Errorf("the lock screen shows %q", private)
		}
	}

	test.Type(s.lock.screen.passphrase, "wrong horse")
	test.Tap(s.lock.screen.submit)
	if !s.lock.locked || !s.lock.screen.problem.Visible() {
		t.Fatal("a wrong passphrase uncovered the window")
	}
	test.Type(s.lock.screen.passphrase, "correct horse")
	test.Tap(s.lock.screen.submit)
	if s.lock.locked || s.w.Content() != s.patient.root {
		t.Fatal("the right passphrase did not bring back the plan")
	}
	if e.aboutMe.Text != "I like my garden" {
		t.Errorf("the draft after unlocking reads %q", e.aboutMe.Text)
	}
	held.finish() // the autosave still completes afterwards
}

func TestLockButtonLocksAtOnce(t *testing.T) {
	s, _, _ := unlockedSession(t, testRecords())
	test.Tap(s.caseload.lockButton)
	if !s.lock.locked {
		t.Fatal("the Lock button did not lock")
	}
	if strings.Contains(test.RenderToMarkup(s.w.Canvas()), "Álvarez") {
		t.Error("the locked window still shows the caseload")
	}
}

func TestIdleLockCanBeTurnedOff(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	s, _ := newTestHub(t, testRecords()).session(t, catCoordinator, func(c *Config) { c.Clock, c.IdleLock = clock.now, -1 })
	clock.advance(time.Hour)
	s.checkIdle()
	if s.lock.locked {
		t.Error("locked with the idle lock turned off")
	}
}

func TestCtrlLLocks(t *testing.T) {
	s, _, _ := unlockedSession(t, testRecords())
	s.onLockShortcut(lockShortcut())
	if !s.lock.locked {
		t.Fatal("Ctrl+L did not lock")
	}
}
