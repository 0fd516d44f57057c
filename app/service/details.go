package service

import (
	"fmt"
	"strings"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// CorrectDetails puts right a person's details after nomination (careplan.Details: preferred
// name, address, home and mobile phones, email, GP practice, carers, communication needs),
// checked as a nomination is and saved in one write, which the store audits; what changed is
// audited in words too. Their key worker or a coordinator may. Large print follows the
// communication needs at once, on screen and on paper.
func (e *Enrolment) CorrectDetails(patientID string, d careplan.Details) (careplan.Patient, error) {
	var changed []string
	p, err := e.change(patientID, func(p *careplan.Patient) (err error) {
		changed, err = p.CorrectDetails(d)
		return err
	})
	if err != nil {
		return p, err
	}
	st, err := e.store()
	if err != nil {
		return p, err
	}
	return p, st.RecordEvent(store.AuditUpdated, fmt.Sprintf("details corrected for patient %s: %s", patientID, strings.Join(changed, ", ")))
}

// CorrectNHSNumber replaces a mistyped NHS number (careplan.Patient.CorrectNHSNumber: valid,
// typed twice, with a reason). Only a coordinator may, since a wrong number joins one person's
// record to another's; the store refuses a number another person holds, and the correction
// and its reason are audited (never the numbers).
func (e *Enrolment) CorrectNHSNumber(patientID, typed, retyped, reason string) (careplan.Patient, error) {
	st, err := e.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	if !st.SignedIn().CorrectsNHSNumbers() {
		return careplan.Patient{}, fmt.Errorf("%w: only a coordinator can correct an NHS number", access.ErrNotAllowed)
	}
	p, err := e.change(patientID, func(p *careplan.Patient) error {
		_, err := p.CorrectNHSNumber(typed, retyped, reason)
		return err
	})
	if err != nil {
		return p, err
	}
	return p, st.RecordEvent(store.AuditUpdated, fmt.Sprintf("patient %s: %s", patientID, careplan.NHSCorrectionNote(reason)))
}
