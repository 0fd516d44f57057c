package store

import (
	"bytes"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

func TestNextVersion(t *testing.T) {
	at := time.UnixMilli(1_700_000_000_000)
	phys := uint64(at.UnixMilli()) << logicalBits
	for _, tc := range []struct {
		name string
		last uint64
		now  time.Time
		want uint64
	}{
		{"first", 0, at, phys},
		{"clock moved on", phys + 5, at.Add(time.Millisecond), phys + 1<<logicalBits},
		{"same millisecond", phys, at, phys + 1},
		{"clock stepped back", phys + 7, at.Add(-time.Hour), phys + 8},
		{"before 1970", 0, time.Unix(-10, 0), 1},
	} {
		if got := nextVersion(tc.last, tc.now); got != tc.want {
			t.Errorf("%s: nextVersion(%d, %v) = %d, want %d", tc.name, tc.last, tc.now, got, tc.want)
		}
	}
	if got := VersionTime(phys + 3); !got.Equal(at) {
		t.Errorf("VersionTime = %v, want %v", got, at)
	}
}

func TestVersionsMonotonicWhenClockGoesBack(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	var last uint64
	save := func(when time.Time) {
		t.Helper()
		c.Set(when)
		p.Contact.Phone = when.String() // a real edit each time
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		ch, err := s.ChangesSince(last)
		if err != nil || len(ch) != 1 {
			t.Fatalf("ChangesSince(%d) = %v, %v", last, ch, err)
		}
		if ch[0].Version <= last {
			t.Fatalf("version %d is not after %d", ch[0].Version, last)
		}
		last = ch[0].Version
	}
	t0 := c.Now()
	save(t0)
	save(t0)                            // same instant
	save(t0.Add(-2 * time.Hour))        // clock stepped back
	save(t0.Add(-24 * time.Hour))       // and further
	save(t0.Add(time.Millisecond))      // and forward a little
	save(t0.Add(10 * time.Millisecond)) // and past the logical counter

	// The clock survives a restart, even one with the clock further back.
	s.Close()
	c.Set(t0.Add(-48 * time.Hour))
	s = openTestStore(t, s.Path(), c)
	save(c.Now())
}

func TestChangeLogAndAudit(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	s.SetUser("Alex Hill")
	c.Set(c.Now().Add(time.Minute))
	p.Status = careplan.StatusContacted
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Patient(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PatientByNHS(p.NHSNumber); err != nil {
		t.Fatal(err)
	}

	changes, err := s.ChangesSince(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 || changes[0].ID != p.ID || changes[0].Kind != KindPatient || changes[1].Version <= changes[0].Version {
		t.Fatalf("changes = %+v", changes)
	}
	if later, _ := s.ChangesSince(changes[0].Version); len(later) != 1 || later[0] != changes[1] {
		t.Errorf("ChangesSince(first) = %+v", later)
	}
	if none, _ := s.ChangesSince(changes[1].Version); len(none) != 0 {
		t.Errorf("ChangesSince(last) = %+v", none)
	}

	// The envelope records base, origin and who.
	err = s.db.View(func(tx *bolt.Tx) error {
		id, _ := parseID(p.ID)
		e, err := getRecord(tx, s.keys, KindPatient, id)
		if e.version != changes[1].Version || e.base != changes[0].Version || e.origin != s.origin || e.user != "Alex Hill" || !e.time.Equal(c.Now()) {
			t.Errorf("envelope = version %d base %d origin %s user %q time %v", e.version, e.base, e.origin, e.user, e.time)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	audit, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ user, action, detail string }{
		{"Sam Green", AuditCreated, "status nominated"},
		{"Alex Hill", AuditUpdated, "status contacted"},
		{"Alex Hill", AuditViewed, ""},
		{"Alex Hill", AuditViewed, "found by NHS number"},
	}
	if len(audit) != len(want) {
		t.Fatalf("audit has %d entries: %+v", len(audit), audit)
	}
	for i, w := range want {
		a := audit[i]
		if a.User != w.user || a.Action != w.action || a.Detail != w.detail || a.Kind != KindPatient || a.RecordID != p.ID || a.PatientID != p.ID {
			t.Errorf("audit[%d] = %+v, want %+v", i, a, w)
		}
	}
	if !audit[0].Time.Equal(newTestClock().Now()) || !audit[3].Time.Equal(c.Now()) {
		t.Errorf("audit times %v, %v", audit[0].Time, audit[3].Time)
	}
}

func TestAgreedPlanIsLocked(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	plan := testPlan(p.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	reviewOf := func() careplan.Date {
		t.Helper()
		cl, err := s.Caseload()
		if err != nil || len(cl) != 1 {
			t.Fatalf("Caseload = %v, %v", cl, err)
		}
		return cl[0].ReviewDate
	}
	if got := reviewOf(); got != plan.ReviewDate {
		t.Errorf("review date from the draft = %v, want %v", got, plan.ReviewDate)
	}
	if err := plan.Agree("Sam Green", c.Now(), careplan.DateOf(c.Now()), 3); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(&plan); err != nil { // the stored version is still a draft
		t.Fatal(err)
	}
	agreed := plan
	plan.AboutMe = "changed after agreement"
	if err := s.SavePlan(&plan); !errors.Is(err, careplan.ErrPlanLocked) {
		t.Errorf("overwriting an agreed plan: %v", err)
	}
	plan.State, plan.Agreement = careplan.PlanDraft, nil
	if err := s.SavePlan(&plan); !errors.Is(err, careplan.ErrPlanLocked) {
		t.Errorf("un-agreeing a stored agreed plan: %v", err)
	}

	// A new draft is allowed, but the agreed version stays current.
	draft := agreed.NextDraft("")
	draft.ReviewDate = careplan.NewDate(2027, time.January, 1)
	if err := s.SavePlan(&draft); err != nil {
		t.Fatal(err)
	}
	if draft.ID == "" || draft.ID == agreed.ID {
		t.Errorf("draft id %q", draft.ID)
	}
	if got := reviewOf(); got != agreed.ReviewDate {
		t.Errorf("review date with an agreed plan and a newer draft = %v, want the agreed %v", got, agreed.ReviewDate)
	}
	plans, err := s.Plans(p.ID)
	if err != nil || len(plans) != 2 || plans[0].State != careplan.PlanAgreed || plans[0].AboutMe != agreed.AboutMe || plans[1].ID != draft.ID {
		t.Errorf("Plans = %+v, %v", plans, err)
	}

	// A plan needs a patient on the hub, and cannot move to another.
	orphan := testPlan("6f1c3f7e-8a52-4d0e-9a55-0c1f3b7f0a11")
	if err := s.SavePlan(&orphan); !errors.Is(err, ErrNotFound) || orphan.ID != "" {
		t.Errorf("plan for nobody: %v (id %q)", err, orphan.ID)
	}
	other := testPatient("Bob", "Jones", testNHSNumber(20))
	if err := s.SavePatient(&other); err != nil {
		t.Fatal(err)
	}
	draft.PatientID = other.ID
	if err := s.SavePlan(&draft); !errors.Is(err, ErrPlanMoved) {
		t.Errorf("moving a plan: %v", err)
	}
}

// snapshot is the raw file, to show a refused write left no trace.
func snapshot(t *testing.T, s *Store) []byte {
	t.Helper()
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDuplicateNHSRefused(t *testing.T) {
	s, _ := newTestStore(t)
	first := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&first); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	second := testPatient("Ada", "Byron", first.NHSNumber)
	err := s.SavePatient(&second)
	if !errors.Is(err, ErrDuplicateNHS) || err.Error() != "a patient with this NHS number is already on the hub" {
		t.Errorf("duplicate: %v", err)
	}
	if second.ID != "" {
		t.Errorf("a refused patient kept id %q", second.ID)
	}
	if !bytes.Equal(before, snapshot(t, s)) {
		t.Error("a refused duplicate changed the file")
	}
	if got := counts(t, s); got["patients"] != 1 || got["changes"] != 1 || got["audit entries"] != 1 {
		t.Errorf("counts after refusal: %v", got)
	}

	// In a batch, a duplicate dooms the whole batch, even one saved before it.
	err = s.Import(func(b *Batch) error {
		ok := testPatient("Cy", "Twombly", testNHSNumber(50))
		if err := b.SavePatient(&ok); err != nil {
			return err
		}
		dup := testPatient("Ada", "Again", first.NHSNumber)
		b.SavePatient(&dup) // error ignored on purpose: Import must still fail
		return nil
	})
	if !errors.Is(err, ErrDuplicateNHS) {
		t.Errorf("Import with a duplicate: %v", err)
	}
	if !bytes.Equal(before, snapshot(t, s)) {
		t.Error("a failed batch changed the file")
	}

	// Re-saving the same patient, or changing their number to a free one, is fine; the old
	// number is then free for someone else.
	if err := s.SavePatient(&first); err != nil {
		t.Fatal(err)
	}
	old := first.NHSNumber
	first.NHSNumber = testNHSNumber(60)
	if err := s.SavePatient(&first); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PatientByNHS(old); !errors.Is(err, ErrNotFound) {
		t.Errorf("old number still finds the patient: %v", err)
	}
	if got, err := s.PatientByNHS(first.NHSNumber); err != nil || got.ID != first.ID {
		t.Errorf("new number: %v, %v", got.ID, err)
	}
	if err := s.SavePatient(&second); err != nil {
		t.Errorf("the freed number: %v", err)
	}
}

func TestInvalidPatientNotSaved(t *testing.T) {
	s, _ := newTestStore(t)
	before := snapshot(t, s)
	p := testPatient("", "Lovelace", "9434765918") // no given name, bad check digit
	p.DateOfBirth = careplan.NewDate(2030, time.January, 1)
	err := s.SavePatient(&p)
	for _, want := range []error{careplan.ErrNameRequired, careplan.ErrNHSNumberCheck, careplan.ErrBirthInFuture} {
		if !errors.Is(err, want) {
			t.Errorf("SavePatient error %v does not include %v", err, want)
		}
	}
	if p.ID != "" {
		t.Errorf("an invalid patient kept id %q", p.ID)
	}
	if !bytes.Equal(before, snapshot(t, s)) {
		t.Error("an invalid patient changed the file")
	}
	if n, _ := s.PatientCount(); n != 0 {
		t.Errorf("PatientCount = %d", n)
	}
	bad := testPatient("Ada", "Lovelace", testNHSNumber(1))
	bad.ID = "patient-1"
	if err := s.SavePatient(&bad); !errors.Is(err, ErrBadID) {
		t.Errorf("non-UUID id: %v", err)
	}
}

func TestAssessmentsAppendOnly(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	a := testAssessment(p.ID)
	if err := s.SaveAssessment(&a); err != nil {
		t.Fatal(err)
	}
	first := a.ID
	b := a
	b.ID, b.Score, b.TakenOn = "", 601, careplan.NewDate(2026, time.March, 1)
	if err := s.SaveAssessment(&b); err != nil {
		t.Fatal(err)
	}
	if b.ID == first {
		t.Error("a new assessment reused an id")
	}

	changed := a
	changed.Score = 700
	if err := s.SaveAssessment(&changed); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing a score: %v", err)
	}
	changed = a
	changed.Score = 700
	changed.InError = &pam.EnteredInError{Reason: "wrong patient", By: "Sam Green", At: c.Now()}
	if err := s.SaveAssessment(&changed); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing a score while marking in error: %v", err)
	}
	marked := a
	marked.InError = &pam.EnteredInError{Reason: "wrong patient", By: "Sam Green", At: c.Now()}
	if err := s.SaveAssessment(&marked); err != nil {
		t.Fatalf("marking in error: %v", err)
	}
	again := marked
	again.InError = &pam.EnteredInError{Reason: "changed my mind", By: "Sam Green", At: c.Now()}
	if err := s.SaveAssessment(&again); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("re-marking: %v", err)
	}

	all, err := s.Assessments(p.ID)
	if err != nil || len(all) != 2 {
		t.Fatalf("Assessments = %v, %v", all, err)
	}
	if all[0].ID != first || all[0].InError == nil || all[0].InError.Reason != "wrong patient" || all[1].ID != b.ID {
		t.Errorf("Assessments = %+v", all)
	}
	invalid := testAssessment(p.ID)
	invalid.Level = 9
	if err := s.SaveAssessment(&invalid); !errors.Is(err, pam.ErrLevel) || invalid.ID != "" {
		t.Errorf("invalid assessment: %v", err)
	}
}

func TestStaff(t *testing.T) {
	s, _ := newTestStore(t)
	for _, name := range []string{"Zara Ahmed", "Alex Hill"} {
		m := careplan.StaffMember{Name: name, Role: careplan.RoleKeyWorker, Active: true}
		if err := s.SaveStaff(&m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveStaff(&careplan.StaffMember{Name: " "}); !errors.Is(err, ErrStaffName) {
		t.Errorf("nameless staff: %v", err)
	}
	got, err := s.Staff()
	if err != nil || len(got) != 2 || got[0].Name != "Alex Hill" {
		t.Errorf("Staff = %+v, %v", got, err)
	}
}

func TestImportBatch(t *testing.T) {
	s, _ := newTestStore(t)
	var ids []string
	err := s.Import(func(b *Batch) error {
		for i := 0; i < 50; i++ {
			p := testPatient("Pat", "Smith", testNHSNumber(i*10))
			if err := b.SavePatient(&p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
			plan := testPlan(p.ID)
			if err := b.SavePlan(&plan); err != nil {
				return err
			}
			a := testAssessment(p.ID)
			if err := b.SaveAssessment(&a); err != nil {
				return err
			}
		}
		return b.SaveStaff(&careplan.StaffMember{Name: "Sam Green"})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := counts(t, s)
	if got["patients"] != 50 || got["plans"] != 50 || got["pam assessments"] != 50 || got["staff"] != 1 || got["changes"] != 151 || got["audit entries"] != 151 {
		t.Errorf("counts = %v", got)
	}
	changes, _ := s.ChangesSince(0)
	for i := 1; i < len(changes); i++ {
		if changes[i].Version <= changes[i-1].Version {
			t.Fatalf("versions in a batch are not increasing at %d", i)
		}
	}
	var kept *Batch
	s.Import(func(b *Batch) error { kept = b; return nil })
	if err := kept.SaveStaff(&careplan.StaffMember{Name: "Late"}); !errors.Is(err, errBatchDone) {
		t.Errorf("batch used after Import: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	s, _ := newTestStore(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				p := testPatient("Pat", "Smith", testNHSNumber(g*1000+i*10))
				if err := s.SavePatient(&p); err != nil {
					t.Error(err)
					return
				}
				s.SetUser("user")
				if _, err := s.Patient(p.ID); err != nil {
					t.Error(err)
				}
				if _, err := s.Caseload(); err != nil {
					t.Error(err)
				}
			}
		}(g)
	}
	wg.Wait()
	if got := counts(t, s); got["patients"] != 20 || got["audit entries"] != 40 {
		t.Errorf("counts = %v", got)
	}
}
