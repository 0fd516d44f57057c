package ui

import (
	"fmt"

	"carehub/careplan/devices"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// addSyncButtons puts Sync and Conflicts on the account bar for those whose role may use them.
func (s *session) addSyncButtons() {
	if s.user.SyncsDevices() {
		b := widget.NewButtonWithIcon("Sync", theme.ViewRefreshIcon(), s.openSync)
		s.caseload.account.Add(b)
		s.caseload.syncButton = b
	}
	if s.mayResolve() {
		b := widget.NewButtonWithIcon("Conflicts", theme.WarningIcon(), s.openConflicts)
		s.caseload.account.Add(b)
		s.caseload.conflictsButton = b
		s.countConflicts()
	}
}

func (s *session) mayResolve() bool { return s.user.ResolvesConflicts() }

// openSync shows the Sync screen. An import can find conflicts, so it offers the Conflicts
// screen when this person may resolve them; coordinators and administrators also publish to
// the shared care record there.
func (s *session) openSync() {
	var onConflicts func()
	if s.mayResolve() {
		onConflicts = s.openConflicts
	}
	var publish Publish
	if s.user.PublishesSharedRecord() {
		publish = s.svc.Publish
	}
	sc := newSyncScreen(s.svc.Sync, publish, s.work, s.files, s.w, s.cfg.Clock, s.showCaseload, s.syncChanged, onConflicts)
	s.syncing = sc
	s.w.SetTitle(s.titled("sync"))
	s.w.SetContent(sc.root)
	sc.load()
}

// openConflicts shows the conflicts still to resolve.
func (s *session) openConflicts() {
	c := newConflictsScreen(s.svc.Conflicts, s.work, s.showCaseload, s.syncChanged)
	s.resolve = c
	s.w.SetTitle(s.titled("conflicts"))
	s.w.SetContent(c.root)
	c.load()
}

// syncChanged reads the caseload and the conflict count again, out of sight: an import or a
// resolved conflict may have changed anyone's record.
func (s *session) syncChanged() {
	s.caseloadChanged()
	s.countConflicts()
}

// countConflicts puts the number still to resolve on the Conflicts button: "Conflicts (2)".
func (s *session) countConflicts() {
	b := s.caseload.conflictsButton
	if b == nil {
		return
	}
	var (
		items []devices.Conflict
		err   error
	)
	s.work.run(func() { items, err = s.svc.Conflicts.Conflicts() }, func() {
		// A count that cannot be read leaves the plain button: the screen says what went wrong.
		b.SetText(conflictsButtonText(len(items), err))
		b.Importance = widget.MediumImportance
		if err == nil && len(items) > 0 {
			b.Importance = widget.WarningImportance // waiting on someone: make it noticeable
		}
		b.Refresh()
	})
}

func conflictsButtonText(n int, err error) string {
	if err != nil || n == 0 {
		return "Conflicts"
	}
	return fmt.Sprintf("Conflicts (%d)", n)
}
