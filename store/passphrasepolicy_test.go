package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"carehub/careplan/access"
)

// The store holds to the passphrase policy itself, so no screen or command can lock patient
// data behind "1": a new store, a new account and a reset are all refused, with nothing written.
func TestStoreRefusesAWeakPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hub.carehub")
	if _, err := Create(path, "1", Options{Now: newTestClock().Now, KDF: cheapKDF(), Admin: "Ada Admin"}); !errors.Is(err, access.ErrWeakPassphrase) {
		t.Fatalf("Create with \"1\": %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused create left a file: %v", err)
	}

	s, path, opt := newAdminStore(t)
	before, _ := s.Users()
	ann := access.User{Name: "Ann", Role: access.Coordinator}
	if err := s.AddUser(&ann, "ann1"); !errors.Is(err, access.ErrWeakPassphrase) {
		t.Errorf("AddUser with \"ann1\": %v", err)
	}
	if after, _ := s.Users(); len(after) != len(before) {
		t.Errorf("a refused account was added: %d accounts, was %d", len(after), len(before))
	}
	if err := s.AddUser(&ann, "ann's own passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetPassphrase(ann.ID, "short"); !errors.Is(err, access.ErrWeakPassphrase) {
		t.Errorf("ResetPassphrase with \"short\": %v", err)
	}
	s, err := reopen(t, s, path, "ann's own passphrase", opt)
	if err != nil {
		t.Fatalf("Ann's passphrase no longer opens the store after a refused reset: %v", err)
	}
	closeAndCheck(t, s)
}
