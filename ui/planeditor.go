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
	"carehub/pam"
	"carehub/ui/kit"
)

// planData is what the Care plan tab reads together off the UI goroutine.
type planData struct {
	versions    []careplan.Plan
	assessments []pam.Assessment
	templates   []careplan.Template
	services    []careplan.Service // the directory's services still offered for linking
}

// planEditor writes the person's plan with them, in the order of the conversation. The plan
// held here, not any widget, is the source of truth: every edit changes it and then autosaves
// a snapshot of it off the UI goroutine. While the agreed version is on screen the first edit
// starts the next draft from it, so an agreed version is never changed.
type planEditor struct {
	tools     *planTools
	work      worker
	today     careplan.Date
	patient   careplan.Patient
	data      planData
	onAgreed  func() // re-reads the versions once a version is agreed
	onHistory func()
	onReview  func()

	plan     careplan.Plan
	drafting bool // plan is a draft, so edits save into it
	saving   bool // a save is under way
	dirty    bool // an edit came in while saving, so save again when it finishes

	state          *widget.Label
	saveStatus     *widget.Label
	pamLevel       *widget.Label
	pamPrompt      *widget.Label
	warnings       *widget.Label
	aboutMe        *kit.Entry
	whatMatters    *kit.Entry
	strengths      *kit.Entry
	goals          *fyne.Container
	goalCards      []*goalCard
	newGoalDomain  *widget.Select
	newGoalWords   *kit.Entry
	newGoalProblem *widget.Label
	addGoal        *widget.Button
	support        *supportPart
	contingency    *contingencyPart
	people         *peoplePart
	ahead          *aheadPart
	reviewDate     *kit.Entry
	reviewProblem  *widget.Label
	fromTemplate   *widget.Button
	saveTemplate   *widget.Button
	history        *widget.Button
	review         *widget.Button
	agree          *widget.Button
	bar            *fyne.Container
	scroll         *container.Scroll
	root           fyne.CanvasObject

	agreeing  *agreeDialog    // the agree dialog last opened
	templates *templateDialog // the template dialog last opened
}

func newPlanEditor(tools *planTools, work worker, today careplan.Date, p careplan.Patient, data planData,
	onAgreed, onHistory, onReview func()) *planEditor {
	e := &planEditor{tools: tools, work: work, today: today, patient: p, data: data,
		onAgreed: onAgreed, onHistory: onHistory, onReview: onReview}
	e.plan, e.drafting = planToEdit(p.ID, data.versions)
	e.build()
	return e
}

// planToEdit picks what the editor opens on: the draft being written if there is one, else
// the latest agreed version (editing it starts a new draft), else a new empty draft.
func planToEdit(patientID string, versions []careplan.Plan) (careplan.Plan, bool) {
	agreed, hasAgreed := careplan.LatestAgreed(versions)
	draft, hasDraft := careplan.LatestDraft(versions)
	switch {
	case hasDraft && (!hasAgreed || draft.Version > agreed.Version):
		return draft.Clone(), true
	case hasAgreed:
		return agreed.Clone(), false
	}
	return careplan.Plan{PatientID: patientID, Version: 1, State: careplan.PlanDraft}, true
}

func (e *planEditor) build() {
	e.state = widget.NewLabel("")
	e.state.TextStyle.Bold = true
	e.saveStatus = widget.NewLabel("")
	e.saveStatus.Truncation = fyne.TextTruncateEllipsis
	e.pamLevel = kit.Para("")
	e.pamLevel.TextStyle.Bold = true
	e.pamPrompt = kit.Para("")
	e.warnings = kit.Para("")
	e.warnings.Importance = widget.WarningImportance
	e.warnings.TextStyle.Bold = true

	e.aboutMe = planText(e.plan.AboutMe, "In the person's own words", e.onAboutMe)
	e.whatMatters = planText(e.plan.WhatMatters, "What matters to me", e.onWhatMatters)
	e.strengths = planText(e.plan.Strengths, "What I am good at, what helps me", e.onStrengths)

	e.goals = container.NewVBox()
	e.newGoalDomain = widget.NewSelect(domainNames(), nil)
	e.newGoalDomain.PlaceHolder = "Domain"
	e.newGoalWords = kit.NewTextEntry()
	e.newGoalWords.SetPlaceHolder("A new goal in the person's words — press Enter to add")
	e.newGoalWords.OnSubmitted = e.onNewGoalSubmitted
	e.newGoalProblem = kit.NewProblemLabel()
	e.addGoal = widget.NewButtonWithIcon("Add goal", theme.ContentAddIcon(), e.onAddGoal)

	e.support = newSupportPart(e)
	e.contingency = newContingencyPart(e)
	e.people = newPeoplePart(e)
	e.ahead = newAheadPart(e)
	e.reviewDate = kit.NewTextEntry()
	e.reviewDate.SetText(kit.DateText(e.plan.ReviewDate))
	e.reviewDate.SetPlaceHolder("DD/MM/YYYY")
	e.reviewDate.OnChanged = e.onReviewDate
	e.reviewProblem = kit.NewProblemLabel()

	e.fromTemplate = widget.NewButtonWithIcon("Start from a template…", theme.DocumentCreateIcon(), e.onFromTemplate)
	e.saveTemplate = widget.NewButton("Save as template…", e.onSaveTemplate)
	e.history = widget.NewButtonWithIcon("History", theme.HistoryIcon(), e.onHistoryTapped)
	e.review = widget.NewButton("Review plan…", e.onReviewTapped)
	e.agree = widget.NewButtonWithIcon("Agree plan…", theme.ConfirmIcon(), e.onAgree)
	e.agree.Importance = widget.HighImportance

	newGoal := container.NewBorder(nil, nil, e.newGoalDomain, e.addGoal, e.newGoalWords)
	content := container.NewVBox(
		kit.Section("PAM", e.pamLevel, e.pamPrompt, e.warnings),
		widget.NewSeparator(),
		kit.Section("About me", kit.Grid(
			kit.Field{Name: "About me", Widget: e.aboutMe},
			kit.Field{Name: "What matters to me", Widget: e.whatMatters},
			kit.Field{Name: "My strengths", Widget: e.strengths})),
		widget.NewSeparator(),
		kit.Section("My goals", e.goals, newGoal, e.newGoalProblem),
		widget.NewSeparator(),
		e.support.root,
		widget.NewSeparator(),
		e.contingency.root,
		widget.NewSeparator(),
		e.people.root,
		widget.NewSeparator(),
		e.ahead.root,
		widget.NewSeparator(),
		kit.Section("Review", kit.Grid(kit.Field{Name: "Review date", Widget: e.reviewDate, Problem: e.reviewProblem})),
	)
	e.bar = container.NewHBox(e.fromTemplate, e.saveTemplate, e.history, e.review, e.agree)
	top := container.NewVBox(e.bar, container.NewBorder(nil, nil, e.state, nil, e.saveStatus))
	e.scroll = container.NewVScroll(container.NewPadded(content))
	e.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, e.scroll)
	e.showGoals()
	e.showState()
	e.showPAM()
}

// planText is a multi-line field filled with text before it listens, so filling it is not
// taken for an edit.
func planText(text, hint string, onChanged func(string)) *kit.Entry {
	en := kit.NewTextBox()
	en.Wrapping = fyne.TextWrapWord
	en.SetMinRowsVisible(2)
	en.SetText(text)
	en.SetPlaceHolder(hint)
	en.OnChanged = onChanged
	return en
}

// lineEntry is a one-line field filled before it listens.
func lineEntry(text, hint string, onChanged func(string)) *kit.Entry {
	en := kit.NewTextEntry()
	en.SetText(text)
	en.SetPlaceHolder(hint)
	en.OnChanged = onChanged
	return en
}

func domainNames() []string {
	var out []string
	for _, d := range careplan.Domains() {
		out = append(out, string(d))
	}
	return out
}

// showState says which version is on screen and whether it is agreed.
func (e *planEditor) showState() {
	p := e.plan
	switch {
	case p.State == careplan.PlanAgreed && p.Agreement != nil:
		e.state.SetText(fmt.Sprintf("Version %d · agreed by %s on %s · editing starts version %d",
			p.Version, p.Agreement.By, p.Agreement.On.Display(), p.Version+1))
		e.state.Importance = widget.MediumImportance
		e.agree.Importance = widget.MediumImportance // nothing new to agree: no call to action
	default:
		e.state.SetText(fmt.Sprintf("Version %d · Draft — not yet agreed", p.Version))
		e.state.Importance = widget.WarningImportance
		e.agree.Importance = widget.HighImportance
	}
	e.state.Refresh()
	e.agree.Refresh()
	e.fromTemplate.Hidden = len(p.Goals) > 0
	e.bar.Refresh() // lays the buttons out again without the hidden one
	_, hasAgreed := careplan.LatestAgreed(e.data.versions)
	if hasAgreed {
		e.review.Enable()
	} else {
		e.review.Disable()
	}
}

// showPAM shows the latest PAM level, the tailoring prompt for it and any warnings.
func (e *planEditor) showPAM() {
	if latest, ok := pam.Latest(e.data.assessments); ok {
		e.pamLevel.SetText(fmt.Sprintf("Latest PAM: %s — %s (%s)", latest.Level, latest.Level.Description(), latest.TakenOn.Display()))
		e.pamPrompt.SetText(pam.Prompt(latest.Level))
		e.pamPrompt.Show()
	} else {
		e.pamLevel.SetText("Latest PAM: none recorded")
		e.pamPrompt.Hide()
	}
	warnings := pam.PlanWarnings(e.plan, e.data.assessments)
	e.warnings.SetText(strings.Join(warnings, "\n"))
	e.warnings.Hidden = len(warnings) == 0
	e.warnings.Refresh()
}

// showGoals redraws the goals from the plan; used when a goal or action is added.
func (e *planEditor) showGoals() {
	e.goalCards = e.goalCards[:0]
	e.goals.RemoveAll()
	for i := range e.plan.Goals {
		c := newGoalCard(e, i)
		e.goalCards = append(e.goalCards, c)
		e.goals.Add(c.root)
	}
	if len(e.plan.Goals) == 0 {
		e.goals.Add(kit.Quiet("No goals yet: add one below, or start from a template."))
	}
	e.goals.Refresh()
	e.support.showGoals()
}

// beginEdit makes sure edits go into a draft: the first edit of an agreed version starts the
// next one from it (careplan.Plan.NextDraft), with no id until its first save.
func (e *planEditor) beginEdit() {
	if e.drafting {
		return
	}
	e.plan = e.plan.NextDraft("")
	e.drafting = true
	e.showState()
}

// edited is called after every change to the plan: it saves the draft.
func (e *planEditor) edited() {
	e.showPAM()
	e.autosave()
}

// autosave saves a snapshot of the draft off the UI goroutine. Only one save runs at a time:
// edits made meanwhile are saved together when it finishes, so a new draft is never created
// twice and saves never overtake one another.
func (e *planEditor) autosave() {
	e.dirty = true
	if e.saving {
		return
	}
	e.saveNow()
}

func (e *planEditor) saveNow() {
	e.dirty, e.saving = false, true
	snap := e.plan.Clone()
	e.setSaveStatus("Saving…", widget.MediumImportance)
	var err error
	e.work.run(func() { err = e.tools.plans.SavePlan(&snap) }, func() { e.saved(snap, err) })
}

// saved runs on the UI goroutine once a save has finished.
func (e *planEditor) saved(snap careplan.Plan, err error) {
	e.saving = false
	if e.plan.ID == "" && snap.ID != "" && e.plan.State == careplan.PlanDraft {
		e.plan.ID = snap.ID
	}
	switch {
	case err != nil && e.dirty:
	case err != nil:
		e.setSaveStatus("Not saved yet: "+planProblem(err), widget.DangerImportance)
		e.dirty = true // the next edit tries again with everything
		return
	default:
		e.setSaveStatus("Saved", widget.SuccessImportance)
	}
	if e.dirty {
		e.saveNow()
	}
}

// planProblem writes a save's error in a line.
func planProblem(err error) string {
	if errors.Is(err, careplan.ErrPlanLocked) {
		return "this version has been agreed; reopen the plan to start a new draft"
	}
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

func (e *planEditor) setSaveStatus(text string, imp widget.Importance) {
	e.saveStatus.SetText(text)
	e.saveStatus.Importance = imp
	e.saveStatus.Refresh()
}

func (e *planEditor) onAboutMe(s string)     { e.beginEdit(); e.plan.AboutMe = s; e.edited() }
func (e *planEditor) onWhatMatters(s string) { e.beginEdit(); e.plan.WhatMatters = s; e.edited() }
func (e *planEditor) onStrengths(s string)   { e.beginEdit(); e.plan.Strengths = s; e.edited() }

func (e *planEditor) onReviewDate(s string) {
	if strings.TrimSpace(s) == "" {
		kit.SetProblem(e.reviewProblem, "")
		e.beginEdit()
		e.plan.ReviewDate = careplan.Date{}
		e.edited()
		return
	}
	d, err := careplan.ParseDate(s)
	if err != nil {
		kit.SetProblem(e.reviewProblem, "Write the date as DD/MM/YYYY")
		return
	}
	kit.SetProblem(e.reviewProblem, "")
	e.beginEdit()
	e.plan.ReviewDate = d
	e.edited()
}

func (e *planEditor) onNewGoalSubmitted(string) { e.onAddGoal() }

// onAddGoal adds the goal typed in the new-goal line, then puts the cursor in its first
// action, so the plan can be written without the mouse.
func (e *planEditor) onAddGoal() {
	words := strings.TrimSpace(e.newGoalWords.Text)
	domain := careplan.Domain(e.newGoalDomain.Selected)
	switch {
	case domain == "":
		kit.SetProblem(e.newGoalProblem, "Choose the goal's domain first")
		return
	case words == "":
		kit.SetProblem(e.newGoalProblem, "Write the goal in the person's own words")
		return
	}
	kit.SetProblem(e.newGoalProblem, "")
	e.beginEdit()
	e.plan.Goals = append(e.plan.Goals, careplan.Goal{ID: newRecordID(), Domain: domain, InMyWords: words})
	e.newGoalWords.SetText("")
	e.newGoalDomain.ClearSelected()
	e.showGoals()
	e.showState()
	e.edited()
	e.focus(e.goalCards[len(e.goalCards)-1].newAction)
}

// addAction adds an action the person will do, open and undated, under goal gi.
func (e *planEditor) addAction(gi int, what string) {
	e.beginEdit()
	g := &e.plan.Goals[gi]
	g.Actions = append(g.Actions, careplan.Action{ID: newRecordID(), What: what,
		Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}, Status: careplan.ActionOpen})
	e.showGoals()
	e.edited()
	e.focus(e.goalCards[gi].newAction)
}

// removeGoal takes goal gi out of the draft, with its links from signposting
// (careplan.Plan.RemoveGoal).
func (e *planEditor) removeGoal(gi int) {
	e.beginEdit()
	e.plan.RemoveGoal(e.plan.Goals[gi].ID)
	e.showGoals()
	e.showState()
	e.edited()
}

// removeAction takes action ai of goal gi out of the draft.
func (e *planEditor) removeAction(gi, ai int) {
	e.beginEdit()
	g := &e.plan.Goals[gi]
	g.Actions = append(append([]careplan.Action(nil), g.Actions[:ai]...), g.Actions[ai+1:]...)
	e.showGoals()
	e.edited()
}

// focus puts the keyboard focus on o, so typing carries on where the next thing goes.
func (e *planEditor) focus(o fyne.Focusable) {
	e.tools.w.Canvas().Focus(o)
}

func (e *planEditor) onHistoryTapped() { e.onHistory() }
func (e *planEditor) onReviewTapped()  { e.onReview() }

// leave closes any dialog still open, so it cannot outlive the person's record.
func (e *planEditor) leave() {
	if e.agreeing != nil {
		e.agreeing.close()
	}
	if e.templates != nil {
		e.templates.close()
	}
	if e.support.adding != nil {
		e.support.adding.close()
	}
}
