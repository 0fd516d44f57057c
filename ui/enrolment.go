package ui

import (
	"fyne.io/fyne/v2"

	"carehub/careplan"
)

// Enrolment is what the hub's front door needs beyond Records: nominating people, recording
// consent, moving them along the pathway, the care team and staff list, the contacts log and
// the hub's enrolment target. The app implements it over the store; every method may be slow
// (it writes the store), so screens call it in the worker.
type Enrolment interface {
	// Nominate saves a new patient from the nomination form. When a patient with the same NHS
	// number is already on the hub nothing is saved and duplicateOf is their id, so the form
	// can open them instead.
	Nominate(p *careplan.Patient) (duplicateOf string, err error)
	// RecordConsent appends a consent decision to a person's history and returns the record
	// as saved.
	RecordConsent(patientID string, c careplan.ConsentRecord) (careplan.Patient, error)
	// RecordConsentAndMove records a consent decision and, when move is set, the status change
	// it calls for (careplan.StatusMoveForConsent) in the same save.
	RecordConsentAndMove(patientID string, c careplan.ConsentRecord, move bool) (careplan.Patient, error)
	// CorrectDetails puts right a person's details after nomination (careplan.Details).
	CorrectDetails(patientID string, d careplan.Details) (careplan.Patient, error)
	// CorrectNHSNumber replaces a mistyped NHS number: coordinators only, typed twice, with why.
	CorrectNHSNumber(patientID, typed, retyped, reason string) (careplan.Patient, error)
	// ChangeStatus moves a person along the pathway (careplan.Patient.ChangeStatus).
	ChangeStatus(patientID string, to careplan.Status, on careplan.Date, by, reason string) (careplan.Patient, error)
	// RecordDeath moves a person to died with the day the hub was told and, when known, the
	// date of death (careplan.Patient.RecordDeath).
	RecordDeath(patientID string, d careplan.Death) (careplan.Patient, error)
	// AssignTeam sets a person's key worker and coordinator.
	AssignTeam(patientID string, team careplan.CareTeam) (careplan.Patient, error)
	// Staff returns the hub's staff, sorted by name.
	Staff() ([]careplan.StaffMember, error)
	// SaveStaff adds or changes a member of staff.
	SaveStaff(m *careplan.StaffMember) error
	// Contacts returns a person's contacts log, oldest first.
	Contacts(patientID string) ([]careplan.Contact, error)
	// SaveContact appends a contact to a person's log.
	SaveContact(c *careplan.Contact) error
	// EnrolmentTarget is the number of people the hub aims to enrol.
	EnrolmentTarget() (int, error)
	// SetEnrolmentTarget changes it.
	SetEnrolmentTarget(n int) error
}

// enrolTools are what the enrolment screens and dialogs need. A nil *enrolTools means the app
// offers none of them, and the caseload and patient screens look as they did before.
type enrolTools struct {
	enrol       Enrolment
	me          string      // the signed-in person: "recorded by" starts with their name
	correctsNHS bool        // the signed-in person may correct an NHS number (a coordinator)
	myStaffID   string      // the signed-in person's staff record, when their account is linked to one
	w           fyne.Window // dialogs open over it
	onChanged   func()      // a person's record changed: the caseload reloads
}
