package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// staffRoles are the roles offered, in order.
func staffRoles() []careplan.Role {
	return []careplan.Role{careplan.RoleKeyWorker, careplan.RoleCoordinator, careplan.RoleHubGP}
}

// staffScreen is the hub's staff list, which the hub edits itself: key workers with their
// specialisms, coordinators and hub GPs. Staff who leave are marked not active rather than
// removed, so the names on old plans and contacts still mean someone.
type staffScreen struct {
	tools *enrolTools
	page  *kit.ListEdit[careplan.StaffMember]

	name        *kit.Entry
	nameProblem *widget.Label
	role        *widget.Select
	roleProblem *widget.Label
	specialisms *widget.CheckGroup
	phone       *kit.Entry
	active      *widget.Check
}

var _ kit.Records[careplan.StaffMember] = (*staffScreen)(nil)

func newStaffScreen(tools *enrolTools, work worker, onBack func()) *staffScreen {
	s := &staffScreen{tools: tools}
	s.page = kit.NewListEdit[careplan.StaffMember](s, kit.WorkerFunc(work.run), kit.ListSpec{
		Heading: "Staff", Add: "Add a member of staff", New: "New member of staff", Back: "Back to caseload",
		Reading: "Reading the staff list…", Unread: "The staff list could not be read",
		Empty:   "No staff yet: add the hub's key workers and coordinators.",
		Columns: []float32{1.6, 1.1, 2.4, 0.7}, Header: []string{"Name", "Role", "Specialisms", ""},
		Split: 0.55,
	}, onBack)
	s.name = kit.NewEntry("Full name")
	s.nameProblem = s.page.NewProblemLabel()
	var roles []string
	for _, r := range staffRoles() {
		roles = append(roles, string(r))
	}
	s.role = kit.NewSelect(roles, "Choose a role", nil)
	s.roleProblem = s.page.NewProblemLabel()
	var specs []string
	for _, sp := range careplan.Specialisms() {
		specs = append(specs, string(sp))
	}
	s.specialisms = widget.NewCheckGroup(specs, nil)
	s.phone = kit.NewEntry("Work phone")
	s.active = widget.NewCheck("Works at the hub now", nil)
	s.page.SetForm(
		kit.Field{Name: "Name", Widget: s.name, Problem: s.nameProblem},
		kit.Field{Name: "Role", Widget: s.role, Problem: s.roleProblem},
		kit.Field{Name: "Specialisms", Widget: s.specialisms},
		kit.Field{Name: "Phone", Widget: s.phone},
		kit.Field{Widget: s.active})
	return s
}

// Load reads the staff list; it runs in the worker.
func (s *staffScreen) Load() ([]careplan.StaffMember, error) { return s.tools.enrol.Staff() }

// Save stores a member of staff; it runs in the worker.
func (s *staffScreen) Save(m *careplan.StaffMember) error { return s.tools.enrol.SaveStaff(m) }

// Blank is someone new, who works at the hub now.
func (s *staffScreen) Blank() careplan.StaffMember { return careplan.StaffMember{Active: true} }

// ID tells staff apart.
func (s *staffScreen) ID(m careplan.StaffMember) string { return m.ID }

// Name is the member of staff's name.
func (s *staffScreen) Name(m careplan.StaffMember) string { return m.Name }

// Row is one member of staff in the list; one who has left says so, in italics.
func (s *staffScreen) Row(m careplan.StaffMember) []fyne.CanvasObject {
	name := kit.Para(m.Name)
	if !m.Active {
		name.SetText(m.Name + " (left)")
		name.TextStyle.Italic = true
	}
	return []fyne.CanvasObject{name, kit.Para(string(m.Role)), kit.Para(strings.Join(specialismNames(m.Specialisms), ", "))}
}

// specialismNames are the specialisms as the form's check boxes name them.
func specialismNames(specs []careplan.Specialism) []string {
	names := make([]string, len(specs))
	for i, sp := range specs {
		names[i] = string(sp)
	}
	return names
}

// Fill puts a member of staff in the form.
func (s *staffScreen) Fill(m careplan.StaffMember) {
	s.name.SetText(m.Name)
	s.role.ClearSelected()
	if m.Role != "" {
		s.role.SetSelected(string(m.Role))
	}
	s.specialisms.SetSelected(specialismNames(m.Specialisms))
	s.phone.SetText(m.Phone)
	s.active.SetChecked(m.Active)
}

// Read builds the member from the form; a name and a role are needed.
func (s *staffScreen) Read(m careplan.StaffMember) (careplan.StaffMember, kit.Problems) {
	m.Name = strings.TrimSpace(s.name.Text)
	m.Role = careplan.Role(s.role.Selected)
	m.Specialisms = nil
	for _, sp := range s.specialisms.Selected {
		m.Specialisms = append(m.Specialisms, careplan.Specialism(sp))
	}
	m.Phone = strings.TrimSpace(s.phone.Text)
	m.Active = s.active.Checked
	problems := kit.Problems{}
	if m.Name == "" {
		problems[s.nameProblem] = "Write their name."
	}
	if m.Role == "" {
		problems[s.roleProblem] = "Choose their role."
	}
	return m, problems
}
