package ui

import (
	"carehub/careplan"
	"carehub/ui/kit"
)

// serviceDialog adds a community group or service to the hub's directory, from the plan
// where it is first needed, then offers it for signposting straight away.
type serviceDialog struct {
	serviceFields
	s    *supportPart
	form *kit.Form
}

func (s *supportPart) onAddToDirectory() {
	if s.adding != nil {
		s.adding.close()
	}
	d := &serviceDialog{s: s}
	d.form = kit.NewForm(s.e.tools.w, kit.WorkerFunc(s.e.work.run), kit.FormSpec{Title: "New service for the directory",
		Save: "Add to the directory", Failed: "The service was not added"}, d.onSave)
	d.serviceFields = newServiceFields(d.form.NewProblemLabel())
	d.contact.SetPlaceHolder("Phone, email or website — press Enter to save")
	d.contact.OnSubmitted = d.onSubmitted
	d.form.SetContent(kit.Para("The directory is the hub's: every plan can signpost to what is added here."),
		kit.Grid(d.fields()...))
	d.form.Open(d.name)
	s.adding = d
}

func (d *serviceDialog) close()             { d.form.Close() }
func (d *serviceDialog) onSubmitted(string) { d.onSave() }

// onSave saves the new service off the UI goroutine.
func (d *serviceDialog) onSave() {
	svc, problems := d.read(careplan.Service{})
	if d.form.Show(problems) {
		d.form.Submit(func() error { return d.s.e.tools.plans.SaveService(&svc) }, func() { d.s.directoryGained(svc) })
	}
}

// directoryGained offers a service just added to the directory, already chosen.
func (s *supportPart) directoryGained(svc careplan.Service) {
	s.e.data.services = append(s.e.data.services, svc)
	names := make([]string, 0, len(s.e.data.services))
	for _, x := range s.e.data.services {
		names = append(names, x.Name)
	}
	s.service.SetOptions(names)
	s.service.SetSelectedIndex(len(names) - 1)
}
