package ui

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/uuid"

	"carehub/app/service"
	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// syncFixture is the test hub ("Mendip hub laptop 1") paired with a second hub laptop and,
// when asked, with Siân O'Brien's tablet. Laptop 2 has the hub's records, and both have since
// changed Siân's draft plan and a service in the directory differently: laptop 2's bundle with
// its side waits in fromLaptop2, to import (which finds the two conflicts).
type syncFixture struct {
	*testHub
	dir         string // where bundles and cards are carried
	laptop2     *store.Store
	laptop2ID   string
	fromLaptop2 string // laptop 2's bundle for the hub, not yet imported
	tabletID    string // Siân's tablet, once set up
}

// syncAt is a time on fixedToday, when the fixture's devices do things.
func syncAt(hour, minute int) time.Time {
	d := fixedToday().Time()
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, time.Local)
}

// syncPeople is testRecords with a draft version 3 of Siân's plan on top of her agreed one.
func syncPeople() *people {
	r := testRecords()
	id := pid("p01")
	draft := agreedPlan(id, fixedToday().AddDays(-12))
	draft.ID, draft.Version, draft.State, draft.Agreement = fixtureID(id+"-v3"), 3, careplan.PlanDraft, nil
	draft.ReviewDate = careplan.NewDate(2027, time.February, 1)
	r.plans[id] = append(r.plans[id], draft)
	return r
}

// newSyncHub pairs the hub with laptop 2 and carries the hub's records to it at 11:00. Then
// the hub (Jo Marsh, 11:20) and laptop 2 (Sam Green, 11:40) each change Siân's draft (an
// action's date and the review date) and the Frome Community Connectors' phone number, and
// laptop 2 writes its bundle for the hub at 12:00.
func newSyncHub(t *testing.T) *syncFixture {
	t.Helper()
	h := newTestHub(t, syncPeople())
	f := &syncFixture{testHub: h, dir: t.TempDir()}
	h.clock.t = syncAt(11, 0)
	var err error
	f.laptop2, err = store.Create(filepath.Join(f.dir, "laptop2.carehub"), "laptop 2 passphrase",
		store.Options{Now: h.clock.now, User: "Sam Green", KDF: servicetest.CheapKDF})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.laptop2.Close() })
	f.hubDo(t, func(hub *service.Set, st *store.Store) {
		must(t, st.RenameDevice("Mendip hub laptop 1"))
		must(t, f.laptop2.RenameDevice("Hub laptop 2"))
		servicetest.Pair(t, st, f.laptop2)
		f.carry(t, hub, f.laptop2Services())
		h.clock.t = syncAt(11, 20)
		f.edit(t, st, careplan.NewDate(2027, time.March, 1), careplan.NewDate(2026, time.December, 3), "01373 455 000")
	})
	h.clock.t = syncAt(11, 40)
	f.edit(t, f.laptop2, careplan.NewDate(2027, time.February, 15), careplan.NewDate(2026, time.December, 10), "01373 455 111")
	h.clock.t = syncAt(12, 0)
	f.fromLaptop2 = filepath.Join(f.dir, "from-laptop-2.chb")
	hubCard, err := f.hubCard(t)
	must(t, err)
	if _, err := f.laptop2Services().Sync.ExportBundle(hubCard, f.fromLaptop2, nil); err != nil {
		t.Fatal(err)
	}
	card, err := f.laptop2.DeviceCard()
	must(t, err)
	f.laptop2ID = card.Device.String()
	h.clock.t = hubTime()
	return f
}

// importFromLaptop2 imports laptop 2's bundle on the hub at 12:00, as a coordinator would
// before the test: the hub then holds two conflicts.
func (f *syncFixture) importFromLaptop2(t *testing.T) {
	t.Helper()
	was := f.clock.t
	f.clock.t = syncAt(12, 0)
	f.hubDo(t, func(hub *service.Set, _ *store.Store) {
		if _, err := hub.Sync.Import(f.fromLaptop2, nil); err != nil {
			t.Fatal(err)
		}
	})
	f.clock.t = was
}

// sendToLaptop2 makes the hub's bundle for laptop 2 at 14:05 and brings back laptop 2's
// acknowledgement, then makes three changes (contacts with Zoë Clarke) laptop 2 has not had.
func (f *syncFixture) sendToLaptop2(t *testing.T) {
	t.Helper()
	f.clock.t = syncAt(14, 5)
	f.hubDo(t, func(hub *service.Set, st *store.Store) {
		f.carry(t, hub, f.laptop2Services())
		f.clock.t = syncAt(14, 30)
		for i := range 3 {
			c := careplan.Contact{PatientID: pid("p02"), On: fixedToday(), By: "Jo Marsh", Kind: careplan.ContactPhone, Minutes: 10,
				Note: []string{"Rang about transport", "Left a message", "Booked a home visit"}[i]}
			must(t, st.SaveContact(&c))
		}
	})
	f.clock.t = hubTime()
}

// setUpTablet sets up Siân's tablet from the hub at 14:10, as a coordinator would.
func (f *syncFixture) setUpTablet(t *testing.T) {
	t.Helper()
	f.clock.t = syncAt(14, 10)
	f.hubDo(t, func(hub *service.Set, st *store.Store) {
		must(t, hub.TabletSetup.SetUpTablet(pid("p01"), filepath.Join(f.dir, "sian-tablet.carehub"), "Siân's passphrase"))
		peers, err := st.Peers()
		must(t, err)
		for _, p := range peers {
			if p.Card.Patient == pid("p01") {
				f.tabletID = p.Card.Device.String()
			}
		}
	})
	f.clock.t = hubTime()
}

// hubDo runs fn on the hub's store and services, signed in as the hub's shared slot with
// Jo Marsh named on the audit, whether or not a test session has the hub open.
func (f *syncFixture) hubDo(t *testing.T, fn func(hub *service.Set, st *store.Store)) {
	t.Helper()
	if st, err := f.vault.Store(); err == nil {
		fn(f.svc, st)
		return
	}
	opt := f.storeOptions()
	opt.User = "Jo Marsh"
	st, err := store.Open(f.path, hubPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(service.NewSet(service.On(st), service.Options{Now: f.clock.now, Fonts: servicetest.Fonts(), KDF: servicetest.CheapKDF}), st)
}

func (f *syncFixture) laptop2Services() *service.Set {
	return service.NewSet(service.On(f.laptop2), service.Options{Now: f.clock.now, KDF: servicetest.CheapKDF})
}

// carry takes a bundle from one device to the other and its acknowledgement back.
func (f *syncFixture) carry(t *testing.T, from, to *service.Set) {
	t.Helper()
	this, err := to.Sync.ThisDevice()
	must(t, err)
	path := filepath.Join(f.dir, "carried-"+this.ID+".chb")
	if _, err := from.Sync.Export(this.ID, path, nil); err != nil {
		t.Fatal(err)
	}
	res, err := to.Sync.Import(path, nil)
	must(t, err)
	if _, err := from.Sync.Import(res.AckPath, nil); err != nil {
		t.Fatal(err)
	}
}

func (f *syncFixture) hubCard(t *testing.T) (id uuid.UUID, err error) {
	t.Helper()
	f.hubDo(t, func(_ *service.Set, st *store.Store) {
		card, cerr := st.DeviceCard()
		id, err = card.Device, cerr
	})
	return id, err
}

// edit changes Siân's draft (its review date and the rehab course's due date) and the Frome
// Community Connectors' phone number on one device.
func (f *syncFixture) edit(t *testing.T, st *store.Store, review, due careplan.Date, phone string) {
	t.Helper()
	plans, err := st.Plans(pid("p01"))
	must(t, err)
	draft := plans[len(plans)-1]
	draft.ReviewDate = review
	draft.Goals[1].Actions[0].Due = due
	must(t, st.SavePlan(&draft))
	dir, err := st.Services()
	must(t, err)
	for _, s := range dir {
		if s.Name == "Frome Community Connectors" {
			s.Contact = phone
			must(t, st.SaveService(&s))
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// syncCoordinator is Jo Marsh, the coordinator who carries bundles in the sync tests.
var syncCoordinator = access.User{Name: "Jo Marsh", Role: access.Coordinator}

// samKeyWorker is Sam Green, key worker (staff record s3 in testStaff).
var samKeyWorker = access.User{Name: "Sam Green", Role: access.KeyWorker, StaffID: fixtureID("staff-s3")}

// syncSession is a signed-in session over f at the hub's time, with the file dialogs faked.
func (f *syncFixture) syncSession(t *testing.T, user access.User, files *fakeFiles, edit ...func(*Config)) *session {
	t.Helper()
	clock := func() time.Time { return syncAt(20, 15) }
	edit = append([]func(*Config){func(c *Config) { c.Clock, c.IdleLock = clock, -1 }}, edit...)
	s, _ := f.session(t, user, edit...)
	s.files = files
	if s.caseload == nil {
		t.Fatal("the caseload did not open")
	}
	return s
}

// resultTexts lists what a result dialog says, line by line.
func resultTexts(r *resultDialog) []string {
	if r == nil {
		return nil
	}
	out := make([]string, len(r.lines))
	for i, l := range r.lines {
		out[i] = l.Text
	}
	return out
}
