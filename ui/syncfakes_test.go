package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
	"carehub/careplan/devices"
)

// fakeSync is a device with two paired devices. It remembers what the screen asked of it.
type fakeSync struct {
	this    devices.Device
	devices []devices.Device

	renamed  []string
	cards    []string // paths SaveCard wrote
	added    []string // card paths AddDevice read
	exported []string // "device id → path"
	imported []string

	paired    devices.Device     // what AddDevice pairs with
	result    devices.SyncResult // what Export and Import report
	err       error              // what Export and Import fail with
	duringJob func()             // called half way through an export or import, after progress(1, 2)

	tablets map[string]devices.TabletState // by patient id
}

var _ Sync = (*fakeSync)(nil)

func (f *fakeSync) ThisDevice() (devices.Device, error) { return f.this, nil }

func (f *fakeSync) TabletOf(patientID string) (devices.TabletState, error) {
	return f.tablets[patientID], nil
}
func (f *fakeSync) Devices() ([]devices.Device, error) { return f.devices, nil }

func (f *fakeSync) RenameDevice(name string) error {
	f.renamed = append(f.renamed, name)
	f.this.Name = name
	return nil
}

func (f *fakeSync) SaveCard(path string) error {
	f.cards = append(f.cards, path)
	return nil
}

func (f *fakeSync) AddDevice(cardPath string) (devices.Device, error) {
	f.added = append(f.added, cardPath)
	f.devices = append(f.devices, f.paired)
	return f.paired, nil
}

func (f *fakeSync) Export(deviceID, path string, progress func(done, total int)) (devices.SyncResult, error) {
	f.exported = append(f.exported, deviceID+" → "+path)
	return f.job(progress)
}

func (f *fakeSync) Import(path string, progress func(done, total int)) (devices.SyncResult, error) {
	f.imported = append(f.imported, path)
	return f.job(progress)
}

func (f *fakeSync) job(progress func(done, total int)) (devices.SyncResult, error) {
	progress(1, 2)
	if f.duringJob != nil {
		f.duringJob()
	}
	if f.err != nil {
		return devices.SyncResult{}, f.err
	}
	progress(2, 2)
	return f.result, nil
}

// syncTime is a fixed moment in this computer's zone, so the screens' times read the same
// wherever the tests run.
func syncTime(day, hour, minute int) time.Time {
	return time.Date(2026, time.November, day, hour, minute, 0, 0, time.Local)
}

func testSync() *fakeSync {
	return &fakeSync{
		this: devices.Device{ID: "d0", Name: "Mendip hub laptop 1"},
		devices: []devices.Device{
			{ID: "d2", Name: "Hub laptop 2", LastSent: syncTime(3, 14, 5), LastReceived: syncTime(2, 9, 30), Waiting: 3},
			{ID: "t1", Name: "Siân's tablet", Tablet: true, Patient: "Siân O'Brien · 943 476 5919"},
		},
		paired: devices.Device{ID: "d3", Name: "Hub laptop 3"},
	}
}

// fakeConflicts holds conflicts until they are resolved.
type fakeConflicts struct {
	items    []devices.Conflict
	resolved []string
	kept     []map[string]devices.Side
	err      error // what ResolveConflict fails with
}

var _ Conflicts = (*fakeConflicts)(nil)

func (f *fakeConflicts) Conflicts() ([]devices.Conflict, error) { return f.items, nil }

func (f *fakeConflicts) Unsettled(patientID string) ([]string, error) {
	var out []string
	for _, c := range f.items {
		if c.PatientID == patientID {
			out = append(out, c.What)
		}
	}
	return out, nil
}

func (f *fakeConflicts) ResolveConflict(id string, keep map[string]devices.Side) error {
	if f.err != nil {
		return f.err
	}
	f.resolved = append(f.resolved, id)
	f.kept = append(f.kept, keep)
	for i, c := range f.items {
		if c.ID == id {
			f.items = append(f.items[:i:i], f.items[i+1:]...)
			break
		}
	}
	return nil
}

func testConflicts() *fakeConflicts {
	return &fakeConflicts{items: []devices.Conflict{{
		ID: "c1", PatientID: "p01", Patient: "Siân O'Brien · 943 476 5919", What: "Care plan draft (version 3)",
		Ours:   devices.ConflictSide{Device: "Mendip hub laptop 1", User: "Jo Marsh", When: syncTime(3, 11, 20)},
		Theirs: devices.ConflictSide{Device: "Hub laptop 2", User: "Sam Green", When: syncTime(3, 15, 40)},
		Fields: []devices.ConflictField{
			{Key: "goals", Label: "Goals and actions",
				Ours:   "Goal: Walk to the post office (Movement)\n• Physio visit — Service (Falls team), due 3 December 2026 (open)",
				Theirs: "Goal: Walk to the post office (Movement)\n• Physio visit — Service (Falls team), due 10 December 2026 (open)"},
			{Key: "reviewDate", Label: "Review date", Ours: "1 March 2027", Theirs: "15 February 2027"},
		},
	}, {
		ID: "c2", What: "Community service: Frome Talking Café",
		Ours:   devices.ConflictSide{Device: "Mendip hub laptop 1", User: "Jo Marsh", When: syncTime(4, 10, 0)},
		Theirs: devices.ConflictSide{Device: "Hub laptop 2", User: "Sam Green", When: syncTime(4, 9, 0)},
		Fields: []devices.ConflictField{{Key: "contact", Label: "Contact", Ours: "01373 455 000", Theirs: "01373 455 111"}},
	}}}
}

// syncSession is a signed-in session whose app syncs, at a fixed time.
func syncSession(t *testing.T, user access.User, sync Sync, conflicts Conflicts, files *fakeFiles) *session {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	s, _ := newTestSession(t, Config{Vault: v, Sync: sync, Conflicts: conflicts, IdleLock: -1,
		Clock: func() time.Time { return syncTime(23, 20, 15) }})
	s.files = files
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
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

var syncCoordinator = access.User{Name: "Jo Marsh", Role: access.Coordinator, Active: true}
