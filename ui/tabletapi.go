package ui

import "carehub/careplan/myplan"

// Tablet is what a patient's tablet reads and writes: their own plan, and their check-ins on
// their goals. Nothing else is reachable from tablet mode.
type Tablet interface {
	// MyPlan is the signed-in patient's plan, in the printed order, or myplan.ErrPlanNotHere when
	// the tablet holds no record of them.
	MyPlan() (myplan.View, error)
	// SaveCheckIn records how one of their goals is going.
	SaveCheckIn(c *myplan.CheckIn) error
}

// TabletSync carries files between a patient's tablet and their hub: a newer plan in, their
// goal check-ins out. The patient does it themselves, so results come back as outcomes the
// screen puts in their words.
type TabletSync interface {
	// UpdateFromFile imports a file the hub made for this tablet. progress is called off the
	// UI goroutine.
	UpdateFromFile(path string, progress func(done, total int)) (myplan.Update, error)
	// SendCheckIns writes the patient's goal check-ins for their hub to path, and says how
	// many the file holds.
	SendCheckIns(path string, progress func(done, total int)) (int, error)
}
