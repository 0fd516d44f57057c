package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/ui/kit"
)

// nominationScreen is a GP practice's nomination, typed in by the hub: the practice, the
// nominating clinician, the person and their long-term conditions. It checks as it goes — the
// NHS number as it is typed, whether the person is already on the hub, dates — and saves only
// a whole, valid nomination. The rules are careplan's; the screen only says them next to the
// field they are about.
type nominationScreen struct {
	tools  *enrolTools
	work   worker
	today  careplan.Date
	index  *caseload.Index // the caseload in memory, for the duplicate checks; may be empty
	onOpen func(patientID string)
	onBack func()

	practice        *kit.Entry
	practiceProblem *widget.Label
	ods             *kit.Entry
	odsProblem      *widget.Label
	clinician       *kit.Entry
	clinicianProb   *widget.Label
	nominatedOn     *kit.Entry
	nominatedOnProb *widget.Label
	reason          *kit.Entry
	reasonProblem   *widget.Label

	nhs          *kit.Entry
	nhsProblem   *widget.Label
	nhsOK        *widget.Label // "Valid NHS number" once all ten digits check
	existing     *widget.Label // "Already on the hub: …"
	openExisting *widget.Button
	existingID   string // the patient who already has the typed NHS number
	existingSays string // who they are: name, date of birth and status
	given        *kit.Entry
	givenProblem *widget.Label
	family       *kit.Entry
	familyProb   *widget.Label
	born         *kit.Entry
	bornProblem  *widget.Label
	address      *kit.Entry
	postcode     *kit.Entry
	phone        *kit.Entry
	lookalike    *widget.Label // same name and date of birth, different NHS number
	lookalikeMsg string        // the warning as checkLookalikes wrote it
	notSame      *widget.Check // "I have checked this is a different person"

	conditions *conditionPicker
	judgement  *fyne.Container // shown when fewer than three conditions are chosen
	judgeWhy   *kit.Entry
	judgeWhyP  *widget.Label
	judgeBy    *kit.Entry
	judgeByP   *widget.Label

	problem *widget.Label // a save that failed
	save    *widget.Button
	cancel  *widget.Button
	form    *fyne.Container
	scroll  *container.Scroll
	root    fyne.CanvasObject
}

func newNominationScreen(tools *enrolTools, work worker, today careplan.Date, ix *caseload.Index,
	onOpen func(string), onBack func()) *nominationScreen {
	if ix == nil {
		ix = caseload.New(nil)
	}
	s := &nominationScreen{tools: tools, work: work, today: today, index: ix, onOpen: onOpen, onBack: onBack}
	entry := func(placeholder string) *kit.Entry {
		e := kit.NewTextEntry()
		e.SetPlaceHolder(placeholder)
		return e
	}
	s.practice, s.practiceProblem = entry("e.g. Frome Medical Practice"), kit.NewProblemLabel()
	s.ods, s.odsProblem = entry("e.g. L85016"), kit.NewProblemLabel()
	s.clinician, s.clinicianProb = entry("e.g. Dr Helen Ames"), kit.NewProblemLabel()
	s.nominatedOn, s.nominatedOnProb = entry("DD/MM/YYYY"), kit.NewProblemLabel()
	s.reason, s.reasonProblem = kit.NewTextBox(), kit.NewProblemLabel()
	s.reason.SetPlaceHolder("Why the practice thinks the hub can help")
	s.reason.SetMinRowsVisible(2)
	s.reason.Wrapping = fyne.TextWrapWord

	s.nhs, s.nhsProblem = entry("e.g. 943 476 5919"), kit.NewProblemLabel()
	s.nhs.OnChanged = s.onNHSChanged
	s.nhsOK = widget.NewLabel("")
	s.nhsOK.Importance = widget.SuccessImportance
	s.nhsOK.TextStyle.Bold = true
	s.nhsOK.Hide()
	s.existing = kit.NewProblemLabel()
	s.existing.Importance = widget.WarningImportance
	s.openExisting = widget.NewButtonWithIcon("Open their record", theme.NavigateNextIcon(), s.onOpenExisting)
	s.openExisting.Hide()
	s.given, s.givenProblem = entry("Given name"), kit.NewProblemLabel()
	s.family, s.familyProb = entry("Family name"), kit.NewProblemLabel()
	s.born, s.bornProblem = entry("DD/MM/YYYY"), kit.NewProblemLabel()
	s.address, s.postcode, s.phone = entry("Home address"), entry("e.g. BA11 1AA"), entry("Home or mobile")
	for _, e := range []*kit.Entry{s.given, s.family} {
		e.OnChanged = s.onIdentityChanged
	}
	s.born.OnChanged = s.onBornChanged
	s.nominatedOn.OnChanged = s.onNominatedChanged
	s.lookalike = kit.NewProblemLabel()
	s.lookalike.Importance = widget.WarningImportance
	s.notSame = widget.NewCheck("I have checked: this is a different person", nil)
	s.notSame.Hide()

	s.conditions = newConditionPicker(s.onConditionsChanged)
	s.judgeWhy, s.judgeWhyP = entry("Why the hub should take them on"), kit.NewProblemLabel()
	s.judgeBy, s.judgeByP = entry("Who made the clinical judgement"), kit.NewProblemLabel()

	s.problem = kit.NewProblemLabel()
	s.save = widget.NewButtonWithIcon("Save nomination", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButton("Cancel", s.onCancel)
	s.root = s.layout()
	s.onConditionsChanged()
	kit.OnEdit(s.recheck, s.practice, s.ods, s.clinician, s.nominatedOn, s.reason, s.nhs, s.given, s.family, s.born,
		s.judgeWhy, s.judgeBy)
	s.notSame.OnChanged = s.onNotSameChanged
	return s
}

// layout puts the nomination and the person in two titled blocks on a scrolling page.
func (s *nominationScreen) layout() fyne.CanvasObject {
	practice := kit.Grid(
		kit.Field{Name: "Practice", Widget: s.practice, Problem: s.practiceProblem},
		kit.Field{Name: "ODS code", Widget: s.ods, Problem: s.odsProblem},
		kit.Field{Name: "Nominating clinician", Widget: s.clinician, Problem: s.clinicianProb},
		kit.Field{Name: "Date of nomination", Widget: s.nominatedOn, Problem: s.nominatedOnProb},
		kit.Field{Name: "Reason", Widget: s.reason, Problem: s.reasonProblem})
	nhs := container.NewVBox(s.nhs, s.nhsProblem, s.nhsOK, s.existing, container.NewHBox(s.openExisting))
	person := kit.Grid(
		kit.Field{Name: "NHS number", Widget: nhs},
		kit.Field{Name: "Given name", Widget: s.given, Problem: s.givenProblem},
		kit.Field{Name: "Family name", Widget: s.family, Problem: s.familyProb},
		kit.Field{Name: "Date of birth", Widget: s.born, Problem: s.bornProblem},
		kit.Field{Name: "Address", Widget: s.address},
		kit.Field{Name: "Postcode", Widget: s.postcode},
		kit.Field{Name: "Phone", Widget: s.phone})
	s.judgement = container.NewVBox(
		kit.Quiet("Fewer than three long-term conditions: the hub takes the person on only with a clinical-judgement reason and the name of who made it."),
		kit.Grid(kit.Field{Name: "Reason", Widget: s.judgeWhy, Problem: s.judgeWhyP}, kit.Field{Name: "Decided by", Widget: s.judgeBy, Problem: s.judgeByP}))
	s.form = container.NewVBox(
		kit.Section("The practice's nomination", practice),
		widget.NewSeparator(),
		kit.Section("The person", person, s.lookalike, s.notSame),
		widget.NewSeparator(),
		kit.Section("Long-term conditions", s.conditions.root, s.judgement))
	title := widget.NewLabel("Nominate a patient")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle.Bold = true
	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onCancel)
	top := container.NewBorder(nil, nil, container.NewHBox(back, title), container.NewHBox(s.cancel, s.save))
	page := container.New(&kit.ReadingWidth{Max: 820}, container.NewPadded(s.form))
	// The form's own problem sits under the buttons, where it is seen whatever the scroll.
	s.scroll = container.NewVScroll(page)
	return container.NewBorder(container.NewVBox(top, s.problem), nil, nil, nil, s.scroll)
}

func (s *nominationScreen) onCancel() { s.onBack() }

func (s *nominationScreen) onOpenExisting() {
	if s.existingID != "" {
		s.onOpen(s.existingID)
	}
}

// onNHSChanged checks the NHS number as it is typed, and looks for it on the caseload.
func (s *nominationScreen) onNHSChanged(typed string) {
	n, complete, err := careplan.CheckNHSTyping(typed)
	kit.SetProblem(s.nhsProblem, nhsProblemText(err))
	s.nhsOK.Hidden = !complete
	s.nhsOK.SetText("Valid NHS number")
	s.existingID, s.existingSays = "", ""
	if complete {
		if e, ok := s.index.ByNHS(n); ok {
			s.existingID = e.PatientID
			s.existingSays = fmt.Sprintf("%s %s, born %s (%s)", e.GivenName, e.FamilyName, e.DateOfBirth.Display(), e.Status.Label())
		}
	}
	s.showExisting()
	s.checkLookalikes()
	kit.Relayout(s.form)
}

// showExisting says when the NHS number belongs to someone already on the hub, and offers
// their record: a second record for one person splits their care in two.
func (s *nominationScreen) showExisting() {
	if s.existingID == "" {
		kit.SetProblem(s.existing, "")
		s.openExisting.Hide()
		return
	}
	kit.SetProblem(s.existing, "Already on the hub: "+s.existingSays+". Open their record rather than nominating them again.")
	s.openExisting.Show()
}

func (s *nominationScreen) onIdentityChanged(string) {
	s.checkLookalikes()
	kit.Relayout(s.form)
}

// onBornChanged says at once when a finished date of birth is in the future.
func (s *nominationScreen) onBornChanged(typed string) {
	kit.SetProblem(s.bornProblem, typedDateProblem(typed, s.today, "The date of birth cannot be in the future."))
	s.checkLookalikes()
	kit.Relayout(s.form)
}

func (s *nominationScreen) onNominatedChanged(typed string) {
	kit.SetProblem(s.nominatedOnProb, typedDateProblem(typed, s.today, "The nomination cannot be dated in the future."))
	kit.Relayout(s.form)
}

// checkLookalikes warns when someone on the hub has the same name and date of birth but a
// different NHS number, and asks for a tick that they have been checked.
func (s *nominationScreen) checkLookalikes() {
	born, err := careplan.ParseDate(s.born.Text)
	n, _, _ := careplan.CheckNHSTyping(s.nhs.Text)
	var found []careplan.CaseloadEntry
	if err == nil {
		found = s.index.Lookalikes(s.given.Text, s.family.Text, born, n)
	}
	if len(found) == 0 {
		kit.SetProblem(s.lookalike, "")
		s.notSame.Hide()
		s.notSame.SetChecked(false)
		return
	}
	e := found[0]
	s.lookalikeMsg = fmt.Sprintf("Someone with the same name and date of birth is already on the hub with a different NHS number (%s). Check this is not the same person before saving.",
		e.NHSNumber.Display())
	kit.SetProblem(s.lookalike, s.lookalikeMsg)
	s.notSame.Show()
}

// onConditionsChanged asks for a clinical-judgement reason only when it is needed.
func (s *nominationScreen) onConditionsChanged() {
	if s.judgement == nil {
		return
	}
	s.judgement.Hidden = len(s.conditions.chosen) >= careplan.MinConditions
	if s.judgement.Hidden {
		kit.SetProblem(s.judgeWhyP, "")
		kit.SetProblem(s.judgeByP, "")
	}
	s.judgement.Refresh()
	kit.Relayout(s.form)
	s.recheck()
}

func (s *nominationScreen) onNotSameChanged(bool) { s.recheck() }
