package ui

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/pam"
)

// fixedToday is the day every test runs on, so ages and overdue marks never drift.
func fixedToday() careplan.Date { return careplan.NewDate(2026, time.March, 2) }

// inline is a worker that does everything at once on the calling goroutine, so a test sees
// the result of a tap as soon as the tap returns.
type inline struct{}

func (inline) run(work, apply func()) { work(); apply() }
func (inline) post(fn func())         { fn() }

// heldWorker keeps jobs until the test finishes them, to look at a screen while work is under
// way.
type heldWorker struct {
	jobs [][2]func()
}

func (h *heldWorker) run(work, apply func()) { h.jobs = append(h.jobs, [2]func(){work, apply}) }
func (h *heldWorker) post(fn func())         { fn() }

// finish does the held work and applies it, as the UI goroutine would once it was done.
func (h *heldWorker) finish() {
	jobs := h.jobs
	h.jobs = nil
	for _, j := range jobs {
		j[0]()
		j[1]()
	}
}

var errWrongPassphrase = errors.New("the passphrase is not right for this store")

// fakeVault is a store with one right passphrase.
type fakeVault struct {
	exists  bool
	right   string
	records *fakeRecords
	created string // the passphrase Create was called with
	admin   string // the name Create was called with
	user    access.User
}

func (v *fakeVault) Exists() bool { return v.exists }

func (v *fakeVault) Open(p string) error {
	if p != v.right {
		return errWrongPassphrase
	}
	return nil
}

// Unlock takes the same passphrase as Open.
func (v *fakeVault) Unlock(p string) error {
	if p != v.right {
		return errWrongPassphrase
	}
	return nil
}

// SignedIn is a coordinator unless the test set someone else.
func (v *fakeVault) SignedIn() access.User {
	if v.user.Role == "" {
		return access.User{Name: "Cat Coordinator", Role: access.Coordinator, Active: true}
	}
	return v.user
}

func (v *fakeVault) Create(name, p string) error {
	v.admin = name
	v.created = p
	v.exists = true
	v.right = p
	return nil
}

// fakeRecords holds patients in memory and remembers whose record was viewed.
type fakeRecords struct {
	mu          sync.Mutex
	patients    []careplan.Patient
	plans       map[string][]careplan.Plan
	assessments map[string][]pam.Assessment
	viewed      []string
}

func (r *fakeRecords) Caseload() ([]careplan.CaseloadEntry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]careplan.CaseloadEntry, len(r.patients))
	for i, p := range r.patients {
		var current *careplan.Plan
		if c, _, ok := currentPlan(r.plans[p.ID]); ok {
			current = &c
		}
		out[i] = careplan.CaseloadEntryFor(p, current)
	}
	return out, nil
}

func (r *fakeRecords) Patient(id string) (careplan.Patient, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.viewed = append(r.viewed, id)
	for _, p := range r.patients {
		if p.ID == id {
			return p, nil
		}
	}
	return careplan.Patient{}, fmt.Errorf("no patient %q", id)
}

func (r *fakeRecords) Plans(id string) ([]careplan.Plan, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.plans[id], nil
}

func (r *fakeRecords) Assessments(id string) ([]pam.Assessment, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.assessments[id], nil
}

func (r *fakeRecords) add(p careplan.Patient, plans []careplan.Plan, pams []pam.Assessment) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.plans == nil {
		r.plans = map[string][]careplan.Plan{}
		r.assessments = map[string][]pam.Assessment{}
	}
	r.patients = append(r.patients, p)
	r.plans[p.ID] = plans
	r.assessments[p.ID] = pams
}

// testWindowSize keeps goldens and screenshots the same from run to run.
func testWindowSize() fyne.Size { return fyne.NewSize(1000, 700) }

// newTestSession starts the screens in a fixed-size test window with inline work.
func newTestSession(t *testing.T, cfg Config) (*session, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, layout.NewSpacer())
	w.Resize(testWindowSize())
	if cfg.Today == nil {
		cfg.Today = fixedToday
	}
	if v, ok := cfg.Vault.(*fakeVault); ok && cfg.Records == nil {
		cfg.Records = v.records
	}
	if v, ok := cfg.Vault.(storeVault); ok && cfg.Records == nil {
		cfg.Records = v.st
	}
	return startWith(w, cfg, inline{}), w
}

// unlockedSession is a session already past the unlock screen, showing the caseload.
func unlockedSession(t *testing.T, r *fakeRecords, loadDemo func(int, func(int, int)) error) (*session, fyne.Window) {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w := newTestSession(t, Config{Vault: v, LoadDemo: loadDemo})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w
}
