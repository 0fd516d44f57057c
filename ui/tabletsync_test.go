package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/store"
)

func TestTabletUpdatesPlanFromFile(t *testing.T) {
	tab := newTablet(t)
	bundle := tab.bundleForTablet(t, "plan.chb", func(svc *service.Set) {
		agreeNewVersion(t, svc, func(p *careplan.Plan) { p.AboutMe = "I moved to Shepton Mallet." })
	})
	files := &fakeFiles{}
	s := tab.session(t, files)
	bar := s.tablet.sync
	got := tapThrough(t, s, files, bundle, func() fyne.Tappable { return bar.update })
	want := []string{"Your plan has been updated.", "Give this file back to your key worker: " + service.AckPathFor(bundle)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("result %q", got)
	}
	if !labelShown(s.tablet.root, "I moved to Shepton Mallet.") {
		t.Error("the plan was not read again after the update")
	}
	if bar.update.Disabled() || bar.send.Disabled() || bar.progress.Visible() {
		t.Error("the buttons stay off, or the progress bar stays up, after the update")
	}

	if got := tapThrough(t, s, files, bundle, func() fyne.Tappable { return bar.update }); len(got) == 0 || got[0] != "Your plan is up to date." {
		t.Errorf("importing nothing new says %q", got)
	}
}

func TestTabletShowsRemovalInsteadOfPlan(t *testing.T) {
	tab := newTablet(t)
	removal := tab.bundleForTablet(t, "plan.chb", withdrawConsentToJoin(t))
	files := &fakeFiles{}
	s := tab.session(t, files)
	if !labelShown(s.tablet.root, "Get back to chapel choir on Sundays") {
		t.Fatal("the plan is not shown before the removal")
	}
	if !s.tablet.sync.send.Visible() {
		t.Fatal("no way to send check-ins while the plan is here")
	}
	tapThrough(t, s, files, removal, func() fyne.Tappable { return s.tablet.sync.update })
	if !labelShown(s.tablet.root, planNotHereText) {
		t.Errorf("the removal message is not shown: %q", labelTexts(s.tablet.root))
	}
	for _, stale := range []string{"Get back to chapel choir on Sundays", "My goals", "If I become unwell"} {
		if labelShown(s.tablet.root, stale) {
			t.Errorf("%q still shown after the removal", stale)
		}
	}
	if len(s.tablet.goals) != 0 {
		t.Error("check-in controls kept for a plan no longer on the tablet")
	}
	if s.tablet.sync.send.Visible() {
		t.Error("\"Send my check-ins\" still offered after the records were taken off")
	}
	if !s.tablet.sync.update.Visible() {
		t.Error("the person can no longer take in a file (a re-consent would need one)")
	}
}

// withdrawConsentToJoin records on the hub that Siân no longer consents to join: her records
// come off her tablet with the next bundle.
func withdrawConsentToJoin(t *testing.T) func(svc *service.Set) {
	return func(svc *service.Set) {
		_, err := svc.Enrolment.RecordConsent(pid("p01"), careplan.ConsentRecord{Scope: careplan.ConsentToJoin,
			Decision: careplan.ConsentWithdrawn, On: fixedToday(), How: "by phone", RecordedBy: "Jo Marsh"})
		must(t, err)
	}
}

// A tablet opened after the removal (or never filled) says the same, not an error.
func TestTabletWithoutPatientRecordSaysPlanNotHere(t *testing.T) {
	tab := newTablet(t)
	removal := tab.bundleForTablet(t, "plan.chb", withdrawConsentToJoin(t))
	tab.tablet.withStore(t, func(st *store.Store) {
		_, err := service.NewSet(service.On(st), service.Options{Now: tab.tablet.clock.now}).TabletSync.UpdateFromFile(removal, nil)
		must(t, err)
	})
	s := tabletSession(t, tab)
	if !labelShown(s.tablet.root, planNotHereText) {
		t.Errorf("shown %q", labelTexts(s.tablet.root))
	}
}

func TestTabletSendsCheckIns(t *testing.T) {
	tab := newTablet(t)
	files := &fakeFiles{}
	s := tab.session(t, files)
	for i, g := range s.tablet.goals {
		test.Tap(g.scale[i])
		test.Tap(g.save)
	}
	path := filepath.Join(t.TempDir(), "checkins.chb")
	got := tapThrough(t, s, files, path, func() fyne.Tappable { return s.tablet.sync.send })
	if files.saveName != "carehub-checkins-20260302.chb" {
		t.Errorf("file suggested as %q", files.saveName)
	}
	want := []string{"Your 3 check-ins are saved at " + path + ".", "Give this file to your key worker."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("result %q", got)
	}
	// The hub takes them in from that file.
	tab.hub.hubDo(t, func(svc *service.Set, _ *store.Store) {
		res, err := svc.Sync.Import(path, nil)
		must(t, err)
		if !strings.Contains(res.Summary, "3 new goal check-ins") {
			t.Errorf("the hub's import says %q", res.Summary)
		}
	})
}

// The hub's summary lists what came in from the tablet, newest first, with each goal's words.
func TestSummaryListsCheckInsFromTablet(t *testing.T) {
	tab := newTablet(t)
	files := &fakeFiles{}
	s := tab.session(t, files)
	checkIn := func(goal, day, scale int, note string) {
		tab.tablet.clock.t = time.Date(2026, 2, day, 18, 0, 0, 0, time.UTC)
		g := s.tablet.goals[goal]
		test.Tap(g.scale[scale-1])
		test.Type(g.note, note)
		test.Tap(g.save)
	}
	checkIn(0, 1, 2, "Too tired on Sunday")
	checkIn(2, 3, 3, "")
	checkIn(1, 9, 5, "Made it without stopping!")
	path := filepath.Join(t.TempDir(), "checkins.chb")
	tapThrough(t, s, files, path, func() fyne.Tappable { return s.tablet.sync.send })
	// At the hub the check-ins come in, and then a new version of the plan drops the third goal.
	tab.hub.hubDo(t, func(svc *service.Set, _ *store.Store) {
		_, err := svc.Sync.Import(path, nil)
		must(t, err)
		agreeNewVersion(t, svc, func(p *careplan.Plan) { p.Goals = p.Goals[:2] }) // "Feel less worried at night" goes
	})
	hs, _ := tab.hub.session(t, catCoordinator)
	hs.openPatient(pid("p01"))

	texts := labelTexts(hs.patient.root)
	start := -1
	for i, l := range texts {
		if l == "From their tablet" {
			start = i
		}
	}
	if start < 0 {
		t.Fatalf("no \"From their tablet\" block: %q", texts)
	}
	want := []string{"From their tablet",
		"9 Feb 2026 · “Walk to the post office without stopping”", "Going: Very well · “Made it without stopping!”",
		"3 Feb 2026 · a goal no longer in the plan", "Going: OK",
		"1 Feb 2026 · “Get back to chapel choir on Sundays”", "Going: A little · “Too tired on Sunday”"}
	if got := texts[start:min(len(texts), start+len(want))]; !reflect.DeepEqual(got, want) {
		t.Errorf("block reads\n%q\nwant\n%q", got, want)
	}
}

// Someone with no check-ins (everyone without a tablet) gets no empty block.
func TestSummaryWithoutCheckInsHasNoTabletBlock(t *testing.T) {
	s, _, _ := unlockedSession(t, tabletPeople())
	s.openPatient(pid("p01"))
	if labelShown(s.patient.root, "From their tablet") {
		t.Error("an empty \"From their tablet\" block")
	}
}
