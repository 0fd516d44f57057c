package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/app/service/servicetest"
	"carehub/careplan/access"
	"carehub/store"
	"carehub/ui/kit"
)

// The screens' tests run over the real services on a real store in a temporary folder, wired
// as package app wires the desktop: what a test sees saved is what reached the disk, and no
// test keeps a copy of a service's rules. Test doubles remain only where they inject a
// failure or hold work part-way (failing.go-style wrappers in the tests that need them).

// hubPassphrase opens the test hub's shared key slot, which the harness uses to set the hub
// up; the accounts the tests sign in as each have testPassphrase.
const hubPassphrase = "hub set-up passphrase"

// testPassphrase is what the tests type to unlock: the passphrase of the account a test signs
// in as.
const testPassphrase = "correct horse"

// hubTime is when the test hubs' store and services think it is: mid-morning on fixedToday.
func hubTime() time.Time { return fixedToday().Time().Add(10 * time.Hour) }

// fakeClock is a settable clock: the test hub's, and the idle lock's in the tests that move it.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// catCoordinator is who a test signs in as unless it says otherwise.
var catCoordinator = access.User{Name: "Cat Coordinator", Role: access.Coordinator}

// oluKeyWorker is a key worker: Olu Adebayo, whose staff record is in testStaff. The fixtures'
// care teams name key workers without their staff ids, so Olu may change nobody's record.
var oluKeyWorker = access.User{Name: "Olu Adebayo", Role: access.KeyWorker, StaffID: fixtureID("staff-s1")}

// testHub is a carehub store in a temporary folder, with the vault and services the app would
// put over it.
type testHub struct {
	path     string
	clock    *fakeClock // the store's and the services' clock; tests may move it
	vault    *service.Vault
	svc      *service.Set
	ownPass  string // what the harness opens the store with when nobody is signed in
	ownTheme bool   // draw in the signed-in person's own theme, not the test theme
}

// newTestHub makes a hub store holding fixture (which may be empty), with the services over it.
// At cleanup the store is checked (the store's own check and bbolt's).
func newTestHub(t *testing.T, fixture *people) *testHub {
	t.Helper()
	h := newEmptyHub(t)
	st, err := store.Create(h.path, hubPassphrase, h.storeOptions())
	if err != nil {
		t.Fatal(err)
	}
	if fixture != nil {
		if err = st.Import(fixture.save); err == nil {
			err = fixture.saveServices(st)
		}
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("filling the test hub: %v", err)
	}
	t.Cleanup(func() { h.check(t) })
	return h
}

// newEmptyHub is a test hub whose store has not been made yet: the app's first run.
func newEmptyHub(t *testing.T) *testHub {
	t.Helper()
	return hubAt(t, filepath.Join(t.TempDir(), "hub.carehub"), hubPassphrase)
}

// hubAt is a test hub over the store at path (made or not yet), which the harness opens with
// ownPass to set it up and to check it.
func hubAt(t *testing.T, path, ownPass string) *testHub {
	t.Helper()
	h := &testHub{path: path, clock: &fakeClock{t: hubTime()}, ownPass: ownPass}
	h.vault = service.NewVault(h.path, h.clock.now, servicetest.CheapKDF)
	h.svc = service.NewSet(h.vault.Store, service.Options{Now: h.clock.now, Fonts: servicetest.Fonts(), KDF: servicetest.CheapKDF})
	t.Cleanup(func() { h.vault.Close() })
	return h
}

func (h *testHub) storeOptions() store.Options {
	return store.Options{Now: h.clock.now, User: "hub set-up", KDF: servicetest.CheapKDF}
}

// config wires the screens to the hub as app.UIConfig does.
func (h *testHub) config() Config {
	svc := h.svc
	return Config{
		Vault: h.vault,
		Services: Services{
			Records: svc.Records, Demo: svc.Demo, Enrolment: svc.Enrolment, Plans: svc.Plans,
			Outcomes: svc.Outcomes, Printing: svc.Printing, Evaluation: svc.Evaluation, Users: svc.Users,
			AuditLog: svc.AuditLog, Settings: svc.Settings, Sync: svc.Sync, Conflicts: svc.Conflicts,
			Tablet: svc.Tablet, TabletSync: svc.TabletSync, TabletSetup: svc.TabletSetup, Publish: svc.Publish,
			Backups: svc.Backup,
		},
		Today: fixedToday,
	}
}

// account gives user an account on the hub with testPassphrase (a coordinator when user is
// the zero User), unless it has one already, and returns it as stored, with its id.
func (h *testHub) account(t *testing.T, user access.User) access.User {
	t.Helper()
	if user.Role == "" {
		user = catCoordinator
	}
	h.withStore(t, func(st *store.Store) {
		all, err := st.Users()
		must(t, err)
		for _, u := range all {
			if u.Name == user.Name && u.Role == user.Role {
				user = u // signing in again, as a test that opens several sessions does
				return
			}
		}
		if err := st.AddUser(&user, testPassphrase); err != nil {
			t.Fatalf("adding %s's account: %v", user.Name, err)
		}
	})
	return user
}

// signIn opens the hub as the screens' unlock would, as user (see account), without a window.
func (h *testHub) signIn(t *testing.T, user access.User) {
	t.Helper()
	h.account(t, user)
	if err := h.vault.Open(testPassphrase); err != nil {
		t.Fatal(err)
	}
}

// session starts the screens over the hub in a test window and signs in as user through the
// unlock screen (see account). edit, when given, changes the wiring first, as a test that
// injects a failure does.
func (h *testHub) session(t *testing.T, user access.User, edit ...func(*Config)) (*session, fyne.Window) {
	t.Helper()
	h.account(t, user)
	return h.open(t, nil, edit...)
}

// open starts the screens over the hub in a test window, with files for the file dialogs when
// not nil, and types testPassphrase into the unlock screen: the passphrase of an account
// already on the store (a tablet's patient).
func (h *testHub) open(t *testing.T, files kit.FileChooser, edit ...func(*Config)) (*session, fyne.Window) {
	t.Helper()
	cfg := h.config()
	for _, e := range edit {
		e(&cfg)
	}
	s, w := newTestSession(t, cfg)
	if files != nil {
		s.files = files
	}
	drawn := fyne.CurrentApp().Settings().Theme()
	test.Type(s.unlock.passphrase, testPassphrase)
	test.Tap(s.unlock.submit)
	if s.unlock.problem.Visible() {
		t.Fatalf("signing in: %s", s.unlock.problem.Text)
	}
	// Signing in at the hub applies the person's own text size and theme; goldens are drawn in
	// the test theme whatever they chose (the settings tests check that their choice is
	// applied). A tablet keeps its own larger theme.
	if s.caseload != nil && !h.ownTheme {
		fyne.CurrentApp().Settings().SetTheme(drawn)
	}
	return s, w
}

// withStore runs fn on the hub's store: the open one when someone is signed in, or else the
// file opened for the purpose with the shared slot.
func (h *testHub) withStore(t *testing.T, fn func(st *store.Store)) {
	t.Helper()
	if st, err := h.vault.Store(); err == nil {
		fn(st)
		return
	}
	st, err := store.Open(h.path, h.ownPass, h.storeOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

// loadDemo fills the hub with n demo people from seed through the demo service, before anyone
// signs in.
func (h *testHub) loadDemo(t *testing.T, seed uint64, n int) {
	t.Helper()
	h.withStore(t, func(st *store.Store) {
		svc := service.NewSet(service.On(st), service.Options{Now: h.clock.now})
		if err := svc.Demo.Load(seed, n, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// store is the open store of a signed-in hub, for a test to read what reached the disk.
func (h *testHub) store(t *testing.T) *store.Store {
	t.Helper()
	st, err := h.vault.Store()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// viewed lists the people whose records were opened, in order, from the audit.
func (h *testHub) viewed(t *testing.T) []string {
	t.Helper()
	entries, err := h.store(t).Audit()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Action == store.AuditViewed && e.Kind == store.KindPatient {
			out = append(out, e.PatientID)
		}
	}
	return out
}

// check closes the hub and runs the store's own integrity check and bbolt's on the file.
func (h *testHub) check(t *testing.T) {
	t.Helper()
	if err := h.vault.Close(); err != nil {
		t.Error(err)
	}
	st, err := store.Open(h.path, h.ownPass, h.storeOptions())
	if err != nil {
		t.Errorf("reopening the test hub to check it: %v", err)
		return
	}
	rep, err := st.Check()
	if err != nil || !rep.OK() {
		t.Errorf("store check: %v %v", rep.Problems, err)
	}
	if err := st.Close(); err != nil {
		t.Error(err)
	}
	servicetest.CheckBolt(t, h.path)
}
