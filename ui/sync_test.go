package ui

import (
	"errors"
	"reflect"
	"testing"

	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/careplan/devices"
)

func TestSyncScreenListsDevices(t *testing.T) {
	s := syncSession(t, syncCoordinator, testSync(), testConflicts(), &fakeFiles{})
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
	laptop, tablet := sc.rows["d2"], sc.rows["t1"]
	if laptop == nil || tablet == nil || len(sc.rows) != 2 {
		t.Fatalf("rows %v", sc.rows)
	}
	for _, c := range []struct{ got, want string }{
		{laptop.kind.Text, "Hub laptop"},
		{laptop.sent.Text, "Last sent: 3 Nov 2026 14:05"},
		{laptop.received.Text, "Last received: 2 Nov 2026 09:30"},
		{laptop.waiting.Text, "3 changes waiting"},
		{tablet.kind.Text, "Patient's tablet · Siân O'Brien · 943 476 5919"},
		{tablet.sent.Text, "Last sent: never"},
		{tablet.waiting.Text, "Up to date"},
	} {
		if c.got != c.want {
			t.Errorf("shows %q, want %q", c.got, c.want)
		}
	}
	if laptop.bundle.Disabled() || sc.importer.Disabled() {
		t.Error("the buttons are off once the devices are read")
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
		{"administrator", access.User{Name: "Ada", Role: access.Administrator, Active: true}, true, true},
		{"key worker", access.User{Name: "Olu", Role: access.KeyWorker, StaffID: "s1", Active: true}, false, false},
	} {
		s := syncSession(t, tc.user, testSync(), testConflicts(), &fakeFiles{})
		if got := s.caseload.syncButton != nil; got != tc.sync {
			t.Errorf("%s: Sync button %v, want %v", tc.name, got, tc.sync)
		}
		if got := s.caseload.conflictsButton != nil; got != tc.conf {
			t.Errorf("%s: Conflicts button %v, want %v", tc.name, got, tc.conf)
		}
	}
	// An app that does not sync (older wiring, or a tablet) shows neither.
	s := syncSession(t, syncCoordinator, nil, nil, &fakeFiles{})
	if s.caseload.syncButton != nil || s.caseload.conflictsButton != nil {
		t.Error("sync buttons without sync services")
	}
}

func TestConflictsButtonCounts(t *testing.T) {
	c := testConflicts()
	s := syncSession(t, syncCoordinator, testSync(), c, &fakeFiles{path: "/media/usb/from-laptop-2.chb"})
	if got := s.caseload.conflictsButton.Text; got != "Conflicts (2)" {
		t.Errorf("button says %q", got)
	}
	test.Tap(s.caseload.conflictsButton)
	test.Tap(s.resolve.detail.save)
	test.Tap(s.resolve.back)
	if got := s.caseload.conflictsButton.Text; got != "Conflicts (1)" {
		t.Errorf("with one resolved the button says %q", got)
	}
	c.items = nil
	test.Tap(s.caseload.syncButton)
	test.Tap(s.syncing.importer) // an import can resolve or add conflicts too
	if got := s.caseload.conflictsButton.Text; got != "Conflicts" {
		t.Errorf("with none left the button says %q", got)
	}
}

func TestSyncAddsDeviceFromCard(t *testing.T) {
	sy, files := testSync(), &fakeFiles{path: "/media/usb/hub-laptop-3.card"}
	s := syncSession(t, syncCoordinator, sy, nil, files)
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.addDevice)
	if !reflect.DeepEqual(sy.added, []string{"/media/usb/hub-laptop-3.card"}) {
		t.Fatalf("AddDevice got %v", sy.added)
	}
	if sc.rows["d3"] == nil {
		t.Error("the new device is not listed")
	}
	if got := resultTexts(sc.result); len(got) == 0 || got[0] != "This device is now paired with Hub laptop 3." {
		t.Errorf("result %q", got)
	}

	files.path = "/media/usb/mendip-1.card"
	test.Tap(sc.saveCard)
	if files.saveName != "carehub-mendip-hub-laptop-1.card" || !reflect.DeepEqual(sy.cards, []string{"/media/usb/mendip-1.card"}) {
		t.Errorf("card suggested as %q, saved to %v", files.saveName, sy.cards)
	}
}

func TestSyncExportShowsProgressThenSummary(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(testWindowSize())
	sy, held := testSync(), &heldWorker{}
	sy.result = devices.SyncResult{Summary: "Bundle for Hub laptop 2: 120 records, 3 check-ins"}
	files := &fakeFiles{path: "/media/usb/to-laptop-2.chb"}
	sc := newSyncScreen(sy, held, files, w, func() time.Time { return syncTime(23, 20, 15) }, func() {}, func() {}, nil)
	w.SetContent(sc.root)
	sc.load()
	held.finish()

	test.Tap(sc.rows["d2"].bundle)
	if files.saveName != "carehub-hub-laptop-2-20261123-2015.chb" {
		t.Errorf("bundle suggested as %q", files.saveName)
	}
	if sc.progress.Hidden || !sc.rows["t1"].bundle.Disabled() || !sc.importer.Disabled() || !sc.back.Disabled() {
		t.Error("while exporting, the progress bar is hidden or a button is still on")
	}
	test.Tap(sc.rows["d2"].bundle) // a second tap while one runs starts nothing
	if len(held.jobs) != 1 {
		t.Fatalf("%d jobs running", len(held.jobs))
	}
	var half float64
	sy.duringJob = func() { half = sc.progress.Value }
	held.finish()
	if half != 0.5 {
		t.Errorf("progress half way through %v, want 0.5", half)
	}
	if !reflect.DeepEqual(sy.exported, []string{"d2 → /media/usb/to-laptop-2.chb"}) {
		t.Errorf("exported %v", sy.exported)
	}
	want := []string{"Bundle for Hub laptop 2: 120 records, 3 check-ins",
		"Saved at /media/usb/to-laptop-2.chb. Take it to Hub laptop 2 and import it there."}
	if got := resultTexts(sc.result); !reflect.DeepEqual(got, want) {
		t.Errorf("result %q", got)
	}
	if !sc.progress.Hidden {
		t.Error("the progress bar stays after the export")
	}
	held.finish() // the devices read again
	if sc.rows["d2"].bundle.Disabled() {
		t.Error("the buttons stay off after the export")
	}
}

func TestSyncImportErrorIsOneLine(t *testing.T) {
	sy := testSync()
	sy.err = errors.New("this bundle is for another device (Hub laptop 3)\nbundle 7f3a… to d3")
	s := syncSession(t, syncCoordinator, sy, nil, &fakeFiles{path: "/media/usb/wrong.chb"})
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.importer)
	if got := resultTexts(sc.result); !reflect.DeepEqual(got, []string{"this bundle is for another device (Hub laptop 3)"}) {
		t.Errorf("error shown as %q", got)
	}
	if sc.importer.Disabled() {
		t.Error("import stays off after a failure")
	}
}

func TestSyncImportNamesAckAndConflicts(t *testing.T) {
	sy, c := testSync(), testConflicts()
	sy.result = devices.SyncResult{Summary: "From Hub laptop 2: 40 records, 2 conflicts", AckPath: "/media/usb/ack-for-laptop-2.chb", Conflicts: 2}
	s := syncSession(t, syncCoordinator, sy, c, &fakeFiles{path: "/media/usb/from-laptop-2.chb"})
	test.Tap(s.caseload.syncButton)
	sc := s.syncing
	test.Tap(sc.importer)
	want := []string{"From Hub laptop 2: 40 records, 2 conflicts",
		"Give this acknowledgement back to the sending device: /media/usb/ack-for-laptop-2.chb",
		"2 conflicts need a coordinator: open Conflicts"}
	if got := resultTexts(sc.result); !reflect.DeepEqual(got, want) {
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
	sy := testSync()
	s := syncSession(t, syncCoordinator, sy, nil, &fakeFiles{})
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
	if !reflect.DeepEqual(sy.renamed, []string{"Mendip hub laptop 4"}) || sc.thisName.Text != "Mendip hub laptop 4" {
		t.Errorf("renamed %v, shows %q", sy.renamed, sc.thisName.Text)
	}
}

func TestBundleFileName(t *testing.T) {
	at := syncTime(3, 9, 7)
	for _, tc := range []struct{ device, want string }{
		{"Hub laptop 2", "carehub-hub-laptop-2-20261103-0907.chb"},
		{"Siân's tablet", "carehub-siân's-tablet-20261103-0907.chb"},
		{"../etc/passwd", "carehub-etcpasswd-20261103-0907.chb"},
		{`C:\Temp: "x"?`, "carehub-ctemp-x-20261103-0907.chb"},
	} {
		if got := bundleFileName(tc.device, at); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.device, got, tc.want)
		}
	}
}
