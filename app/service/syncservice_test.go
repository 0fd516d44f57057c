package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/devices"
	"carehub/store"
)

// syncLaptop is a hub store on disk, open as the desktop app would hold it.
func syncLaptop(t *testing.T, name string, demo int) *store.Store {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), name+".carehub"), "pw-for-tests", store.Options{Now: fixedNow, KDF: servicetest.CheapKDF})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if demo > 0 {
		if err := loadDemo(st, 1, demo, careplan.DateOf(fixedNow()), nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RenameDevice(name); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSyncAndConflictServicesBetweenTwoLaptops(t *testing.T) {
	dir := t.TempDir()
	a, b := syncLaptop(t, "Hub laptop 1", 15), syncLaptop(t, "Hub laptop 2", 0)
	sa, sb := servicesOn(On(a)).Sync, servicesOn(On(b)).Sync

	// Pair through card files, as the Sync screen does.
	for _, p := range []struct {
		from, to *Sync
		card     string
	}{{sa, sb, "a.card"}, {sb, sa, "b.card"}} {
		path := filepath.Join(dir, p.card)
		if err := p.from.SaveCard(path); err != nil {
			t.Fatalf("SaveCard: %v", err)
		}
		if _, err := p.to.AddDevice(path); err != nil {
			t.Fatalf("AddDevice: %v", err)
		}
	}
	paired, err := sa.Devices()
	if err != nil || len(paired) != 1 || paired[0].Name != "Hub laptop 2" || paired[0].Tablet || paired[0].Waiting == 0 {
		t.Fatalf("laptop 1's devices: %+v %v", paired, err)
	}

	// A bundle to laptop 2, with progress, and its acknowledgement back.
	bundlePath := filepath.Join(dir, "to-2.chb")
	var last [2]int
	res, err := sa.Export(paired[0].ID, bundlePath, func(done, total int) { last = [2]int{done, total} })
	if err != nil || !strings.HasPrefix(res.Summary, "Bundle for Hub laptop 2: ") || last[0] != last[1] || last[1] == 0 {
		t.Fatalf("Export: %+v %v, progress %v", res, err, last)
	}
	imported, err := sb.Import(bundlePath, nil)
	if err != nil || imported.AckPath != filepath.Join(dir, "to-2.ack.chb") || !strings.Contains(imported.Summary, "Hub laptop 1") {
		t.Fatalf("Import: %+v %v", imported, err)
	}
	if _, err := sa.Import(imported.AckPath, nil); err != nil {
		t.Fatalf("importing the acknowledgement: %v", err)
	}
	if again, _ := sa.Devices(); again[0].Waiting != 0 || again[0].LastSent.IsZero() {
		t.Errorf("after the acknowledgement: %+v", again[0])
	}

	// Both laptops move the same person's review date: the Conflicts screen shows both.
	rows, _ := b.Caseload()
	var who careplan.CaseloadEntry
	for _, r := range rows {
		if plans, _ := b.Plans(r.PatientID); len(plans) > 0 && plans[len(plans)-1].State == careplan.PlanDraft {
			who = r
			break
		}
	}
	if who.PatientID == "" {
		t.Skip("the demo hub has nobody with a draft plan")
	}
	for i, st := range []*store.Store{a, b} {
		plans, _ := st.Plans(who.PatientID)
		draft := plans[len(plans)-1]
		draft.ReviewDate = careplan.DateOf(fixedNow().Add(time.Duration(30+i) * 24 * time.Hour))
		if err := st.SavePlan(&draft); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sa.Export(paired[0].ID, bundlePath, nil); err != nil {
		t.Fatal(err)
	}
	if res, err := sb.Import(bundlePath, nil); err != nil || res.Conflicts != 1 {
		t.Fatalf("importing both edits: %+v %v", res, err)
	}
	cs := servicesOn(On(b)).Conflicts
	found, err := cs.Conflicts()
	if err != nil || len(found) != 1 {
		t.Fatalf("Conflicts: %v %d", err, len(found))
	}
	c := found[0]
	wantWho := who.GivenName + " " + who.FamilyName + " · " + who.NHSNumber.Display()
	if c.Patient != wantWho || c.What != "Care plan draft" || len(c.Fields) != 1 || c.Fields[0].Label != "Review date" {
		t.Errorf("conflict for the screen: %+v", c)
	}
	if c.Ours.Device != "Hub laptop 2" || c.Theirs.Device != "Hub laptop 1" || c.Fields[0].Ours == c.Fields[0].Theirs {
		t.Errorf("sides: %+v / %+v, field %+v", c.Ours, c.Theirs, c.Fields[0])
	}
	if got, err := cs.Unsettled(who.PatientID); err != nil || len(got) != 1 || got[0] != "Care plan draft: Review date" {
		t.Errorf("the person's summary is warned of %q (%v)", got, err)
	}
	if got, _ := cs.Unsettled(other(t, b, who.PatientID)); len(got) != 0 {
		t.Errorf("someone else's summary is warned of %q", got)
	}
	if err := cs.ResolveConflict(c.ID, map[string]devices.Side{"reviewDate": devices.Theirs}); err != nil {
		t.Fatalf("ResolveConflict: %v", err)
	}
	plans, _ := b.Plans(who.PatientID)
	if got := plans[len(plans)-1].ReviewDate; got != careplan.DateOf(fixedNow().Add(30*24*time.Hour)) {
		t.Errorf("review date after keeping laptop 1's: %v", got)
	}
	if left, _ := cs.Conflicts(); len(left) != 0 {
		t.Errorf("%d conflicts left", len(left))
	}
	if got, _ := cs.Unsettled(who.PatientID); len(got) != 0 {
		t.Errorf("still warned of %q after it was resolved", got)
	}
}

// other is anyone in st's caseload but the given person.
func other(t *testing.T, st *store.Store, not string) string {
	t.Helper()
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.PatientID != not {
			return r.PatientID
		}
	}
	t.Fatal("nobody else in the caseload")
	return ""
}

// bundleToLaptop2 pairs a laptop of three demo people with an empty one and writes the first
// bundle for the empty one into a new folder, x.chb.
func bundleToLaptop2(t *testing.T) (laptop2 *store.Store, dir, path string) {
	t.Helper()
	dir = t.TempDir()
	a, b := syncLaptop(t, "Hub laptop 1", 3), syncLaptop(t, "Hub laptop 2", 0)
	servicetest.Pair(t, a, b)
	card, _ := b.DeviceCard()
	path = filepath.Join(dir, "x.chb")
	if _, err := exportSyncBundle(a, card.Device, path, nil); err != nil {
		t.Fatal(err)
	}
	return b, dir, path
}

func TestSyncImportOfAlteredFileSaysSoInOneLine(t *testing.T) {
	b, dir, path := bundleToLaptop2(t)
	data, _ := os.ReadFile(path)
	data[len(data)/3] ^= 0x40
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := servicesOn(On(b)).Sync.Import(path, nil)
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("altered bundle: %v", err)
	}
	if n, _ := b.PatientCount(); n != 0 {
		t.Errorf("an altered bundle brought in %d patients", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.ack.chb")); !os.IsNotExist(err) {
		t.Errorf("an acknowledgement was written for a refused bundle: %v", err)
	}
}

// In the app there is no --ack: when the acknowledgement cannot be saved beside the bundle,
// the message says the import happened, what it brought, and how to get the acknowledgement.
func TestSyncImportWhoseAckCannotBeSavedSaysWhatWasImported(t *testing.T) {
	b, _, path := bundleToLaptop2(t)
	// Something comes to sit where the acknowledgement would go while the bundle is being
	// imported (a folder there beforehand is refused before anything is imported), and cannot
	// be replaced.
	inTheWay := func(done, total int) {
		if err := os.MkdirAll(filepath.Join(AckPathFor(path), "in-the-way"), 0o700); err != nil {
			t.Error(err)
		}
	}
	_, err := servicesOn(On(b)).Sync.Import(path, inTheWay)
	if err == nil {
		t.Fatal("no word that the acknowledgement was not saved")
	}
	msg := err.Error()
	for _, want := range []string{"Bundle from Hub laptop 1: ", "could not be saved beside it", "nothing is imported twice"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q: %q", want, msg)
		}
	}
	if strings.Contains(msg, "--ack") {
		t.Errorf("the app's message speaks of a command-line flag: %q", msg)
	}
	if n, _ := b.PatientCount(); n != 3 {
		t.Errorf("laptop 2 holds %d people, want the 3 imported", n)
	}
}
