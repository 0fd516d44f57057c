package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"carehub/careplan/access"
	"carehub/store"
)

// Vault opens the store behind the desktop app's unlock screen and keeps it until the app
// closes. Its Store method is the Source every other service of the desktop reads through.
type Vault struct {
	path  string
	now   func() time.Time
	sleep func(time.Duration) // waits between wrong passphrases; tests record instead
	kdf   *store.KDFParams    // nil = production; tests make it cheap

	mu       sync.Mutex
	open     *store.Store
	throttle access.Throttle // wrong passphrases in a row, across the unlock screen's tries
}

// NewVault is the vault for the store at path. kdf is for the key slots it makes (nil means
// store.ProductionKDF); tests make it cheap.
func NewVault(path string, now func() time.Time, kdf *store.KDFParams) *Vault {
	return &Vault{path: path, now: now, sleep: time.Sleep, kdf: kdf}
}

// Exists reports whether the store has been created (false on first run).
func (v *Vault) Exists() bool { return store.Exists(v.path) }

// Open unlocks the existing store with any account's passphrase; the key slot it opens says
// who is signing in (a patient's account opens the tablet view only). After five wrong
// passphrases in a row each attempt first waits (access.DelayAfter); the store keeps the count
// in its file, so quitting and starting the app again does not reset it. It runs on the unlock
// screen's worker, never the UI goroutine.
func (v *Vault) Open(passphrase string) error {
	// Signing in again (another account, or after locking) closes the earlier session first:
	// the file lock allows one open handle, and a locked app should hold no key.
	if err := v.Close(); err != nil {
		return err
	}
	opt := v.options("")
	opt.Sleep = v.sleep
	return v.keep(store.Open(v.path, passphrase, opt))
}

// OpenAs unlocks the existing store as the named account with one key derivation, however
// many accounts the store has. A passphrase that is not that account's says so naming them
// (store.WrongPassphraseError), never "not right for this store": it may be someone else's.
// The back-off is Open's. It runs on the unlock screen's worker, never the UI goroutine.
func (v *Vault) OpenAs(name, passphrase string) error {
	if err := v.Close(); err != nil {
		return err
	}
	opt := v.options("")
	opt.Sleep = v.sleep
	return v.keep(store.OpenAs(v.path, name, passphrase, opt))
}

// Names lists, sorted, the active staff accounts a person may sign in as: read before unlock
// (no key needed) for the unlock screen, or from the open store for the lock screen's "sign
// in as someone else". An empty list means the passphrase alone signs in (Open).
func (v *Vault) Names() ([]string, error) {
	if st, err := v.Store(); err == nil {
		return st.AccountNames()
	}
	if !v.Exists() {
		return nil, nil
	}
	return store.AccountNames(v.path, v.options(""))
}

// Unlock uncovers a locked session: the passphrase must be the signed-in account's own. The
// store stays open while locked, so the screens underneath keep their state and handles; its
// wrong passphrases are counted here, in memory, for as long as the session lasts. A wrong
// passphrase names the signed-in account: it may well be another account's.
func (v *Vault) Unlock(passphrase string) error {
	st, err := v.Store()
	if err != nil {
		return err
	}
	err = v.attempt(func() error { return st.CheckPassphrase(passphrase) })
	if u := st.SignedIn(); errors.Is(err, store.ErrWrongPassphrase) && u.Name != "" {
		return store.WrongPassphraseError{Account: u.Name}
	}
	return err
}

// SwitchTo ends a locked session and signs in as the named account instead: switching user
// without quitting. The passphrase is checked against that account first, with the session
// still open, so a wrong one leaves the locked session as it was (and counts towards the
// back-off); only then is the session closed and the store opened as them.
func (v *Vault) SwitchTo(name, passphrase string) error {
	st, err := v.Store()
	if err != nil {
		return err
	}
	if err := v.attempt(func() error { return st.CheckPassphraseOf(name, passphrase) }); err != nil {
		return err
	}
	return v.OpenAs(name, passphrase)
}

// attempt runs one passphrase try, waiting first as the throttle says and counting the result.
func (v *Vault) attempt(try func() error) error {
	v.mu.Lock()
	wait := v.throttle.Delay()
	v.mu.Unlock()
	if wait > 0 {
		v.sleep(wait)
	}
	err := try()
	v.mu.Lock()
	defer v.mu.Unlock()
	switch {
	case errors.Is(err, store.ErrWrongPassphrase):
		v.throttle.Failed()
	case err == nil:
		v.throttle.Succeeded()
	}
	return err
}

// Create makes the store on first run, with its hub administrator's account: the name and
// passphrase the user has just set. When coordinates is true the same person is also a
// coordinator, with a staff record in their name linked to the account (FirstCoordinator), so
// they can nominate, edit records and choose themselves as a person's care coordinator from
// the first minute: in a small hub the person who sets carehub up usually runs the caseload.
func (v *Vault) Create(name, passphrase string, coordinates bool) error {
	if err := os.MkdirAll(filepath.Dir(v.path), 0o700); err != nil {
		return err
	}
	opt := v.options(strings.TrimSpace(name))
	if coordinates {
		opt.AdminAlso = access.Coordinator
	}
	if err := v.keep(store.Create(v.path, passphrase, opt)); err != nil {
		return err
	}
	st, err := v.Store()
	if err != nil {
		return err
	}
	return FirstCoordinator(st)
}

// SignedIn is the account that unlocked the store (the zero User while locked).
func (v *Vault) SignedIn() access.User {
	st, err := v.Store()
	if err != nil {
		return access.User{}
	}
	return st.SignedIn()
}

// options leaves User empty: the store names whoever signed in on every audit entry.
func (v *Vault) options(admin string) store.Options {
	return store.Options{Now: v.now, Admin: admin, KDF: v.kdf}
}

func (v *Vault) keep(st *store.Store, err error) error {
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open != nil {
		v.open.Close() // unlocking again (after a lock) replaces the earlier handle
	}
	v.open = st
	return nil
}

// Store is the store once unlocked, or ErrLocked: the Source for services that start before
// the unlock screen.
func (v *Vault) Store() (*store.Store, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open == nil {
		return nil, ErrLocked
	}
	return v.open, nil
}

// Close closes the store if it was opened.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open == nil {
		return nil
	}
	err := v.open.Close()
	v.open = nil
	return err
}
