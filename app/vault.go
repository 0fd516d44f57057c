package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"carehub/careplan"
	"carehub/store"
	"carehub/ui"
)

// vault opens the store behind the desktop app's unlock screen and keeps it until the app
// closes.
type vault struct {
	path string
	now  func() time.Time

	mu   sync.Mutex
	open *store.Store
}

var _ ui.Vault = (*vault)(nil)

func newVault(path string, now func() time.Time) *vault {
	return &vault{path: path, now: now}
}

// Exists reports whether the store has been created (false on first run).
func (v *vault) Exists() bool { return store.Exists(v.path) }

// Open unlocks the existing store.
func (v *vault) Open(passphrase string) (ui.Records, error) {
	return v.keep(store.Open(v.path, passphrase, v.options()))
}

// Create makes the store on first run, with the passphrase the user has just set.
func (v *vault) Create(passphrase string) (ui.Records, error) {
	if err := os.MkdirAll(filepath.Dir(v.path), 0o700); err != nil {
		return nil, err
	}
	return v.keep(store.Create(v.path, passphrase, v.options()))
}

func (v *vault) options() store.Options {
	return store.Options{Now: v.now, User: "hub user"}
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
