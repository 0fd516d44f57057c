package service

import (
	"carehub/app/service/servicetest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
	"carehub/store"
)

// Importing a bundle writes the caseload entries and indexes once, at the end (for speed):
// the receiving laptop must end up with exactly the caseload the sending laptop built record
// by record, after a first full sync, after later edits on one side, and after edits on both.
func TestSyncedCaseloadMatchesTheSender(t *testing.T) {
	dir := t.TempDir()
	a, b := syncLaptop(t, "Hub laptop 1", 60), syncLaptop(t, "Hub laptop 2", 0)
	servicetest.Pair(t, a, b)
	carryBundle(t, dir, a, b)
	sameCaseload(t, "after the first sync", a, b)

	// Laptop 1 records a contact and a PAM and moves a review date; laptop 2 records a contact
	// for someone else and renames a third person.
	rows, err := a.Caseload()
	if err != nil || len(rows) < 3 {
		t.Fatalf("caseload: %d %v", len(rows), err)
	}
	slices.SortFunc(rows, func(x, y careplan.CaseloadEntry) int { return strings.Compare(x.PatientID, y.PatientID) })
	today := careplan.DateOf(fixedNow())
	c := careplan.Contact{PatientID: rows[0].PatientID, Kind: careplan.ContactPhone, On: today, By: "Sam", Minutes: 10}
	if err := a.SaveContact(&c); err != nil {
		t.Fatal(err)
	}
	pm := pam.Assessment{PatientID: rows[0].PatientID, Score: 584, Level: pam.Level2, Instrument: pam.PAM13,
		TakenOn: today, RecordedBy: "Sam Green", Source: "paper form"}
	if err := a.SaveAssessment(&pm); err != nil {
		t.Fatal(err)
	}
	planned := false // someone with no plan gets a first draft: their review date shows it
	for _, r := range rows[3:] {
		if plans, _ := a.Plans(r.PatientID); len(plans) == 0 {
			draft := careplan.Plan{PatientID: r.PatientID, Version: 1, State: careplan.PlanDraft, ReviewDate: today.AddMonths(2)}
			if err := a.SavePlan(&draft); err != nil {
				t.Fatal(err)
			}
			planned = true
			break
		}
	}
	if !planned {
		t.Fatal("everyone in the demo hub has a plan")
	}
	c2 := careplan.Contact{PatientID: rows[1].PatientID, Kind: careplan.ContactPhone, On: today, By: "Jo", Minutes: 5}
	if err := b.SaveContact(&c2); err != nil {
		t.Fatal(err)
	}
	p, err := b.Patient(rows[2].PatientID)
	if err != nil {
		t.Fatal(err)
	}
	p.PreferredName = "Bobby"
	if err := b.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	carryBundle(t, dir, a, b)
	carryBundle(t, dir, b, a)
	sameCaseload(t, "after edits on both laptops", a, b)
	got, _ := b.Caseload()
	for _, e := range got {
		if e.PatientID == rows[0].PatientID && (e.LastContact != today || e.LastPAM != today) {
			t.Errorf("laptop 2's entry for the person with a new contact and PAM: %+v", e)
		}
	}
}

// carryBundle takes a bundle from one laptop to the other and its acknowledgement back.
func carryBundle(t *testing.T, dir string, from, to *store.Store) {
	t.Helper()
	card, err := to.DeviceCard()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "bundle-"+time.Now().Format("150405.000000000")+".chb")
	if _, err := exportSyncBundle(from, card.Device, path, nil); err != nil {
		t.Fatalf("ExportSyncBundle: %v", err)
	}
	ack := strings.TrimSuffix(path, ".chb") + ".ack.chb"
	if _, err := importSyncFile(to, path, ack, nil); err != nil {
		t.Fatalf("ImportSyncFile: %v", err)
	}
	if _, err := importSyncFile(from, ack, filepath.Join(dir, "unused.chb"), nil); err != nil {
		t.Fatalf("importing the acknowledgement: %v", err)
	}
}

// sameCaseload checks both stores hold the same caseload entries and pass Check.
func sameCaseload(t *testing.T, when string, x, y *store.Store) {
	t.Helper()
	var lists [2][]careplan.CaseloadEntry
	for i, st := range []*store.Store{x, y} {
		rows, err := st.Caseload()
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(rows, func(p, q careplan.CaseloadEntry) int { return strings.Compare(p.PatientID, q.PatientID) })
		lists[i] = rows
		if rep, err := st.Check(); err != nil || !rep.OK() {
			t.Errorf("%s: Check: %v %v", when, rep.Problems, err)
		}
	}
	if len(lists[0]) != len(lists[1]) {
		t.Fatalf("%s: %d and %d caseload entries", when, len(lists[0]), len(lists[1]))
	}
	for i := range lists[0] {
		if lists[0][i] != lists[1][i] {
			t.Errorf("%s: caseload entries differ:\n%+v\n%+v", when, lists[0][i], lists[1][i])
		}
	}
}
