package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The NHS number and date of birth tell two people apart: however narrow the list gets (a
// queue panel beside it, a small laptop), those two columns keep the width their longest form
// needs, and the name and key worker columns give way instead.
func TestIdentityColumnsAreNeverCutShort(t *testing.T) {
	test.NewTempApp(t)
	nhs := widget.NewLabel("999 999 9999")
	born := widget.NewLabel("30 Sep 1938 (100)")
	status := widget.NewLabel("Discharged")
	review := widget.NewLabel("22 Jan 2026 · overdue")
	row := container.New(caseloadColumns(),
		widget.NewLabel("Moreau-Whitfield, Anaïs"), nhs, born,
		status, widget.NewLabel("Róisín Kavanagh"), review)
	for _, width := range []float32{1400, 1000, 780, 600} {
		row.Resize(fyne.NewSize(width, 40))
		for _, l := range []*widget.Label{nhs, born, status, review} {
			need := fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width
			if l.Size().Width < need {
				t.Errorf("at %.0f px the %q column is %.0f px wide, narrower than the %.0f px it needs",
					width, l.Text, l.Size().Width, need)
			}
		}
	}
}
