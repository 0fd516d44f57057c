package ui

import (
	"carehub/careplan/devices"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// compareDialog shows a card's fingerprint before the card is trusted, and asks for it to be
// compared with the one the device itself shows on its Sync screen.
type compareDialog struct {
	onMatch func()

	fingerprint *widget.Label
	match       *widget.Button
	cancel      *widget.Button
	dialog      *dialog.CustomDialog
}

func newCompareDialog(w fyne.Window, d devices.Device, onMatch func()) *compareDialog {
	c := &compareDialog{onMatch: onMatch}
	c.fingerprint = kit.Bold(d.Fingerprint)
	c.fingerprint.Selectable = true
	c.match = widget.NewButtonWithIcon("They match: pair", theme.ConfirmIcon(), c.onMatchTapped)
	c.match.Importance = widget.HighImportance
	c.cancel = widget.NewButtonWithIcon("They differ: do not pair", theme.CancelIcon(), c.onCancel)
	intro := widget.NewLabel("This card says it is " + deviceKindName(d) + ". Its fingerprint is:")
	intro.Wrapping = fyne.TextWrapWord
	ask := widget.NewLabel("Ask whoever has " + d.Name + " to read out the fingerprint on its Sync screen (under \"This device\"). " +
		"Pair only if every character matches: a card that was swapped on the way has another fingerprint, " +
		"and a paired device is sent the records it may hold.")
	ask.Wrapping = fyne.TextWrapWord
	c.dialog = dialog.NewCustomWithoutButtons("Compare the fingerprint", container.NewVBox(intro, c.fingerprint, ask), w)
	c.dialog.SetButtons([]fyne.CanvasObject{c.cancel, c.match})
	kit.FitDialog(c.dialog, kit.DialogWidth)
	c.dialog.Show()
	return c
}

func (c *compareDialog) onMatchTapped() {
	c.dialog.Hide()
	c.onMatch()
}

func (c *compareDialog) onCancel() { c.dialog.Hide() }

// deviceKindName is a device's name and what it is, for a sentence.
func deviceKindName(d devices.Device) string {
	if d.Tablet {
		return d.Name + " (a patient's tablet)"
	}
	return d.Name + " (a hub laptop)"
}

// unpairDialog asks before a device is unpaired.
type unpairDialog struct {
	onUnpair func()

	unpair *widget.Button
	cancel *widget.Button
	dialog *dialog.CustomDialog
}

func newUnpairDialog(w fyne.Window, d devices.Device, onUnpair func()) *unpairDialog {
	u := &unpairDialog{onUnpair: onUnpair}
	u.unpair = widget.NewButtonWithIcon("Unpair", theme.DeleteIcon(), u.onUnpairTapped)
	u.unpair.Importance = widget.DangerImportance
	u.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), u.onCancel)
	body := widget.NewLabel("Unpair " + d.Name + " if it is lost, stolen or no longer used. From then on nothing from it is imported " +
		"and no bundle is made for it; what it already holds stays on it. Pairing it again needs its card.")
	body.Wrapping = fyne.TextWrapWord
	u.dialog = dialog.NewCustomWithoutButtons("Unpair "+d.Name+"?", body, w)
	u.dialog.SetButtons([]fyne.CanvasObject{u.cancel, u.unpair})
	kit.FitDialog(u.dialog, kit.DialogWidth)
	u.dialog.Show()
	return u
}

func (u *unpairDialog) onUnpairTapped() {
	u.dialog.Hide()
	u.onUnpair()
}

func (u *unpairDialog) onCancel() { u.dialog.Hide() }
