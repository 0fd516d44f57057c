package ui

import "carehub/careplan/myplan"

// Tablet is what a patient's tablet reads and writes: their own plan, and their check-ins on
// their goals. Nothing else is reachable from tablet mode.
type Tablet interface {
	// MyPlan is the signed-in patient's plan, in the printed order.
	MyPlan() (myplan.View, error)
	// SaveCheckIn records how one of their goals is going.
	SaveCheckIn(c *myplan.CheckIn) error
}
