package service

import (
	"carehub/careplan/evaluation"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
)

// Outcomes records PAM assessments and outcome measures for the desktop's Outcomes tab.
// The store checks each record and keeps them append-only; the service adds only the time a
// record was marked entered in error, from the app's clock, so the screens need no clock of
// their own.
type Outcomes struct{ base }

// Assessments returns a person's PAM assessments, including any entered in error, oldest
// first by the day they were taken.
func (o *Outcomes) Assessments(patientID string) ([]pam.Assessment, error) {
	st, err := o.store()
	if err != nil {
		return nil, err
	}
	if err := readAudited(st, store.KindAssessment, patientID, "PAM assessments read"); err != nil {
		return nil, err
	}
	return st.Assessments(patientID)
}

// Outcomes returns a person's frailty, loneliness and wellbeing records, oldest first.
func (o *Outcomes) Outcomes(patientID string) ([]outcomes.Record, error) {
	st, err := o.store()
	if err != nil {
		return nil, err
	}
	if err := readAudited(st, store.KindOutcome, patientID, "outcome measures read"); err != nil {
		return nil, err
	}
	return st.Outcomes(patientID)
}

// SaveAssessment records a new PAM, with its level as reported, or marks one entered in error.
func (o *Outcomes) SaveAssessment(a *pam.Assessment) error {
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
func (o *Outcomes) SaveOutcome(r *outcomes.Record) error {
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

// Evaluation gives the desktop's evaluation report screen the same figures and CSV as
// `carehub report`, each audited once as a report.
type Evaluation struct{ base }

// Report works out the figures for f, audited as a report shown on screen before they are
// returned, so no figures are seen unaudited.
func (e *Evaluation) Report(f evaluation.Filter) (evaluation.Report, error) {
	return e.report(f, "screen")
}

// Summary is Report for the command line's summary, audited as such.
func (e *Evaluation) Summary(f evaluation.Filter) (evaluation.Report, error) {
	return e.report(f, "summary")
}

// report works out the figures for f and audits them as output ("screen", "summary").
func (e *Evaluation) report(f evaluation.Filter, output string) (evaluation.Report, error) {
	st, err := e.store()
	if err != nil {
		return evaluation.Report{}, err
	}
	if err := mayReadCaseload(st); err != nil {
		return evaluation.Report{}, err
	}
	if err := f.Validate(); err != nil {
		return evaluation.Report{}, err
	}
	rep, _, err := evaluate(st, f)
	if err != nil {
		return evaluation.Report{}, err
	}
	if err := recordReport(st, f, output); err != nil {
		return evaluation.Report{}, err
	}
	return rep, nil
}

// ExportCSV writes the pseudonymised CSV for evaluators to path, atomically and audited. The
// desktop's save dialog creates the file it names before the CSV is written; on failure that
// empty file is removed, so it cannot be mistaken for an export.
func (e *Evaluation) ExportCSV(f evaluation.Filter, path string) (rows int, err error) {
	defer func() {
		if err != nil {
			removeIfEmpty(path)
		}
	}()
	st, err := e.store()
	if err != nil {
		return 0, err
	}
	if err := mayExportHub(st); err != nil {
		return 0, err
	}
	if err := f.Validate(); err != nil {
		return 0, err
	}
	return exportEvaluationCSV(st, f, path)
}
