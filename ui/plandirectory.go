package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// serviceDialog adds a community group or service to the hub's directory, from the plan
// where it is first needed, then offers it for signposting straight away.
type serviceDialog struct {
	s *supportPart

	name        *widget.Entry
	nameProblem *widget.Label
	offers      *widget.Entry
	area        *widget.Entry
	contact     *widget.Entry
	problem     *widget.Label
	confirm     *widget.Button
	cancel      *widget.Button
	dialog      *dialog.CustomDialog
}

func (s *supportPart) onAddToDirectory() {
	if s.adding != nil {
		s.adding.close()
	}
	d := &serviceDialog{s: s}
	d.name = widget.NewEntry()
	d.name.SetPlaceHolder("e.g. Frome Lunch Club")
	d.nameProblem = problemLabel()
	d.offers = widget.NewEntry()
	d.offers.SetPlaceHolder("What it offers, in a line")
	d.area = widget.NewEntry()
	d.area.SetPlaceHolder("Where")
	d.contact = widget.NewEntry()
	d.contact.SetPlaceHolder("Phone, email or website — press Enter to save")
	d.contact.OnSubmitted = d.onSubmitted
	d.problem = problemLabel()
	d.confirm = widget.NewButton("Add to the directory", d.onSave)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	body := container.NewVBox(para("The directory is the hub's: every plan can signpost to what is added here."),
		formGrid(formField{label: "Name", field: d.name, problem: d.nameProblem},
			formField{label: "What it offers", field: d.offers},
			formField{label: "Area", field: d.area},
			formField{label: "Contact", field: d.contact}), d.problem)
	d.dialog = dialog.NewCustomWithoutButtons("New service for the directory", body, s.e.tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	fitDialog(d.dialog, dialogWidth)
	d.dialog.Show()
	s.e.tools.w.Canvas().Focus(d.name)
	s.adding = d
}

func (d *serviceDialog) close()             { d.dialog.Hide() }
func (d *serviceDialog) onCancel()          { d.close() }
func (d *serviceDialog) onSubmitted(string) { d.onSave() }

// onSave saves the new service off the UI goroutine.
func (d *serviceDialog) onSave() {
	svc := careplan.Service{Name: d.name.Text, Offers: d.offers.Text, Area: d.area.Text, Contact: d.contact.Text}
	if err := svc.Validate(); err != nil {
		setProblem(d.nameProblem, "Give the service a name")
		fitDialog(d.dialog, dialogWidth)
		return
	}
	setProblem(d.nameProblem, "")
	d.confirm.Disable()
	var err error
	d.s.e.work.run(func() { err = d.s.e.tools.plans.SaveService(&svc) }, func() { d.saved(svc, err) })
}

func (d *serviceDialog) saved(svc careplan.Service, err error) {
	d.confirm.Enable()
	if err != nil {
		setProblem(d.problem, "The service was not added: "+err.Error())
		fitDialog(d.dialog, dialogWidth)
		return
	}
	d.close()
	d.s.directoryGained(svc)
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
