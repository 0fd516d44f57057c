package store

import (
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// A store is either a hub's or one patient's tablet's, and says which in meta, sealed under the
// data key (so nobody without the key can turn a hub into a tablet), with the tablet's patient.
// What a store does as a device follows its kind, never who is signed in: a hub never runs the
// tablet's wipe, and patient accounts exist only on tablet stores.

// StoreKind is what a store is for.
type StoreKind string

// The kinds of store.
const (
	HubStore    StoreKind = "hub"
	TabletStore StoreKind = "tablet"
)

// metaKind holds the sealed kind: "hub", or "tablet" and the patient's record id after a colon.
const metaKind = "store-kind"

// Errors of store kinds.
var (
	ErrPatientOnHub = fmt.Errorf("%w: a patient's account belongs on their tablet, never on a hub's store", access.ErrNotAllowed)
	ErrWipeOnHub    = errors.New("a hub's store is never wiped: only a patient's tablet removes its records when the hub says so")
	ErrStoreKind    = fmt.Errorf("this store's kind (hub or tablet) cannot be read: %w", ErrAltered)
)

// storeKind is a store's kind and, for a tablet, its patient's record id.
type storeKind struct {
	kind    StoreKind
	patient string
}

func (k storeKind) encode() []byte {
	if k.kind == TabletStore {
		return []byte(string(TabletStore) + ":" + k.patient)
	}
	return []byte(HubStore)
}

func putKind(tx *bolt.Tx, k *keys, kind storeKind) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	aad := []byte(metaKind)
	return meta.Put(aad, k.seal(nil, kind.encode(), aad))
}

// readKind reads the recorded kind; found is false for a store from before kinds were kept.
func readKind(tx *bolt.Tx, k *keys) (kind storeKind, found bool, err error) {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return kind, false, err
	}
	aad := []byte(metaKind)
	sealed := meta.Get(aad)
	if sealed == nil {
		return kind, false, nil
	}
	plain, err := k.open(nil, sealed, aad)
	if err != nil {
		return kind, true, ErrStoreKind
	}
	s := string(plain)
	switch {
	case s == string(HubStore):
		return storeKind{kind: HubStore}, true, nil
	case strings.HasPrefix(s, string(TabletStore)+":"):
		pid := strings.TrimPrefix(s, string(TabletStore)+":")
		if _, err := parseID(pid); err != nil {
			return kind, true, ErrStoreKind
		}
		return storeKind{kind: TabletStore, patient: pid}, true, nil
	}
	return kind, true, ErrStoreKind
}

// inferKind decides the kind of a store from before kinds were kept: a tablet is a store whose
// accounts are all patients' (one, made with it) and which has no shared hub slot; anything
// else is a hub. A hub with a patient account wrongly added stays a hub.
func inferKind(tx *bolt.Tx, k *keys) (storeKind, error) {
	slots, err := bucket(tx, bucketKeyslots)
	if err != nil {
		return storeKind{}, err
	}
	if slots.Get([]byte(hubSlot)) != nil {
		return storeKind{kind: HubStore}, nil
	}
	users, err := bucket(tx, bucketUsers)
	if err != nil {
		return storeKind{}, err
	}
	var patient string
	staff := false
	err = users.ForEach(func(key, v []byte) error {
		u, err := openUser(k, key, v)
		if err != nil {
			return err
		}
		switch {
		case u.Role != access.Patient:
			staff = true
		case u.Active && patient == "":
			patient = u.PatientID
		}
		return nil
	})
	if err != nil {
		return storeKind{}, err
	}
	if staff || patient == "" {
		return storeKind{kind: HubStore}, nil
	}
	return storeKind{kind: TabletStore, patient: patient}, nil
}

// loadKind reads the store's kind into s at unlock, working it out for an older store (the
// unlock then records it: kindDue).
func (s *Store) loadKind() (due bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		kind, found, err := readKind(tx, s.keys)
		if err != nil {
			return err
		}
		if !found {
			due = true
			if kind, err = inferKind(tx, s.keys); err != nil {
				return err
			}
		}
		s.kind = kind
		return nil
	})
	return due, err
}

// Kind says whether this is a hub's store or a patient's tablet's.
func (s *Store) Kind() StoreKind { return s.kind.kind }

// refuseWipeOnHub is the wipe's own check, read from the file in the wipe's transaction: a hub
// never wipes itself, whatever a bundle or a signed-in account says.
func refuseWipeOnHub(tx *bolt.Tx, k *keys, patientID string) error {
	kind, found, err := readKind(tx, k)
	if err != nil {
		return err
	}
	if !found {
		if kind, err = inferKind(tx, k); err != nil {
			return err
		}
	}
	if kind.kind != TabletStore || kind.patient != patientID {
		return ErrWipeOnHub
	}
	return nil
}

// checkKeySlots is Check's part for who can open the store: every key slot is the shared
// "hub" slot or an active account's, and no patient account is on a hub.
func (s *Store) checkKeySlots(tx *bolt.Tx, r *Report) error {
	users, err := bucket(tx, bucketUsers)
	if err != nil {
		return err
	}
	active := map[string]bool{}
	if err := users.ForEach(func(k, v []byte) error {
		u, err := openUser(s.keys, k, v)
		if err != nil {
			return nil // checkAccounts-style damage is reported where accounts are read
		}
		active[userSlot(u.ID)] = u.Active
		if u.Active && u.Role == access.Patient && s.kind.kind != TabletStore {
			r.problem("the patient account %q is on a hub's store: patient accounts belong on their tablet", u.Name)
		}
		return nil
	}); err != nil {
		return err
	}
	slots, err := bucket(tx, bucketKeyslots)
	if err != nil {
		return err
	}
	return slots.ForEach(func(k, _ []byte) error {
		name := string(k)
		switch {
		case name == hubSlot:
		case !strings.HasPrefix(name, userSlotPrefix):
			r.problem("a key slot named %q belongs to no account (it opens nothing, but was added without carehub)", name)
		case !active[name]:
			r.problem("a key slot %q belongs to no active account", name)
		}
		return nil
	})
}
