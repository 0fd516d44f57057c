package ui

import (
	"github.com/google/uuid"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/careplan/myplan"
)

// Plans is what the plan editor, history and review need from the hub's store.
type Plans interface {
	// Plans returns every version of a person's plan, oldest first.
	Plans(patientID string) ([]careplan.Plan, error)
	// SavePlan saves a draft (giving it an id when it has none). An agreed version is locked:
	// saving over it fails with careplan.ErrPlanLocked.
	SavePlan(p *careplan.Plan) error
	// AgreePlan locks the draft as agreed with the person by whom, on the day given, with the
	// person's latest PAM level, and saves it.
	AgreePlan(p *careplan.Plan, by string, on careplan.Date) error
	// Templates returns the templates to start a plan from: carehub's own, then the hub's.
	Templates() ([]careplan.Template, error)
	// SaveTemplate saves a plan's structure as one of the hub's templates.
	SaveTemplate(t *careplan.Template) error
	// Services returns the hub's directory of community services for signposting, withdrawn
	// ones included.
	Services() ([]careplan.Service, error)
	// SaveService adds a service to the hub's directory (giving it an id), or updates the
	// entry with its id, as when the Services screen edits or withdraws it.
	SaveService(s *careplan.Service) error
	// CheckIns returns the goal check-ins the person made on their tablet that have reached
	// this hub, oldest first.
	CheckIns(patientID string) ([]myplan.CheckIn, error)
}

// planTools are what the Care plan tab needs. A nil *planTools means the signed-in person may
// not change this person's plan: the patient screen shows no Care plan tab.
type planTools struct {
	plans Plans
	w     fyne.Window // dialogs open over it
	// recordPAM takes the user to the Outcomes tab to record a PAM, from the review; nil when
	// the screen has no Outcomes tab.
	recordPAM func()
	// print prints a version opened from the history; nil when the account may not print.
	print *printTools
}

// newRecordID gives a new goal or action its id. Ids are random so two drafts started from
// the same template, on two laptops, never collide when they sync.
func newRecordID() string { return uuid.NewString() }
