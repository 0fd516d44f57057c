package service

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carehub/careplan/access"
	"carehub/careplan/backups"
	"carehub/store"
)

// The running app backs up the store it holds open: a coordinator's Back up now writes a copy
// that opens and checks clean, only the last N stay in the hub's folder, a key worker may not,
// and the daily backup runs once a day whoever is signed in.
func TestTheAppBacksUpItsOpenStoreAndKeepsTheLastN(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, catPW)
	now := fixedNow()
	svc := NewSet(h.v.Store, Options{Now: func() time.Time { return now }, KDF: testOptions().KDF})
	folder := t.TempDir()
	if _, err := svc.Backup.BackupNow(); !errors.Is(err, backups.ErrNoFolder) {
		t.Fatalf("a backup with no folder chosen: %v", err)
	}
	if err := svc.Backup.SetPlan(backups.Plan{Folder: folder, Keep: 2, Daily: true}); err != nil {
		t.Fatal(err)
	}
	// A backup killed earlier left its temporary file; the next backup clears it.
	stale := filepath.Join(folder, ".carehub-backup-123")
	os.WriteFile(stale, []byte("half a store"), 0o600)
	os.Chtimes(stale, now.Add(-2*time.Hour), now.Add(-2*time.Hour))
	var made []string
	for i := range 3 {
		now = fixedNow().Add(time.Duration(i) * time.Minute)
		path, err := svc.Backup.BackupNow()
		if err != nil {
			t.Fatalf("Back up now: %v", err)
		}
		made = append(made, path)
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != 2 || entries[0].Name() != filepath.Base(made[1]) || entries[1].Name() != filepath.Base(made[2]) {
		t.Fatalf("the folder holds %v, want the last two of %v", entries, made)
	}
	copyOf, err := store.Open(made[2], catPW, store.Options{Now: fixedNow, KDF: testOptions().KDF})
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	if r, err := copyOf.Check(); err != nil || !r.OK() {
		t.Errorf("the backup does not check clean: %v %v", err, r.Problems)
	}
	copyOf.Close()
	status, _ := svc.Backup.Plan()
	if status.LastPath != made[2] || !status.Last.Equal(now) {
		t.Errorf("last backup noted as %+v", status)
	}

	// Not due within the day; due a day later, whoever is signed in.
	if path, err := svc.Backup.BackupIfDue(); path != "" || err != nil {
		t.Errorf("a backup made within the day: %q %v", path, err)
	}
	h.signIn(t, annPW)
	if _, err := svc.Backup.BackupNow(); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a key worker's Back up now: %v", err)
	}
	if err := svc.Backup.SetPlan(backups.Plan{Folder: folder, Keep: 5}); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a key worker set the schedule: %v", err)
	}
	now = now.Add(backups.Every)
	path, err := svc.Backup.BackupIfDue()
	if err != nil || !strings.HasPrefix(filepath.Base(path), "carehub-backup-") {
		t.Fatalf("the daily backup: %q %v", path, err)
	}
}

// A CSV or a printed plan killed part-way leaves a hidden temporary file; the next write into
// that folder removes it once it is an hour old, and leaves a younger one (a write under way).
func TestTemporaryFilesOfKilledWritesAreClearedNextTime(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".carehub-report-123")
	young := filepath.Join(dir, ".carehub-print-456")
	for _, p := range []string{old, young} {
		if err := os.WriteFile(p, []byte("half an export"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Chtimes(old, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))
	if err := writeAtomically(filepath.Join(dir, "out.csv"), func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Error("an interrupted write's temporary file is still there")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a write under way lost its temporary file")
	}
}
