package app

import (
	"time"

	"carehub/careplan/evaluation"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
	"carehub/ui"
)

// outcomeService records PAM assessments and outcome measures for the desktop's Outcomes tab.
// The store checks each record and keeps them append-only; the service adds only the time a
// record was marked entered in error, from the app's clock, so the screens need no clock of
// their own.
type outcomeService struct {
	store func() (*store.Store, error) // the open store; the desktop's opens only at unlock
	now   func() time.Time
}

var _ ui.Outcomes = (*outcomeService)(nil)

func newOutcomeService(st func() (*store.Store, error), now func() time.Time) *outcomeService {
	return &outcomeService{store: st, now: now}
}

// Outcomes returns a person's frailty, loneliness and wellbeing records, oldest first.
func (o *outcomeService) Outcomes(patientID string) ([]outcomes.Record, error) {
	st, err := o.store()
	if err != nil {
		return nil, err
	}
	return st.Outcomes(patientID)
}

// SaveAssessment records a new PAM, with its level as reported, or marks one entered in error.
func (o *outcomeService) SaveAssessment(a *pam.Assessment) error {
	st, err := o.store()
	if err != nil {
		return err
	}
	if err := mayEditPatient(st, a.PatientID); err != nil {
		return err
	}
	if a.InError != nil && a.InError.At.IsZero() {
		a.InError.At = o.now()
	}
	return st.SaveAssessment(a)
}

// SaveOutcome records a new outcome measurement, or marks one entered in error.
func (o *outcomeService) SaveOutcome(r *outcomes.Record) error {
	st, err := o.store()
	if err != nil {
		return err
	}
	if err := mayEditPatient(st, r.PatientID); err != nil {
		return err
	}
	if r.InError != nil && r.InError.At.IsZero() {
		r.InError.At = o.now()
	}
	return st.SaveOutcome(r)
}

// evaluationService gives the desktop's evaluation report screen the same figures and CSV as
// `carehub report`, each audited once as a report.
type evaluationService struct {
	store func() (*store.Store, error)
}

var _ ui.Evaluation = (*evaluationService)(nil)

func newEvaluationService(st func() (*store.Store, error)) *evaluationService {
	return &evaluationService{store: st}
}

// Report works out the figures for f, audited as a report shown on screen before they are
// returned, so no figures are seen unaudited.
func (e *evaluationService) Report(f evaluation.Filter) (evaluation.Report, error) {
	st, err := e.store()
	if err != nil {
		return evaluation.Report{}, err
	}
	if err := f.Validate(); err != nil {
		return evaluation.Report{}, err
	}
	rep, _, err := Evaluation(st, f)
	if err != nil {
		return evaluation.Report{}, err
	}
	if err := RecordReport(st, f, "screen"); err != nil {
		return evaluation.Report{}, err
	}
	return rep, nil
}

// ExportCSV writes the pseudonymised CSV for evaluators to path, atomically and audited. The
// desktop's save dialog creates the file it names before the CSV is written; on failure that
// empty file is removed, so it cannot be mistaken for an export.
func (e *evaluationService) ExportCSV(f evaluation.Filter, path string) (rows int, err error) {
	defer func() {
		if err != nil {
			removeIfEmpty(path)
		}
	}()
	st, err := e.store()
	if err != nil {
		return 0, err
	}
	if err := f.Validate(); err != nil {
		return 0, err
	}
	return ExportEvaluationCSV(st, f, path)
}
