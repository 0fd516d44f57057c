package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/careplan/devices"
	"carehub/store"
	"carehub/store/bundle"
)

func TestSyncScreenListsDevices(t *testing.T) {
	f := newSyncHub(t)
	f.importFromLaptop2(t)
	f.setUpTablet(t)
	f.sendToLaptop2(t)
	s := f.syncSession(t, syncCoordinator, &fakeFiles{})
	if s.caseload.syncButton == nil {
		t.Fatal("a coordinator has no Sync button")
	}
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	if sc == nil || s.w.Content() != sc.root {
		t.Fatal("the Sync screen did not open")
	}
	if sc.thisName.Text != "Mendip hub laptop 1" {
		t.Errorf("this device is %q", sc.thisName.Text)
	}
	laptop, tablet := sc.rows[f.laptop2ID], sc.rows[f.tabletID]
	if laptop == nil || tablet == nil || len(sc.rows) != 2 {
		t.Fatalf("rows %v", sc.rows)
	}
	for _, c := range []struct{ got, want string }{
		{laptop.kind.Text, "Hub laptop"},
		{laptop.sent.Text, "Last sent: 2 Mar 2026 14:05"},
		{laptop.received.Text, "Last received: 2 Mar 2026 12:00"},
		{laptop.waiting.Text, "3 changes waiting"},
		{tablet.kind.Text, "Patient's tablet · Siân O'Brien · " + testNHSNumber(100).Display()},
		{tablet.sent.Text, "Last sent: 2 Mar 2026 14:10"},
		{tablet.waiting.Text, "Up to date"},
	} {
		if c.got != c.want {
			t.Errorf("shows %q, want %q", c.got, c.want)
		}
	}
	if laptop.bundle.Disabled() || sc.importer.Disabled() {
		t.Error("the buttons are off once the devices are read")
	}
	// Each test store makes fresh keys: the fingerprints are checked, then pinned for the markup.
	for _, l := range []*widget.Label{sc.thisPrint, laptop.fingerprint, tablet.fingerprint} {
		if !regexp.MustCompile(`^Fingerprint: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}$`).MatchString(l.Text) {
			t.Errorf("fingerprint shown as %q", l.Text)
		}
		l.SetText("Fingerprint: 0000-0000-0000-0000")
	}
	test.AssertRendersToMarkup(t, "sync.xml", s.w.Canvas())
}

func TestSyncAndConflictsOnlyForThoseAllowed(t *testing.T) {
	for _, tc := range []struct {
		name       string
		user       access.User
		sync, conf bool
	}{
		{"coordinator", syncCoordinator, true, true},
		{"administrator", access.User{Name: "Ada", Role: access.Administrator}, true, true},
		{"key worker", oluKeyWorker, false, false},
	} {
		s := newSyncHub(t).syncSession(t, tc.user, &fakeFiles{})
		if got := s.caseload.syncButton != nil; got != tc.sync {
			t.Errorf("%s: Sync button %v, want %v", tc.name, got, tc.sync)
		}
		if got := s.caseload.conflictsButton != nil; got != tc.conf {
			t.Errorf("%s: Conflicts button %v, want %v", tc.name, got, tc.conf)
		}
	}
}

func TestConflictsButtonCounts(t *testing.T) {
	f := newSyncHub(t)
	f.importFromLaptop2(t)
	s := f.syncSession(t, syncCoordinator, &fakeFiles{})
	if got := s.caseload.conflictsButton.Text; got != "Conflicts (2)" {
		t.Errorf("button says %q", got)
	}
	test.Tap(s.caseload.conflictsButton)
	test.Tap(s.resolve.detail.save)
	test.Tap(s.resolve.back)
	if got := s.caseload.conflictsButton.Text; got != "Conflicts (1)" {
		t.Errorf("with one resolved the button says %q", got)
	}
	// Someone settles the other on this laptop meanwhile; an import reads the count again.
	left, err := f.svc.Conflicts.Conflicts()
	must(t, err)
	must(t, f.svc.Conflicts.ResolveConflict(left[0].ID, nil))
	s.files = &fakeFiles{path: f.fromLaptop2}
	test.Tap(s.caseload.syncButton)
	test.Tap(s.syncing.importer) // an import can resolve or add conflicts too
	if got := s.caseload.conflictsButton.Text; got != "Conflicts" {
		t.Errorf("with none left the button says %q", got)
	}
}

func TestSyncAddsDeviceFromCard(t *testing.T) {
	f := newSyncHub(t)
	// A third laptop's card, as it would arrive on a memory stick.
	third := newTestHub(t, nil)
	card := filepath.Join(f.dir, "hub-laptop-3.card")
	var thirdID, thirdPrint string
	third.withStore(t, func(st *store.Store) {
		must(t, st.RenameDevice("Hub laptop 3"))
		c, err := st.DeviceCard()
		must(t, err)
		thirdID, thirdPrint = c.Device.String(), c.Fingerprint()
		b, err := bundle.EncodeCard(c)
		must(t, err)
		must(t, os.WriteFile(card, b, 0o600))
	})
	files := &fakeFiles{path: card}
	s := f.syncSession(t, syncCoordinator, files)
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	// The card is not trusted until its fingerprint has been compared: "They differ" pairs
	// nothing.
	test.Tap(sc.addDevice)
	if sc.comparing == nil || sc.comparing.fingerprint.Text != thirdPrint {
		t.Fatalf("no fingerprint %s to compare before pairing", thirdPrint)
	}
	test.Tap(sc.comparing.cancel)
	if sc.rows[thirdID] != nil {
		t.Fatal("a card whose fingerprint differed was paired")
	}
	if fp := sc.thisPrint.Text; !strings.HasPrefix(fp, "Fingerprint: ") || len(fp) != len("Fingerprint: ")+19 {
		t.Errorf("this device's fingerprint reads %q", fp)
	}
	test.Tap(sc.addDevice)
	test.Tap(sc.comparing.match)
	if sc.rows[thirdID] == nil {
		t.Fatal("the new device is not listed")
	}
	if got := resultTexts(sc.result); len(got) == 0 || got[0] != "This device is now paired with Hub laptop 3 (fingerprint "+thirdPrint+")." {
		t.Errorf("result %q", got)
	}
	if got := sc.rows[thirdID].fingerprint.Text; got != "Fingerprint: "+thirdPrint {
		t.Errorf("the row shows %q", got)
	}

	// Lost: unpaired, after a question. Its row stays, marked, without its buttons.
	test.Tap(sc.rows[thirdID].unpair)
	test.Tap(sc.unpairing.unpair)
	row := sc.rows[thirdID]
	if row == nil || row.marks.Hidden || !strings.HasPrefix(row.marks.Text, "Unpaired on ") || !row.bundle.Disabled() {
		t.Fatalf("the unpaired device's row: %+v", row)
	}
	if peers, _ := f.svc.Sync.Devices(); len(peers) == 0 || peers[len(peers)-1].Unpaired.IsZero() && peers[0].Unpaired.IsZero() {
		t.Error("the store does not know the device was unpaired")
	}

	files.path = filepath.Join(f.dir, "mendip-1.card")
	test.Tap(sc.saveCard)
	if files.saveName != "carehub-mendip-hub-laptop-1.card" {
		t.Errorf("card suggested as %q", files.saveName)
	}
	if b, err := os.ReadFile(files.path); err != nil {
		t.Error("no card was saved")
	} else if c, err := bundle.DecodeCard(b); err != nil || c.Name != "Mendip hub laptop 1" {
		t.Errorf("the saved card is %+v (%v)", c, err)
	}
}

// watchedSync is the real sync service, noting how far the progress bar got during a job:
// to look at the screen mid-export.
type watchedSync struct {
	Sync
	seen func()
}

func (w watchedSync) Export(deviceID, path string, progress func(done, total int)) (devices.SyncResult, error) {
	return w.Sync.Export(deviceID, path, func(done, total int) {
		progress(done, total)
		w.seen()
	})
}

func TestSyncExportShowsProgressThenSummary(t *testing.T) {
	f := newSyncHub(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(testWindowSize())
	f.signIn(t, syncCoordinator)
	// Enough new records that the bundle reports its progress on the way.
	must(t, f.svc.Demo.Load(2, 60, nil))
	held := &heldWorker{}
	var sc *syncScreen
	var between bool // the bar was seen part way, between empty and full
	sy := watchedSync{f.svc.Sync, func() {
		if v := sc.progress.Value; v > 0 && v < 1 {
			between = true
		}
	}}
	files := &fakeFiles{path: filepath.Join(f.dir, "to-laptop-2.chb")}
	sc = newSyncScreen(sy, nil, held, files, w, func() time.Time { return syncAt(20, 15) }, func() {}, func() {}, nil)
	w.SetContent(sc.root)
	sc.load()
	held.finish()

	test.Tap(sc.rows[f.laptop2ID].bundle)
	if files.saveName != "carehub-hub-laptop-2-20260302-2015.chb" {
		t.Errorf("bundle suggested as %q", files.saveName)
	}
	if sc.progress.Hidden || !sc.importer.Disabled() || !sc.back.Disabled() {
		t.Error("while exporting, the progress bar is hidden or a button is still on")
	}
	test.Tap(sc.rows[f.laptop2ID].bundle) // a second tap while one runs starts nothing
	if len(held.jobs) != 1 {
		t.Fatalf("%d jobs running", len(held.jobs))
	}
	held.finish()
	if !between {
		t.Error("the progress bar never showed the export part way")
	}
	got := resultTexts(sc.result)
	if len(got) != 2 || !strings.HasPrefix(got[0], "Bundle for Hub laptop 2: ") ||
		got[1] != "Saved at "+files.path+". Take it to Hub laptop 2 and import it there." {
		t.Errorf("result %q", got)
	}
	if _, err := os.Stat(files.path); err != nil {
		t.Errorf("no bundle at %s: %v", files.path, err)
	}
	if !sc.progress.Hidden {
		t.Error("the progress bar stays after the export")
	}
	held.finish() // the devices read again
	if sc.rows[f.laptop2ID].bundle.Disabled() {
		t.Error("the buttons stay off after the export")
	}
}

func TestSyncImportErrorIsOneLine(t *testing.T) {
	f := newSyncHub(t)
	notABundle := filepath.Join(f.dir, "holiday-photos.chb")
	must(t, os.WriteFile(notABundle, []byte("these are not the records you are looking for\nsecond line\n"), 0o600))
	s := f.syncSession(t, syncCoordinator, &fakeFiles{path: notABundle})
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.importer)
	if got := resultTexts(sc.result); len(got) != 1 || got[0] == "" || strings.Contains(got[0], "\n") {
		t.Errorf("error shown as %q", got)
	}
	if sc.importer.Disabled() {
		t.Error("import stays off after a failure")
	}
}

func TestSyncImportNamesAckAndConflicts(t *testing.T) {
	f := newSyncHub(t)
	s := f.syncSession(t, syncCoordinator, &fakeFiles{path: f.fromLaptop2})
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.importer)
	got := resultTexts(sc.result)
	want := []string{"Give this acknowledgement back to the sending device: " + filepath.Join(f.dir, "from-laptop-2.ack.chb"),
		"2 conflicts need a coordinator: open Conflicts"}
	if len(got) != 3 || !strings.HasPrefix(got[0], "Bundle from Hub laptop 2: ") || !reflect.DeepEqual(got[1:], want) {
		t.Errorf("result %q", got)
	}
	if sc.result.conflicts == nil {
		t.Fatal("no way to open Conflicts from the result")
	}
	test.Tap(sc.result.conflicts)
	if s.resolve == nil || s.w.Content() != s.resolve.root {
		t.Error("Open Conflicts did not open the Conflicts screen")
	}
}

func TestSyncRenamesThisDevice(t *testing.T) {
	f := newSyncHub(t)
	s := f.syncSession(t, syncCoordinator, &fakeFiles{})
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.rename)
	d := sc.renaming
	d.name.SetText("  ")
	if !d.save.Disabled() {
		t.Error("a blank name can be saved")
	}
	d.name.SetText("Mendip hub laptop 4 ")
	test.Tap(d.save)
	this, err := f.svc.Sync.ThisDevice()
	if err != nil || this.Name != "Mendip hub laptop 4" || sc.thisName.Text != "Mendip hub laptop 4" {
		t.Errorf("renamed to %q (%v), shows %q", this.Name, err, sc.thisName.Text)
	}
}

func TestBundleFileName(t *testing.T) {
	at := syncAt(9, 7)
	for _, tc := range []struct{ device, want string }{
		{"Hub laptop 2", "carehub-hub-laptop-2-20260302-0907.chb"},
		{"Siân's tablet", "carehub-siân's-tablet-20260302-0907.chb"},
		{"../etc/passwd", "carehub-etcpasswd-20260302-0907.chb"},
		{`C:\Temp: "x"?`, "carehub-ctemp-x-20260302-0907.chb"},
	} {
		if got := bundleFileName(tc.device, at); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.device, got, tc.want)
		}
	}
}
