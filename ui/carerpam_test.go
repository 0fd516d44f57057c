package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/pam"
)

// ownThenCarerPAM is the person's own PAM at level 1, then their carer's at level 4, later:
// the carer's must never stand in for the person's (hazard log: a carer's PAM taken for the
// patient's).
func ownThenCarerPAM(patientID string) []pam.Assessment {
	return []pam.Assessment{
		{ID: fixtureID(patientID + "-own"), PatientID: patientID, Score: 420, Level: pam.Level1, Instrument: pam.PAM13,
			TakenOn: careplan.NewDate(2026, 2, 10), RecordedBy: "Sam Green", Source: "paper form"},
		{ID: fixtureID(patientID + "-carer"), PatientID: patientID, Score: 740, Level: pam.Level4, Instrument: pam.CarerPAM,
			CarerName: "Rhodri O'Brien", TakenOn: careplan.NewDate(2026, 2, 25), RecordedBy: "Sam Green", Source: "paper form"},
	}
}

// carerPAMPerson is Siân O'Brien with no plan yet, her own PAM at level 1 and her son's
// Carer PAM at level 4 after it.
func carerPAMPerson() *people {
	r := &people{staff: testStaff(), services: testServices()}
	p := fullPatient(pid("p01"), testNHSNumber(100))
	r.add(p, nil, ownThenCarerPAM(p.ID))
	return r
}

func TestPlanEditorPromptsForOwnPAMNotCarers(t *testing.T) {
	s, w, f := planSessionOf(t, carerPAMPerson())
	e := s.patient.plan.editor
	if !strings.HasPrefix(e.pamLevel.Text, "Latest PAM: Level 1") {
		t.Errorf("PAM shown as %q, want the person's own level 1", e.pamLevel.Text)
	}
	if !strings.HasPrefix(e.pamPrompt.Text, "Level 1:") {
		t.Errorf("prompt %q, want level 1's (the Carer PAM at level 4 is the carer's)", e.pamPrompt.Text)
	}
	// Four small steps of the person's own: too many at level 1, whatever the carer's level.
	c := w.Canvas()
	e.newGoalDomain.SetSelected("Movement")
	c.Focus(e.newGoalWords)
	test.Type(c.Focused(), "Get to the garden gate")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	for _, what := range []string{"Stand up slowly", "Walk to the door", "Walk to the step", "Walk to the gate"} {
		test.Type(c.Focused(), what)
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if !e.warnings.Visible() || !strings.Contains(e.warnings.Text, "4 open actions of the person's own at PAM level 1") {
		t.Errorf("warnings %q (shown %v), want too many actions at level 1", e.warnings.Text, e.warnings.Visible())
	}

	// Agreed through the plan service, the version keeps the person's level, not the carer's.
	test.Type(e.whatMatters, "Staying at home.")
	test.Type(e.contingency.redCall, "999")
	test.Type(e.reviewDate, "01/06/2026")
	test.Tap(e.agree)
	test.Tap(e.agreeing.confirm)
	vs := f.storedVersions(t)
	if len(vs) != 1 || vs[0].Agreement == nil || vs[0].Agreement.PAMLevel != 1 {
		t.Fatalf("agreed %+v, want PAM level 1 at agreement (problem %q)", vs, e.agreeing.problem.Text)
	}
}

// The review wizard asks for a new PAM when the person's own is six months old, however
// recent the carer's.
func TestReviewPAMDueIgnoresCarerPAM(t *testing.T) {
	old := ownThenCarerPAM(pid("p01"))
	old[0].TakenOn = fixedToday().AddMonths(-7)
	w := &reviewWizard{today: fixedToday(), assessments: old}
	text := strings.Join(labelTexts(w.pamDue()), " ")
	if !strings.Contains(text, "Level 1") || !strings.Contains(text, "A new PAM is due") {
		t.Errorf("PAM step says %q, want the person's level 1 and a PAM due", text)
	}
}

// The Outcomes tab charts the person's own PAMs, and the carer's as a series of its own,
// labelled as the carer's.
func TestOutcomesChartsCarerPAMApart(t *testing.T) {
	h := newTestHub(t, carerPAMPerson())
	s, _ := h.session(t, catCoordinator)
	s.openPatient(pid("p01"))
	s.patient.showOutcomes()
	tab := s.patient.outcomes
	own, carer := ownThenCarerPAM(pid("p01"))[0], ownThenCarerPAM(pid("p01"))[1]
	if len(tab.chart.history) != 1 || tab.chart.history[0].ID != own.ID {
		t.Errorf("the person's chart draws %+v, want only their own PAM", tab.chart.history)
	}
	if tab.carerChart == nil || len(tab.carerChart.history) != 1 || tab.carerChart.history[0].ID != carer.ID {
		t.Fatal("no chart of the Carer PAM of its own")
	}
	text := strings.Join(labelTexts(tab.root), "\n")
	if !strings.Contains(text, "Carer PAM for Rhodri O'Brien: the carer's own, not Siân O'Brien's") {
		t.Errorf("the carer's series is not labelled as the carer's:\n%s", text)
	}
	if !strings.Contains(text, "Next PAM due 10 Aug 2026") {
		t.Errorf("the next PAM is not worked out from the person's own:\n%s", text)
	}
}
