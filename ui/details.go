package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// carerRow is one carer in the details dialog: name, relationship and phone.
type carerRow struct {
	name, relationship, phone *kit.Entry
}

// detailsDialog corrects a person's details after nomination: preferred name, address, home
// and mobile phones, email, GP practice, carers and communication needs, checked as a
// nomination is (careplan.Details). A coordinator may also correct the NHS number, typed twice
// with why; the service refuses anyone else and a number another person holds.
type detailsDialog struct {
	tools   *enrolTools
	patient careplan.Patient
	onSaved func(careplan.Patient)
	form    *kit.Form

	preferred, address, postcode, phone, mobile, email *kit.Entry
	emailProblem                                       *widget.Label
	practice, ods                                      *kit.Entry
	practiceProblem, odsProblem                        *widget.Label
	largePrint                                         *widget.Check
	interpreter, otherNeeds                            *kit.Entry
	carers                                             []carerRow
	carerList                                          *fyne.Container
	carersProblem                                      *widget.Label
	addCarer                                           *widget.Button

	nhs, nhsAgain, nhsWhy *kit.Entry // shown to coordinators only
	nhsProblem            *widget.Label
}

func newDetailsDialog(tools *enrolTools, work worker, p careplan.Patient, onSaved func(careplan.Patient)) *detailsDialog {
	d := &detailsDialog{tools: tools, patient: p, onSaved: onSaved}
	d.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Edit details", p),
		Save: "Save details", Failed: "The details could not be saved"}, d.onSave)
	entry := func(text, hint string) *kit.Entry {
		e := kit.NewEntry(hint)
		e.SetText(text)
		return e
	}
	d.preferred = entry(p.PreferredName, "What they like to be called")
	d.address = entry(p.Contact.Address, "House, street, town")
	d.postcode = entry(p.Contact.Postcode, "e.g. BA11 1AA")
	d.phone = entry(p.Contact.Phone, "Landline at home")
	d.mobile = entry(p.Contact.Mobile, "Mobile, for texts")
	d.email = entry(p.Contact.Email, "name@example.org")
	d.emailProblem = d.form.NewProblemLabel()
	d.practice = entry(p.Practice.Name, "e.g. Frome Medical Practice")
	d.practiceProblem = d.form.NewProblemLabel()
	d.ods = entry(p.Practice.ODSCode, "e.g. L85016")
	d.odsProblem = d.form.NewProblemLabel()
	d.largePrint = widget.NewCheck("Needs large print (printed plans and letters)", nil)
	d.largePrint.SetChecked(p.Needs.LargePrint)
	d.interpreter = entry(p.Needs.Interpreter, "Language, when an interpreter is needed")
	d.otherNeeds = entry(p.Needs.Other, "e.g. hard of hearing: face them when speaking")
	d.carerList = container.NewVBox()
	d.carersProblem = d.form.NewProblemLabel()
	for _, c := range p.Carers {
		d.addCarerRow(c)
	}
	d.addCarer = widget.NewButtonWithIcon("Add a carer", theme.ContentAddIcon(), func() { d.addCarerRow(careplan.Carer{}) })
	fields := []kit.Field{
		{Name: "Preferred name", Widget: d.preferred},
		{Name: "Address", Widget: d.address},
		{Name: "Postcode", Widget: d.postcode},
		{Name: "Home phone", Widget: d.phone},
		{Name: "Mobile", Widget: d.mobile},
		{Name: "Email", Widget: d.email, Problem: d.emailProblem},
		{Name: "GP practice", Widget: d.practice, Problem: d.practiceProblem},
		{Name: "ODS code", Widget: d.ods, Problem: d.odsProblem},
		{Name: "Communication", Widget: d.largePrint},
		{Name: "Interpreter", Widget: d.interpreter},
		{Name: "Other needs", Widget: d.otherNeeds},
	}
	content := []fyne.CanvasObject{kit.Grid(fields...),
		kit.Section("Carers", d.carerList, container.NewHBox(d.addCarer), d.carersProblem)}
	if tools.correctsNHS {
		d.nhs = kit.NewEntry("Only to correct a mistyped number")
		d.nhsAgain = kit.NewEntry("The new number again")
		d.nhsWhy = kit.NewEntry("Why, and how it was checked")
		d.nhsProblem = d.form.NewProblemLabel()
		content = append(content, kit.Section("Correct the NHS number (now "+p.NHSNumber.Display()+")",
			kit.Quiet("A wrong NHS number joins one person's record to another's care: check the new one against a letter from the practice."),
			kit.Grid(kit.Field{Name: "New NHS number", Widget: d.nhs, Problem: d.nhsProblem},
				kit.Field{Name: "Type it again", Widget: d.nhsAgain},
				kit.Field{Name: "Why", Widget: d.nhsWhy})))
	}
	d.form.SetContent(content...)
	return d
}

func (d *detailsDialog) addCarerRow(c careplan.Carer) {
	r := carerRow{name: kit.NewTextEntry(), relationship: kit.NewTextEntry(), phone: kit.NewTextEntry()}
	r.name.SetPlaceHolder("Name")
	r.relationship.SetPlaceHolder("Relationship, e.g. daughter")
	r.phone.SetPlaceHolder("Phone")
	r.name.SetText(c.Name)
	r.relationship.SetText(c.Relationship)
	r.phone.SetText(c.Phone)
	d.carers = append(d.carers, r)
	d.carerList.Add(container.NewGridWithColumns(3, r.name, r.relationship, r.phone))
	d.form.Relayout()
}

// read builds the details from the form, with each problem beside its field; the rules are
// careplan's (Details.Validate).
func (d *detailsDialog) read() (careplan.Details, bool) {
	det := careplan.Details{
		PreferredName: d.preferred.Text,
		Contact: careplan.ContactDetails{Address: d.address.Text, Postcode: d.postcode.Text,
			Phone: d.phone.Text, Mobile: d.mobile.Text, Email: d.email.Text},
		Practice: careplan.Practice{Name: d.practice.Text, ODSCode: d.ods.Text},
		Needs:    careplan.CommunicationNeeds{LargePrint: d.largePrint.Checked, Interpreter: d.interpreter.Text, Other: d.otherNeeds.Text},
	}
	for _, r := range d.carers {
		det.Carers = append(det.Carers, careplan.Carer{Name: r.name.Text, Relationship: r.relationship.Text, Phone: r.phone.Text})
	}
	err := det.Validate()
	problems := kit.Problems{}
	problems.When(err, careplan.ErrEmail, d.emailProblem, kit.Sentence(careplan.ErrEmail.Error())+".")
	problems.When(err, careplan.ErrPracticeName, d.practiceProblem, "Write the name of the person's GP practice.")
	problems.When(err, careplan.ErrODSCode, d.odsProblem, "An ODS code is a letter and five digits, such as L85016.")
	problems.When(err, careplan.ErrCarerName, d.carersProblem, "Give each carer a name, or clear the row.")
	if d.nhsWanted() {
		trial := d.patient
		_, nerr := trial.CorrectNHSNumber(d.nhs.Text, d.nhsAgain.Text, d.nhsWhy.Text)
		if nerr != nil {
			problems[d.nhsProblem] = kit.Sentence(strings.ReplaceAll(nerr.Error(), "\n", "; ")) + "."
		}
	}
	return det, d.form.Show(problems)
}

// nhsWanted reports whether a coordinator has typed a new NHS number.
func (d *detailsDialog) nhsWanted() bool {
	return d.nhs != nil && strings.TrimSpace(d.nhs.Text+d.nhsAgain.Text) != ""
}

// onSave saves the details, then any NHS number correction, in the worker. Details exactly as
// they were are not an error when only the NHS number is being corrected.
func (d *detailsDialog) onSave() {
	det, ok := d.read()
	if !ok {
		return
	}
	id, nhs := d.patient.ID, d.nhsWanted()
	typed, again, why := "", "", ""
	if nhs {
		typed, again, why = d.nhs.Text, d.nhsAgain.Text, d.nhsWhy.Text
	}
	kit.SubmitResult(d.form, func() (careplan.Patient, error) {
		p, err := d.tools.enrol.CorrectDetails(id, det)
		if errors.Is(err, careplan.ErrNothingChanged) && nhs {
			err = nil
		}
		if err != nil || !nhs {
			return p, err
		}
		return d.tools.enrol.CorrectNHSNumber(id, typed, again, why)
	}, d.onSaved)
}
