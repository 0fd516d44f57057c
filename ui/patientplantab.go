package ui

import (
	"fyne.io/fyne/v2/container"

	"carehub/careplan"
)

// The patient screen's Care plan tab: kept here so patient.go only gains the hooks.

// planTools gathers what the Care plan tab needs.
func (s *session) planTools() *planTools {
	return &planTools{plans: s.svc.Plans, w: s.w}
}

// startPlanTab makes the Care plan tab for the person just read, for those who may edit it.
func (s *patientScreen) startPlanTab(p careplan.Patient) {
	if s.planTools == nil {
		return
	}
	tools := *s.planTools
	if s.outcomes != nil {
		tools.recordPAM = s.recordPAMForPlan
	}
	if s.printing != nil {
		tools.print = s.printing.tools
	}
	s.plan = newPlanTab(&tools, s.work, s.today, p, s.rec.assessments, s.plansChanged)
	s.plan.load()
}

// planTabItems is the Care plan tab, if there is one, given the person's latest measures.
func (s *patientScreen) planTabItems(rec patientRecord) []*container.TabItem {
	if s.plan == nil {
		return nil
	}
	s.plan.setAssessments(rec.assessments)
	return []*container.TabItem{container.NewTabItem("Care plan", s.plan.root)}
}

// showPlan switches to the Care plan tab, when there is one.
func (s *patientScreen) showPlan() {
	if s.tabs != nil && s.plan != nil {
		s.tabs.SelectIndex(len(s.tabs.Items) - 1)
	}
}

// plansChanged redraws the summary once a version has been agreed, so it never shows an
// older version as the current one.
func (s *patientScreen) plansChanged(versions []careplan.Plan) {
	s.rec.plans = versions
	if s.printing != nil {
		s.printing.loaded(s.rec.patient, versions)
	}
	s.showRecord()
}

// recordPAMForPlan opens the Outcomes tab's PAM form from the review.
func (s *patientScreen) recordPAMForPlan() {
	s.showOutcomes()
	s.outcomes.onRecordPAM()
}
