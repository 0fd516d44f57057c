package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// asTabletOf makes s a tablet store for patientID, for tests of the tablet's wipe on a store
// that also holds other people.
func asTabletOf(t *testing.T, s *Store, patientID string) {
	t.Helper()
	s.kind = storeKind{kind: TabletStore, patient: patientID}
	if err := s.update(func(w *writer) error { return putKind(w.tx, w.keys, s.kind) }); err != nil {
		t.Fatal(err)
	}
}

func TestPatientAccountOnAHubIsRefused(t *testing.T) {
	hub, _ := newTestStore(t)
	p, _ := enrolled(t, hub, 3)
	u := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: p.ID}
	if err := hub.AddUser(&u, "a long enough passphrase"); !errors.Is(err, ErrPatientOnHub) {
		t.Fatalf("adding a patient account to a hub: got %v, want ErrPatientOnHub", err)
	}
	// An older carehub let one in: the account is written as it would have been, with its slot.
	u.ID, u.Active = uuid.NewString(), true
	slot, err := wrapKey(userSlot(u.ID), "patient's own words", hub.dataKey, *cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	if err := hub.update(func(w *writer) error {
		if err := w.putSlot(userSlot(u.ID), slot); err != nil {
			return err
		}
		return w.putUser(u)
	}); err != nil {
		t.Fatal(err)
	}
	path := hub.Path()
	hub.Close()
	if s, err := Open(path, "patient's own words", Options{KDF: cheapKDF()}); !errors.Is(err, ErrPatientOnHub) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("signing in to a hub with a patient account: got %v, want ErrPatientOnHub", err)
	}
	again := openTestStore(t, path, newTestClock())
	if again.Kind() != HubStore {
		t.Errorf("a hub with a patient account calls itself %q", again.Kind())
	}
	if rep, err := again.Check(); err != nil || !strings.Contains(strings.Join(rep.Problems, "\n"), "patient account") {
		t.Errorf("check does not report the patient account on a hub: %v %v", err, rep.Problems)
	}
}

func TestRogueRemoveDoesNotWipeAHub(t *testing.T) {
	hub, _ := newTestStore(t)
	p, _ := enrolled(t, hub, 3)
	enrolled(t, hub, 4)
	before := counts(t, hub)
	// The bundle's "remove" reaches the wipe only on a tablet; the wipe checks again, from the
	// store's sealed kind, whoever asks.
	err := hub.update(func(w *writer) error { return w.wipePatient(p.ID) })
	if !errors.Is(err, ErrWipeOnHub) {
		t.Fatalf("wiping a hub: got %v, want ErrWipeOnHub", err)
	}
	if role, _ := hub.deviceRole(); role != "hub" {
		t.Errorf("the hub's device role is %q", role)
	}
	after := counts(t, hub)
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: %d before, %d after", k, n, after[k])
		}
	}
	if _, err := hub.Patient(p.ID); err != nil {
		t.Errorf("the person is gone from the hub: %v", err)
	}
	rep, err := hub.Check()
	if err != nil || len(rep.Problems) > 0 {
		t.Errorf("check after the refused wipe: %v %v", err, rep.Problems)
	}
}

// A store from before kinds were recorded is a tablet when its only account is a patient's, and
// records that at its next unlock; a tablet store made now says so from the start.
func TestOlderStoresGetTheirKindAtUnlock(t *testing.T) {
	pid := uuid.NewString()
	tablet := newTabletStore(t, pid)
	if tablet.Kind() != TabletStore {
		t.Fatalf("a new tablet store is %q", tablet.Kind())
	}
	hub, c := newTestStore(t)
	if hub.Kind() != HubStore {
		t.Fatalf("a new hub store is %q", hub.Kind())
	}
	for _, s := range []*Store{tablet, hub} {
		path := s.Path()
		s.Close()
		db, err := bolt.Open(path, fileMode, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Delete([]byte(metaKind)) }); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	tab, err := Open(tablet.Path(), "tablet pass", Options{KDF: cheapKDF()})
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, tab)
	if role, own := tab.deviceRole(); tab.Kind() != TabletStore || role != "tablet" || own != pid {
		t.Errorf("the older tablet is %q (%s, %s)", tab.Kind(), role, own)
	}
	if err := tab.view(func(tx *bolt.Tx) error {
		if _, found, err := readKind(tx, tab.keys); !found || err != nil {
			t.Errorf("the unlock did not record the tablet's kind: %v", err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h := openTestStore(t, hub.Path(), c)
	if h.Kind() != HubStore {
		t.Errorf("the older hub is %q", h.Kind())
	}
}

// A key slot of a name that is neither "hub" nor an account's opens nothing, even when its
// passphrase unwraps the key: a key worker cannot make themselves a shared slot.
func TestMaintenanceSlotIsRefused(t *testing.T) {
	hub, _ := newTestStore(t)
	slot, err := wrapKey("maintenance", "maintenance passphrase", hub.dataKey, *cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	if err := hub.update(func(w *writer) error { return w.putSlot("maintenance", slot) }); err != nil {
		t.Fatal(err)
	}
	path := hub.Path()
	hub.Close()
	if s, err := Open(path, "maintenance passphrase", Options{KDF: cheapKDF()}); err == nil {
		s.Close()
		t.Fatalf("a slot named maintenance signed in as %+v", s.SignedIn())
	}
	again := openTestStore(t, path, newTestClock())
	if rep, err := again.Check(); err != nil || !strings.Contains(strings.Join(rep.Problems, "\n"), `"maintenance"`) {
		t.Errorf("check does not report the maintenance slot: %v %v", err, rep.Problems)
	}
}
