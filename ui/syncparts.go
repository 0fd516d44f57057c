package ui

import (
	"fmt"
	"strings"
	"time"

	"carehub/careplan/devices"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// deviceRow is one paired device on the Sync screen: what it is and its fingerprint, when
// bundles last went each way, what it is still waiting for, and the buttons that make its
// next bundle or unpair it. An unpaired device's row says so and has neither button.
type deviceRow struct {
	device   devices.Device
	onBundle func(devices.Device)
	onUnpair func(devices.Device)

	name, kind, sent, received, waiting *widget.Label
	fingerprint                         *widget.Label
	marks                               *widget.Label // unpaired, history cut short; hidden when neither
	bundle, unpair                      *widget.Button
	root                                fyne.CanvasObject
}

func newDeviceRow(d devices.Device, onBundle, onUnpair func(devices.Device)) *deviceRow {
	r := &deviceRow{device: d, onBundle: onBundle, onUnpair: onUnpair}
	r.fingerprint = widget.NewLabel("Fingerprint: " + d.Fingerprint)
	r.fingerprint.Selectable = true
	r.marks = widget.NewLabel(deviceMarks(d))
	r.marks.Wrapping = fyne.TextWrapWord
	r.marks.Importance = widget.DangerImportance
	r.marks.Hidden = r.marks.Text == ""
	r.unpair = widget.NewButtonWithIcon("Unpair…", theme.DeleteIcon(), r.onUnpairTapped)
	r.name = kit.Bold(d.Name)
	r.kind = widget.NewLabel(deviceKind(d))
	r.sent = widget.NewLabel("Last sent: " + whenText(d.LastSent))
	r.received = widget.NewLabel("Last received: " + whenText(d.LastReceived))
	r.waiting = widget.NewLabel(waitingText(d.Waiting))
	if d.Waiting > 0 {
		r.waiting.Importance = widget.WarningImportance
	} else {
		r.waiting.Importance = widget.SuccessImportance
	}
	r.bundle = widget.NewButtonWithIcon("Make bundle…", theme.UploadIcon(), r.onBundleTapped)
	buttons := container.NewHBox(r.bundle, r.unpair)
	if !d.Unpaired.IsZero() {
		r.bundle.Disable()
		r.unpair.Disable()
		buttons.Hide()
	}
	top := container.NewBorder(nil, nil, nil, buttons, container.NewHBox(r.name, r.kind))
	r.root = container.NewVBox(top, r.fingerprint, container.NewHBox(r.sent, r.received, r.waiting), r.marks, widget.NewSeparator())
	return r
}

func (r *deviceRow) onBundleTapped() { r.onBundle(r.device) }

func (r *deviceRow) onUnpairTapped() { r.onUnpair(r.device) }

// deviceMarks says what is wrong with a paired device, in words, or "".
func deviceMarks(d devices.Device) string {
	var marks []string
	if !d.Unpaired.IsZero() {
		marks = append(marks, "Unpaired on "+whenText(d.Unpaired)+": its bundles are refused.")
	}
	if !d.CutShort.IsZero() {
		marks = append(marks, "On "+whenText(d.CutShort)+" its history came back shorter than it was: it may have been restored from an old backup, "+
			"and what it changed since may be lost. Check with whoever uses it.")
	}
	return strings.Join(marks, " ")
}

// deviceKind says what a device is; a tablet names its patient, so a bundle is never made
// for the wrong person's tablet.
func deviceKind(d devices.Device) string {
	if !d.Tablet {
		return "Hub laptop"
	}
	if d.Patient == "" {
		return "Patient's tablet"
	}
	return "Patient's tablet · " + d.Patient
}

// whenText writes a bundle's time as staff read it, in this computer's time zone.
func whenText(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

func waitingText(n int) string {
	switch n {
	case 0:
		return "Up to date"
	case 1:
		return "1 change waiting"
	}
	return fmt.Sprintf("%s changes waiting", thousands(n))
}

// bundleFileName suggests a name that says which device a bundle is for and when it was made,
// so two bundles on one USB stick are not mixed up: carehub-hub-laptop-2-20261103-1405.chb.
func bundleFileName(device string, at time.Time) string {
	return "carehub-" + fileSafe(device) + "-" + at.Format("20060102-1504") + bundleExt
}

// fileSafe makes a device name usable in a file name on any system: lower case, spaces as
// hyphens, and no characters that file systems refuse or read as folders.
func fileSafe(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case strings.ContainsRune(`/\.:*?"<>|`, r), r < ' ':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(name)))
}

// renameDialog asks for this device's new name.
type renameDialog struct {
	onRename func(name string)

	name   *kit.Entry
	save   *widget.Button
	cancel *widget.Button
	dialog *dialog.CustomDialog
}

func newRenameDialog(w fyne.Window, current string, onRename func(string)) *renameDialog {
	d := &renameDialog{onRename: onRename}
	d.name = kit.NewTextEntry()
	d.name.SetText(current)
	d.name.OnChanged = d.onChanged
	d.name.OnSubmitted = d.onSubmitted
	d.save = widget.NewButtonWithIcon("Rename", theme.ConfirmIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.onCancel)
	body := container.NewVBox(
		kit.Quiet("Paired devices see this name on their Sync screen, so say whose or which it is (\"Mendip hub laptop 2\")."),
		d.name)
	d.dialog = dialog.NewCustomWithoutButtons("Rename this device", body, w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.save})
	kit.FitDialog(d.dialog, 520)
	d.dialog.Show()
	w.Canvas().Focus(d.name)
	return d
}

// onChanged keeps Rename off for a blank name, which would leave paired devices guessing.
func (d *renameDialog) onChanged(text string) {
	if strings.TrimSpace(text) == "" {
		d.save.Disable()
	} else {
		d.save.Enable()
	}
}

func (d *renameDialog) onSubmitted(string) {
	if !d.save.Disabled() {
		d.onSave()
	}
}

func (d *renameDialog) onSave() {
	d.dialog.Hide()
	d.onRename(strings.TrimSpace(d.name.Text))
}

func (d *renameDialog) onCancel() { d.dialog.Hide() }

// resultDialog says what a card, pairing, export or import did, or why it failed. Its lines
// can be selected, so a path can be copied.
type resultDialog struct {
	onConflicts func()

	lines       []*widget.Label
	conflicts   *widget.Button // nil unless the import found conflicts and they can be opened
	closeButton *widget.Button
	dialog      *dialog.CustomDialog
}

func showResult(w fyne.Window, title string, lines []string, failed bool, onConflicts func()) *resultDialog {
	r := &resultDialog{onConflicts: onConflicts}
	body := container.NewVBox()
	for _, text := range lines {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		if failed {
			l.Importance = widget.DangerImportance
		}
		r.lines = append(r.lines, l)
		body.Add(l)
	}
	r.closeButton = widget.NewButton("Close", r.close)
	buttons := []fyne.CanvasObject{r.closeButton}
	if onConflicts != nil {
		r.conflicts = widget.NewButtonWithIcon("Open Conflicts", theme.WarningIcon(), r.onOpenConflicts)
		r.conflicts.Importance = widget.HighImportance
		buttons = append(buttons, r.conflicts)
	}
	r.dialog = dialog.NewCustomWithoutButtons(title, body, w)
	r.dialog.SetButtons(buttons)
	kit.FitDialog(r.dialog, kit.DialogWidth)
	r.dialog.Show()
	return r
}

func (r *resultDialog) close() { r.dialog.Hide() }

func (r *resultDialog) onOpenConflicts() {
	r.close()
	r.onConflicts()
}
