package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/devices"
	"carehub/careplan/myplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/ui/kit"
)

// patientRecord is everything the summary shows about one person, read together off the UI
// goroutine.
type patientRecord struct {
	patient     careplan.Patient
	plans       []careplan.Plan
	assessments []pam.Assessment
	outcomes    []outcomes.Record   // read only for those who may record outcomes
	checkIns    []myplan.CheckIn    // from their tablet
	unsettled   []string            // open conflicts in their records, in words
	tablet      devices.TabletState // how current their tablet is
	readOnly    string              // why the signed-in person may not change it ("" when they may)
}

// patientReaders are what the summary reads one person's records through, whoever is signed in.
type patientReaders struct {
	records  Records
	plans    planReader
	measures measureReader
	checkIns checkInReader
	conflict unsettledReader
	tabletOf tabletStateReader
}

// planReader reads a person's plan versions; Plans is one.
type planReader interface {
	Plans(patientID string) ([]careplan.Plan, error)
}

// measureReader reads a person's PAMs and other outcome measures; Outcomes is one.
type measureReader interface {
	Assessments(patientID string) ([]pam.Assessment, error)
	Outcomes(patientID string) ([]outcomes.Record, error)
}

// patientScreen is the read-only summary of one person. The identity banner sits above the
// scrolling part so that whoever is reading always sees whose record it is: showing the wrong
// patient's plan is a clinical hazard.
type patientScreen struct {
	read   patientReaders
	tools  *outcomeTools // nil when they may not change the record: no tabs, only the summary
	work   worker
	today  careplan.Date
	onBack func()
	rec    patientRecord // what was read, kept to redraw after a measure is saved

	back      *widget.Button
	printing  *printBar // nil: no print bar
	name      *widget.Label
	nhsNumber *widget.Label
	born      *widget.Label
	status    *widget.Label
	body      *fyne.Container // loading message, then the scrolling summary (or the tabs)
	tabs      *container.AppTabs
	identity  *fyne.Container // name over details, or beside them when folded
	details   *fyne.Container // NHS number, date of birth, status
	folded    bool            // the header folded down to one line, for a tab that needs height
	enrolOn   bool            // the enrolment bar has buttons (shown unless folded)
	outcomes  *outcomesTab
	root      fyne.CanvasObject

	planTools *planTools // nil when they may not change the record: no Care plan tab
	plan      *planTab

	enrol    *enrolTools     // nil when they may not change the record: no enrolment bar
	enrolBar *fyne.Container // consent, status, care team and contacts; hidden until filled
	enrolDlg *enrolDialogs   // the enrolment dialogs last opened

	tablets      *tabletTools       // nil when the signed-in account may not set up tablets
	tabletButton *widget.Button     // "Set up tablet…", on the enrolment bar when shown
	tabletDlg    *tabletSetupDialog // the set-up dialog last opened
}

func newPatientScreen(read patientReaders, work worker, today careplan.Date, tools *printTools, outcomeTools *outcomeTools, onBack func()) *patientScreen {
	s := &patientScreen{read: read, tools: outcomeTools, work: work, today: today, onBack: onBack}
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

	s.body = container.NewStack(kit.CentredMessage("Loading patient summary…", widget.MediumImportance))
	s.enrolBar = container.NewHBox()
	s.enrolBar.Hide()
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
	s.details = details
	s.identity = container.NewVBox(s.name, details)
	band := container.NewStack(shade, container.NewPadded(s.identity))
	if s.printing == nil {
		return container.NewVBox(container.NewHBox(s.back), band, s.enrolBar)
	}
	top := container.NewHBox(s.back, widget.NewSeparator(), s.printing.root)
	return container.NewVBox(top, s.printing.outcome, band, s.enrolBar)
}

func (s *patientScreen) onBackTapped() { s.onBack() }

// leave tidies up as another screen takes the window.
func (s *patientScreen) leave() {
	if s.printing != nil {
		s.printing.leave()
	}
	if s.outcomes != nil {
		s.outcomes.leave()
	}
	if s.plan != nil {
		s.plan.leave()
	}
}

// load reads the person's record, plans and PAMs off the UI goroutine.
func (s *patientScreen) load(patientID string) {
	var (
		rec patientRecord
		err error
	)
	read, withOutcomes := s.read, s.tools != nil
	s.work.run(func() {
		if rec, err = readPatient(read, withOutcomes, patientID); err == nil {
			rec.checkIns, err = read.checkIns.CheckIns(patientID)
		}
		if err == nil {
			rec.unsettled, err = read.conflict.Unsettled(patientID)
		}
		if err == nil {
			rec.tablet, err = read.tabletOf.TabletOf(patientID)
		}
		if err == nil && !withOutcomes {
			rec.readOnly = read.records.ReadOnlyBecause(patientID)
		}
	}, func() { s.loaded(rec, err) })
}

// readPatient reads a person's record, plans and measures; their outcome records only with
// withOutcomes, for the Outcomes tab.
func readPatient(read patientReaders, withOutcomes bool, id string) (patientRecord, error) {
	var rec patientRecord
	var err error
	if rec.patient, err = read.records.Patient(id); err != nil {
		return rec, err
	}
	if rec.plans, err = read.plans.Plans(id); err != nil {
		return rec, err
	}
	rec.assessments, rec.outcomes, err = readMeasures(read.measures, withOutcomes, id)
	return rec, err
}

// readMeasures reads a person's PAM assessments, and their other outcomes with withOutcomes.
func readMeasures(m measureReader, withOutcomes bool, id string) ([]pam.Assessment, []outcomes.Record, error) {
	assessments, err := m.Assessments(id)
	if err != nil || !withOutcomes {
		return assessments, nil, err
	}
	recs, err := m.Outcomes(id)
	return assessments, recs, err
}

// reloadMeasures reads the person's measures again after one was saved, then redraws the
// summary and the Outcomes tab, staying on the tab the user is looking at.
func (s *patientScreen) reloadMeasures() {
	var (
		id          = s.rec.patient.ID
		assessments []pam.Assessment
		recs        []outcomes.Record
		err         error
	)
	s.work.run(func() { assessments, recs, err = readMeasures(s.read.measures, true, id) },
		func() { s.measuresReloaded(id, assessments, recs, err) })
}

func (s *patientScreen) measuresReloaded(id string, assessments []pam.Assessment, recs []outcomes.Record, err error) {
	if id != s.rec.patient.ID {
		return // another person has been opened since
	}
	if err != nil {
		s.showBody(kit.CentredMessage(fmt.Sprintf("The saved measure could not be read back: %v", err), widget.DangerImportance))
		kit.Relayout(s.root)
		return
	}
	s.rec.assessments, s.rec.outcomes = assessments, recs
	s.showRecord()
}

// loaded runs on the UI goroutine and fills the banner and the summary.
func (s *patientScreen) loaded(rec patientRecord, err error) {
	if err != nil {
		s.name.SetText("Patient summary")
		s.showBody(kit.CentredMessage(fmt.Sprintf("This person's record could not be read: %v", err), widget.DangerImportance))
		kit.Relayout(s.root)
		return
	}
	s.rec = rec
	p := rec.patient
	s.name.SetText(p.FullName())
	s.nhsNumber.SetText(p.NHSNumber.Display())
	s.born.SetText(bornWithAge(p.DateOfBirth, s.today))
	s.status.SetText(p.Status.Label())
	if s.printing != nil {
		s.printing.loaded(p, rec.plans)
	}
	if s.tools != nil {
		s.outcomes = newOutcomesTab(s.tools, s.work, s.today, p, s.reloadMeasures)
	}
	s.startPlanTab(p)
	s.showEnrolment(p)
	s.showTabletSetup(p)
	s.showRecord()
}

// showRecord draws the summary, and the Outcomes tab beside it for those who may record outcomes.
func (s *patientScreen) showRecord() {
	rec := s.rec
	p := rec.patient
	sections := []fyne.CanvasObject{
		unsettledSection(rec.unsettled), // a safety notice comes first
		readOnlyNote(rec.readOnly),
		contactSection(p),
		needsSection(p.Needs),
		carersSection(p.Carers),
		conditionsSection(p.Conditions),
		nominationSection(p.Nomination),
		consentSection(p),
		statusSection(p),
		teamSection(p.Team),
		planSection(rec.plans, p.Status, s.today),
		tabletSection(rec.tablet),
		checkInSection(rec.checkIns, rec.plans),
		pamSection(rec.assessments, s.today),
	}
	content := container.NewVBox()
	for _, sec := range sections {
		if sec == nil {
			continue
		}
		if len(content.Objects) > 0 {
			content.Add(widget.NewSeparator())
		}
		content.Add(sec)
	}
	summary := container.NewVScroll(container.NewPadded(content))
	if s.outcomes == nil && s.plan == nil {
		s.showBody(summary)
		kit.Relayout(s.root)
		return
	}
	items := []*container.TabItem{container.NewTabItem("Summary", summary)}
	if s.outcomes != nil {
		s.outcomes.show(rec.assessments, rec.outcomes)
		items = append(items, container.NewTabItem("Outcomes", s.outcomes.root))
	}
	items = append(items, s.planTabItems(rec)...)
	selected := 0
	if s.tabs != nil {
		selected = s.tabs.SelectedIndex()
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.SelectIndex(selected)
	s.tabs.OnSelected = s.onTabSelected
	s.fold(selected != 0)
	s.showBody(s.tabs)
	kit.Relayout(s.root)
}

// readOnlyNote says at the top of a record opened read only why it is, and who can change it:
// a record with no buttons and no reason looks broken.
func readOnlyNote(why string) fyne.CanvasObject {
	if why == "" {
		return nil
	}
	l := kit.Para(why)
	l.Importance = widget.WarningImportance
	return l
}

// showOutcomes switches to the Outcomes tab, when there is one.
func (s *patientScreen) showOutcomes() {
	if s.tabs != nil {
		s.tabs.SelectIndex(1)
	}
}

func (s *patientScreen) showBody(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// onTabSelected folds the header down on the working tabs (Outcomes, Care plan): their forms
// need the height, while the name, NHS number and date of birth stay in view on one line.
func (s *patientScreen) onTabSelected(t *container.TabItem) {
	s.fold(s.tabs.SelectedIndex() != 0)
}

// fold puts the header on one line, without the enrolment buttons (which are the Summary's),
// or back as it was.
func (s *patientScreen) fold(on bool) {
	s.folded = on
	if on {
		s.name.SizeName = theme.SizeNameSubHeadingText
		s.identity.Layout = layout.NewBorderLayout(nil, nil, nil, s.details) // a long name is cut, never the NHS number
	} else {
		s.name.SizeName = theme.SizeNameHeadingText
		s.identity.Layout = layout.NewVBoxLayout()
	}
	s.name.Refresh()
	s.enrolBar.Hidden = on || !s.enrolOn
	kit.Relayout(s.identity)
	kit.Relayout(s.root)
}
