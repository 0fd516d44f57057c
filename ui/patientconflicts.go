package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// unsettledReader says what in one person's records two devices changed differently.
// Conflicts is one; the summary needs only this.
type unsettledReader interface {
	Unsettled(patientID string) ([]string, error)
}

// unsettledTitle heads the notice. It is the first thing on the summary: a key worker acting on
// a due date or a contingency plan should know another device holds a different value.
const unsettledTitle = "Not yet settled between devices"

// unsettledSection warns that two devices changed some of this person's record differently:
// what the summary shows is the later edit, and the other is kept until a coordinator chooses.
// It is left out (nil) when nothing is in conflict, which is so for nearly everyone.
func unsettledSection(unsettled []string) fyne.CanvasObject {
	if len(unsettled) == 0 {
		return nil
	}
	var out []fyne.CanvasObject
	for _, u := range unsettled {
		l := kit.Para(u)
		l.TextStyle.Bold = true
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	out = append(out, kit.Quiet("Two devices changed these differently. This summary shows the later change; "+
		"the other is kept until a coordinator chooses under Conflicts. Check with the coordinator before acting on them."))
	return kit.Section(unsettledTitle, out...)
}
