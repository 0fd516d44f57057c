package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/ui/kit"
)

// TabletSetup writes a patient's own tablet store from the hub's, as `carehub tablet-setup`
// does.
type TabletSetup interface {
	// SetUpTablet writes a new store at path holding only the person patientID's own records,
	// opened by passphrase alone (their account is its only key). It refuses accounts that may
	// not set up tablets and people not eligible for one, and leaves nothing at path on failure.
	SetUpTablet(patientID, path, passphrase string) error
}

// tabletTools gathers what the "Set up tablet…" action needs, or is nil when the signed-in
// account may not use it.
type tabletTools struct {
	setup TabletSetup
	files kit.FileChooser
	w     fyne.Window
}

// tabletTools is nil unless the signed-in account's role may set up tablets: the service
// refuses anyone else, and hiding the button keeps the screen honest.
func (s *session) tabletTools() *tabletTools {
	if !s.user.SetsUpTablets() {
		return nil
	}
	return &tabletTools{setup: s.svc.TabletSetup, files: s.files, w: s.w}
}

// showTabletSetup adds "Set up tablet…" to the bar under the banner for a person who may have
// a tablet. It runs each time the record is (re)loaded, so a withdrawal of consent or a
// discharge takes the button away at once.
func (s *patientScreen) showTabletSetup(p careplan.Patient) {
	if s.tabletButton != nil {
		s.enrolBar.Remove(s.tabletButton)
		s.tabletButton = nil
	}
	if s.tablets != nil && careplan.TabletEligible(p) {
		s.tabletButton = widget.NewButtonWithIcon("Set up tablet…", theme.ComputerIcon(), s.onSetUpTablet)
		s.enrolBar.Add(s.tabletButton)
	}
	s.enrolOn = len(s.enrolBar.Objects) > 0
	s.enrolBar.Hidden = s.folded || !s.enrolOn
	s.enrolBar.Refresh()
}

func (s *patientScreen) onSetUpTablet() {
	s.tabletDlg = newTabletSetupDialog(s.tablets, s.work, s.rec.patient)
	s.tabletDlg.open()
}

// tabletSetupDialog asks for the patient's new passphrase twice, then where to save their
// tablet store, and writes it in the worker. The person is fixed when the dialog opens: a
// tablet holding the wrong patient's plan is a clinical hazard.
type tabletSetupDialog struct {
	tools   *tabletTools
	work    worker
	patient careplan.Patient

	passphrase     *widget.Entry
	passProblem    *widget.Label
	confirm        *widget.Entry
	confirmProblem *widget.Label
	problem        *widget.Label // why the store could not be written
	written        *widget.Label // where it was written, once it was
	save           *widget.Button
	cancel         *widget.Button
	dialog         *dialog.CustomDialog
}

func newTabletSetupDialog(tools *tabletTools, work worker, p careplan.Patient) *tabletSetupDialog {
	d := &tabletSetupDialog{tools: tools, work: work, patient: p}
	d.passphrase = widget.NewPasswordEntry()
	d.passphrase.SetPlaceHolder(access.PassphraseRule)
	d.passProblem = kit.NewProblemLabel()
	d.confirm = widget.NewPasswordEntry()
	d.confirm.SetPlaceHolder("The same again")
	d.confirm.OnSubmitted = d.onSubmitted
	d.confirmProblem = kit.NewProblemLabel()
	d.problem = kit.NewProblemLabel()
	d.written = kit.Para("")
	d.written.Importance = widget.SuccessImportance
	d.written.Hide()
	d.save = widget.NewButton("Choose where to save…", d.onSave)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	intro := kit.Para("The tablet store holds only " + p.FullName() + "'s own record, their agreed plan, " +
		"their measures and their care team's details. It opens with the passphrase you give them here, " +
		"and no other.")
	body := container.NewVBox(intro,
		kit.Grid(
			kit.Field{Name: "Their passphrase", Widget: d.passphrase, Problem: d.passProblem},
			kit.Field{Name: "Type it again", Widget: d.confirm, Problem: d.confirmProblem}),
		d.problem, d.written)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Set up tablet", p), body, tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.save})
	return d
}

func (d *tabletSetupDialog) open() {
	d.relayout()
	d.dialog.Show()
	d.tools.w.Canvas().Focus(d.passphrase)
}

func (d *tabletSetupDialog) close() { d.dialog.Hide() }

func (d *tabletSetupDialog) onCancel() { d.close() }

func (d *tabletSetupDialog) onSubmitted(string) { d.onSave() }

func (d *tabletSetupDialog) relayout() { kit.FitDialog(d.dialog, kit.DialogWidth) }

// fileName is what the save dialog suggests: the NHS number keeps two patients' tablet stores
// from being mistaken for each other.
func (d *tabletSetupDialog) fileName() string {
	return "tablet-" + string(d.patient.NHSNumber) + ".carehub"
}

// onSave checks the passphrase next to its fields, then asks where to save.
func (d *tabletSetupDialog) onSave() {
	kit.SetProblem(d.problem, "")
	err := checkNewPassphrase(d.passphrase.Text, d.confirm.Text)
	pass, confirm := "", ""
	switch {
	case errors.Is(err, access.ErrWeakPassphrase):
		pass = kit.Sentence(err.Error()) + "."
	case errors.Is(err, errPassphraseMismatch):
		confirm = "The two passphrases are not the same: type them again."
	}
	kit.SetProblem(d.passProblem, pass)
	kit.SetProblem(d.confirmProblem, confirm)
	d.relayout()
	if err != nil {
		return
	}
	d.tools.files.SaveFile(d.tools.w, "Save the tablet store", d.fileName(), d.onChosen)
}

// onChosen writes the store in the worker; the passphrase and patient are read now, on the UI
// goroutine, so nothing typed later can change what is written.
func (d *tabletSetupDialog) onChosen(path string) {
	d.save.Disable()
	var err error
	id, passphrase := d.patient.ID, d.passphrase.Text
	d.work.run(func() { err = d.tools.setup.SetUpTablet(id, path, passphrase) }, func() { d.done(path, err) })
}

// done reports the result. On success the passphrases are cleared, so they are not left in
// the window, and the dialog offers only Close.
func (d *tabletSetupDialog) done(path string, err error) {
	d.save.Enable()
	if err != nil {
		kit.SetProblem(d.problem, fmt.Sprintf("The tablet store could not be written, and nothing was saved: %v", err))
		d.relayout()
		return
	}
	d.passphrase.SetText("")
	d.confirm.SetText("")
	d.written.SetText(fmt.Sprintf("Tablet store for %s (%s) written to %s", d.patient.FullName(), d.patient.NHSNumber.Display(), path))
	d.written.Show()
	d.save.Hide()
	d.cancel.SetText("Close")
	d.relayout()
}
