package ui

import (
	"errors"

	"carehub/careplan/myplan"
)

// Tablet is what a patient's tablet reads and writes: their own plan, and their check-ins on
// their goals. Nothing else is reachable from tablet mode.
type Tablet interface {
	// MyPlan is the signed-in patient's plan, in the printed order, or ErrPlanNotHere when
	// the tablet holds no record of them.
	MyPlan() (myplan.View, error)
	// SaveCheckIn records how one of their goals is going.
	SaveCheckIn(c *myplan.CheckIn) error
}

// ErrPlanNotHere is what Tablet.MyPlan returns when the tablet holds no record of its patient:
// the hub removed it (consent to join withdrawn, discharged, died), or it was never filled.
// The tablet screen says so in plain words instead of showing an error or an old plan.
var ErrPlanNotHere = errors.New("this tablet no longer holds the patient's plan")

// TabletSync carries files between a patient's tablet and their hub: a newer plan in, their
// goal check-ins out. The patient does it themselves, so results come back as outcomes the
// screen puts in their words.
type TabletSync interface {
	// UpdateFromFile imports a file the hub made for this tablet. progress is called off the
	// UI goroutine.
	UpdateFromFile(path string, progress func(done, total int)) (TabletUpdate, error)
	// SendCheckIns writes the patient's goal check-ins for their hub to path, and says how
	// many the file holds.
	SendCheckIns(path string, progress func(done, total int)) (int, error)
}

// UpdateOutcome is what importing a file from the hub did to the tablet.
type UpdateOutcome int

// What a file from the hub can do.
const (
	PlanUpToDate     UpdateOutcome = iota // nothing new: the tablet had all of it
	PlanUpdated                           // the plan or the patient's records changed
	PlanRemoved                           // the hub removed the patient's records from the tablet
	CheckInsReceived                      // the file was the hub saying it has the check-ins
)

// TabletUpdate is what UpdateFromFile did.
type TabletUpdate struct {
	Outcome UpdateOutcome
	AckPath string // the file to give back to the key worker ("" when there is none)
}
