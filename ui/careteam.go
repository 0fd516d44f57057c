package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// noOne is the choice for a role left unfilled.
const noOne = "Not assigned"

// teamDialog assigns a person's key worker and care coordinator from the hub's staff list, and
// suggests key workers whose specialisms suit the person's conditions. The suggestion is only
// that: the coordinator chooses.
type teamDialog struct {
	tools   *enrolTools
	work    worker
	patient careplan.Patient
	onSaved func(careplan.Patient)

	workers      []careplan.StaffMember // active key workers, in the order offered
	coordinators []careplan.StaffMember // active coordinators

	keyWorker   *widget.Select
	coordinator *widget.Select
	suggestions *fyne.Container
	problem     *widget.Label
	save        *widget.Button
	cancel      *widget.Button
	dialog      *dialog.CustomDialog
}

func newTeamDialog(tools *enrolTools, work worker, p careplan.Patient, onSaved func(careplan.Patient)) *teamDialog {
	d := &teamDialog{tools: tools, work: work, patient: p, onSaved: onSaved}
	d.keyWorker = widget.NewSelect(nil, nil)
	d.coordinator = widget.NewSelect(nil, nil)
	d.suggestions = container.NewVBox(quiet("Reading the staff list…"))
	d.problem = problemLabel()
	d.save = widget.NewButton("Save care team", d.onSave)
	d.save.Importance = widget.HighImportance
	d.save.Disable() // until the staff list is read
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	body := container.NewVBox(
		formGrid(formField{"Key worker", d.keyWorker, nil}, formField{"Care coordinator", d.coordinator, nil}),
		subheading("Suggested key workers", widget.MediumImportance), d.suggestions, d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(whoseTitle("Care team", p), body, tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.save})
	return d
}

// open shows the dialog and reads the staff list in the worker.
func (d *teamDialog) open() {
	d.relayout()
	d.dialog.Show()
	var (
		staff []careplan.StaffMember
		err   error
	)
	d.work.run(func() { staff, err = d.tools.enrol.Staff() }, func() { d.staffRead(staff, err) })
}

func (d *teamDialog) close() { d.dialog.Hide() }

func (d *teamDialog) onCancel() { d.close() }

func (d *teamDialog) relayout() { fitDialog(d.dialog, dialogWidth) }

// staffRead offers the active staff in each role, with the person's team chosen, and the
// suggestions.
func (d *teamDialog) staffRead(staff []careplan.StaffMember, err error) {
	if err != nil {
		setProblem(d.problem, fmt.Sprintf("The staff list could not be read: %v", err))
		d.relayout()
		return
	}
	d.workers, d.coordinators = nil, nil
	for _, m := range staff {
		switch {
		case !m.Active:
		case m.Role == careplan.RoleKeyWorker:
			d.workers = append(d.workers, m)
		case m.Role == careplan.RoleCoordinator:
			d.coordinators = append(d.coordinators, m)
		}
	}
	fill(d.keyWorker, d.workers, d.patient.Team.KeyWorker)
	fill(d.coordinator, d.coordinators, d.patient.Team.Coordinator)
	d.suggestions.RemoveAll()
	found := careplan.SuggestKeyWorkers(d.patient.Conditions, staff)
	if len(found) == 0 {
		d.suggestions.Add(quiet("No key worker's specialisms match this person's conditions."))
	}
	for _, s := range found {
		name := s.Staff.Name
		b := widget.NewButton("Choose "+name, func() { d.keyWorker.SetSelected(name) })
		why := para(name + ": " + strings.Join(s.Because, "; "))
		d.suggestions.Add(container.NewBorder(nil, nil, nil, b, why))
	}
	d.save.Enable()
	d.relayout()
}

// fill offers the staff by name, choosing current when they are among them.
func fill(sel *widget.Select, staff []careplan.StaffMember, current string) {
	options := []string{noOne}
	for _, m := range staff {
		options = append(options, m.Name)
	}
	sel.SetOptions(options)
	sel.SetSelected(noOne)
	for _, m := range staff {
		if m.Name == current {
			sel.SetSelected(current)
		}
	}
}

// chosen returns the staff member chosen in sel, or nobody.
func chosen(sel *widget.Select, staff []careplan.StaffMember) (id, name string) {
	if i := sel.SelectedIndex(); i > 0 && i <= len(staff) {
		return staff[i-1].ID, staff[i-1].Name
	}
	return "", ""
}

func (d *teamDialog) onSave() {
	setProblem(d.problem, "")
	var team careplan.CareTeam
	team.KeyWorkerID, team.KeyWorker = chosen(d.keyWorker, d.workers)
	team.CoordinatorID, team.Coordinator = chosen(d.coordinator, d.coordinators)
	d.save.Disable()
	var (
		saved careplan.Patient
		err   error
	)
	id := d.patient.ID
	d.work.run(func() { saved, err = d.tools.enrol.AssignTeam(id, team) }, func() { d.saved(saved, err) })
}

func (d *teamDialog) saved(p careplan.Patient, err error) {
	d.save.Enable()
	if err != nil {
		setProblem(d.problem, fmt.Sprintf("The care team could not be saved: %v", err))
		d.relayout()
		return
	}
	d.close()
	d.onSaved(p)
}
