package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// serviceFields are a community service's fields, as the services screen and the plan's "new
// service for the directory" dialog both ask for them.
type serviceFields struct {
	name        *kit.Entry
	nameProblem *widget.Label
	offers      *kit.Entry
	area        *kit.Entry
	contact     *kit.Entry
}

// newServiceFields makes the fields; nameProblem is the form's label for a missing name.
func newServiceFields(nameProblem *widget.Label) serviceFields {
	return serviceFields{
		name:        kit.NewEntry("e.g. Frome Lunch Club"),
		nameProblem: nameProblem,
		offers:      kit.NewEntry("What it offers, in a line"),
		area:        kit.NewEntry("Where"),
		contact:     kit.NewEntry("Phone, email or website"),
	}
}

// fields lays the fields out for a form.
func (f serviceFields) fields() []kit.Field {
	return []kit.Field{
		{Name: "Name", Widget: f.name, Problem: f.nameProblem},
		{Name: "What it offers", Widget: f.offers},
		{Name: "Area", Widget: f.area},
		{Name: "Contact", Widget: f.contact},
	}
}

// fill puts a service in the fields.
func (f serviceFields) fill(svc careplan.Service) {
	f.name.SetText(svc.Name)
	f.offers.SetText(svc.Offers)
	f.area.SetText(svc.Area)
	f.contact.SetText(svc.Contact)
}

// read builds the service from the fields, starting from svc so an edit keeps its id; the rules
// are careplan's (Service.Validate), said in words for the field.
func (f serviceFields) read(svc careplan.Service) (careplan.Service, kit.Problems) {
	svc.Name = strings.TrimSpace(f.name.Text)
	svc.Offers = strings.TrimSpace(f.offers.Text)
	svc.Area = strings.TrimSpace(f.area.Text)
	svc.Contact = strings.TrimSpace(f.contact.Text)
	problems := kit.Problems{}
	if err := svc.Validate(); errors.Is(err, careplan.ErrServiceName) {
		problems[f.nameProblem] = "Give the service a name."
	} else if err != nil {
		problems[f.nameProblem] = kit.Sentence(err.Error())
	}
	return svc, problems
}

// servicesScreen is the hub's directory of community services, which the hub keeps itself:
// what each offers, where and how to reach it. A service that closes is marked withdrawn
// rather than removed, so it is no longer offered to plans while the plans that already link
// it keep their own copy, as the staff list keeps staff who have left.
type servicesScreen struct {
	serviceFields
	plans     Plans
	page      *kit.ListEdit[careplan.Service]
	withdrawn *widget.Check
}

var _ kit.Records[careplan.Service] = (*servicesScreen)(nil)

func newServicesScreen(plans Plans, work worker, onBack func()) *servicesScreen {
	s := &servicesScreen{plans: plans}
	s.page = kit.NewListEdit[careplan.Service](s, kit.WorkerFunc(work.run), kit.ListSpec{
		Heading: "Community services", Add: "Add a service", New: "New service", Back: "Back to caseload",
		Reading: "Reading the directory…", Unread: "The directory could not be read",
		Empty:   "No services yet: add the groups and services the hub signposts people to.",
		Columns: []float32{1.5, 2.2, 1, 1.4, 0.7}, Header: []string{"Name", "What it offers", "Area", "Contact", ""},
		Split: 0.6,
	}, onBack)
	s.serviceFields = newServiceFields(s.page.NewProblemLabel())
	s.withdrawn = widget.NewCheck("Withdrawn: no longer offered to plans", nil)
	s.page.SetForm(append(s.fields(), kit.Field{Widget: s.withdrawn})...)
	return s
}

// Load reads the directory; it runs in the worker.
func (s *servicesScreen) Load() ([]careplan.Service, error) { return s.plans.Services() }

// Save stores a service; it runs in the worker.
func (s *servicesScreen) Save(svc *careplan.Service) error { return s.plans.SaveService(svc) }

// Blank is a new service.
func (s *servicesScreen) Blank() careplan.Service { return careplan.Service{} }

// ID tells services apart.
func (s *servicesScreen) ID(svc careplan.Service) string { return svc.ID }

// Name is what the service is called.
func (s *servicesScreen) Name(svc careplan.Service) string { return svc.Name }

// Row is one service in the list; a withdrawn one says so, in italics, as staff who have left do.
func (s *servicesScreen) Row(svc careplan.Service) []fyne.CanvasObject {
	name := kit.Para(svc.Name)
	if svc.Withdrawn {
		name.SetText(svc.Name + " (withdrawn)")
		name.TextStyle.Italic = true
	}
	return []fyne.CanvasObject{name, kit.Para(svc.Offers), kit.Para(svc.Area), kit.Para(svc.Contact)}
}

// Fill puts a service in the form.
func (s *servicesScreen) Fill(svc careplan.Service) {
	s.fill(svc)
	s.withdrawn.SetChecked(svc.Withdrawn)
}

// Read builds the service from the form.
func (s *servicesScreen) Read(svc careplan.Service) (careplan.Service, kit.Problems) {
	svc, problems := s.read(svc)
	svc.Withdrawn = s.withdrawn.Checked
	return svc, problems
}
