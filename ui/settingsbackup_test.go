package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
)

// A coordinator chooses the backup folder and backs up while the store stays open; the copy
// is in the folder and the screen says where. A key worker sees no Backups section.
func TestCoordinatorBacksUpFromSettingsWhileTheStoreIsOpen(t *testing.T) {
	s, h := settingsSession(t, access.User{Name: "Jo", Role: access.Coordinator, Active: true}, hubSettings{hub: "Mendip"})
	folder := t.TempDir()
	s.files = &fakeFiles{path: folder}
	test.Tap(s.caseload.settingsButton)
	b := s.settings.backups
	if b == nil {
		t.Fatal("a coordinator has no Backups section")
	}
	test.Tap(b.choose)
	b.keep.SetText("3")
	b.daily.SetChecked(true)
	test.Tap(b.now)
	entries, _ := os.ReadDir(folder)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "carehub-backup-") {
		t.Fatalf("the folder holds %v (%s)", entries, b.said.Text)
	}
	if !strings.Contains(b.said.Text, filepath.Join(folder, entries[0].Name())) || !strings.HasPrefix(b.last.Text, "Last backup: ") {
		t.Errorf("the screen says %q / %q", b.said.Text, b.last.Text)
	}
	plan, err := h.svc.Backup.Plan()
	if err != nil || plan.Folder != folder || plan.Keep != 3 || !plan.Daily {
		t.Errorf("the schedule kept is %+v (%v)", plan, err)
	}

	k, _ := settingsSession(t, oluKeyWorker, hubSettings{hub: "Mendip"})
	test.Tap(k.caseload.settingsButton)
	if k.settings.backups != nil {
		t.Error("a key worker is offered backups")
	}
}
