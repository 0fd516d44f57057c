package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// hubWithStaff makes a closed store with an administrator (testPassphrase), a coordinator and a
// key worker, each with their own passphrase, and returns its path and options.
func hubWithStaff(t *testing.T) (string, Options, map[string]access.User) {
	t.Helper()
	s, path, opt := newAdminStore(t)
	accounts := map[string]access.User{"Ada Admin": s.SignedIn()}
	for name, u := range map[string]access.User{
		"Cat Coordinator": {Name: "Cat Coordinator", Role: access.Coordinator},
		"Sam Green":       {Name: "Sam Green", Role: access.KeyWorker, StaffID: "staff-sam"},
	} {
		if err := s.AddUser(&u, passphraseOf(name)); err != nil {
			t.Fatal(err)
		}
		accounts[name] = u
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, opt, accounts
}

func passphraseOf(name string) string {
	if name == "Ada Admin" {
		return testPassphrase
	}
	return strings.ToLower(name) + "'s own passphrase"
}

func TestSignInListNamesTheActiveStaffBeforeUnlocking(t *testing.T) {
	path, opt, _ := hubWithStaff(t)
	names, err := AccountNames(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ada Admin", "Cat Coordinator", "Sam Green"}; !reflect.DeepEqual(names, want) {
		t.Errorf("sign-in list %q, want %q", names, want)
	}
	checkBoltFile(t, path)
}

func TestSignInByNameOpensThatAccount(t *testing.T) {
	path, opt, accounts := hubWithStaff(t)
	s, err := OpenAs(path, "  sam   GREEN ", passphraseOf("Sam Green"), opt)
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	if u := s.SignedIn(); u.ID != accounts["Sam Green"].ID {
		t.Errorf("signed in as %+v, want Sam Green", u)
	}
	if names, err := s.AccountNames(); err != nil || len(names) != 3 {
		t.Errorf("the open store's sign-in list: %q, %v", names, err)
	}
}

// The named sign-in reads one key slot: with every other account's slot unreadable, it still
// opens, where trying the passphrase against every slot cannot.
func TestSignInByNameTriesOnlyThatAccountsSlot(t *testing.T) {
	path, opt, accounts := hubWithStaff(t)
	editBolt(t, path, func(tx *bolt.Tx) error {
		slots := tx.Bucket([]byte(bucketKeyslots))
		// First in key order, so trying every slot meets it before any real one.
		if err := slots.Put([]byte(userSlot("00000000-0000-4000-8000-000000000000")), []byte("not a key slot")); err != nil {
			return err
		}
		for name, u := range accounts {
			if name != "Sam Green" {
				if err := slots.Put([]byte(userSlot(u.ID)), []byte("not a key slot")); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if _, err := Open(path, passphraseOf("Sam Green"), opt); err == nil {
		t.Fatal("the passphrase alone opened the store past unreadable slots; the test proves nothing")
	}
	s, err := OpenAs(path, "Sam Green", passphraseOf("Sam Green"), opt)
	if err != nil {
		t.Fatalf("signing in by name read another account's slot: %v", err)
	}
	s.Close()
}

func TestAnotherAccountsPassphraseIsNotRightForTheNamedAccount(t *testing.T) {
	path, opt, _ := hubWithStaff(t)
	before := contentsBesideMisses(t, path)
	_, err := OpenAs(path, "Sam Green", passphraseOf("Cat Coordinator"), opt)
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("got %v, want a wrong passphrase", err)
	}
	if msg := err.Error(); msg != "that passphrase is not right for Sam Green" || strings.Contains(msg, "this store") {
		t.Errorf("message %q", msg)
	}
	if after := contentsBesideMisses(t, path); after != before {
		t.Error("a wrong passphrase changed the file beyond its count of misses")
	}
	if _, err := OpenAs(path, "Bob Nobody", testPassphrase, opt); !errors.Is(err, ErrNoSuchAccount) {
		t.Errorf("an unknown name: %v, want ErrNoSuchAccount", err)
	}
	// The passphrase alone still signs anyone in, for the unlock screen until it asks for names.
	s, err := Open(path, passphraseOf("Cat Coordinator"), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SignedIn().Name != "Cat Coordinator" {
		t.Errorf("the passphrase alone signed in %+v", s.SignedIn())
	}
}

func TestSignInListLeavesOutDeactivatedAndPatientAccounts(t *testing.T) {
	path, opt, accounts := hubWithStaff(t)
	s := openAs(t, path, "Ada Admin", opt)
	if err := s.DeactivateUser(accounts["Cat Coordinator"].ID); err != nil {
		t.Fatal(err)
	}
	if names, _ := s.AccountNames(); !reflect.DeepEqual(names, []string{"Ada Admin", "Sam Green"}) {
		t.Errorf("after deactivating Cat: %q", names)
	}
	s.Close()
	if _, err := OpenAs(path, "Cat Coordinator", passphraseOf("Cat Coordinator"), opt); !errors.Is(err, ErrNoSuchAccount) {
		t.Errorf("a deactivated account signing in by name: %v", err)
	}

	tablet := filepath.Join(t.TempDir(), "tablet.carehub")
	owner := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: goldenPatientID}
	tab, err := Create(tablet, "siân's passphrase", Options{Now: newTestClock().Now, KDF: cheapKDF(), Owner: &owner})
	if err != nil {
		t.Fatal(err)
	}
	tab.Close()
	names, err := AccountNames(tablet, opt)
	if err != nil || len(names) != 0 {
		t.Errorf("a tablet's sign-in list %q (%v): a patient's name must never be readable without the passphrase", names, err)
	}
	raw, _ := os.ReadFile(tablet)
	if bytes.Contains(raw, []byte("O'Brien")) {
		t.Error("the tablet's file holds the patient's name in clear")
	}
}

// A store from before the sign-in list signs in by name by trying every slot once, checks the
// name, and fills the list so the next sign-in is quick.
func TestOlderStoreGetsItsSignInListAtUnlock(t *testing.T) {
	path, opt, _ := hubWithStaff(t)
	editBolt(t, path, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket([]byte(bucketAccounts)); err != nil {
			return err
		}
		meta := tx.Bucket([]byte(bucketMeta))
		if err := meta.Delete([]byte(metaSignInList)); err != nil {
			return err
		}
		return meta.Put([]byte(metaSchema), []byte{0, 0, 0, 9}) // before the sign-in list
	})
	if names, err := AccountNames(path, opt); err != nil || len(names) != 0 {
		t.Fatalf("an older store's list: %q, %v", names, err)
	}
	if _, err := OpenAs(path, "Sam Green", passphraseOf("Cat Coordinator"), opt); err == nil ||
		err.Error() != "that passphrase is not right for Sam Green" {
		t.Errorf("another account's passphrase on an older store: %v", err)
	}
	s := openAs(t, path, "Sam Green", opt)
	if names, _ := s.AccountNames(); len(names) != 3 {
		t.Errorf("after the first unlock the list is %q", names)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Errorf("check: %v %q", err, r.Problems)
	}
	s.Close()
}

// The list is in clear, so someone with the file could point a name at another account's slot:
// that must never sign the other account in under the chosen name.
func TestEditedSignInListSignsNobodyInUnderAnotherName(t *testing.T) {
	path, opt, accounts := hubWithStaff(t)
	editBolt(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketAccounts))
		return b.Put([]byte(userSlot(accounts["Cat Coordinator"].ID)), append([]byte{signInFormat}, "Sam Green"...))
	})
	_, err := OpenAs(path, "Sam Green", passphraseOf("Cat Coordinator"), opt)
	if !errors.Is(err, ErrSignInList) {
		t.Fatalf("got %v, want ErrSignInList", err)
	}
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.Check(); err != nil || r.OK() {
		t.Errorf("check did not notice the edited sign-in list: %v", err)
	}
}

func openAs(t *testing.T, path, name string, opt Options) *Store {
	t.Helper()
	s, err := OpenAs(path, name, passphraseOf(name), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// editBolt changes a closed store's file directly, as someone with the file but no key can.
func editBolt(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCheckPassphraseOfNamesTheAccountAndKeepsTheSession(t *testing.T) {
	path, opt, _ := hubWithStaff(t)
	s := openAs(t, path, "Ada Admin", opt)
	if err := s.CheckPassphraseOf("Sam Green", passphraseOf("Sam Green")); err != nil {
		t.Errorf("Sam's own passphrase: %v", err)
	}
	err := s.CheckPassphraseOf("Sam Green", passphraseOf("Cat Coordinator"))
	var wrong WrongPassphraseError
	if !errors.As(err, &wrong) || wrong.Account != "Sam Green" || !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("Cat's passphrase for Sam: %v, want not right for Sam Green", err)
	}
	if err := s.CheckPassphraseOf("Nobody Here", testPassphrase); !errors.Is(err, ErrNoSuchAccount) {
		t.Errorf("a name with no account: %v, want ErrNoSuchAccount", err)
	}
	if u := s.SignedIn(); u.Name != "Ada Admin" {
		t.Errorf("checking another's passphrase signed in %q", u.Name)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	checkBoltFile(t, path)
}
