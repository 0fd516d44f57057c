package ui

import (
	"fyne.io/fyne/v2"

	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Outcomes is what the summary and the Outcomes tab need of a person's measures: reading their
// PAM assessments and other outcome measures, and saving new ones. The app implements it over
// the store.
//
// Both kinds of record are append-only. Saving one that is already stored (it has an ID) may
// only mark it entered in error; the implementation stamps when it was marked.
type Outcomes interface {
	// Assessments returns a person's PAM assessments, including any entered in error.
	Assessments(patientID string) ([]pam.Assessment, error)
	// Outcomes returns a person's frailty, loneliness and wellbeing records, including any
	// entered in error.
	Outcomes(patientID string) ([]outcomes.Record, error)
	// SaveAssessment records a new PAM assessment, or marks a stored one entered in error.
	// The level is saved as reported, whatever the cut points say.
	SaveAssessment(a *pam.Assessment) error
	// SaveOutcome records a new outcome record, or marks a stored one entered in error.
	SaveOutcome(r *outcomes.Record) error
}

// outcomeTools are what the Outcomes tab needs. A nil *outcomeTools means the signed-in person
// may not record this person's outcomes, and the patient screen shows its summary alone.
type outcomeTools struct {
	outcomes Outcomes
	me       string      // the signed-in person: "recorded by" starts with their name
	w        fyne.Window // the forms open as dialogs over it
}
