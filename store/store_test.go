package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

func TestCreateOpenRoundTrip(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	plan := testPlan(p.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	a := testAssessment(p.ID)
	if err := s.SaveAssessment(&a); err != nil {
		t.Fatal(err)
	}
	m := careplan.StaffMember{Name: "Sam Green", Role: careplan.RoleKeyWorker, Active: true}
	if err := s.SaveStaff(&m); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := openTestStore(t, s.Path(), c)
	got, err := s2.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("patient round trip:\n got %+v\nwant %+v", got, p)
	}
	plans, err := s2.Plans(p.ID)
	if err != nil || len(plans) != 1 || plans[0].AboutMe != plan.AboutMe || plans[0].ID != plan.ID {
		t.Errorf("Plans = %+v, %v", plans, err)
	}
	as, err := s2.Assessments(p.ID)
	if err != nil || len(as) != 1 || as[0] != a {
		t.Errorf("Assessments = %+v, %v", as, err)
	}
	staff, err := s2.Staff()
	if err != nil || len(staff) != 1 || staff[0].Name != "Sam Green" {
		t.Errorf("Staff = %+v, %v", staff, err)
	}
	cl, err := s2.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	want := careplan.CaseloadEntryFor(p, &plan)
	want.LastPAM = a.TakenOn // the assessment's save keeps the work queues' PAM date
	if len(cl) != 1 || !reflect.DeepEqual(cl[0], want) {
		t.Errorf("Caseload = %+v, want %+v", cl, want)
	}
	if n, err := s2.PatientCount(); n != 1 || err != nil {
		t.Errorf("PatientCount = %d, %v", n, err)
	}
}

func TestCreateRefusals(t *testing.T) {
	dir := t.TempDir()
	c := newTestClock()
	path := filepath.Join(dir, "hub.carehub")
	if _, err := Create(path, "", testOptions(c)); !errors.Is(err, ErrNoPassphrase) {
		t.Errorf("empty passphrase: %v", err)
	}
	if Exists(path) {
		t.Error("a refused Create left a file")
	}
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	if !Exists(path) {
		t.Error("Exists is false for a new store")
	}
	if _, err := Create(path, testPassphrase, testOptions(c)); !errors.Is(err, ErrStoreExists) {
		t.Errorf("second Create: %v", err)
	}
	if ErrStoreExists.Error() != "a carehub store already exists there" {
		t.Errorf("ErrStoreExists says %q", ErrStoreExists)
	}
}

func TestOpenRefusals(t *testing.T) {
	dir := t.TempDir()
	c := newTestClock()
	missing := filepath.Join(dir, "missing.carehub")
	_, err := Open(missing, testPassphrase, testOptions(c))
	if !errors.Is(err, ErrNoStore) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	if Exists(missing) {
		t.Error("Open created a file at a missing path")
	}

	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o600)
	if _, err := Open(empty, testPassphrase, testOptions(c)); !errors.Is(err, ErrNotCarehub) {
		t.Errorf("empty file: %v", err)
	}
	if b, _ := os.ReadFile(empty); len(b) != 0 {
		t.Error("Open wrote to an empty file")
	}

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, bytes.Repeat([]byte("not a database\n"), 1000), 0o600)
	if _, err := Open(text, testPassphrase, testOptions(c)); !errors.Is(err, ErrNotCarehub) {
		t.Errorf("text file: %v", err)
	}

	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("things")); return err })
	db.Close()
	if _, err := Open(other, testPassphrase, testOptions(c)); !errors.Is(err, ErrNotCarehub) {
		t.Errorf("other bbolt file: %v", err)
	}
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(10))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := contentsBesideMisses(t, s.Path())

	for _, pass := range []string{"wrong", "", testPassphrase + " "} {
		_, err := Open(s.Path(), pass, testOptions(c))
		if !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("Open(%q) = %v, want ErrWrongPassphrase", pass, err)
		}
	}
	if after := contentsBesideMisses(t, s.Path()); after != before {
		t.Error("a wrong passphrase changed the file beyond its count of misses")
	}
	if ErrWrongPassphrase.Error() != "the passphrase is not right for this store" {
		t.Errorf("ErrWrongPassphrase says %q", ErrWrongPassphrase)
	}
	openTestStore(t, s.Path(), c) // and the right one still works
}

func TestAlreadyOpenFailsFast(t *testing.T) {
	s, c := newTestStore(t)
	start := time.Now()
	_, err := Open(s.Path(), testPassphrase, testOptions(c)) // default 1s lock timeout
	took := time.Since(start)
	if !errors.Is(err, ErrAlreadyOpen) {
		t.Fatalf("second Open = %v, want ErrAlreadyOpen", err)
	}
	if took > 2500*time.Millisecond {
		t.Errorf("second Open took %v", took)
	}
	if err.Error() != "carehub is already open on this store" {
		t.Errorf("ErrAlreadyOpen says %q", err)
	}
	opt := testOptions(c)
	opt.OpenTimeout = 50 * time.Millisecond
	start = time.Now()
	if _, err := Open(s.Path(), testPassphrase, opt); !errors.Is(err, ErrAlreadyOpen) || time.Since(start) > time.Second {
		t.Errorf("short timeout: %v after %v", err, time.Since(start))
	}
}

// TestNoPatientDataInClear greps the raw file (and a backup) for every name and NHS number.
func TestNoPatientDataInClear(t *testing.T) {
	s, _ := newTestStore(t)
	people := []careplan.Patient{
		testPatient("Siân", "O'Brien", testNHSNumber(100)),
		testPatient("Zoë", "Ní Bhriain", testNHSNumber(200)),
		testPatient("Wojciech", "Brzęczyszczykiewicz", testNHSNumber(300)),
	}
	people[0].PreferredName = "Sian"
	for i := range people {
		if err := s.SavePatient(&people[i]); err != nil {
			t.Fatal(err)
		}
		plan := testPlan(people[i].ID)
		plan.AboutMe = "About " + people[i].GivenName
		if err := s.SavePlan(&plan); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PatientByNHS(people[i].NHSNumber); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.carehub")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, path := range []string{s.Path(), backup} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			for _, secret := range []string{p.GivenName, p.FamilyName, p.PreferredName, string(p.NHSNumber), p.NHSNumber.Display(), p.Contact.Postcode, "Station Road"} {
				if secret != "" && bytes.Contains(raw, []byte(secret)) {
					t.Errorf("%s holds %q in clear", filepath.Base(path), secret)
				}
			}
		}
	}
}

func TestBackup(t *testing.T) {
	s, c := newTestStore(t)
	for i := 0; i < 5; i++ {
		p := testPatient("Pat", "Smith", testNHSNumber(i*10))
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		plan := testPlan(p.ID)
		if err := s.SavePlan(&plan); err != nil {
			t.Fatal(err)
		}
	}
	want := counts(t, s)
	if err := s.Backup(s.Path()); !errors.Is(err, ErrLiveStore) {
		t.Errorf("backup onto itself: %v", err)
	}
	dotted := filepath.Join(filepath.Dir(s.Path()), ".", filepath.Base(s.Path()))
	if err := s.Backup(dotted); !errors.Is(err, ErrLiveStore) {
		t.Errorf("backup onto itself by another spelling: %v", err)
	}
	out := filepath.Join(t.TempDir(), "copy.carehub")
	if err := s.Backup(out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("backup left %d files in its folder", len(entries))
	}
	b := openTestStore(t, out, c)
	if got := counts(t, b); !reflect.DeepEqual(got, want) {
		t.Errorf("backup counts %v, store counts %v", got, want)
	}
}

func TestCheckCounts(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil { // 1 change, 1 audit
		t.Fatal(err)
	}
	plan := testPlan(p.ID)
	if err := s.SavePlan(&plan); err != nil { // +1, +1
		t.Fatal(err)
	}
	plan.Strengths = "Determined"
	if err := s.SavePlan(&plan); err != nil { // +1, +1
		t.Fatal(err)
	}
	a := testAssessment(p.ID)
	if err := s.SaveAssessment(&a); err != nil { // +1, +1
		t.Fatal(err)
	}
	m := careplan.StaffMember{Name: "Alex Hill", Role: careplan.RoleCoordinator}
	if err := s.SaveStaff(&m); err != nil { // +1, +1
		t.Fatal(err)
	}
	o := testFrailty(p.ID, 5)
	if err := s.SaveOutcome(&o); err != nil { // +1, +1
		t.Fatal(err)
	}
	if _, err := s.Patient(p.ID); err != nil { // audit only
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("Check = %v, %v", r.Problems, err)
	}
	want := []KindCount{{"patients", 1}, {"plans", 1}, {"pam assessments", 1}, {"staff", 1}, {"outcomes", 1},
		{"contacts", 0}, {"plan templates", 0}, {"community services", 0}, {"goal check-ins", 0}, {"changes", 6}, {"audit entries", 7},
		{"paired devices", 0}, {"open conflicts", 0}, {"shared-record publications", 0}}
	if !reflect.DeepEqual(r.Counts, want) {
		t.Errorf("Counts = %v, want %v", r.Counts, want)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	// Damage the store the way a bad sync or a bug might: a caseload entry with no patient,
	// and a record whose sealed body was altered.
	err := s.db.Update(func(tx *bolt.Tx) error {
		orphan := careplan.CaseloadEntry{PatientID: "6f1c3f7e-8a52-4d0e-9a55-0c1f3b7f0a11", GivenName: "Nobody"}
		if err := putCaseload(tx, s.keys, orphan); err != nil {
			return err
		}
		b := tx.Bucket([]byte(bucketPatients))
		k, v := b.Cursor().First()
		bad := append([]byte(nil), v...)
		bad[len(bad)-1] ^= 1
		return b.Put(append([]byte(nil), k...), bad)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 2 {
		t.Errorf("Problems = %q, want the orphan and the damaged record", r.Problems)
	}
}

func TestSchemaVersionAndMigrations(t *testing.T) {
	s, c := newTestStore(t)
	err := s.db.View(func(tx *bolt.Tx) error {
		v, err := schemaVersion(tx)
		if v != len(migrations()) {
			t.Errorf("schema version %d, want %d", v, len(migrations()))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// Steps run once each, in order, and only the new ones run when the list grows.
	var ran []int
	step := func(n int) migration {
		return func(*bolt.Tx) error { ran = append(ran, n); return nil }
	}
	steps := []migration{step(1), step(2)}
	// Use a scratch bbolt file so the real store's schema is not disturbed.
	scratch, err := bolt.Open(filepath.Join(t.TempDir(), "scratch.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	migrate := func(steps []migration) {
		t.Helper()
		if err := scratch.Update(func(tx *bolt.Tx) error { return runMigrations(tx, steps) }); err != nil {
			t.Fatal(err)
		}
	}
	migrate(steps)
	migrate(steps)
	migrate(append(steps, step(3)))
	migrate(append(steps, step(3)))
	if !reflect.DeepEqual(ran, []int{1, 2, 3}) {
		t.Errorf("steps ran %v, want [1 2 3]", ran)
	}
	err = scratch.Update(func(tx *bolt.Tx) error { return runMigrations(tx, steps) })
	if !errors.Is(err, ErrNewerStore) {
		t.Errorf("older code on a newer store: %v", err)
	}

	// A failing step leaves the version where it was.
	boom := errors.New("boom")
	err = scratch.Update(func(tx *bolt.Tx) error {
		return runMigrations(tx, append(steps, step(3), func(*bolt.Tx) error { return boom }))
	})
	if !errors.Is(err, boom) {
		t.Errorf("failing step: %v", err)
	}
	scratch.View(func(tx *bolt.Tx) error {
		if v, _ := schemaVersion(tx); v != 3 {
			t.Errorf("after a failed step the version is %d, want 3", v)
		}
		return nil
	})

	// Reopening a current store writes nothing (no migration to run).
	s.Close()
	before, _ := os.ReadFile(s.Path())
	s2 := openTestStore(t, s.Path(), c)
	s2.Close()
	after, _ := os.ReadFile(s.Path())
	if !bytes.Equal(before, after) {
		t.Error("opening a current store changed the file")
	}
}

func TestProductionKDFDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("argon2id with production parameters takes a moment")
	}
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, Options{})
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	err = s.db.View(func(tx *bolt.Tx) error {
		slot, err := decodeKeyslot(tx.Bucket([]byte(bucketKeyslots)).Get([]byte(hubSlot)))
		if slot.kdf != ProductionKDF() {
			t.Errorf("hub slot KDF = %+v, want %+v", slot.kdf, ProductionKDF())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
