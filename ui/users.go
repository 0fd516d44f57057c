package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/ui/kit"
)

// Users manages the hub's accounts. Every method refuses unless an administrator is signed in.
type Users interface {
	// Users returns every account, active or not.
	Users() ([]access.User, error)
	// Staff returns the hub's staff, to link a key worker's account to their staff record.
	Staff() ([]careplan.StaffMember, error)
	// AddUser creates an account with its own passphrase; u gets its id.
	AddUser(u *access.User, passphrase string) error
	// ChangeRoles gives an account new roles (a second role too) or a new staff link.
	ChangeRoles(id string, change access.RoleChange) error
	// ResetPassphrase gives an account a new passphrase; the old one stops working.
	ResetPassphrase(id, passphrase string) error
	// Deactivate destroys an account's key slot, so its passphrase no longer opens the store,
	// and changes the store's key, so a copy of the slot opens nothing either.
	Deactivate(id string) error
	// RetireSharedPassphrase destroys an older store's shared "hub" passphrase, and changes the
	// store's key, so only named accounts open it.
	RetireSharedPassphrase() error
}

// desktopRoles are the roles the Users screen offers. Patient accounts are made with the
// tablet they use (carehub tablet-setup), never on the hub's desktop.
func desktopRoles() []access.Role {
	return []access.Role{access.KeyWorker, access.Coordinator, access.Administrator}
}

// noSecondRole is the "Also" choice for an account with one role.
const noSecondRole = "No second role"

// noStaffLink is the staff-record choice that links none.
const noStaffLink = "Not linked"

// roleChoices are the desktop roles as the screen's selects offer them.
func roleChoices() []string {
	var roles []string
	for _, r := range desktopRoles() {
		roles = append(roles, string(r))
	}
	return roles
}

// usersScreen lists the hub's accounts, adds new ones, and resets or deactivates one chosen
// from the list. Accounts are never deleted, so the audit's names still mean someone.
type usersScreen struct {
	users  Users
	work   worker
	onBack func()

	all      []access.User
	staff    []careplan.StaffMember
	chosen   access.User // the account in the manage panel
	list     *fyne.Container
	manage   *fyne.Container // reset and deactivate, for the chosen account
	manageOf *widget.Label

	name, pass, confirm *widget.Entry
	role, also          *widget.Select
	staffLink           *widget.Select
	add                 *widget.Button
	addProblem          *widget.Label

	newPass, newConfirm *widget.Entry
	reset, deactivate   *widget.Button
	manageProblem       *widget.Label
	// The chosen account's roles and staff link, changed in place.
	changeRole, changeAlso, changeStaff *widget.Select
	saveRoles                           *widget.Button
	retire                              *widget.Button // the shared hub passphrase of an older store
	retireProblem                       *widget.Label
	// resealing shows while a deactivation or retirement seals the whole store again under a
	// new key: one transaction, a few seconds on a county's store, with no steps to count.
	resealing  *fyne.Container
	rowButtons map[string]*widget.Button // each row's Manage, by account id
	root       fyne.CanvasObject
}

func newUsersScreen(users Users, work worker, onBack func()) *usersScreen {
	s := &usersScreen{users: users, work: work, onBack: onBack, rowButtons: map[string]*widget.Button{}}
	s.list = container.NewVBox(kit.Quiet("Reading the accounts…"))
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder("Full name")
	s.role = widget.NewSelect(roleChoices(), s.onRoleChosen)
	s.role.PlaceHolder = "Choose a role"
	s.also = widget.NewSelect(append([]string{noSecondRole}, roleChoices()...), s.onRoleChosen)
	s.also.Selected = noSecondRole // set before the staff link exists, so without its callback
	s.staffLink = widget.NewSelect(nil, nil)
	s.staffLink.PlaceHolder = "Their staff record"
	s.staffLink.Disable()
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder("Their first passphrase")
	s.confirm = widget.NewPasswordEntry()
	s.confirm.SetPlaceHolder("The same passphrase again")
	s.add = widget.NewButtonWithIcon("Add account", theme.ContentAddIcon(), s.onAdd)
	s.add.Importance = widget.HighImportance
	s.addProblem = kit.NewProblemLabel()
	addForm := container.NewVBox(kit.Subheading("Add an account", widget.MediumImportance),
		kit.Para(rolesExplained),
		kit.Grid(
			kit.Field{Name: "Name", Widget: s.name},
			kit.Field{Name: "Role", Widget: s.role},
			kit.Field{Name: "Also", Widget: s.also},
			kit.Field{Name: "Staff record", Widget: s.staffLink},
			kit.Field{Name: "Passphrase", Widget: s.pass},
			kit.Field{Name: "Again", Widget: s.confirm}),
		s.addProblem, container.NewHBox(s.add))

	s.manageOf = kit.Subheading("", widget.MediumImportance)
	s.newPass = widget.NewPasswordEntry()
	s.newPass.SetPlaceHolder("New passphrase")
	s.newConfirm = widget.NewPasswordEntry()
	s.newConfirm.SetPlaceHolder("The same passphrase again")
	s.reset = widget.NewButton("Reset passphrase", s.onReset)
	s.deactivate = widget.NewButton("Deactivate account", s.onDeactivate)
	s.deactivate.Importance = widget.DangerImportance
	s.manageProblem = kit.NewProblemLabel()
	warn := kit.Para("Deactivating destroys the account's key and changes the store's own key: their passphrase, or a copy of their key kept from before, stops opening the store at once. Their name stays in the audit. Backups made before still open with the passphrases they had.")
	s.changeRole = widget.NewSelect(roleChoices(), nil)
	s.changeAlso = widget.NewSelect(append([]string{noSecondRole}, roleChoices()...), nil)
	s.changeStaff = widget.NewSelect(nil, nil)
	s.saveRoles = widget.NewButton("Save roles", s.onSaveRoles)
	s.manage = container.NewVBox(s.manageOf,
		kit.Grid(kit.Field{Name: "Role", Widget: s.changeRole}, kit.Field{Name: "Also", Widget: s.changeAlso},
			kit.Field{Name: "Staff record", Widget: s.changeStaff}),
		container.NewHBox(s.saveRoles),
		kit.Grid(kit.Field{Name: "New passphrase", Widget: s.newPass}, kit.Field{Name: "Again", Widget: s.newConfirm}),
		container.NewHBox(s.reset), warn, container.NewHBox(s.deactivate), s.manageProblem)
	s.manage.Hide()
	s.retire = widget.NewButton("Retire the shared hub passphrase", s.onRetire)
	s.retireProblem = kit.NewProblemLabel()
	retireForm := container.NewVBox(kit.Subheading("Shared hub passphrase", widget.MediumImportance),
		kit.Para("A store made before named accounts also opens with one shared passphrase, whose audit names nobody. Retire it once everyone has an account of their own."),
		container.NewHBox(s.retire), s.retireProblem)

	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	left := container.NewBorder(kit.Subheading("Accounts", widget.MediumImportance), nil, nil, nil, container.NewVScroll(s.list))
	s.resealing = container.NewVBox(widget.NewProgressBarInfinite(),
		kit.Para("Sealing the whole store again under a new key, so the old passphrase opens nothing. This takes a few seconds on a large hub; carry on when it says done."))
	s.resealing.Hide()
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(container.NewVBox(s.resealing, addForm, widget.NewSeparator(), s.manage, widget.NewSeparator(), retireForm))))
	split.Offset = 0.55
	s.root = container.NewBorder(container.NewHBox(back), nil, nil, nil, split)
	return s
}

func (s *usersScreen) onBackTapped() { s.onBack() }

// load reads the accounts and the staff list in the worker.
func (s *usersScreen) load() {
	var (
		all   []access.User
		staff []careplan.StaffMember
		err   error
	)
	s.work.run(func() {
		if all, err = s.users.Users(); err == nil {
			staff, err = s.users.Staff()
		}
	}, func() { s.loaded(all, staff, err) })
}

func (s *usersScreen) loaded(all []access.User, staff []careplan.StaffMember, err error) {
	s.list.RemoveAll()
	defer s.list.Refresh()
	if err != nil {
		s.list.Add(kit.CentredMessage(fmt.Sprintf("The accounts could not be read: %v", err), widget.DangerImportance))
		return
	}
	s.all, s.staff = all, staff
	names := linkableStaff(staff)
	s.staffLink.SetOptions(names)
	s.changeStaff.SetOptions(append([]string{noStaffLink}, names...))
	rows := make([][]fyne.CanvasObject, 0, len(all))
	s.rowButtons = map[string]*widget.Button{}
	for _, u := range all {
		status := "active"
		if !u.Active {
			status = "deactivated"
		}
		b := widget.NewButton("Manage", func() { s.choose(u) })
		if !u.Active {
			b.Disable()
		}
		s.rowButtons[u.ID] = b
		rows = append(rows, []fyne.CanvasObject{kit.Para(u.Name), kit.Para(u.RoleLabel()), kit.Para(status), b})
	}
	if len(rows) == 0 {
		s.list.Add(kit.Quiet("No accounts yet."))
		return
	}
	s.list.Add(kit.ObjectTable([]float32{1.6, 1.2, 1, 0.8}, []string{"Name", "Role", "Status", ""}, rows))
}

// rolesExplained is what each role may do, in a line each, on the first run and the Users screen.
const rolesExplained = "A key worker changes the records of the people on their own caseload. A coordinator nominates people, " +
	"changes anyone's record and the staff list. A hub administrator looks after accounts, settings and backups, and reads records " +
	"without changing them. One person may hold two roles."

// linkableStaff names the active key workers and coordinators on the staff list: the records an
// account can be linked to.
func linkableStaff(staff []careplan.StaffMember) []string {
	var names []string
	for _, m := range staff {
		if m.Active && (m.Role == careplan.RoleKeyWorker || m.Role == careplan.RoleCoordinator) {
			names = append(names, m.Name)
		}
	}
	return names
}

// secondRole reads an "Also" select.
func secondRole(chosen string) access.Role {
	if chosen == noSecondRole {
		return ""
	}
	return access.Role(chosen)
}

// onRoleChosen offers the staff link to key workers, whose caseload it defines, and
// coordinators, who choose themselves as a person's care coordinator through it.
func (s *usersScreen) onRoleChosen(string) {
	u := access.User{Role: access.Role(s.role.Selected), Also: secondRole(s.also.Selected)}
	if u.Has(access.KeyWorker) || u.Has(access.Coordinator) {
		s.staffLink.Enable()
		return
	}
	s.staffLink.ClearSelected()
	s.staffLink.Disable()
}

// staffID finds the chosen staff record's id.
func (s *usersScreen) staffID(name string) string {
	for _, m := range s.staff {
		if m.Name == name && m.Active {
			return m.ID
		}
	}
	return ""
}

func (s *usersScreen) onAdd() {
	kit.SetProblem(s.addProblem, "")
	u := access.User{Name: strings.TrimSpace(s.name.Text), Role: access.Role(s.role.Selected), Also: secondRole(s.also.Selected),
		StaffID: s.staffID(s.staffLink.Selected)}
	s.addProblem.Importance = widget.DangerImportance
	if err := u.Validate(); err != nil {
		kit.SetProblem(s.addProblem, kit.Sentence(err.Error())+".")
		return
	}
	pass := s.pass.Text
	if err := checkNewPassphrase(pass, s.confirm.Text); err != nil {
		kit.SetProblem(s.addProblem, kit.Sentence(err.Error())+".")
		return
	}
	s.add.Disable()
	var err error
	s.work.run(func() { err = s.users.AddUser(&u, pass) }, func() { s.added(u.Name, err) })
}

func (s *usersScreen) added(name string, err error) {
	s.add.Enable()
	if err != nil {
		s.addProblem.Importance = widget.DangerImportance
		kit.SetProblem(s.addProblem, fmt.Sprintf("The account was not added: %v.", err))
		return
	}
	s.addProblem.Importance = widget.SuccessImportance
	kit.SetProblem(s.addProblem, fmt.Sprintf("Added %s. They sign in with the passphrase you set; ask them to keep it to themselves.", name))
	for _, e := range []*widget.Entry{s.name, s.pass, s.confirm} {
		e.SetText("")
	}
	s.role.ClearSelected()
	s.also.SetSelected(noSecondRole)
	s.load()
}

// choose puts one account in the manage panel.
func (s *usersScreen) choose(u access.User) {
	s.chosen = u
	s.manageOf.SetText("Manage " + u.Name)
	s.changeRole.SetSelected(string(u.Role))
	s.changeAlso.SetSelected(noSecondRole)
	if u.Also != "" {
		s.changeAlso.SetSelected(string(u.Also))
	}
	s.changeStaff.SetSelected(noStaffLink)
	for _, m := range s.staff {
		if m.ID == u.StaffID && u.StaffID != "" {
			s.changeStaff.SetSelected(m.Name)
		}
	}
	s.newPass.SetText("")
	s.newConfirm.SetText("")
	kit.SetProblem(s.manageProblem, "")
	s.manage.Show()
	kit.Relayout(s.root) // the panel was hidden, so nothing has laid it out yet
}

func (s *usersScreen) onSaveRoles() {
	change := access.RoleChange{Role: access.Role(s.changeRole.Selected), Also: secondRole(s.changeAlso.Selected)}
	if s.changeStaff.Selected != noStaffLink {
		change.StaffID = s.staffID(s.changeStaff.Selected)
	}
	candidate := s.chosen
	candidate.Role, candidate.Also, candidate.StaffID = change.Role, change.Also, change.StaffID
	if err := candidate.Validate(); err != nil {
		s.manageProblem.Importance = widget.DangerImportance
		kit.SetProblem(s.manageProblem, kit.Sentence(err.Error())+".")
		return
	}
	id := s.chosen.ID
	var err error
	s.work.run(func() { err = s.users.ChangeRoles(id, change) }, func() {
		s.managed(candidate.Name+" is now "+candidate.RoleLabel()+".", err)
	})
}

func (s *usersScreen) onReset() {
	pass := s.newPass.Text
	if err := checkNewPassphrase(pass, s.newConfirm.Text); err != nil {
		s.manageProblem.Importance = widget.DangerImportance
		kit.SetProblem(s.manageProblem, kit.Sentence(err.Error())+".")
		return
	}
	id := s.chosen.ID
	var err error
	s.work.run(func() { err = s.users.ResetPassphrase(id, pass) }, func() { s.managed("Passphrase reset.", err) })
}

func (s *usersScreen) onDeactivate() {
	id := s.chosen.ID
	var err error
	s.startResealing()
	s.work.run(func() { err = s.users.Deactivate(id) }, func() { s.doneResealing(); s.managed("", err) })
}

// startResealing shows that the store is being sealed again and holds the buttons that would
// start another change of key until it is done.
func (s *usersScreen) startResealing() {
	s.deactivate.Disable()
	s.retire.Disable()
	s.resealing.Show()
	kit.Relayout(s.root)
}

func (s *usersScreen) doneResealing() {
	s.deactivate.Enable()
	s.retire.Enable()
	s.resealing.Hide()
	kit.Relayout(s.root)
}

// managed shows how a reset or deactivation went; done is shown on success, or the panel
// closes when there is nothing left to say.
func (s *usersScreen) managed(done string, err error) {
	s.manageProblem.Importance = widget.DangerImportance
	if err != nil {
		kit.SetProblem(s.manageProblem, fmt.Sprintf("Not done: %v.", err))
		return
	}
	s.newPass.SetText("")
	s.newConfirm.SetText("")
	if done == "" {
		s.manage.Hide()
		kit.Relayout(s.root)
	} else {
		s.manageProblem.Importance = widget.SuccessImportance
		kit.SetProblem(s.manageProblem, done)
	}
	s.load()
}

func (s *usersScreen) onRetire() {
	var err error
	s.startResealing()
	s.work.run(func() { err = s.users.RetireSharedPassphrase() }, func() { s.doneResealing(); s.retired(err) })
}

// retired says how retiring the shared passphrase went.
func (s *usersScreen) retired(err error) {
	if err != nil {
		s.retireProblem.Importance = widget.DangerImportance
		kit.SetProblem(s.retireProblem, fmt.Sprintf("Not done: %v.", err))
		return
	}
	s.retireProblem.Importance = widget.SuccessImportance
	kit.SetProblem(s.retireProblem, "Retired: only named accounts open this store now.")
}
