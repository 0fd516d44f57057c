package ui

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

var errAppendOnly = errors.New("only marking entered in error may change a stored record")

// fakeOutcomes keeps outcome records in memory and saves PAMs into the fake records, so the
// screen reads back what it saved. Like the store, it allows a stored record to change only by
// being marked entered in error.
type fakeOutcomes struct {
	mu       sync.Mutex
	records  *fakeRecords
	outcomes map[string][]outcomes.Record
	savedPAM []pam.Assessment
	savedOut []outcomes.Record
	err      error // what the next save returns
	next     int
}

var _ Outcomes = (*fakeOutcomes)(nil)

func (f *fakeOutcomes) Outcomes(id string) ([]outcomes.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]outcomes.Record(nil), f.outcomes[id]...), nil
}

func (f *fakeOutcomes) SaveAssessment(a *pam.Assessment) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	r := f.records
	r.mu.Lock()
	defer r.mu.Unlock()
	list := r.assessments[a.PatientID]
	if a.ID == "" {
		f.next++
		a.ID = fmt.Sprintf("new%d", f.next)
		r.assessments[a.PatientID] = append(list, *a)
		f.savedPAM = append(f.savedPAM, *a)
		return nil
	}
	for i, old := range list {
		if old.ID == a.ID {
			if old.InError != nil || a.InError == nil {
				return errAppendOnly
			}
			list[i] = *a
			f.savedPAM = append(f.savedPAM, *a)
			return nil
		}
	}
	return fmt.Errorf("no assessment %q", a.ID)
}

func (f *fakeOutcomes) SaveOutcome(rec *outcomes.Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	if f.outcomes == nil {
		f.outcomes = map[string][]outcomes.Record{}
	}
	list := f.outcomes[rec.PatientID]
	if rec.ID == "" {
		f.next++
		rec.ID = fmt.Sprintf("out%d", f.next)
		f.outcomes[rec.PatientID] = append(list, *rec)
		f.savedOut = append(f.savedOut, *rec)
		return nil
	}
	for i, old := range list {
		if old.ID == rec.ID {
			if old.InError != nil || rec.InError == nil {
				return errAppendOnly
			}
			list[i] = *rec
			f.savedOut = append(f.savedOut, *rec)
			return nil
		}
	}
	return fmt.Errorf("no outcome %q", rec.ID)
}

// testOutcomes are Siân's frailty, loneliness and wellbeing records, with one entered in error.
func testOutcomes(patientID string) []outcomes.Record {
	d := func(y int, m time.Month, day int) careplan.Date { return careplan.NewDate(y, m, day) }
	return []outcomes.Record{
		{ID: "f1", PatientID: patientID, Measure: outcomes.MeasureFrailty, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Frailty: &outcomes.Frailty{Score: 5}},
		{ID: "l1", PatientID: patientID, Measure: outcomes.MeasureLoneliness, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Loneliness: &outcomes.Loneliness{LackCompanionship: 3, LeftOut: 2, Isolated: 3, HowOften: outcomes.OftenAlways}},
		{ID: "w1", PatientID: patientID, Measure: outcomes.MeasureWellbeing, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 4, Worthwhile: 6, Happy: 5, Anxious: 7}},
		{ID: "f2", PatientID: patientID, Measure: outcomes.MeasureFrailty, TakenOn: d(2025, time.August, 28), RecordedBy: "Olu Adebayo",
			Frailty: &outcomes.Frailty{Score: 7},
			InError: &outcomes.EnteredInError{Reason: "scored for her husband", By: "Jo Marsh"}},
		{ID: "l2", PatientID: patientID, Measure: outcomes.MeasureLoneliness, TakenOn: d(2026, time.February, 20), RecordedBy: "Sam Green",
			Loneliness: &outcomes.Loneliness{LackCompanionship: 2, LeftOut: 1, Isolated: 2, HowOften: outcomes.Occasionally}},
		{ID: "w2", PatientID: patientID, Measure: outcomes.MeasureWellbeing, TakenOn: d(2026, time.February, 20), RecordedBy: "Sam Green",
			Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 7, Worthwhile: 8, Happy: 9, Anxious: 1}},
	}
}

// outcomesSession is an unlocked session whose app records outcomes, showing Siân O'Brien's
// Outcomes tab.
func outcomesSession(t *testing.T) (*session, fyne.Window, *fakeOutcomes) {
	t.Helper()
	r := testRecords()
	o := &fakeOutcomes{records: r, outcomes: map[string][]outcomes.Record{"p01": testOutcomes("p01")}}
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w := newTestSession(t, Config{Vault: v, Outcomes: o})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	s.openPatient("p01")
	if s.patient.outcomes == nil {
		t.Fatal("the patient screen has no Outcomes tab")
	}
	s.patient.showOutcomes()
	return s, w, o
}
