package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
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
	form    *kit.Form

	workers      []careplan.StaffMember // active key workers, in the order offered
	coordinators []careplan.StaffMember // active coordinators

	keyWorker   *widget.Select
	coordinator *widget.Select
	mine        *fyne.Container // "Me as …" buttons, for someone on the staff list
	suggestions *fyne.Container
}

func newTeamDialog(tools *enrolTools, work worker, p careplan.Patient, onSaved func(careplan.Patient)) *teamDialog {
	d := &teamDialog{tools: tools, work: work, patient: p, onSaved: onSaved}
	d.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Care team", p),
		Save: "Save care team", Failed: "The care team could not be saved"}, d.onSave)
	d.form.Save.Disable() // until the staff list is read
	d.keyWorker = widget.NewSelect(nil, nil)
	d.coordinator = widget.NewSelect(nil, nil)
	d.suggestions = container.NewVBox(kit.Quiet("Reading the staff list…"))
	d.mine = container.NewHBox()
	d.form.SetContent(
		kit.Grid(kit.Field{Name: "Key worker", Widget: d.keyWorker}, kit.Field{Name: "Care coordinator", Widget: d.coordinator}),
		d.mine,
		kit.Subheading("Suggested key workers", widget.MediumImportance), d.suggestions)
	return d
}

// open shows the dialog and reads the staff list in the worker.
func (d *teamDialog) open() {
	d.form.Open(nil)
	var (
		staff []careplan.StaffMember
		err   error
	)
	d.work.run(func() { staff, err = d.tools.enrol.Staff() }, func() { d.staffRead(staff, err) })
}

// staffRead offers the active staff in each role, with the person's team chosen, and the
// suggestions.
func (d *teamDialog) staffRead(staff []careplan.StaffMember, err error) {
	if err != nil {
		d.form.Show(kit.Problems{d.form.Problem: fmt.Sprintf("The staff list could not be read: %v", err)})
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
	d.offerMyself()
	d.suggestions.RemoveAll()
	found := careplan.SuggestKeyWorkers(d.patient.Conditions, staff)
	if len(found) == 0 {
		d.suggestions.Add(kit.Quiet("No key worker's specialisms match this person's conditions."))
	}
	for _, s := range found {
		name := s.Staff.Name
		b := widget.NewButton("Choose "+name, func() { d.keyWorker.SetSelected(name) })
		why := kit.Para(name + ": " + strings.Join(s.Because, "; "))
		d.suggestions.Add(container.NewBorder(nil, nil, nil, b, why))
	}
	d.form.Save.Enable()
	d.form.Relayout()
}

// offerMyself offers the signed-in person, when their account is linked to their staff record,
// as this person's key worker or care coordinator in one tap.
func (d *teamDialog) offerMyself() {
	d.mine.RemoveAll()
	for _, role := range []struct {
		label string
		sel   *widget.Select
		staff []careplan.StaffMember
	}{{"Me as key worker", d.keyWorker, d.workers}, {"Me as care coordinator", d.coordinator, d.coordinators}} {
		for _, m := range role.staff {
			if m.ID == d.tools.myStaffID && m.ID != "" {
				sel, name := role.sel, m.Name
				d.mine.Add(widget.NewButton(role.label, func() { sel.SetSelected(name) }))
			}
		}
	}
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

// onSave saves the team chosen in the worker.
func (d *teamDialog) onSave() {
	d.form.Show(nil)
	var team careplan.CareTeam
	team.KeyWorkerID, team.KeyWorker = chosen(d.keyWorker, d.workers)
	team.CoordinatorID, team.Coordinator = chosen(d.coordinator, d.coordinators)
	id := d.patient.ID
	kit.SubmitResult(d.form, func() (careplan.Patient, error) { return d.tools.enrol.AssignTeam(id, team) }, d.onSaved)
}
