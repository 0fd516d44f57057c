package service

import (
	"errors"

	"carehub/careplan"
	"carehub/store"
)

// Enrolment is the hub's front door over the store: nominations, consent, status, care
// team, staff, contacts and the enrolment target. Changes to a person are read, changed by the
// domain's own rules (careplan), and saved in one store write, so a refused change saves
// nothing.
type Enrolment struct{ base }

// Nominate saves a new patient, or reports the id of the patient who already has the NHS
// number.
func (e *Enrolment) Nominate(p *careplan.Patient) (string, error) {
	st, err := e.store()
	if err != nil {
		return "", err
	}
	if err := mayNominate(st); err != nil {
		return "", err
	}
	err = st.SavePatient(p)
	if errors.Is(err, store.ErrDuplicateNHS) {
		existing, ferr := st.PatientByNHS(p.NHSNumber)
		if ferr != nil {
			return "", errors.Join(err, ferr)
		}
		return existing.ID, nil
	}
	return "", err
}

// change reads a person, applies a domain change and saves them.
func (e *Enrolment) change(patientID string, apply func(p *careplan.Patient) error) (careplan.Patient, error) {
	st, err := e.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	if err := mayEditPatient(st, patientID); err != nil {
		return careplan.Patient{}, err
	}
	p, err := st.Patient(patientID)
	if err != nil {
		return careplan.Patient{}, err
	}
	if err := apply(&p); err != nil {
		return careplan.Patient{}, err
	}
	if err := st.SavePatient(&p); err != nil {
		return careplan.Patient{}, err
	}
	return p, nil
}

// RecordConsent appends a consent decision, checked against the history.
func (e *Enrolment) RecordConsent(patientID string, c careplan.ConsentRecord) (careplan.Patient, error) {
	return e.change(patientID, func(p *careplan.Patient) error { return p.RecordConsent(c, e.today()) })
}

// RecordConsentAndMove appends a consent decision and, when move is set, makes the status
// change it calls for (careplan.StatusMoveForConsent: consented once consent to join is given,
// declined on a refusal, withdrew when it is withdrawn while consented or active), in one
// store write: the consent and the status never disagree, and a refused change saves neither.
func (e *Enrolment) RecordConsentAndMove(patientID string, c careplan.ConsentRecord, move bool) (careplan.Patient, error) {
	return e.change(patientID, func(p *careplan.Patient) error { return p.RecordConsentAndMove(c, move, e.today()) })
}

// ChangeStatus moves a person along the pathway. Moving to died also closes the open actions
// of their draft plan, in the same store write (store.SavePatient).
func (e *Enrolment) ChangeStatus(patientID string, to careplan.Status, on careplan.Date, by, reason string) (careplan.Patient, error) {
	return e.change(patientID, func(p *careplan.Patient) error { return p.ChangeStatus(to, on, e.today(), by, reason) })
}

// RecordDeath moves a person to died, keeping the date of death apart from the day the hub
// was told; like ChangeStatus, it closes the open actions of their draft plan in the same write.
func (e *Enrolment) RecordDeath(patientID string, d careplan.Death) (careplan.Patient, error) {
	return e.change(patientID, func(p *careplan.Patient) error { return p.RecordDeath(d, e.today()) })
}

// AssignTeam sets a person's key worker and coordinator. Only a coordinator may: a key worker
// could otherwise move someone onto, or off, their own caseload.
func (e *Enrolment) AssignTeam(patientID string, team careplan.CareTeam) (careplan.Patient, error) {
	st, err := e.store()
	if err != nil {
		return careplan.Patient{}, err
	}
	if err := mayEditHub(st); err != nil {
		return careplan.Patient{}, err
	}
	return e.change(patientID, func(p *careplan.Patient) error {
		p.Team = team
		return nil
	})
}

// Staff returns the hub's staff.
func (e *Enrolment) Staff() ([]careplan.StaffMember, error) {
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	return st.Staff()
}

// SaveStaff adds or changes a member of staff.
func (e *Enrolment) SaveStaff(m *careplan.StaffMember) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := mayEditHub(st); err != nil {
		return err
	}
	return st.SaveStaff(m)
}

// Contacts returns a person's contacts log.
func (e *Enrolment) Contacts(patientID string) ([]careplan.Contact, error) {
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	if err := readAudited(st, store.KindContact, patientID, "contacts read"); err != nil {
		return nil, err
	}
	return st.Contacts(patientID)
}

// SaveContact appends a contact to a person's log.
func (e *Enrolment) SaveContact(c *careplan.Contact) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := mayEditPatient(st, c.PatientID); err != nil {
		return err
	}
	return st.SaveContact(c)
}

// EnrolmentTarget is the hub's target.
func (e *Enrolment) EnrolmentTarget() (int, error) {
	st, err := e.store()
	if err != nil {
		return 0, err
	}
	return st.EnrolmentTarget()
}

// SetEnrolmentTarget changes the hub's target.
func (e *Enrolment) SetEnrolmentTarget(n int) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := mayEditHub(st); err != nil {
		return err
	}
	return st.SetEnrolmentTarget(n)
}
