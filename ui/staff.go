package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// staffRoles are the roles offered, in order.
func staffRoles() []careplan.Role {
	return []careplan.Role{careplan.RoleKeyWorker, careplan.RoleCoordinator, careplan.RoleHubGP}
}

// staffScreen is the hub's staff list, which the hub edits itself: key workers with their
// specialisms, coordinators and hub GPs. Staff who leave are marked not active rather than
// removed, so the names on old plans and contacts still mean someone.
type staffScreen struct {
	tools  *enrolTools
	work   worker
	onBack func()

	staff   []careplan.StaffMember
	editing careplan.StaffMember // the member in the form; no ID for someone new

	list        *fyne.Container
	name        *widget.Entry
	nameProblem *widget.Label
	role        *widget.Select
	roleProblem *widget.Label
	specialisms *widget.CheckGroup
	phone       *widget.Entry
	active      *widget.Check
	formTitle   *widget.Label
	problem     *widget.Label
	save        *widget.Button
	addNew      *widget.Button
	root        fyne.CanvasObject
	editButtons map[string]*widget.Button // each row's Edit, by staff ID
}

func newStaffScreen(tools *enrolTools, work worker, onBack func()) *staffScreen {
	s := &staffScreen{tools: tools, work: work, onBack: onBack}
	s.list = container.NewVBox(quiet("Reading the staff list…"))
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder("Full name")
	s.nameProblem = problemLabel()
	var roles []string
	for _, r := range staffRoles() {
		roles = append(roles, string(r))
	}
	s.role = widget.NewSelect(roles, nil)
	s.role.PlaceHolder = "Choose a role"
	s.roleProblem = problemLabel()
	var specs []string
	for _, sp := range careplan.Specialisms() {
		specs = append(specs, string(sp))
	}
	s.specialisms = widget.NewCheckGroup(specs, nil)
	s.phone = widget.NewEntry()
	s.phone.SetPlaceHolder("Work phone")
	s.active = widget.NewCheck("Works at the hub now", nil)
	s.formTitle = subheading("", widget.MediumImportance)
	s.problem = problemLabel()
	s.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.addNew = widget.NewButtonWithIcon("Add a member of staff", theme.ContentAddIcon(), s.onNew)
	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	form := container.NewVBox(s.formTitle,
		formGrid(
			formField{"Name", s.name, s.nameProblem},
			formField{"Role", s.role, s.roleProblem},
			formField{"Specialisms", s.specialisms, nil},
			formField{"Phone", s.phone, nil},
			formField{"", s.active, nil}),
		s.problem, container.NewHBox(s.save))
	left := container.NewBorder(container.NewHBox(subheading("Staff", widget.MediumImportance), s.addNew), nil, nil, nil,
		container.NewVScroll(s.list))
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.55
	s.root = container.NewBorder(container.NewHBox(back), nil, nil, nil, split)
	s.onNew()
	return s
}

func (s *staffScreen) onBackTapped() { s.onBack() }

// load reads the staff list in the worker.
func (s *staffScreen) load() {
	var (
		staff []careplan.StaffMember
		err   error
	)
	s.work.run(func() { staff, err = s.tools.enrol.Staff() }, func() { s.loaded(staff, err) })
}

func (s *staffScreen) loaded(staff []careplan.StaffMember, err error) {
	s.list.RemoveAll()
	if err != nil {
		s.list.Add(centredMessage(fmt.Sprintf("The staff list could not be read: %v", err), widget.DangerImportance))
		s.list.Refresh()
		return
	}
	s.staff = staff
	s.editButtons = map[string]*widget.Button{}
	rows := make([][]fyne.CanvasObject, 0, len(staff))
	for _, m := range staff {
		m := m
		specs := make([]string, len(m.Specialisms))
		for i, sp := range m.Specialisms {
			specs[i] = string(sp)
		}
		name := para(m.Name)
		if !m.Active {
			name.SetText(m.Name + " (left)")
			name.TextStyle.Italic = true
		}
		edit := widget.NewButton("Edit", func() { s.edit(m) })
		s.editButtons[m.ID] = edit
		rows = append(rows, []fyne.CanvasObject{name, para(string(m.Role)), para(strings.Join(specs, ", ")), edit})
	}
	if len(rows) == 0 {
		s.list.Add(quiet("No staff yet: add the hub's key workers and coordinators."))
	} else {
		s.list.Add(objectTable([]float32{1.6, 1.1, 2.4, 0.7}, []string{"Name", "Role", "Specialisms", ""}, rows))
	}
	s.list.Refresh()
}

// onNew empties the form for someone new.
func (s *staffScreen) onNew() { s.edit(careplan.StaffMember{Active: true}) }

// edit puts a member of staff in the form.
func (s *staffScreen) edit(m careplan.StaffMember) {
	s.editing = m
	s.formTitle.SetText("New member of staff")
	if m.ID != "" {
		s.formTitle.SetText("Edit " + m.Name)
	}
	s.name.SetText(m.Name)
	s.role.ClearSelected()
	if m.Role != "" {
		s.role.SetSelected(string(m.Role))
	}
	var specs []string
	for _, sp := range m.Specialisms {
		specs = append(specs, string(sp))
	}
	s.specialisms.SetSelected(specs)
	s.phone.SetText(m.Phone)
	s.active.SetChecked(m.Active)
	for _, l := range []*widget.Label{s.nameProblem, s.roleProblem, s.problem} {
		setProblem(l, "")
	}
}

// read builds the member from the form; a name and a role are needed.
func (s *staffScreen) read() (careplan.StaffMember, bool) {
	m := s.editing
	m.Name = strings.TrimSpace(s.name.Text)
	m.Role = careplan.Role(s.role.Selected)
	m.Specialisms = nil
	for _, sp := range s.specialisms.Selected {
		m.Specialisms = append(m.Specialisms, careplan.Specialism(sp))
	}
	m.Phone = strings.TrimSpace(s.phone.Text)
	m.Active = s.active.Checked
	nameMsg, roleMsg := "", ""
	if m.Name == "" {
		nameMsg = "Write their name."
	}
	if m.Role == "" {
		roleMsg = "Choose their role."
	}
	setProblem(s.nameProblem, nameMsg)
	setProblem(s.roleProblem, roleMsg)
	return m, nameMsg == "" && roleMsg == ""
}

func (s *staffScreen) onSave() {
	setProblem(s.problem, "")
	m, ok := s.read()
	if !ok {
		return
	}
	s.save.Disable()
	var err error
	s.work.run(func() { err = s.tools.enrol.SaveStaff(&m) }, func() { s.saved(m, err) })
}

func (s *staffScreen) saved(m careplan.StaffMember, err error) {
	s.save.Enable()
	if err != nil {
		setProblem(s.problem, fmt.Sprintf("Could not be saved: %v", err))
		return
	}
	s.edit(m)
	s.load()
}
