package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/pam"
)

// patientRecord is everything the summary shows about one person, read together off the UI
// goroutine.
type patientRecord struct {
	patient     careplan.Patient
	plans       []careplan.Plan
	assessments []pam.Assessment
}

// patientScreen is the read-only summary of one person. The identity banner sits above the
// scrolling part so that whoever is reading always sees whose record it is: showing the wrong
// patient's plan is a clinical hazard.
type patientScreen struct {
	records Records
	work    worker
	today   careplan.Date
	onBack  func()

	back      *widget.Button
	printing  *printBar // nil when the app offers no printing
	name      *widget.Label
	nhsNumber *widget.Label
	born      *widget.Label
	status    *widget.Label
	body      *fyne.Container // loading message, then the scrolling summary
	root      fyne.CanvasObject
}

func newPatientScreen(r Records, work worker, today careplan.Date, tools *printTools, onBack func()) *patientScreen {
	s := &patientScreen{records: r, work: work, today: today, onBack: onBack}
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	if tools != nil {
		s.printing = newPrintBar(tools, work)
	}

	s.name = widget.NewLabel("")
	s.name.SizeName = theme.SizeNameHeadingText
	s.name.TextStyle.Bold = true
	s.name.Truncation = fyne.TextTruncateEllipsis
	s.nhsNumber = widget.NewLabel("")
	s.nhsNumber.TextStyle.Bold = true
	s.nhsNumber.SizeName = theme.SizeNameSubHeadingText
	s.born = widget.NewLabel("")
	s.born.TextStyle.Bold = true
	s.born.SizeName = theme.SizeNameSubHeadingText
	s.status = widget.NewLabel("")
	s.status.SizeName = theme.SizeNameSubHeadingText

	s.body = container.NewStack(centredMessage("Loading patient summary…", widget.MediumImportance))
	s.root = container.NewBorder(s.banner(), nil, nil, nil, s.body)
	if s.printing != nil {
		s.printing.screen = s.root
	}
	return s
}

// banner is the identity block: name, NHS number, date of birth and age, on a shaded band.
func (s *patientScreen) banner() fyne.CanvasObject {
	caption := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	details := container.NewHBox(
		caption("NHS number"), s.nhsNumber,
		caption("Born"), s.born,
		caption("Status"), s.status)
	shade := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	shade.CornerRadius = theme.Padding()
	band := container.NewStack(shade, container.NewPadded(container.NewVBox(s.name, details)))
	if s.printing == nil {
		return container.NewVBox(container.NewHBox(s.back), band)
	}
	top := container.NewHBox(s.back, widget.NewSeparator(), s.printing.root)
	return container.NewVBox(top, s.printing.outcome, band)
}

func (s *patientScreen) onBackTapped() { s.onBack() }

// leave tidies up as another screen takes the window.
func (s *patientScreen) leave() {
	if s.printing != nil {
		s.printing.leave()
	}
}

// load reads the person's record, plans and PAMs off the UI goroutine.
func (s *patientScreen) load(patientID string) {
	var (
		rec patientRecord
		err error
	)
	s.work.run(func() { rec, err = readPatient(s.records, patientID) }, func() { s.loaded(rec, err) })
}

func readPatient(r Records, id string) (patientRecord, error) {
	var rec patientRecord
	var err error
	if rec.patient, err = r.Patient(id); err != nil {
		return rec, err
	}
	if rec.plans, err = r.Plans(id); err != nil {
		return rec, err
	}
	rec.assessments, err = r.Assessments(id)
	return rec, err
}

// loaded runs on the UI goroutine and fills the banner and the summary.
func (s *patientScreen) loaded(rec patientRecord, err error) {
	if err != nil {
		s.name.SetText("Patient summary")
		s.showBody(centredMessage(fmt.Sprintf("This person's record could not be read: %v", err), widget.DangerImportance))
		relayout(s.root)
		return
	}
	p := rec.patient
	s.name.SetText(p.FullName())
	s.nhsNumber.SetText(p.NHSNumber.Display())
	s.born.SetText(bornWithAge(p.DateOfBirth, s.today))
	s.status.SetText(p.Status.Label())
	if s.printing != nil {
		s.printing.loaded(p, rec.plans)
	}

	sections := []fyne.CanvasObject{
		contactSection(p),
		needsSection(p.Needs),
		carersSection(p.Carers),
		conditionsSection(p.Conditions),
		nominationSection(p.Nomination),
		consentSection(p.Consent),
		statusSection(p),
		teamSection(p.Team),
		planSection(rec.plans, s.today),
		pamSection(rec.assessments, s.today),
	}
	content := container.NewVBox()
	for i, sec := range sections {
		if i > 0 {
			content.Add(widget.NewSeparator())
		}
		content.Add(sec)
	}
	s.showBody(container.NewVScroll(container.NewPadded(content)))
	relayout(s.root)
}

func (s *patientScreen) showBody(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}
