package service

import (
	"fmt"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// Records reads the hub's caseload and one person's record, for the screens and the command
// line, and says whether the signed-in account may change a person's record. Reading a record
// is audited by the store as a view. A person's plans are read through Plans, their PAMs and
// other measures through Outcomes: one route to each kind of record.
// A patient's account reads only its own person; the caseload and searching it are for staff.
type Records struct{ base }

// Caseload returns one small entry per person on the hub's caseload, in no particular order.
func (r *Records) Caseload() ([]careplan.CaseloadEntry, error) {
	st, err := r.store()
	if err != nil {
		return nil, err
	}
	if err := mayReadCaseload(st); err != nil {
		return nil, err
	}
	return st.Caseload()
}

// ListCaseload is Caseload for a whole-hub listing that leaves the screen (`carehub list`):
// the same rule, and one audit entry saying how many people it named.
func (r *Records) ListCaseload() ([]careplan.CaseloadEntry, error) {
	rows, err := r.Caseload()
	if err != nil {
		return nil, err
	}
	st, _ := r.store()
	return rows, st.RecordEvent(store.AuditReport, fmt.Sprintf("caseload listed (%d people)", len(rows)))
}

// Patient returns one person's record, audited as a view.
func (r *Records) Patient(id string) (careplan.Patient, error) {
	st, err := r.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	if err := mayReadPatient(st, id); err != nil {
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
	if err := mayReadCaseload(st); err != nil { // finding anyone by number is a caseload search
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

// ReadOnlyBecause says why the signed-in account may read but not change one person's record
// ("" when it may change it), in the words the record's screen shows.
func (r *Records) ReadOnlyBecause(patientID string) string {
	st, err := r.store()
	if err != nil {
		return err.Error()
	}
	team, err := st.CareTeam(patientID)
	if err != nil {
		return "Read only: " + err.Error()
	}
	return st.SignedIn().ReadOnlyBecause(team)
}

// MyCaseload names the key worker whose caseload is the signed-in person's own, as the
// caseload's entries name them: the name on their linked staff record. "" when the account is
// not a key worker's linked to a staff record, so the screen offers no "My caseload".
func (r *Records) MyCaseload() string {
	st, err := r.store()
	if err != nil {
		return ""
	}
	me := st.SignedIn()
	if !me.Has(access.KeyWorker) || me.StaffID == "" {
		return ""
	}
	staff, err := st.Staff()
	if err != nil {
		return ""
	}
	for _, m := range staff {
		if m.ID == me.StaffID {
			return m.Name
		}
	}
	return ""
}
