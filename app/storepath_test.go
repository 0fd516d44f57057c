package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"carehub/app/service"
	"carehub/app/service/servicetest"
	"carehub/store"
)

// userConfigDir points os.UserConfigDir at a folder of the test's, the way each system names
// it: %AppData% on Windows, ~/Library/Application Support on macOS, XDG_CONFIG_HOME elsewhere.
func userConfigDir(t *testing.T, home string) string {
	t.Helper()
	switch runtime.GOOS {
	case "windows":
		dir := filepath.Join(home, "AppData", "Roaming")
		t.Setenv("AppData", dir)
		return dir
	case "darwin", "ios":
		t.Setenv("HOME", home)
		return filepath.Join(home, "Library", "Application Support")
	}
	dir := filepath.Join(home, ".config")
	t.Setenv("XDG_CONFIG_HOME", dir)
	return dir
}

// A hub laptop's user folder often has a space and letters beyond ASCII in it
// (C:\Users\Siobhán Ó Briain). The desktop app's own store goes under the user's application
// data folder, is created there on first run, and a second copy of the app on it says it is
// already open rather than waiting or corrupting it. The same code runs on every system; only
// the folder os.UserConfigDir names differs.
func TestTheDefaultStoreWorksUnderAUserFolderWithSpacesAndAccents(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Users", "Siobhán Ó Briain")
	config := userConfigDir(t, home)

	path, err := DefaultStorePath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(config, "carehub", "carehub.db"); path != want {
		t.Fatalf("default store %q, want %q", path, want)
	}

	first := service.NewVault(path, fixedNow, servicetest.CheapKDF)
	if first.Exists() {
		t.Fatal("a store exists before first run")
	}
	if err := first.Create("Ada Admin", "a long passphrase", false); err != nil {
		t.Fatalf("first run: %v", err)
	}
	defer first.Close()

	second := service.NewVault(path, fixedNow, servicetest.CheapKDF)
	err = second.Open("a long passphrase")
	if !errors.Is(err, store.ErrAlreadyOpen) || err.Error() != "carehub is already open on this store" {
		t.Fatalf("a second copy on the open store: %v", err)
	}

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := second.Open("a long passphrase"); err != nil {
		t.Fatalf("after the first copy closed: %v", err)
	}
	if err := second.Close(); err != nil {
		t.Fatal(err)
	}

	// IT moves the store with a backup into a folder whose name has a space too.
	backups := filepath.Join(home, "Documents", "carehub backups")
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(backups, "hub backup 2026-12-06.db")
	if code, _, stderr := run(t, "a long passphrase", "backup", "--db", path, "--out", out); code != 0 {
		t.Fatalf("backup exited %d: %s", code, stderr)
	}
	if code, stdout, stderr := run(t, "a long passphrase", "check", "--db", out); code != 0 {
		t.Fatalf("check on the backup exited %d: %s %s", code, stdout, stderr)
	}
	servicetest.CheckBolt(t, out)
}
