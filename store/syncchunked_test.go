package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/store/bundle"
)

// hubWith makes a hub store holding n enrolled people, each with a draft plan and a PAM
// assessment: three bundle items a person.
func hubWith(t *testing.T, n int) *Store {
	t.Helper()
	a, _ := newTestStore(t)
	for i := range n {
		p, _ := enrolled(t, a, 100+10*i)
		as := testAssessment(p.ID)
		if err := a.SaveAssessment(&as); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// laptopWithChunks makes an empty hub store that applies bundles of more than chunk items in
// chunks of chunk.
func laptopWithChunks(t *testing.T, chunk int) *Store {
	t.Helper()
	c := newTestClock()
	opt := testOptions(c)
	opt.importChunk = chunk
	s, err := Create(filepath.Join(t.TempDir(), "laptop.carehub"), testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	return s
}

func TestBigBundleAppliedInChunksGivesWhatOneTransactionGives(t *testing.T) {
	a := hubWith(t, 12)
	whole, chunked := laptopWithChunks(t, 0), laptopWithChunks(t, 5)
	pair(t, a, whole)
	pair(t, a, chunked)
	got, items := map[*Store]ImportResult{}, 0
	for _, b := range []*Store{whole, chunked} {
		data := bundleFor(t, a, b)
		var steps []int
		res, err := b.ImportBundle(bytes.NewReader(data), nil, func(done, total int) { steps = append(steps, done) })
		if err != nil {
			t.Fatalf("ImportBundle: %v", err)
		}
		if len(steps) == 0 || steps[len(steps)-1] != res.Manifest.Items {
			t.Errorf("progress reported %v for %d items", steps, res.Manifest.Items)
		}
		if !b.chunked(res.Manifest) != (b == whole) {
			t.Fatalf("the test bundle of %d items does not take both paths", res.Manifest.Items)
		}
		items = res.Manifest.Items
		res.Manifest = bundle.Manifest{} // each laptop's bundle has its own id and hash
		got[b] = res
	}
	if got[whole].New < 36 || got[whole].New > items || !reflect.DeepEqual(got[whole], got[chunked]) {
		t.Errorf("one transaction: %+v\nin chunks: %+v", got[whole], got[chunked])
	}
	if cw, cc := counts(t, whole), counts(t, chunked); !reflect.DeepEqual(cw, cc) || cc["patients"] != 12 {
		t.Errorf("counts: one transaction %v, in chunks %v", cw, cc)
	}
	lw, lc := wholeCaseload(t, whole), wholeCaseload(t, chunked)
	if !reflect.DeepEqual(lw, lc) {
		t.Errorf("caseloads differ:\none transaction %+v\nin chunks %+v", lw, lc)
	}
	if _, err := os.Stat(importPath(chunked.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the import's copy is still beside the store: %v", err)
	}
	// The store goes on from the file that replaced it: an edit saves and is there after reopening.
	p := testPatient("Ada", "Lovelace", testNHSNumber(900))
	if err := chunked.SavePatient(&p); err != nil {
		t.Fatalf("saving after a chunked import: %v", err)
	}
	path := chunked.Path()
	if err := chunked.Close(); err != nil {
		t.Fatal(err)
	}
	again := openTestStore(t, path, newTestClock())
	if n := counts(t, again)["patients"]; n != 13 {
		t.Errorf("%d patients after reopening, want 13", n)
	}
}

func TestBundleRefusedMidChunksLeavesTheStoreAsItWas(t *testing.T) {
	a := hubWith(t, 12)
	b := laptopWithChunks(t, 5)
	pair(t, a, b)
	// The same person, enrolled on b under another record: the bundle is refused at them. Patients
	// travel first, by id: the last of them comes after two chunks have been applied.
	onA, err := a.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	last := slices.MaxFunc(onA, func(x, y careplan.CaseloadEntry) int { return strings.Compare(x.PatientID, y.PatientID) })
	twin := testPatient("Siân", "O'Brien", last.NHSNumber)
	if err := b.SavePatient(&twin); err != nil {
		t.Fatal(err)
	}
	before := recordsOf(t, b)
	_, err = b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil)
	if !errors.Is(err, ErrEnrolledTwice) {
		t.Fatalf("ImportBundle: %v, want ErrEnrolledTwice", err)
	}
	if !bytes.Equal(recordsOf(t, b), before) {
		t.Error("a refused chunked import changed the store")
	}
	if _, err := os.Stat(importPath(b.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused import's copy is still beside the store: %v", err)
	}
	if n := counts(t, b)["patients"]; n != 1 {
		t.Errorf("%d patients after a refused import, want 1", n)
	}
}

// A second sync in chunks, to a laptop that already has everyone, works each caseload entry out
// from what it held and what the bundle brings (a new contact, a later PAM, a new draft beside
// the agreed plan, a new name), as the one transaction does, although the plans, PAMs and contacts of one person
// arrive in other chunks than their patient record.
func TestSecondChunkedImportKeepsCaseloadsAsOneTransactionDoes(t *testing.T) {
	a, clock := newTestStore(t)
	var people []careplan.Patient
	var plans []careplan.Plan
	for i := range 12 {
		p, plan := agreedOn(t, a, clock, 100+10*i)
		people, plans = append(people, p), append(plans, plan)
		c := testContact(p.ID, careplan.DateOf(clock.Now().AddDate(0, 0, -40)))
		as := testAssessment(p.ID)
		as.TakenOn = careplan.DateOf(clock.Now().AddDate(0, 0, -50))
		if err := errors.Join(a.SaveContact(&c), a.SaveAssessment(&as)); err != nil {
			t.Fatal(err)
		}
	}
	whole, chunked := laptopWithChunks(t, 0), laptopWithChunks(t, 4)
	pair(t, a, whole)
	pair(t, a, chunked)
	for _, b := range []*Store{whole, chunked} {
		carry(t, a, b)
	}
	for i, p := range people {
		switch i % 4 {
		case 0:
			c := testContact(p.ID, careplan.DateOf(clock.Now().AddDate(0, 0, -1-i)))
			if err := a.SaveContact(&c); err != nil {
				t.Fatal(err)
			}
		case 1:
			as := testAssessment(p.ID)
			as.TakenOn = careplan.DateOf(clock.Now().AddDate(0, 0, -i))
			if err := a.SaveAssessment(&as); err != nil {
				t.Fatal(err)
			}
		case 2: // a new draft: the agreed plan stays the current one
			draft := plans[i].NextDraft("")
			draft.ReviewDate = careplan.DateOf(clock.Now().AddDate(0, 2, 0))
			if err := a.SavePlan(&draft); err != nil {
				t.Fatal(err)
			}
		case 3:
			p.PreferredName = "Sunny"
			if err := a.SavePatient(&p); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, b := range []*Store{whole, chunked} {
		res, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil)
		if err != nil {
			t.Fatalf("ImportBundle: %v", err)
		}
		if b.chunked(res.Manifest) != (b == chunked) {
			t.Fatalf("the second bundle of %d items does not take both paths", res.Manifest.Items)
		}
	}
	lw, lc, la := wholeCaseload(t, whole), wholeCaseload(t, chunked), wholeCaseload(t, a)
	if !reflect.DeepEqual(lw, lc) || !reflect.DeepEqual(la, lc) {
		t.Errorf("caseloads differ:\non the hub %+v\none transaction %+v\nin chunks %+v", la, lw, lc)
	}
	if cw, cc := counts(t, whole), counts(t, chunked); !reflect.DeepEqual(cw, cc) {
		t.Errorf("counts: one transaction %v, in chunks %v", cw, cc)
	}
}

// wholeCaseload is s's caseload, failing the test if it cannot be read.
func wholeCaseload(t *testing.T, s *Store) []careplan.CaseloadEntry {
	t.Helper()
	entries, err := s.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	return entries
}
