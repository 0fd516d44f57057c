package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

const testPassphrase = "correct horse battery staple"

// cheapKDF keeps tests fast; production parameters are tested only where they matter.
func cheapKDF() *KDFParams { return &KDFParams{Time: 1, MemoryKiB: 64, Threads: 1} }

// testClock is a settable clock for Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 3, 10, 30, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func testOptions(c *testClock) Options {
	return Options{Now: c.Now, User: "Sam Green", KDF: cheapKDF()}
}

// newTestStore creates a store in a temp dir with a fixed clock. At cleanup it is closed and
// its file is checked with bbolt's tx.Check.
func newTestStore(t testing.TB) (*Store, *testClock) {
	t.Helper()
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	closeAndCheck(t, s)
	return s, c
}

// openTestStore opens an existing store and arranges the same cleanup.
func openTestStore(t testing.TB, path string, c *testClock) *Store {
	t.Helper()
	s, err := Open(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	closeAndCheck(t, s)
	return s
}

func closeAndCheck(t testing.TB, s *Store) {
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		checkBoltFile(t, s.Path())
	})
}

// checkBoltFile runs bbolt's own consistency check on a closed store file.
func checkBoltFile(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("reopening %s for tx.Check: %v", path, err)
		return
	}
	defer db.Close()
	if err := db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("tx.Check: %v", err)
		}
		return nil
	}); err != nil {
		t.Errorf("tx.Check view: %v", err)
	}
}

// testNHSNumber is the i'th valid NHS number in the 999 range, which is never issued to a
// real person.
func testNHSNumber(i int) careplan.NHSNumber {
	for ; ; i++ {
		nine := fmt.Sprintf("999%06d", i%1_000_000)
		if d, ok := careplan.NHSCheckDigit(nine); ok {
			return careplan.NHSNumber(fmt.Sprintf("%s%d", nine, d))
		}
	}
}

// testPatient is a valid, eligible patient. Each i gives a different NHS number (as long as
// callers step i by more than one when numbers would collide: see testNHSNumber).
func testPatient(given, family string, nhs careplan.NHSNumber) careplan.Patient {
	codes := []string{"44054006", "13645005", "84114007"}
	return careplan.Patient{
		NHSNumber:   nhs,
		GivenName:   given,
		FamilyName:  family,
		DateOfBirth: careplan.NewDate(1948, time.June, 14),
		Contact:     careplan.ContactDetails{Address: "12 Station Road, Taunton", Postcode: "TA1 1AA"},
		Practice:    careplan.Practice{Name: "Taunton Vale Surgery", ODSCode: "L85001"},
		Conditions:  codes,
		Nomination:  careplan.Nomination{On: careplan.NewDate(2026, time.January, 5), Clinician: "Dr Ahmed", Reason: "frequent admissions"},
		Status:      careplan.StatusNominated,
		Team:        careplan.CareTeam{KeyWorker: "Sam Green", Coordinator: "Alex Hill"},
	}
}

func testPlan(patientID string) careplan.Plan {
	return careplan.Plan{
		PatientID:   patientID,
		Version:     1,
		State:       careplan.PlanDraft,
		AboutMe:     "I live with my dog and like gardening.",
		WhatMatters: "Staying at home.",
		Goals: []careplan.Goal{{
			Domain: careplan.DomainMovement, InMyWords: "Walk to the shop again", Importance: careplan.Score(8), Confidence: careplan.Score(5),
			Actions: []careplan.Action{{What: "Physio referral", Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker}, Status: careplan.ActionOpen}},
		}},
		Contingency: careplan.Contingency{Red: careplan.Red{WhoToCall: "999"}},
		ReviewDate:  careplan.NewDate(2026, time.September, 1),
	}
}

func testAssessment(patientID string) pam.Assessment {
	return pam.Assessment{
		PatientID: patientID, Score: 552, Level: pam.Level3, Instrument: pam.PAM13,
		TakenOn: careplan.NewDate(2026, time.February, 20), RecordedBy: "Sam Green", Source: "paper form",
	}
}

// counts is Check's counts as a map, failing the test if Check finds a problem.
func counts(t testing.TB, s *Store) map[string]int {
	t.Helper()
	r, err := s.Check()
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !r.OK() {
		t.Fatalf("Check problems: %q", r.Problems)
	}
	m := map[string]int{}
	for _, c := range r.Counts {
		m[c.Kind] = c.Count
	}
	return m
}
