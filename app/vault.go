package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
	"carehub/ui"
)

// vault opens the store behind the desktop app's unlock screen and keeps it until the app
// closes.
type vault struct {
	path  string
	now   func() time.Time
	sleep func(time.Duration) // waits between wrong passphrases; tests record instead
	kdf   *store.KDFParams    // nil = production; tests make it cheap

	mu       sync.Mutex
	open     *store.Store
	throttle access.Throttle // wrong passphrases in a row, across the unlock screen's tries
}

var _ ui.Vault = (*vault)(nil)

func newVault(path string, now func() time.Time) *vault {
	return &vault{path: path, now: now, sleep: time.Sleep}
}

// Exists reports whether the store has been created (false on first run).
func (v *vault) Exists() bool { return store.Exists(v.path) }

// Open unlocks the existing store with any account's passphrase; the key slot it opens says
// who is signing in. A patient's account opens the tablet view only (see ui.Config.Tablet),
// and every service refuses it anything but its own plan. After five wrong passphrases in a row each attempt first waits (see
// access.Throttle). It runs on the unlock screen's worker, never the UI goroutine.
func (v *vault) Open(passphrase string) (ui.Records, error) {
	// Signing in again (another account, or after locking) closes the earlier session first:
	// the file lock allows one open handle, and a locked app should hold no key.
	if err := v.Close(); err != nil {
		return nil, err
	}
	var st *store.Store
	err := v.attempt(func() (err error) {
		st, err = store.Open(v.path, passphrase, v.options(""))
		return err
	})
	return v.keep(st, err)
}

// Unlock uncovers a locked session: the passphrase must be the signed-in account's own. The
// store stays open while locked, so the screens underneath keep their state and handles.
func (v *vault) Unlock(passphrase string) error {
	st, err := v.current()
	if err != nil {
		return err
	}
	return v.attempt(func() error { return st.CheckPassphrase(passphrase) })
}

// attempt runs one passphrase try, waiting first as the throttle says and counting the result.
func (v *vault) attempt(try func() error) error {
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
// passphrase the user has just set.
func (v *vault) Create(name, passphrase string) (ui.Records, error) {
	if err := os.MkdirAll(filepath.Dir(v.path), 0o700); err != nil {
		return nil, err
	}
	return v.keep(store.Create(v.path, passphrase, v.options(name)))
}

// SignedIn is the account that unlocked the store (the zero User while locked).
func (v *vault) SignedIn() access.User {
	st, err := v.current()
	if err != nil {
		return access.User{}
	}
	return st.SignedIn()
}

// options leaves User empty: the store names whoever signed in on every audit entry.
func (v *vault) options(admin string) store.Options {
	return store.Options{Now: v.now, Admin: admin, KDF: v.kdf}
}

func (v *vault) keep(st *store.Store, err error) (ui.Records, error) {
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open != nil {
		v.open.Close() // unlocking again (after a lock) replaces the earlier handle
	}
	v.open = st
	return st, nil
}

// current is the store once unlocked, for services that start before the unlock screen.
func (v *vault) current() (*store.Store, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open == nil {
		return nil, errLocked
	}
	return v.open, nil
}

// Close closes the store if it was opened.
func (v *vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open == nil {
		return nil
	}
	err := v.open.Close()
	v.open = nil
	return err
}

// errNotOurStore is returned when the demo loader is handed records from somewhere else.
var errNotOurStore = errors.New("demo data can only be loaded into a carehub store")

// UIConfig wires the desktop screens to the store at path. Call Close on the returned closer
// when the window has closed. OpenFile is left for the desktop package to set, since opening
// the system's PDF viewer needs the running Fyne app.
func UIConfig(path string, now func() time.Time) (ui.Config, func() error) {
	v := newVault(path, now)
	cfg := ui.Config{
		Vault: v,
		LoadDemo: func(r ui.Records, patients int, progress func(done, total int)) error {
			st, ok := r.(*store.Store)
			if !ok {
				return errNotOurStore
			}
			return LoadDemo(st, 1, patients, careplan.DateOf(now()), progress)
		},
		Today:      func() careplan.Date { return careplan.DateOf(now()) },
		Printing:   newPrintService(v.current, now),
		Outcomes:   newOutcomeService(v.current, now),
		Evaluation: newEvaluationService(v.current),
		Plans:      newPlanService(v.current, now),
	}
	cfg.Enrolment = newEnrolmentService(v.current, now)
	cfg.Users = &userService{store: v.current}
	cfg.AuditLog = &auditService{store: v.current}
	cfg.Settings = &settingsService{store: v.current}
	cfg.MayEdit = func(patientID string) bool {
		st, err := v.current()
		return err == nil && mayEditPatient(st, patientID) == nil
	}
	cfg.Tablet = &tabletService{store: v.current, now: now}
	cfg.TabletSync = &tabletSyncService{store: v.current}
	cfg.TabletSetup = &tabletSetupService{store: v.current, now: now}
	cfg.Sync = &syncService{store: v.current}
	cfg.Conflicts = &conflictService{store: v.current}
	return cfg, v.Close
}

// DefaultStorePath is where the desktop app keeps its store when no --db is given: the user's
// own configuration folder, readable only by them.
func DefaultStorePath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "carehub", "carehub.db"), nil
}
