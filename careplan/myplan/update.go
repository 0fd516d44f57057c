package myplan

import "errors"

// ErrPlanNotHere is what reading the tablet's plan gives when the tablet holds no record of
// its patient: the hub removed it (consent to join withdrawn, discharged, died), or it was
// never filled. The tablet screen says so in plain words instead of showing an error or an
// old plan.
var ErrPlanNotHere = errors.New("this tablet no longer holds the patient's plan")

// UpdateOutcome is what importing a file from the hub did to the tablet.
type UpdateOutcome int

// What a file from the hub can do.
const (
	PlanUpToDate     UpdateOutcome = iota // nothing new: the tablet had all of it
	PlanUpdated                           // the plan or the patient's records changed
	PlanRemoved                           // the hub removed the patient's records from the tablet
	CheckInsReceived                      // the file was the hub saying it has the check-ins
)

// Update is what importing a file from the hub did, for the patient to read.
type Update struct {
	Outcome UpdateOutcome
	AckPath string // the file to give back to the key worker ("" when there is none)
}
