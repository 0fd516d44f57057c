package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// demoStoreOf is a store of n demo people with a cheap key derivation so tests stay quick,
// checked with bbolt's own check once the test is over.
func demoStoreOf(t *testing.T, n int) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hub.db")
	st, err := store.Create(path, "pw-for-tests", store.Options{Now: fixedNow, User: "test",
		KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
		servicetest.CheckBolt(t, path)
	})
	if err := loadDemo(st, 1, n, careplan.DateOf(fixedNow()), nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// printStore is a store of 40 demo people.
func printStore(t *testing.T) *store.Store { t.Helper(); return demoStoreOf(t, 40) }

func serviceOn(st *store.Store) *Printing { return servicesOn(On(st)).Printing }

func TestPrintPatientPrintsThatPerson(t *testing.T) {
	st := printStore(t)
	who := servicetest.DemoPerson(t, st, servicetest.HasAgreed)
	path := filepath.Join(t.TempDir(), "plan.pdf")

	pages, err := serviceOn(st).PrintPatient(who.PatientID, false, false, path)
	if err != nil {
		t.Fatal(err)
	}
	if pages < 1 {
		t.Errorf("%d pages", pages)
	}
	text := servicetest.PDFText(t, path)
	for _, want := range []string{who.GivenName + " " + who.FamilyName, who.NHSNumber.Display()} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed plan does not show %q", want)
		}
	}
	if strings.Contains(text, "DRAFT") {
		t.Error("the agreed plan is marked DRAFT")
	}
}

func TestPrintPatientWithoutAgreedPlanWritesNothing(t *testing.T) {
	st := printStore(t)
	who := servicetest.DemoPerson(t, st, func(p []careplan.Plan) bool { return !servicetest.HasAgreed(p) })
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	// The save dialog creates the file it names; a failure must not leave it there empty.
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	_, err := serviceOn(st).PrintPatient(who.PatientID, false, false, path)
	if !errors.Is(err, printout.ErrNoPlan) {
		t.Fatalf("err = %v, want one wrapping printout.ErrNoPlan", err)
	}
	if !strings.Contains(err.Error(), who.NHSNumber.Display()) {
		t.Errorf("the error %q does not say whose plan is missing", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was left where the plan would have been")
	}
	if l := servicetest.PrintLeftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestPrintDraftIsMarked(t *testing.T) {
	st := printStore(t)
	who := servicetest.DemoPerson(t, st, func(p []careplan.Plan) bool { _, ok := printout.DraftToPrint(p); return ok })
	path := filepath.Join(t.TempDir(), "draft.pdf")
	if _, err := serviceOn(st).PrintPatient(who.PatientID, true, false, path); err != nil {
		t.Fatal(err)
	}
	if text := servicetest.PDFText(t, path); !strings.Contains(text, "DRAFT") {
		t.Error("a printed draft is not marked DRAFT")
	}
}

func TestPrintDraftWhenThereIsNone(t *testing.T) {
	st := printStore(t)
	who := servicetest.DemoPerson(t, st, func(p []careplan.Plan) bool {
		_, ok := printout.DraftToPrint(p)
		return servicetest.HasAgreed(p) && !ok
	})
	path := filepath.Join(t.TempDir(), "draft.pdf")
	_, err := serviceOn(st).PrintPatient(who.PatientID, true, false, path)
	if !errors.Is(err, printout.ErrNoDraft) {
		t.Fatalf("err = %v, want printout.ErrNoDraft", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was written for a draft that does not exist")
	}
}

// batchOfMixedPeople is a key worker's caseload from the demo store, as PlansFor gives it,
// plus two open people with no plan at all (the demo gives those no key worker). One of them
// is marked as having a plan, as if one had been withdrawn since the preview: the batch must
// check again rather than trust the preview.
func batchOfMixedPeople(t *testing.T, st *store.Store) []printout.BatchPerson {
	t.Helper()
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	svc := serviceOn(st)
	var people, noPlan []printout.BatchPerson
	for _, r := range rows {
		if r.KeyWorker != "" && len(people) < 2 {
			if people, err = svc.PlansFor(printout.BatchSelection{By: printout.ByKeyWorker, KeyWorker: r.KeyWorker}); err != nil {
				t.Fatal(err)
			}
		}
		if r.Status.Open() && r.ReviewDate.IsZero() && len(noPlan) < 2 {
			noPlan = append(noPlan, printout.BatchPersonFor(r, nil))
		}
	}
	if len(people) < 2 || len(noPlan) < 2 {
		t.Skip("the demo data has too few people of the kinds this test needs")
	}
	noPlan[1].HasAgreed = true
	return append(people, noPlan...)
}

// splitByPlan says who should print and who should be listed as having no agreed plan; people
// whose record is closed are neither (they are left out as closed).
func splitByPlan(st *store.Store, people []printout.BatchPerson) (agreed, none []printout.BatchPerson) {
	for _, p := range people {
		if p.Closed != "" {
			continue
		}
		plans, _ := st.Plans(p.PatientID)
		if servicetest.HasAgreed(plans) {
			agreed = append(agreed, p)
		} else {
			none = append(none, p)
		}
	}
	return agreed, none
}

func TestBatchIntoOneFile(t *testing.T) {
	st := printStore(t)
	people := batchOfMixedPeople(t, st)
	agreed, none := splitByPlan(st, people)
	dir := t.TempDir()
	path := filepath.Join(dir, "plans.pdf")
	var last [2]int
	res, err := serviceOn(st).PrintBatch(people, printout.BatchOutput{Path: path}, func(done, total int) bool {
		last = [2]int{done, total}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Printed != len(agreed) || len(res.NoPlan) != len(none) || res.Pages < res.Printed {
		t.Errorf("result %+v, want %d printed and %d without a plan", res, len(agreed), len(none))
	}
	if len(res.Closed)+len(agreed)+len(none) != len(people) {
		t.Errorf("%d closed records left out, %d printed, %d without a plan, of %d people", len(res.Closed), len(agreed), len(none), len(people))
	}
	for _, p := range res.Closed {
		if strings.Contains(servicetest.PDFText(t, path), p.NHSNumber.Display()) {
			t.Errorf("the batch prints %s, whose record is closed (%s)", p.Name, p.Closed)
		}
	}
	if last != [2]int{len(agreed), len(agreed)} {
		t.Errorf("the last progress was %d of %d, want %d of %d", last[0], last[1], len(agreed), len(agreed))
	}
	text := servicetest.PDFText(t, path)
	for _, p := range agreed {
		if !strings.Contains(text, p.NHSNumber.Display()) {
			t.Errorf("the batch has no plan for %s %s", p.Name, p.NHSNumber.Display())
		}
	}
	for _, p := range none {
		if strings.Contains(text, p.NHSNumber.Display()) {
			t.Errorf("the batch prints something for %s, who has no agreed plan", p.Name)
		}
	}
	if l := servicetest.PrintLeftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestBatchIntoFolder(t *testing.T) {
	st := printStore(t)
	people := batchOfMixedPeople(t, st)
	agreed, none := splitByPlan(st, people)
	dir := filepath.Join(t.TempDir(), "plans")
	res, err := serviceOn(st).PrintBatch(people, printout.BatchOutput{Path: dir, Folder: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Printed != len(agreed) || len(res.NoPlan) != len(none) {
		t.Errorf("result %+v", res)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(agreed) {
		t.Errorf("%d files in the folder, want %d", len(entries), len(agreed))
	}
	p := agreed[0]
	text := servicetest.PDFText(t, filepath.Join(dir, "plan-"+string(p.NHSNumber)+".pdf"))
	if !strings.Contains(text, p.NHSNumber.Display()) {
		t.Errorf("plan-%s.pdf does not show that NHS number", p.NHSNumber)
	}
}

func TestCancelledBatchLeavesNothing(t *testing.T) {
	st := printStore(t)
	people := batchOfMixedPeople(t, st)
	stopAt := func(n int) func(done, total int) bool {
		return func(done, total int) bool { return done < n }
	}
	for _, folder := range []bool{false, true} {
		t.Run(fmt.Sprintf("folder=%v", folder), func(t *testing.T) {
			dir := t.TempDir()
			out := printout.BatchOutput{Path: filepath.Join(dir, "plans.pdf"), Folder: folder}
			if folder {
				out.Path = filepath.Join(dir, "plans")
			}
			_, err := serviceOn(st).PrintBatch(people, out, stopAt(2))
			if !errors.Is(err, printout.ErrCancelled) {
				t.Fatalf("err = %v, want printout.ErrCancelled", err)
			}
			var files []string
			filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					files = append(files, path)
				}
				return nil
			})
			if len(files) > 0 {
				t.Errorf("a cancelled batch left %q", files)
			}
		})
	}
}

func TestBatchWithNobodyToPrint(t *testing.T) {
	st := printStore(t)
	people := []printout.BatchPerson{{PatientID: "x", Name: "No Plan", HasAgreed: false}}
	path := filepath.Join(t.TempDir(), "plans.pdf")
	res, err := serviceOn(st).PrintBatch(people, printout.BatchOutput{Path: path}, nil)
	if !errors.Is(err, printout.ErrNothingToPrint) || len(res.NoPlan) != 1 {
		t.Errorf("err %v, result %+v", err, res)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("an empty batch wrote a file")
	}
}
