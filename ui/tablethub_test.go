package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store"
)

// tabletFixture is Siân O'Brien's tablet, set up from a test hub by the tablet set-up service
// as a coordinator would, with her own passphrase (testPassphrase): the tablet tests run on
// the store a patient takes home, filled the way sync fills it.
type tabletFixture struct {
	hub    *syncFixture // the hub it came from, paired with it
	tablet *testHub
}

// tabletPeople is the test caseload with Siân's agreed plan as her tablet shows it: review due
// 14 May 2026, her words about herself and who is involved.
func tabletPeople() *people {
	r := testRecords()
	id := pid("p01")
	plan := agreedPlan(id, careplan.NewDate(2026, 5, 14))
	plan.AboutMe = "I have lived in Frome all my life."
	plan.WhatMatters = "Staying in my own home."
	plan.People = []careplan.Person{{Name: "Sam Green", Role: "Key worker", Organisation: "Mendip hub", Phone: "01373 000 222"}}
	r.plans[id] = []careplan.Plan{plan}
	return r
}

// newTablet sets up Siân's tablet from a hub holding tabletPeople.
func newTablet(t *testing.T) *tabletFixture {
	t.Helper()
	hub := &syncFixture{testHub: newTestHub(t, tabletPeople()), dir: t.TempDir()}
	path := filepath.Join(hub.dir, "sian-tablet.carehub")
	hub.hubDo(t, func(svc *service.Set, _ *store.Store) {
		must(t, svc.TabletSetup.SetUpTablet(pid("p01"), path, testPassphrase))
	})
	f := &tabletFixture{hub: hub, tablet: hubAt(t, path, testPassphrase)}
	t.Cleanup(func() { f.tablet.check(t) })
	return f
}

// session opens the tablet as Siân at a tablet's size, with its clock at 9:30 on fixedToday.
func (f *tabletFixture) session(t *testing.T, files *fakeFiles, edit ...func(*Config)) *session {
	t.Helper()
	clock := func() time.Time { return fixedToday().Time().Add(9*time.Hour + 30*time.Minute) }
	edit = append([]func(*Config){func(c *Config) { c.Clock = clock }}, edit...)
	s, w := f.tablet.open(t, files, edit...)
	w.Resize(fyne.NewSize(1280, 800))
	if s.tablet == nil {
		t.Fatal("a patient's account did not open the tablet view")
	}
	return s
}

// tabletSession signs Siân in on her tablet at a tablet's size.
func tabletSession(t *testing.T, f *tabletFixture) *session {
	t.Helper()
	return f.session(t, &fakeFiles{})
}

// bundleForTablet makes the hub's next bundle for the tablet, after change has been made on
// the hub, and returns its path.
func (f *tabletFixture) bundleForTablet(t *testing.T, name string, change func(svc *service.Set)) string {
	t.Helper()
	path := filepath.Join(f.hub.dir, name)
	f.hub.hubDo(t, func(svc *service.Set, st *store.Store) {
		if change != nil {
			change(svc)
		}
		peers, err := st.Peers()
		must(t, err)
		for _, p := range peers {
			if p.Card.Patient == pid("p01") {
				_, err := svc.Sync.ExportBundle(p.Card.Device, path, nil)
				must(t, err)
				return
			}
		}
		t.Fatal("the hub is not paired with Siân's tablet")
	})
	return path
}

// agreeNewVersion agrees a new version of Siân's plan on the hub, changed by edit.
func agreeNewVersion(t *testing.T, svc *service.Set, edit func(p *careplan.Plan)) {
	t.Helper()
	plans, err := svc.Plans.Plans(pid("p01"))
	must(t, err)
	next := plans[len(plans)-1].NextDraft("")
	edit(&next)
	must(t, svc.Plans.SavePlan(&next))
	must(t, svc.Plans.AgreePlan(&next, "Sam Green", fixedToday()))
}

// checkIns is what the tablet holds of Siân's check-ins.
func (f *tabletFixture) checkIns(t *testing.T) []myplan.CheckIn {
	t.Helper()
	var out []myplan.CheckIn
	f.tablet.withStore(t, func(st *store.Store) {
		var err error
		out, err = st.CheckIns(pid("p01"))
		must(t, err)
	})
	return out
}

// tapThrough opens the tablet screen's file dialogs on path and returns what the result said.
func tapThrough(t *testing.T, s *session, files *fakeFiles, path string, button func() fyne.Tappable) []string {
	t.Helper()
	files.path = path
	test.Tap(button())
	return resultTexts(s.tablet.sync.result)
}
