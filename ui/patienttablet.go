package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/devices"
	"carehub/ui/kit"
)

// tabletStateReader says how current a person's tablet is. Sync is one; the summary needs
// only this.
type tabletStateReader interface {
	TabletOf(patientID string) (devices.TabletState, error)
}

// tabletTitle heads the tablet section of the summary.
const tabletTitle = "Their tablet"

// tabletSection tells the key worker whether the plan the person sees at home is the one on
// screen: a tablet that has not had the latest agreed plan is a stale plan in someone's hands.
// It is left out (nil) for people without a tablet.
func tabletSection(t devices.TabletState) fyne.CanvasObject {
	if !t.Paired {
		return nil
	}
	confirmed := "it has never confirmed a bundle"
	if !t.LastAcked.IsZero() {
		confirmed = "last confirmed on " + careplan.DateOf(t.LastAcked).Display()
	}
	if t.Waiting == 0 {
		return kit.Section(tabletTitle, kit.Para(fmt.Sprintf("Up to date with this hub (%s).", confirmed)))
	}
	changes := "1 change"
	if t.Waiting > 1 {
		changes = fmt.Sprintf("%d changes", t.Waiting)
	}
	l := kit.Para(fmt.Sprintf("Not yet on their tablet: %s to their plan or records (%s). Until a new bundle is carried to it "+
		"(Sync) and its acknowledgement brought back, they see what it had before.", changes, confirmed))
	l.TextStyle.Bold = true
	l.Importance = widget.WarningImportance
	return kit.Section(tabletTitle, l)
}
