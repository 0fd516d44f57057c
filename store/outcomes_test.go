package store

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

func testFrailty(patientID string, score int) outcomes.Record {
	return outcomes.Record{
		PatientID: patientID, Measure: outcomes.MeasureFrailty,
		TakenOn: careplan.NewDate(2026, time.February, 20), RecordedBy: "Sam Green",
		Frailty: &outcomes.Frailty{Score: score},
	}
}

func testLoneliness(patientID string, on careplan.Date) outcomes.Record {
	return outcomes.Record{
		PatientID: patientID, Measure: outcomes.MeasureLoneliness, TakenOn: on, RecordedBy: "Sam Green",
		Loneliness: &outcomes.Loneliness{LackCompanionship: 3, LeftOut: 2, Isolated: 3, HowOften: outcomes.SomeOfTheTime},
	}
}

func testWellbeing(patientID string, on careplan.Date) outcomes.Record {
	return outcomes.Record{
		PatientID: patientID, Measure: outcomes.MeasureWellbeing, TakenOn: on, RecordedBy: "Sam Green",
		Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 6, Worthwhile: 7, Happy: 5, Anxious: 4},
	}
}

// savedPatient saves a test patient and returns it with its id.
func savedPatient(t *testing.T, s *Store, given string, i int) careplan.Patient {
	t.Helper()
	p := testPatient(given, "Lovelace", testNHSNumber(i))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOutcomesRoundTrip(t *testing.T) {
	s, c := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	// Saved out of date order: Outcomes sorts by the day taken.
	recs := []outcomes.Record{
		testWellbeing(p.ID, careplan.NewDate(2026, time.March, 1)),
		testFrailty(p.ID, 6),
		testLoneliness(p.ID, careplan.NewDate(2026, time.January, 9)),
	}
	for i := range recs {
		if err := s.SaveOutcome(&recs[i]); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if _, err := parseID(recs[i].ID); err != nil {
			t.Fatalf("record %d got id %q", i, recs[i].ID)
		}
	}
	want := []outcomes.Record{recs[2], recs[1], recs[0]}
	got, err := s.Outcomes(p.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Outcomes = %+v, %v\nwant %+v", got, err, want)
	}
	other := savedPatient(t, s, "Bea", 20)
	if none, err := s.Outcomes(other.ID); err != nil || len(none) != 0 {
		t.Errorf("another patient's outcomes = %+v, %v", none, err)
	}

	s.Close()
	s2 := openTestStore(t, s.Path(), c)
	if got, err := s2.Outcomes(p.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after reopening: %+v, %v", got, err)
	}
	changes, err := s2.ChangesSince(0)
	if err != nil {
		t.Fatal(err)
	}
	outcomeChanges := 0
	for _, ch := range changes {
		if ch.Kind == KindOutcome {
			outcomeChanges++
		}
	}
	if outcomeChanges != 3 {
		t.Errorf("%d outcome changes in the log, want 3", outcomeChanges)
	}
}

func TestOutcomesRefused(t *testing.T) {
	s, c := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	tomorrow := careplan.DateOf(c.Now()).AddDays(1)
	cases := []struct {
		name string
		r    outcomes.Record
		want error
	}{
		{"CFS 10", testFrailty(p.ID, 10), outcomes.ErrFrailty},
		{"taken tomorrow", testLoneliness(p.ID, tomorrow), outcomes.ErrTakenOn},
		{"no measure", outcomes.Record{PatientID: p.ID, Measure: outcomes.MeasureFrailty, TakenOn: careplan.NewDate(2026, 1, 1), RecordedBy: "x"}, outcomes.ErrMeasure},
		{"unknown patient", testFrailty("6f1c3f7e-8a52-4d0e-9a55-0c1f3b7f0a11", 4), ErrNotFound},
		{"bad patient id", testFrailty("patient-1", 4), ErrBadID},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			if err := s.SaveOutcome(&r); !errors.Is(err, tc.want) || r.ID != "" {
				t.Errorf("SaveOutcome = %v (id %q), want %v and no id", err, r.ID, tc.want)
			}
		})
	}
	if got, _ := s.Outcomes(p.ID); len(got) != 0 {
		t.Errorf("refused records were stored: %+v", got)
	}
	if n := counts(t, s)["outcomes"]; n != 0 {
		t.Errorf("Check counts %d outcomes, want 0", n)
	}
}

func TestOutcomesAppendOnly(t *testing.T) {
	s, c := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	r := testLoneliness(p.ID, careplan.NewDate(2026, time.February, 2))
	if err := s.SaveOutcome(&r); err != nil {
		t.Fatal(err)
	}
	reason := &outcomes.EnteredInError{Reason: "another patient's answers", By: "Sam Green", At: c.Now()}

	changed := r
	changed.Loneliness = &outcomes.Loneliness{LackCompanionship: 1, LeftOut: 1, Isolated: 1, HowOften: outcomes.Never}
	if err := s.SaveOutcome(&changed); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing the answers: %v", err)
	}
	changed.InError = reason
	if err := s.SaveOutcome(&changed); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing the answers while marking in error: %v", err)
	}
	redated := r
	redated.TakenOn, redated.InError = careplan.NewDate(2026, time.February, 3), reason
	if err := s.SaveOutcome(&redated); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("changing the date while marking in error: %v", err)
	}
	marked := r
	marked.InError = reason
	if err := s.SaveOutcome(&marked); err != nil {
		t.Fatalf("marking in error: %v", err)
	}
	again := marked
	again.InError = &outcomes.EnteredInError{Reason: "changed my mind", By: "Alex Hill", At: c.Now()}
	if err := s.SaveOutcome(&again); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("re-marking: %v", err)
	}
	unmarked := marked
	unmarked.InError = nil
	if err := s.SaveOutcome(&unmarked); !errors.Is(err, ErrAppendOnly) {
		t.Errorf("unmarking: %v", err)
	}

	got, err := s.Outcomes(p.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("Outcomes = %+v, %v", got, err)
	}
	if got[0].Counts() || got[0].InError.Reason != "another patient's answers" || !reflect.DeepEqual(got[0].Loneliness, r.Loneliness) {
		t.Errorf("stored record = %+v", got[0])
	}
	audit, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	last := audit[len(audit)-1]
	if last.Action != AuditUpdated || last.Kind != KindOutcome || last.Detail != "entered in error" || last.PatientID != p.ID {
		t.Errorf("last audit entry = %+v", last)
	}
}

// TestNoOutcomeTextInClear greps the raw file for the answers, the recorder and the reason a
// record was entered in error: all of it lives in sealed bodies and sealed audit entries.
func TestNoOutcomeTextInClear(t *testing.T) {
	s, c := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	recs := []outcomes.Record{
		testFrailty(p.ID, 7),
		testLoneliness(p.ID, careplan.NewDate(2026, time.January, 9)),
		testWellbeing(p.ID, careplan.NewDate(2026, time.January, 9)),
	}
	for i := range recs {
		recs[i].RecordedBy = "Wojciech Brzęczyszczykiewicz"
		if err := s.SaveOutcome(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	recs[1].InError = &outcomes.EnteredInError{Reason: "answers muddled with the neighbour", By: "Zoë Ní Bhriain", At: c.Now()}
	if err := s.SaveOutcome(&recs[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEvent(AuditReport, "evaluation for Quantock Surgery"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{
		"Wojciech", "Brzęczyszczykiewicz", "muddled", "Bhriain", "Quantock",
		"lackCompanionship", "lifeSatisfaction", "some-of-the-time", "takenOn", "loneliness", "frailty", "wellbeing",
	} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the store file holds %q in clear", secret)
		}
	}
}

func TestCohortReadersAndReportEvent(t *testing.T) {
	s, _ := newTestStore(t)
	ada, bea := savedPatient(t, s, "Ada", 1), savedPatient(t, s, "Bea", 20)
	savedPatient(t, s, "Cy", 40) // nothing recorded: absent from both maps
	a1, a2, b1 := testAssessment(ada.ID), testAssessment(ada.ID), testAssessment(bea.ID)
	a1.TakenOn, a2.TakenOn = careplan.NewDate(2026, time.February, 1), careplan.NewDate(2025, time.August, 1)
	err := s.Import(func(b *Batch) error {
		for _, a := range []*pam.Assessment{&a1, &a2, &b1} {
			if err := b.SaveAssessment(a); err != nil {
				return err
			}
		}
		for _, r := range []outcomes.Record{
			testWellbeing(bea.ID, careplan.NewDate(2026, time.March, 1)),
			testFrailty(bea.ID, 4),
			testLoneliness(ada.ID, careplan.NewDate(2025, time.May, 5)),
		} {
			if err := b.SaveOutcome(&r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}

	pams, err := s.AllAssessments()
	if err != nil {
		t.Fatal(err)
	}
	if len(pams) != 2 || len(pams[ada.ID]) != 2 || pams[ada.ID][0].ID != a2.ID || pams[ada.ID][1].ID != a1.ID || len(pams[bea.ID]) != 1 {
		t.Errorf("AllAssessments = %+v", pams)
	}
	outs, err := s.AllOutcomes()
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 || len(outs[ada.ID]) != 1 || len(outs[bea.ID]) != 2 ||
		outs[bea.ID][0].Measure != outcomes.MeasureFrailty || outs[bea.ID][1].Measure != outcomes.MeasureWellbeing {
		t.Errorf("AllOutcomes = %+v", outs)
	}
	for id, list := range outs {
		if single, err := s.Outcomes(id); err != nil || !reflect.DeepEqual(single, list) {
			t.Errorf("AllOutcomes[%s] = %+v, Outcomes = %+v, %v", id, list, single, err)
		}
	}

	// The bulk readers audit nothing; the one report event is the whole audit trail.
	if err := s.RecordEvent(AuditReport, "evaluation 2026-01-01..2026-11-23 csv"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEvent(" ", "no action"); err == nil {
		t.Error("an event without an action was recorded")
	}
	after, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 {
		t.Fatalf("audit grew by %d entries, want 1", len(after)-len(before))
	}
	e := after[len(after)-1]
	if e.Action != AuditReport || e.Detail != "evaluation 2026-01-01..2026-11-23 csv" || e.User != "Sam Green" ||
		e.Kind != "" || e.RecordID != "" || e.PatientID != "" {
		t.Errorf("report event = %+v", e)
	}
	if n := counts(t, s)["outcomes"]; n != 3 {
		t.Errorf("Check counts %d outcomes, want 3", n)
	}
}

func TestPseudonymKey(t *testing.T) {
	s, c := newTestStore(t)
	k := s.PseudonymKey()
	if len(k) != 32 || bytes.Equal(k, make([]byte, 32)) {
		t.Fatalf("PseudonymKey = %x", k)
	}
	clear(k) // a caller clearing its copy must not change the store's key
	k = s.PseudonymKey()
	if bytes.Equal(k, make([]byte, 32)) {
		t.Fatal("clearing a returned key cleared the store's")
	}
	if bytes.Equal(k, s.keys.index) {
		t.Error("the pseudonym key is the NHS-index key")
	}
	s.Close()
	if again := openTestStore(t, s.Path(), c).PseudonymKey(); !bytes.Equal(again, k) {
		t.Error("PseudonymKey changed when the store was reopened")
	}
	other, _ := newTestStore(t)
	if bytes.Equal(other.PseudonymKey(), k) {
		t.Error("two stores share a pseudonym key")
	}
}

// TestOldStoreGainsOutcomeBuckets rewinds a new store to schema 1 (as the foundation release
// wrote it) and checks that unlocking it adds the outcome buckets and records can be saved.
func TestOldStoreGainsOutcomeBuckets(t *testing.T) {
	s, c := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range outcomeBuckets() {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(metaSchema), []byte{0, 0, 0, 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := openTestStore(t, s.Path(), c)
	r := testFrailty(p.ID, 3)
	if err := s2.SaveOutcome(&r); err != nil {
		t.Fatalf("saving an outcome after the upgrade: %v", err)
	}
	if m := counts(t, s2); m["outcomes"] != 1 || m["patients"] != 1 {
		t.Errorf("counts after the upgrade = %v", m)
	}
}
