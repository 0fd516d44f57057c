package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// newAdminStore makes a store the way the app's first run does: with its administrator.
func newAdminStore(t *testing.T) (*Store, string, Options) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	opt := Options{Now: newTestClock().Now, KDF: cheapKDF(), Admin: "Ada Admin"}
	s, err := Create(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Admin = ""
	return s, path, opt
}

func reopen(t *testing.T, s *Store, path, passphrase string, opt Options) (*Store, error) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return Open(path, passphrase, opt)
}

func TestFirstRunSignsInTheAdministrator(t *testing.T) {
	s, path, opt := newAdminStore(t)
	if u := s.SignedIn(); u.Name != "Ada Admin" || u.Role != access.Administrator {
		t.Fatalf("signed in as %+v", u)
	}
	s, err := reopen(t, s, path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if u := s.SignedIn(); u.Name != "Ada Admin" {
		t.Errorf("after reopening, signed in as %+v", u)
	}
}

func TestEachAccountOpensWithItsOwnPassphraseAndIsAudited(t *testing.T) {
	s, path, opt := newAdminStore(t)
	cat := access.User{Name: "Cat Coordinator", Role: access.Coordinator}
	if err := s.AddUser(&cat, "cat's own passphrase"); err != nil {
		t.Fatal(err)
	}
	s, err := reopen(t, s, path, "cat's own passphrase", opt)
	if err != nil {
		t.Fatal(err)
	}
	if u := s.SignedIn(); u.ID != cat.ID || u.Role != access.Coordinator {
		t.Fatalf("signed in as %+v", u)
	}
	p := testPatient("Mary", "Jones", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.User != "Cat Coordinator" {
		t.Errorf("the audit names %q, want the signed-in account", last.User)
	}
	s.Close()
}

func TestDeactivatedAccountsPassphraseNoLongerOpens(t *testing.T) {
	s, path, opt := newAdminStore(t)
	ann := access.User{Name: "Ann", Role: access.KeyWorker, StaffID: "staff-ann"}
	if err := s.AddUser(&ann, "ann's passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeactivateUser(ann.ID); err != nil {
		t.Fatal(err)
	}
	_, err := reopen(t, s, path, "ann's passphrase", opt)
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a deactivated account's passphrase: got %v, want ErrWrongPassphrase", err)
	}
	s, err = Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	users, _ := s.Users()
	for _, u := range users {
		if u.ID == ann.ID && u.Active {
			t.Error("the account is still active")
		}
	}
}

func TestResetPassphraseRetiresTheOldOne(t *testing.T) {
	s, path, opt := newAdminStore(t)
	ann := access.User{Name: "Ann", Role: access.KeyWorker, StaffID: "staff-ann"}
	if err := s.AddUser(&ann, "old passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetPassphrase(ann.ID, "new passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := reopen(t, s, path, "old passphrase", opt); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	s, err := Open(path, "new passphrase", opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SignedIn().ID != ann.ID {
		t.Errorf("signed in as %+v", s.SignedIn())
	}
}

func TestLastAdministratorCannotBeDeactivated(t *testing.T) {
	s, _, _ := newAdminStore(t)
	defer s.Close()
	if err := s.DeactivateUser(s.SignedIn().ID); !errors.Is(err, access.ErrLastAdmin) {
		t.Fatalf("got %v", err)
	}
}

func TestAddingAnAccountRewritesNoPatientRecord(t *testing.T) {
	s, _, _ := newAdminStore(t)
	defer s.Close()
	for i := range 3 {
		p := testPatient("Mary", "Jones", testNHSNumber(i*3))
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
	}
	before := bucketBytes(t, s, bucketPatients)
	u := access.User{Name: "Cat", Role: access.Coordinator}
	if err := s.AddUser(&u, "another passphrase"); err != nil {
		t.Fatal(err)
	}
	if after := bucketBytes(t, s, bucketPatients); !bytes.Equal(before, after) {
		t.Error("the patients bucket changed when an account was added")
	}
	// Deactivating is different: it re-seals every record under a new key (rotate.go).
	if err := s.DeactivateUser(u.ID); err != nil {
		t.Fatal(err)
	}
	if after := bucketBytes(t, s, bucketPatients); bytes.Equal(before, after) {
		t.Error("the patients bucket is byte for byte the same after a deactivation: the key did not change")
	}
}

func TestAccountNamesAreUnique(t *testing.T) {
	s, _, _ := newAdminStore(t)
	defer s.Close()
	u := access.User{Name: "ada admin", Role: access.Coordinator}
	if err := s.AddUser(&u, "whatever pass"); !errors.Is(err, ErrUserNameUsed) {
		t.Fatalf("got %v", err)
	}
}

// bucketBytes concatenates every key and value of a bucket, copied out of bbolt's memory.
func bucketBytes(t *testing.T, s *Store, name string) []byte {
	t.Helper()
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
			out = append(append(out, k...), v...)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("bucket %s is empty", name)
	}
	return out
}

func TestCheckPassphraseTakesOnlyTheSignedInAccounts(t *testing.T) {
	s, _, _ := newAdminStore(t)
	defer s.Close()
	cat := access.User{Name: "Cat", Role: access.Coordinator}
	if err := s.AddUser(&cat, "cat's passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckPassphrase(testPassphrase); err != nil {
		t.Errorf("own passphrase: %v", err)
	}
	if err := s.CheckPassphrase("cat's passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("another account's passphrase: %v", err)
	}
}
