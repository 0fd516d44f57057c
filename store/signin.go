package store

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// Signing in by name. Each key slot costs one argon2id derivation to try (0.5–0.9 s on a hub
// laptop), so trying the passphrase against every slot (Open) makes the last of 50 accounts
// wait most of a minute. The sign-in list lets the person say who they are first, so exactly
// one slot is tried (OpenAs).
//
// The list is the "accounts" bucket: key slot name → format byte (1) and the account's name,
// in clear, so it can be read before the store is unlocked. It holds only active staff
// accounts (key workers, coordinators, administrators): never a patient's account, whose name
// is the patient's, and never the shared "hub" slot, which names nobody. What a copy of the
// file gives away without a passphrase is therefore who has an account at the hub, not their
// roles and nothing about any patient (docs/architecture.md, "Signing in by name"). The list is
// written with the sealed account in the same transaction (putUser), and unlocking checks that
// the account the slot opens has the name that was chosen, so an edited list can make a sign-in
// fail but never open the store as anyone else; Check compares the two in full.

// Errors of signing in by name.
var (
	ErrNoSuchAccount = errors.New("there is no active account with that name on this store")
	ErrSignInList    = errors.New("the list of names on this store does not match its accounts: the file has been altered — restore from a backup")
)

// WrongPassphraseError is a passphrase that does not open the named account. It says so in the
// person's words, naming the account, never "not right for this store": the passphrase may
// well be someone else's. errors.Is(err, ErrWrongPassphrase) holds, so the wrong-passphrase
// back-off counts it.
type WrongPassphraseError struct {
	Account string
}

// Error names the account the passphrase is not right for.
func (e WrongPassphraseError) Error() string {
	return "that passphrase is not right for " + e.Account
}

// Is makes a WrongPassphraseError an ErrWrongPassphrase.
func (e WrongPassphraseError) Is(target error) bool { return target == ErrWrongPassphrase }

const signInFormat = 1

// metaSignInList marks a store whose sign-in list holds every active staff account.
const metaSignInList = "signin-list" // 1 byte, 1

// createSignInList adds the sign-in list (schema step 10). It is filled by listAccounts at the
// next unlock, because a migration runs before the key is known.
func createSignInList(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketAccounts)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketAccounts, err)
	}
	return nil
}

// listed reports whether an account belongs on the sign-in list.
func listed(u access.User) bool {
	return u.Active && u.ID != "" && u.Role != access.Patient && u.Role != access.SharedHub
}

// putSignInName keeps u's entry on the sign-in list right: its name while it is an active staff
// account, nothing otherwise.
func putSignInName(tx *bolt.Tx, u access.User) error {
	b, err := bucket(tx, bucketAccounts)
	if err != nil {
		return err
	}
	key := []byte(userSlot(u.ID))
	if !listed(u) {
		return b.Delete(key)
	}
	return b.Put(key, append([]byte{signInFormat}, u.Name...))
}

// sameName is how a typed or chosen name matches an account's: letter case and the spaces
// around and between words do not matter, as they do not when AddUser refuses a second
// account of the same name.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// signInEntry is one name on the sign-in list.
type signInEntry struct {
	slot, name string
}

// readSignInList reads the sign-in list, and whether it is complete (a store from before it
// has one only once it has been unlocked).
func readSignInList(tx *bolt.Tx) ([]signInEntry, bool, error) {
	b := tx.Bucket([]byte(bucketAccounts))
	if b == nil {
		return nil, false, nil
	}
	var out []signInEntry
	err := b.ForEach(func(k, v []byte) error {
		if len(v) < 2 || v[0] != signInFormat || !strings.HasPrefix(string(k), userSlotPrefix) {
			return fmt.Errorf("a name on the sign-in list is damaged: %w", ErrSignInList)
		}
		out = append(out, signInEntry{slot: string(k), name: string(v[1:])})
		return nil
	})
	meta := tx.Bucket([]byte(bucketMeta))
	complete := meta != nil && bytes.Equal(meta.Get([]byte(metaSignInList)), []byte{1})
	return out, complete, err
}

// AccountNames lists, sorted, the names of the active staff accounts of the store at path,
// for the sign-in screen to offer before anything is unlocked. It reads no key and changes
// nothing. An empty list means signing in with the passphrase alone (Open): a patient's
// tablet, a store with only the shared hub passphrase, or one from before the list that has
// not been unlocked since.
func AccountNames(path string, opt Options) ([]string, error) {
	opt.readOnly = true
	db, err := openExisting(path, opt)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var names []string
	err = guard(func() error { return db.View(func(tx *bolt.Tx) error { return namesIn(tx, &names) }) })
	return names, err
}

// AccountNames lists the names of the store's active staff accounts, as the package's
// AccountNames does, for the lock screen's "sign in as someone else".
func (s *Store) AccountNames() ([]string, error) {
	var names []string
	err := s.view(func(tx *bolt.Tx) error { return namesIn(tx, &names) })
	return names, err
}

func namesIn(tx *bolt.Tx, names *[]string) error {
	if _, err := readIdentity(tx); err != nil {
		return err
	}
	list, complete, err := readSignInList(tx)
	if err != nil || !complete {
		return err
	}
	for _, e := range list {
		*names = append(*names, e.name)
	}
	sort.Strings(*names)
	return nil
}

// OpenAs unlocks the store at path as the named account: exactly one key derivation, however
// many accounts the store has. The name matches as sameName says. A passphrase that is not
// that account's is a WrongPassphraseError naming them (even when it is another account's),
// and a name with no active account is ErrNoSuchAccount; neither changes anything in the file.
func OpenAs(path, name, passphrase string, opt Options) (*Store, error) {
	if strings.TrimSpace(name) == "" {
		return nil, fmt.Errorf("%w: choose who you are", ErrNoSuchAccount)
	}
	return openWith(path, opt, func(tx *bolt.Tx) (string, []byte, bool, error) {
		return unlockNamed(tx, name, passphrase)
	}, name, passphrase)
}

// unlockNamed opens the key slot of the account called name. A store whose sign-in list is
// not yet complete (from before it, never unlocked since) tries every slot as Open does; the
// account it opens must then have that name.
func unlockNamed(tx *bolt.Tx, name, passphrase string) (string, []byte, bool, error) {
	list, complete, err := readSignInList(tx)
	if err != nil {
		return "", nil, false, err
	}
	if !complete {
		slot, key, legacy, err := unlockAnySlot(tx, passphrase)
		if errors.Is(err, ErrWrongPassphrase) {
			err = WrongPassphraseError{Account: name}
		}
		return slot, key, legacy, err
	}
	slots, err := bucket(tx, bucketKeyslots)
	if err != nil {
		return "", nil, false, err
	}
	found := false
	for _, e := range list {
		if !sameName(e.name, name) {
			continue
		}
		found = true
		v := slots.Get([]byte(e.slot))
		if v == nil {
			return "", nil, false, fmt.Errorf("%s has no key slot: %w", e.name, ErrSignInList)
		}
		slot, err := decodeKeyslot(v)
		if err != nil {
			return "", nil, false, err
		}
		key, legacy, err := openSlot(tx, e.slot, passphrase, slot)
		if err == nil {
			return e.slot, key, legacy, nil
		}
		if !errors.Is(err, ErrWrongPassphrase) {
			return "", nil, false, err
		}
	}
	if !found {
		return "", nil, false, fmt.Errorf("%q: %w", strings.TrimSpace(name), ErrNoSuchAccount)
	}
	return "", nil, false, WrongPassphraseError{Account: strings.TrimSpace(name)}
}

// CheckPassphraseOf checks, with the store open, that passphrase opens the named account's key
// slot (one derivation), as OpenAs would, changing nothing: the lock screen's "sign in as
// someone else" checks before it closes the locked session. The errors are OpenAs's.
func (s *Store) CheckPassphraseOf(name, passphrase string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("%w: choose who you are", ErrNoSuchAccount)
	}
	return s.view(func(tx *bolt.Tx) error {
		_, key, _, err := unlockNamed(tx, name, passphrase)
		clear(key)
		return err
	})
}

// checkSignedInAs makes sure the account a named sign-in opened is the one named: the list is
// in clear, so an edited list must never sign anyone in under another name.
func (s *Store) checkSignedInAs(name string) error {
	u := s.SignedIn()
	if u.ID != "" && sameName(u.Name, name) {
		return nil
	}
	var complete bool
	err := s.view(func(tx *bolt.Tx) error {
		_, complete, _ = readSignInList(tx)
		return nil
	})
	if err != nil {
		return err
	}
	if !complete { // every slot was tried: the passphrase is someone else's
		return WrongPassphraseError{Account: strings.TrimSpace(name)}
	}
	return ErrSignInList
}

// fillSignInList fills the sign-in list once, for a store from before it (finishUnlock); a new
// store's is complete from the start. It records that it is done.
func fillSignInList(tx *bolt.Tx, k *keys) error {
	users, err := bucket(tx, bucketUsers)
	if err != nil {
		return err
	}
	err = users.ForEach(func(key, v []byte) error {
		u, err := openUser(k, key, v)
		if err != nil {
			return err
		}
		return putSignInName(tx, u)
	})
	if err != nil {
		return err
	}
	return markSignInList(tx)
}

func markSignInList(tx *bolt.Tx) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaSignInList), []byte{1})
}

// checkSignInList reports every difference between the sign-in list and the accounts.
func (s *Store) checkSignInList(tx *bolt.Tx, r *Report) error {
	list, complete, err := readSignInList(tx)
	if err != nil {
		r.problem("%v", err)
		return nil
	}
	if !complete {
		r.problem("the sign-in list has not been filled")
		return nil
	}
	want := map[string]string{}
	users, err := bucket(tx, bucketUsers)
	if err != nil {
		return err
	}
	if err := users.ForEach(func(k, v []byte) error {
		if u, err := openUser(s.keys, k, v); err == nil && listed(u) {
			want[userSlot(u.ID)] = u.Name
		}
		return nil
	}); err != nil {
		return err
	}
	for _, e := range list {
		if name, ok := want[e.slot]; !ok || name != e.name {
			r.problem("the sign-in list names %q for a key slot whose account is not that active account", e.name)
		}
		delete(want, e.slot)
	}
	for _, name := range want {
		r.problem("the sign-in list leaves out the account %q", name)
	}
	return nil
}
