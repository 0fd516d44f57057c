package ui

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// outcomeFixture is a test hub showing Siân O'Brien's Outcomes tab, which remembers the
// records she started with so a test can see what the screens saved.
type outcomeFixture struct {
	*testHub
	patientID string
	pams      map[string]pam.Assessment
	outs      map[string]outcomes.Record
}

// testOutcomes are Siân's frailty, loneliness and wellbeing records, with one entered in error.
func testOutcomes(patientID string) []outcomes.Record {
	d := func(y int, m time.Month, day int) careplan.Date { return careplan.NewDate(y, m, day) }
	return []outcomes.Record{
		{ID: fixtureID(patientID + "-f1"), PatientID: patientID, Measure: outcomes.MeasureFrailty, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Frailty: &outcomes.Frailty{Score: 5}},
		{ID: fixtureID(patientID + "-l1"), PatientID: patientID, Measure: outcomes.MeasureLoneliness, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Loneliness: &outcomes.Loneliness{LackCompanionship: 3, LeftOut: 2, Isolated: 3, HowOften: outcomes.OftenAlways}},
		{ID: fixtureID(patientID + "-w1"), PatientID: patientID, Measure: outcomes.MeasureWellbeing, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green",
			Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 4, Worthwhile: 6, Happy: 5, Anxious: 7}},
		{ID: fixtureID(patientID + "-f2"), PatientID: patientID, Measure: outcomes.MeasureFrailty, TakenOn: d(2025, time.August, 28), RecordedBy: "Olu Adebayo",
			Frailty: &outcomes.Frailty{Score: 7},
			InError: &outcomes.EnteredInError{Reason: "scored for her husband", By: "Jo Marsh"}},
		{ID: fixtureID(patientID + "-l2"), PatientID: patientID, Measure: outcomes.MeasureLoneliness, TakenOn: d(2026, time.February, 20), RecordedBy: "Sam Green",
			Loneliness: &outcomes.Loneliness{LackCompanionship: 2, LeftOut: 1, Isolated: 2, HowOften: outcomes.Occasionally}},
		{ID: fixtureID(patientID + "-w2"), PatientID: patientID, Measure: outcomes.MeasureWellbeing, TakenOn: d(2026, time.February, 20), RecordedBy: "Sam Green",
			Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 7, Worthwhile: 8, Happy: 9, Anxious: 1}},
	}
}

// outcomesSession is a signed-in session over the test caseload, with Siân O'Brien's outcome
// records, showing her Outcomes tab.
func outcomesSession(t *testing.T, edit ...func(*Config)) (*session, fyne.Window, *outcomeFixture) {
	t.Helper()
	r := testRecords()
	id := pid("p01")
	r.outcomes[id] = testOutcomes(id)
	o := &outcomeFixture{testHub: newTestHub(t, r), patientID: id,
		pams: map[string]pam.Assessment{}, outs: map[string]outcomes.Record{}}
	for _, a := range r.assessments[id] {
		o.pams[a.ID] = a
	}
	for _, rec := range r.outcomes[id] {
		o.outs[rec.ID] = rec
	}
	s, w := o.session(t, catCoordinator, edit...)
	s.openPatient(id)
	if s.patient.outcomes == nil {
		t.Fatal("the patient screen has no Outcomes tab")
	}
	s.patient.showOutcomes()
	return s, w, o
}

// savedPAM lists the PAMs the screens saved: new ones, and stored ones now marked in error.
func (o *outcomeFixture) savedPAM(t *testing.T) []pam.Assessment {
	t.Helper()
	all, err := o.store(t).Assessments(o.patientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []pam.Assessment
	for _, a := range all {
		if was, ok := o.pams[a.ID]; !ok || (was.InError == nil) != (a.InError == nil) {
			out = append(out, a)
		}
	}
	return out
}

// savedOut lists the outcome records the screens saved, as savedPAM does.
func (o *outcomeFixture) savedOut(t *testing.T) []outcomes.Record {
	t.Helper()
	all, err := o.store(t).Outcomes(o.patientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []outcomes.Record
	for _, r := range all {
		if was, ok := o.outs[r.ID]; !ok || (was.InError == nil) != (r.InError == nil) {
			out = append(out, r)
		}
	}
	return out
}

// failingOutcomes is the real outcome service whose saves fail, as a full disk would make
// them: to see what the forms do when a save does not happen.
type failingOutcomes struct {
	real Outcomes
	err  error
}

func (f failingOutcomes) Outcomes(id string) ([]outcomes.Record, error) { return f.real.Outcomes(id) }
func (f failingOutcomes) Assessments(id string) ([]pam.Assessment, error) {
	return f.real.Assessments(id)
}
func (f failingOutcomes) SaveAssessment(*pam.Assessment) error { return f.err }
func (f failingOutcomes) SaveOutcome(*outcomes.Record) error   { return f.err }

var errDiskFull = errors.New("there is no space left on the disk")
