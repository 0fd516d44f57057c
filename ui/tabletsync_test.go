package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
)

// fakeTabletSync stands in for the app's tablet bundles: it records the files and answers
// with update; an update that removes the patient empties the fake tablet, as the store does.
type fakeTabletSync struct {
	tablet   *fakeTablet
	update   myplan.Update
	sent     int // check-ins the file holds
	imported []string
	saved    []string
}

var _ TabletSync = (*fakeTabletSync)(nil)

func (f *fakeTabletSync) UpdateFromFile(path string, progress func(done, total int)) (myplan.Update, error) {
	f.imported = append(f.imported, path)
	progress(1, 2)
	progress(2, 2)
	if f.update.Outcome == myplan.PlanRemoved {
		f.tablet.removed = true
	}
	return f.update, nil
}

func (f *fakeTabletSync) SendCheckIns(path string, progress func(done, total int)) (int, error) {
	f.saved = append(f.saved, path)
	progress(1, 1)
	return f.sent, nil
}

// tabletSyncSession signs the patient in on a tablet whose app carries files, with the file
// dialogs faked.
func tabletSyncSession(t *testing.T, tab *fakeTablet, sync *fakeTabletSync, files *fakeFiles) *session {
	t.Helper()
	user := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: "p01", Active: true}
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	clock := func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }
	s, w := newTestSession(t, Config{Vault: v, Tablet: tab, TabletSync: sync, Clock: clock, Today: fixedToday})
	s.files = files
	w.Resize(fyne.NewSize(1280, 800))
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	return s
}

func TestTabletWithoutSyncHasNoFileButtons(t *testing.T) {
	s := tabletSession(t, testTablet())
	if s.tablet.sync != nil {
		t.Error("file buttons on a tablet whose app carries no files")
	}
}

func TestTabletUpdatesPlanFromFile(t *testing.T) {
	tab := testTablet()
	sync := &fakeTabletSync{tablet: tab, update: myplan.Update{Outcome: myplan.PlanUpdated, AckPath: "/media/usb/plan.ack.chb"}}
	files := &fakeFiles{path: "/media/usb/plan.chb"}
	s := tabletSyncSession(t, tab, sync, files)
	bar := s.tablet.sync
	tab.view.AboutMe = "I moved to Shepton Mallet." // what the file brought
	test.Tap(bar.update)
	if !reflect.DeepEqual(sync.imported, []string{"/media/usb/plan.chb"}) {
		t.Fatalf("imported %v", sync.imported)
	}
	want := []string{"Your plan has been updated.", "Give this file back to your key worker: /media/usb/plan.ack.chb"}
	if got := resultTexts(bar.result); !reflect.DeepEqual(got, want) {
		t.Errorf("result %q", got)
	}
	if !labelShown(s.tablet.root, "I moved to Shepton Mallet.") {
		t.Error("the plan was not read again after the update")
	}
	if bar.update.Disabled() || bar.send.Disabled() || bar.progress.Visible() {
		t.Error("the buttons stay off, or the progress bar stays up, after the update")
	}

	sync.update = myplan.Update{Outcome: myplan.PlanUpToDate, AckPath: "/media/usb/plan.ack.chb"}
	test.Tap(bar.update)
	if got := resultTexts(bar.result); len(got) == 0 || got[0] != "Your plan is up to date." {
		t.Errorf("importing nothing new says %q", got)
	}
}

func TestTabletShowsRemovalInsteadOfPlan(t *testing.T) {
	tab := testTablet()
	sync := &fakeTabletSync{tablet: tab, update: myplan.Update{Outcome: myplan.PlanRemoved, AckPath: "/media/usb/plan.ack.chb"}}
	s := tabletSyncSession(t, tab, sync, &fakeFiles{path: "/media/usb/plan.chb"})
	if !labelShown(s.tablet.root, "Get back to chapel choir on Sundays") {
		t.Fatal("the plan is not shown before the removal")
	}
	if !s.tablet.sync.send.Visible() {
		t.Fatal("no way to send check-ins while the plan is here")
	}
	test.Tap(s.tablet.sync.update)
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

// A tablet opened after the removal (or never filled) says the same, not an error.
func TestTabletWithoutPatientRecordSaysPlanNotHere(t *testing.T) {
	tab := testTablet()
	tab.removed = true
	s := tabletSession(t, tab)
	if !labelShown(s.tablet.root, planNotHereText) {
		t.Errorf("shown %q", labelTexts(s.tablet.root))
	}
}

func TestTabletSendsCheckIns(t *testing.T) {
	tab := testTablet()
	sync := &fakeTabletSync{tablet: tab, sent: 3}
	files := &fakeFiles{path: "/media/usb/checkins.chb"}
	s := tabletSyncSession(t, tab, sync, files)
	test.Tap(s.tablet.sync.send)
	if files.saveName != "carehub-checkins-20261123.chb" {
		t.Errorf("file suggested as %q", files.saveName)
	}
	if !reflect.DeepEqual(sync.saved, []string{"/media/usb/checkins.chb"}) {
		t.Fatalf("saved %v", sync.saved)
	}
	want := []string{"Your 3 check-ins are saved at /media/usb/checkins.chb.", "Give this file to your key worker."}
	if got := resultTexts(s.tablet.sync.result); !reflect.DeepEqual(got, want) {
		t.Errorf("result %q", got)
	}
}

// The hub's summary lists what came in from the tablet, newest first, with each goal's words.
func TestSummaryListsCheckInsFromTablet(t *testing.T) {
	r := &fakeRecords{}
	p := fullPatient("p01", testNHSNumber(100))
	r.add(p, []careplan.Plan{agreedPlan(p.ID, careplan.NewDate(2026, 5, 14))}, threePAMs(p.ID))
	at := func(day int) time.Time { return time.Date(2026, 2, day, 18, 0, 0, 0, time.UTC) }
	f := &fakePlans{records: r, checkIns: map[string][]myplan.CheckIn{p.ID: {
		{ID: "c1", PatientID: p.ID, GoalID: "g1", Scale: 2, Note: "Too tired on Sunday", At: at(1)},
		{ID: "c2", PatientID: p.ID, GoalID: "gone", Scale: 3, At: at(3)},
		{ID: "c3", PatientID: p.ID, GoalID: "g2", Scale: 5, Note: "Made it without stopping!", At: at(9)},
	}}}
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, _ := newTestSession(t, Config{Vault: v, Plans: f})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	s.openPatient(p.ID)

	texts := labelTexts(s.patient.root)
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
	r := &fakeRecords{}
	p := fullPatient("p01", testNHSNumber(100))
	r.add(p, []careplan.Plan{agreedPlan(p.ID, careplan.NewDate(2026, 5, 14))}, nil)
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, _ := newTestSession(t, Config{Vault: v, Plans: &fakePlans{records: r}})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	s.openPatient(p.ID)
	if labelShown(s.patient.root, "From their tablet") {
		t.Error("an empty \"From their tablet\" block")
	}
}
