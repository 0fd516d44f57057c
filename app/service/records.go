package service

import "carehub/careplan"

// Records reads the hub's caseload and one person's record, for the screens and the command
// line, and says whether the signed-in account may change a person's record. Reading a record
// is audited by the store as a view. A person's plans are read through Plans, their PAMs and
// other measures through Outcomes: one route to each kind of record.
//
// Which accounts may read what is not checked here yet: the screens show a patient's account
// its tablet only (issue 15 moves reads under the roles too).
type Records struct{ base }

// Caseload returns one small entry per person on the hub's caseload, in no particular order.
func (r *Records) Caseload() ([]careplan.CaseloadEntry, error) {
	st, err := r.store()
	if err != nil {
		return nil, err
	}
	return st.Caseload()
}

// Patient returns one person's record, audited as a view.
func (r *Records) Patient(id string) (careplan.Patient, error) {
	st, err := r.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	return st.Patient(id)
}

// PatientByNHS finds a person by NHS number, audited as a view.
func (r *Records) PatientByNHS(n careplan.NHSNumber) (careplan.Patient, error) {
	st, err := r.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	return st.PatientByNHS(n)
}

// MayEdit reports whether the signed-in account may change one person's clinical record: their
// key worker or a coordinator (mayEditPatient). A screen opens anyone else read only; every
// service that changes a record checks the same rule again.
func (r *Records) MayEdit(patientID string) bool {
	st, err := r.store()
	return err == nil && mayEditPatient(st, patientID) == nil
}
