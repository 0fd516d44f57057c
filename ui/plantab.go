package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/pam"
	"carehub/ui/kit"
)

// planTab is the patient screen's Care plan tab. It shows the editor, and in its place the
// version history or the review wizard, reading the plan's versions, templates and the
// services directory off the UI goroutine.
type planTab struct {
	tools     *planTools
	work      worker
	today     careplan.Date
	patient   careplan.Patient
	onChanged func(versions []careplan.Plan) // the summary redraws after a version is agreed
	data      planData
	read      bool // the plan has been read once; later reads follow a change

	editor  *planEditor
	history *planHistory
	version *planVersion // a version opened read-only from the history
	review  *reviewWizard
	body    *fyne.Container
	root    fyne.CanvasObject
}

func newPlanTab(tools *planTools, work worker, today careplan.Date, p careplan.Patient,
	assessments []pam.Assessment, onChanged func([]careplan.Plan)) *planTab {
	t := &planTab{tools: tools, work: work, today: today, patient: p, onChanged: onChanged}
	t.data.assessments = assessments
	t.body = container.NewStack(kit.CentredMessage("Loading the care plan…", widget.MediumImportance))
	t.root = t.body
	return t
}

// setAssessments takes the person's PAMs again after one is recorded, so the prompt and the
// review's PAM step use the new level.
func (t *planTab) setAssessments(a []pam.Assessment) {
	t.data.assessments = a
	if t.editor != nil {
		t.editor.data.assessments = a
		t.editor.showPAM()
	}
	if t.review != nil {
		t.review.assessments = a
	}
}

// load reads the versions, templates and services.
func (t *planTab) load() {
	var (
		data = planData{assessments: t.data.assessments}
		err  error
	)
	t.work.run(func() { data, err = readPlanData(t.tools.plans, t.patient.ID, data) }, func() { t.loaded(data, err) })
}

func readPlanData(p Plans, patientID string, data planData) (planData, error) {
	var err error
	if data.versions, err = p.Plans(patientID); err != nil {
		return data, err
	}
	if data.templates, err = p.Templates(); err != nil {
		return data, err
	}
	all, err := p.Services()
	// Only services still offered can be linked; plans already linking a withdrawn one keep
	// their copy in the plan itself.
	data.services = careplan.OfferedServices(all)
	return data, err
}

func (t *planTab) loaded(data planData, err error) {
	if err != nil {
		t.show(kit.CentredMessage(fmt.Sprintf("The care plan could not be read: %v", err), widget.DangerImportance))
		return
	}
	again := t.read
	t.read, t.data = true, data
	if again && t.onChanged != nil {
		t.onChanged(data.versions)
	}
	t.showEditor()
}

func (t *planTab) show(o fyne.CanvasObject) {
	t.body.Objects = []fyne.CanvasObject{o}
	t.body.Refresh()
}

// showEditor opens the editor on the draft, or on the latest agreed version.
func (t *planTab) showEditor() {
	t.leave()
	t.history, t.review, t.version = nil, nil, nil
	t.editor = newPlanEditor(t.tools, t.work, t.today, t.patient, t.data, t.load, t.showHistory, t.showReview)
	t.show(t.editor.root)
}

// showHistory lists the versions and what changed between two of them. The versions are read
// again first, so the history includes every edit autosaved so far.
func (t *planTab) showHistory() {
	var (
		versions []careplan.Plan
		err      error
	)
	t.work.run(func() { versions, err = t.tools.plans.Plans(t.patient.ID) }, func() {
		if err != nil {
			t.show(kit.CentredMessage(fmt.Sprintf("The plan's history could not be read: %v", err), widget.DangerImportance))
			return
		}
		t.data.versions = versions
		t.leave()
		t.history = newPlanHistory(versions, t.onBackToEditor, t.showVersion)
		t.show(t.history.root)
	})
}

// showVersion opens one version from the history read-only, saying whether it is the current
// plan, with its own Print button for those who may print.
func (t *planTab) showVersion(p careplan.Plan) {
	t.version = newPlanVersion(t.tools.print, t.work, t.patient, p, t.data.versions, t.showHistory)
	t.show(t.version.root)
}

// showReview starts the review wizard on the plan's current version.
func (t *planTab) showReview() {
	t.leave()
	t.review = newReviewWizard(t.tools, t.work, t.today, t.patient, t.data, t.onBackToEditor, t.onReviewAgreed)
	t.show(t.review.root)
}

func (t *planTab) onBackToEditor() { t.load() }

// onReviewAgreed reads the versions again once the review's new version is agreed, staying on
// the wizard's last page so the discharge suggestion can be read.
func (t *planTab) onReviewAgreed() {
	var (
		data = planData{assessments: t.data.assessments}
		err  error
	)
	t.work.run(func() { data, err = readPlanData(t.tools.plans, t.patient.ID, data) }, func() {
		if err == nil {
			t.data = data
			if t.onChanged != nil {
				t.onChanged(data.versions)
			}
		}
	})
}

// leave closes any dialog open over the tab.
func (t *planTab) leave() {
	if t.editor != nil {
		t.editor.leave()
	}
}
