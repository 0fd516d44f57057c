package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// servicesScreen is the hub's directory of community services, which the hub keeps itself:
// what each offers, where and how to reach it. A service that closes is marked withdrawn
// rather than removed, so it is no longer offered to plans while the plans that already link
// it keep their own copy, as the staff list keeps staff who have left.
type servicesScreen struct {
	plans  Plans
	work   worker
	onBack func()

	services []careplan.Service
	editing  careplan.Service // the service in the form; no ID for a new one

	list        *fyne.Container
	name        *widget.Entry
	nameProblem *widget.Label
	offers      *widget.Entry
	area        *widget.Entry
	contact     *widget.Entry
	withdrawn   *widget.Check
	formTitle   *widget.Label
	problem     *widget.Label
	save        *widget.Button
	addNew      *widget.Button
	back        *widget.Button
	root        fyne.CanvasObject
	editButtons map[string]*widget.Button // each row's Edit, by service ID
}

func newServicesScreen(plans Plans, work worker, onBack func()) *servicesScreen {
	s := &servicesScreen{plans: plans, work: work, onBack: onBack}
	s.list = container.NewVBox(quiet("Reading the directory…"))
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder("e.g. Frome Lunch Club")
	s.nameProblem = problemLabel()
	s.offers = widget.NewEntry()
	s.offers.SetPlaceHolder("What it offers, in a line")
	s.area = widget.NewEntry()
	s.area.SetPlaceHolder("Where")
	s.contact = widget.NewEntry()
	s.contact.SetPlaceHolder("Phone, email or website")
	s.withdrawn = widget.NewCheck("Withdrawn: no longer offered to plans", nil)
	s.formTitle = subheading("", widget.MediumImportance)
	s.problem = problemLabel()
	s.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.addNew = widget.NewButtonWithIcon("Add a service", theme.ContentAddIcon(), s.onNew)
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	form := container.NewVBox(s.formTitle,
		formGrid(
			formField{"Name", s.name, s.nameProblem},
			formField{"What it offers", s.offers, nil},
			formField{"Area", s.area, nil},
			formField{"Contact", s.contact, nil},
			formField{"", s.withdrawn, nil}),
		s.problem, container.NewHBox(s.save))
	left := container.NewBorder(container.NewHBox(subheading("Community services", widget.MediumImportance), s.addNew),
		nil, nil, nil, container.NewVScroll(s.list))
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.6
	s.root = container.NewBorder(container.NewHBox(s.back), nil, nil, nil, split)
	s.onNew()
	return s
}

func (s *servicesScreen) onBackTapped() { s.onBack() }

// load reads the directory in the worker.
func (s *servicesScreen) load() {
	var (
		services []careplan.Service
		err      error
	)
	s.work.run(func() { services, err = s.plans.Services() }, func() { s.loaded(services, err) })
}

func (s *servicesScreen) loaded(services []careplan.Service, err error) {
	s.list.RemoveAll()
	if err != nil {
		s.list.Add(centredMessage(fmt.Sprintf("The directory could not be read: %v", err), widget.DangerImportance))
		s.list.Refresh()
		return
	}
	s.services = services
	s.editButtons = map[string]*widget.Button{}
	rows := make([][]fyne.CanvasObject, 0, len(services))
	for _, svc := range services {
		rows = append(rows, s.row(svc))
	}
	if len(rows) == 0 {
		s.list.Add(quiet("No services yet: add the groups and services the hub signposts people to."))
	} else {
		s.list.Add(objectTable([]float32{1.5, 2.2, 1, 1.4, 0.7}, []string{"Name", "What it offers", "Area", "Contact", ""}, rows))
	}
	s.list.Refresh()
}

// row is one service in the list; a withdrawn one says so, in italics, as staff who have left do.
func (s *servicesScreen) row(svc careplan.Service) []fyne.CanvasObject {
	name := para(svc.Name)
	if svc.Withdrawn {
		name.SetText(svc.Name + " (withdrawn)")
		name.TextStyle.Italic = true
	}
	edit := widget.NewButton("Edit", func() { s.edit(svc) })
	s.editButtons[svc.ID] = edit
	return []fyne.CanvasObject{name, para(svc.Offers), para(svc.Area), para(svc.Contact), edit}
}

// onNew empties the form for a new service.
func (s *servicesScreen) onNew() { s.edit(careplan.Service{}) }

// edit puts a service in the form.
func (s *servicesScreen) edit(svc careplan.Service) {
	s.editing = svc
	s.formTitle.SetText("New service")
	if svc.ID != "" {
		s.formTitle.SetText("Edit " + svc.Name)
	}
	s.name.SetText(svc.Name)
	s.offers.SetText(svc.Offers)
	s.area.SetText(svc.Area)
	s.contact.SetText(svc.Contact)
	s.withdrawn.SetChecked(svc.Withdrawn)
	setProblem(s.nameProblem, "")
	setProblem(s.problem, "")
}

// read builds the service from the form, keeping its id so saving updates it.
func (s *servicesScreen) read() careplan.Service {
	svc := s.editing
	svc.Name = strings.TrimSpace(s.name.Text)
	svc.Offers = strings.TrimSpace(s.offers.Text)
	svc.Area = strings.TrimSpace(s.area.Text)
	svc.Contact = strings.TrimSpace(s.contact.Text)
	svc.Withdrawn = s.withdrawn.Checked
	return svc
}

func (s *servicesScreen) onSave() {
	setProblem(s.problem, "")
	svc := s.read()
	if err := svc.Validate(); err != nil {
		setProblem(s.nameProblem, serviceProblem(err))
		return
	}
	setProblem(s.nameProblem, "")
	s.save.Disable()
	var err error
	s.work.run(func() { err = s.plans.SaveService(&svc) }, func() { s.saved(svc, err) })
}

// serviceProblem says what is wrong with a service in words a key worker uses.
func serviceProblem(err error) string {
	if errors.Is(err, careplan.ErrServiceName) {
		return "Give the service a name."
	}
	return err.Error()
}

func (s *servicesScreen) saved(svc careplan.Service, err error) {
	s.save.Enable()
	if err != nil {
		setProblem(s.problem, fmt.Sprintf("Could not be saved: %v", err))
		return
	}
	s.edit(svc)
	s.load()
}
