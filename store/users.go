package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// Errors about accounts that callers check.
var (
	ErrNoUser       = errors.New("there is no such account")
	ErrUserNameUsed = errors.New("another account already has that name")
)

// sharedHubName is who the audit names when the shared hub passphrase is used and the caller
// gave no name: the same words carehub used before accounts existed.
const sharedHubName = "hub user"

func userSlot(id string) string { return userSlotPrefix + id }

// sharedHubUser is the account-less sign-in through the shared "hub" slot.
func sharedHubUser(name string) access.User {
	if strings.TrimSpace(name) == "" {
		name = sharedHubName
	}
	return access.User{Name: name, Role: access.SharedHub, Active: true}
}

// SignedIn is the account whose passphrase opened the store (access.SharedHub for the shared
// hub passphrase).
func (s *Store) SignedIn() access.User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.signedIn
}

// signIn makes u the signed-in account and names them on every later write and view.
func (s *Store) signIn(u access.User) {
	s.mu.Lock()
	s.signedIn = u
	s.user = u.Name
	s.mu.Unlock()
}

// signInWith works out who opened the store from the key slot that opened it.
func (s *Store) signInWith(slot, name string) error {
	if !strings.HasPrefix(slot, userSlotPrefix) && slot != hubSlot {
		// Only "hub" is the shared slot: a slot of any other name opens nothing.
		return fmt.Errorf("a key slot named %q belongs to no account: %w", slot, ErrAltered)
	}
	if slot == hubSlot {
		s.signedIn = sharedHubUser(name)
		s.user = s.signedIn.Name
		return nil
	}
	u, err := s.user1(strings.TrimPrefix(slot, userSlotPrefix))
	if err != nil {
		return fmt.Errorf("the account for this passphrase: %w", err)
	}
	if !u.Active { // its slot is destroyed on deactivation; this is a second line of defence
		return access.ErrInactiveUser
	}
	if u.Role == access.Patient && s.kind.kind != TabletStore {
		return ErrPatientOnHub
	}
	s.signIn(u)
	return nil
}

// Users returns every account, active or not, sorted by name.
func (s *Store) Users() ([]access.User, error) {
	var out []access.User
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			u, err := openUser(s.keys, k, v)
			if err != nil {
				return err
			}
			out = append(out, u)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

func (s *Store) user1(id string) (access.User, error) {
	var u access.User
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		u, err = getUser(tx, s.keys, id)
		return err
	})
	return u, err
}

// AddUser creates an account with its own key slot, which wraps the same data key as every
// other slot: no record is re-encrypted or rewritten. u gets a new id and is made active.
func (s *Store) AddUser(u *access.User, passphrase string) error {
	if passphrase == "" {
		return ErrNoPassphrase
	}
	if err := access.CheckNewPassphrase(passphrase); err != nil {
		return err
	}
	if err := u.Validate(); err != nil {
		return err
	}
	if u.Role == access.Patient && s.kind.kind != TabletStore {
		return ErrPatientOnHub
	}
	added := *u
	added.ID, added.Active = uuid.NewString(), true
	slot, g, err := newSlot(userSlot(added.ID), passphrase, s.dataKey, s.kdf) // slow: outside the transaction
	if err != nil {
		return err
	}
	err = s.update(func(w *writer) error {
		if err := w.refuseDuplicateName(added); err != nil {
			return err
		}
		if err := w.putSlotAndGrant(userSlot(added.ID), slot, g); err != nil {
			return err
		}
		if err := w.putUser(added); err != nil {
			return err
		}
		return w.audit(AuditCreated, "", "", auditNote{detail: fmt.Sprintf("account %q (%s)", added.Name, added.Role)})
	})
	if err == nil {
		*u = added
	}
	return err
}

// ResetPassphrase gives an active account a new passphrase by re-wrapping the data key in its
// slot; the old passphrase stops working at once.
func (s *Store) ResetPassphrase(id, passphrase string) error {
	if passphrase == "" {
		return ErrNoPassphrase
	}
	if err := access.CheckNewPassphrase(passphrase); err != nil {
		return err
	}
	slot, g, err := newSlot(userSlot(id), passphrase, s.dataKey, s.kdf)
	if err != nil {
		return err
	}
	return s.update(func(w *writer) error {
		u, err := getUser(w.tx, w.keys, id)
		if err != nil {
			return err
		}
		if !u.Active {
			return access.ErrInactiveUser
		}
		if err := w.putSlotAndGrant(userSlot(id), slot, g); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: fmt.Sprintf("account %q: passphrase reset", u.Name)})
	})
}

// DeactivateUser destroys an account's key slot, so its passphrase no longer opens the store,
// and keeps the account (inactive) so the audit's names still mean someone. The last active
// administrator cannot be deactivated. In the same transaction the data key is rotated
// (rotate.go), so a copy of the slot kept from before opens nothing afterwards.
func (s *Store) DeactivateUser(id string) error {
	all, err := s.Users()
	if err != nil {
		return err
	}
	return s.updateRotating(func(w *writer) error {
		u, err := getUser(w.tx, w.keys, id)
		if err != nil {
			return err
		}
		if err := access.CanDeactivate(u, all); err != nil {
			return err
		}
		if err := deleteSlot(w.tx, userSlot(id)); err != nil {
			return err
		}
		u.Active = false
		if err := w.putUser(u); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: fmt.Sprintf("account %q deactivated", u.Name)})
	})
}

func (w *writer) refuseDuplicateName(u access.User) error {
	b, err := bucket(w.tx, bucketUsers)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		other, err := openUser(w.keys, k, v)
		if err != nil {
			return err
		}
		if other.Active && strings.EqualFold(strings.TrimSpace(other.Name), strings.TrimSpace(u.Name)) {
			return ErrUserNameUsed
		}
		return nil
	})
}

func (w *writer) putSlot(name string, slot keyslot) error {
	slots, err := bucket(w.tx, bucketKeyslots)
	if err != nil {
		return err
	}
	return slots.Put([]byte(name), slot.encode())
}

// putUser seals an account under its id; the id is the authenticated data, so one account's
// sealed body cannot be moved under another's id.
func (w *writer) putUser(u access.User) error {
	b, err := bucket(w.tx, bucketUsers)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(u)
	if err != nil {
		return err
	}
	key := []byte(u.ID)
	if err := b.Put(key, w.keys.seal(nil, plain, key)); err != nil {
		return err
	}
	return putSignInName(w.tx, u)
}

func getUser(tx *bolt.Tx, k *keys, id string) (access.User, error) {
	b, err := bucket(tx, bucketUsers)
	if err != nil {
		return access.User{}, err
	}
	v := b.Get([]byte(id))
	if v == nil {
		return access.User{}, ErrNoUser
	}
	return openUser(k, []byte(id), v)
}

func openUser(k *keys, key, sealed []byte) (access.User, error) {
	var u access.User
	plain, err := k.open(nil, sealed, key)
	if err != nil {
		return u, fmt.Errorf("an account cannot be read: it does not decrypt")
	}
	if err := json.Unmarshal(plain, &u); err != nil {
		return u, fmt.Errorf("an account cannot be read: %w", err)
	}
	return u, nil
}

// CheckPassphrase reports whether passphrase is the signed-in account's own, for unlocking a
// locked screen: only the person who signed in can uncover their session (anyone else signs
// in afresh). It reads the account's key slot and changes nothing.
func (s *Store) CheckPassphrase(passphrase string) error {
	if passphrase == "" {
		return ErrWrongPassphrase
	}
	name := hubSlot
	if u := s.SignedIn(); u.ID != "" {
		name = userSlot(u.ID)
	}
	var slot keyslot
	err := s.view(func(tx *bolt.Tx) error {
		slots, err := bucket(tx, bucketKeyslots)
		if err != nil {
			return err
		}
		v := slots.Get([]byte(name))
		if v == nil { // deactivated while signed in: the passphrase no longer opens anything
			return ErrWrongPassphrase
		}
		slot, err = decodeKeyslot(v)
		return err
	})
	if err != nil {
		return err
	}
	key, err := unwrapKey(name, passphrase, slot)
	clear(key)
	return err
}

// ErrNoAccount is returned for account settings when the shared hub passphrase is in use:
// there is no account to keep them with.
var ErrNoAccount = errors.New("settings are kept with a named account: sign in as yourself to keep them")

// SavePreferences keeps the signed-in account's own settings.
func (s *Store) SavePreferences(p access.Preferences) error {
	if err := p.Validate(); err != nil {
		return err
	}
	id := s.SignedIn().ID
	if id == "" {
		return ErrNoAccount
	}
	err := s.update(func(w *writer) error {
		u, err := getUser(w.tx, w.keys, id)
		if err != nil {
			return err
		}
		u.Prefs = p
		return w.putUser(u)
	})
	if err == nil {
		s.mu.Lock()
		s.signedIn.Prefs = p
		s.mu.Unlock()
	}
	return err
}

// ErrSharedStays is returned when the shared hub passphrase cannot be retired yet.
var ErrSharedStays = errors.New("the shared hub passphrase can be retired only by a named hub administrator's account: add one, sign in as them, then retire it")

// ErrNoShared is returned when the store has no shared hub passphrase to retire.
var ErrNoShared = errors.New("this store has no shared hub passphrase: everyone already signs in as themselves")

// RetireSharedSlot destroys the shared "hub" key slot of an older store, so only named accounts
// open it, and rotates the data key in the same transaction (rotate.go). It must be done by an
// active administrator's own account (so someone can still manage accounts afterwards).
func (s *Store) RetireSharedSlot() error {
	u := s.SignedIn()
	if u.ID == "" || !u.Has(access.Administrator) || !u.Active {
		return ErrSharedStays
	}
	return s.updateRotating(func(w *writer) error {
		slots, err := bucket(w.tx, bucketKeyslots)
		if err != nil {
			return err
		}
		if slots.Get([]byte(hubSlot)) == nil {
			return ErrNoShared
		}
		if err := deleteSlot(w.tx, hubSlot); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: "shared hub passphrase retired"})
	})
}
