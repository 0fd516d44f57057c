package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

// reviewSession opens the Care plan tab of Siân, whose agreed version 2 is due for review,
// and starts the review.
func reviewSession(t *testing.T) (*session, *reviewWizard, *planFixture) {
	t.Helper()
	r := &people{staff: testStaff(), services: testServices()}
	p := fullPatient(pid("p01"), testNHSNumber(100))
	r.add(p, []careplan.Plan{agreedPlan(p.ID, fixedToday().AddDays(-12))}, threePAMs(p.ID))
	s, _, f := planSessionOf(t, r)
	test.Tap(s.patient.plan.editor.review)
	if s.patient.plan.review == nil {
		t.Fatal("the review did not start")
	}
	return s, s.patient.plan.review, f
}

func TestReviewWizardEndToEnd(t *testing.T) {
	s, rw, f := reviewSession(t)
	golden := func(step int) {
		t.Helper()
		test.AssertObjectRendersToMarkup(t, fmt.Sprintf("review_step%d.xml", step), s.patient.plan.root)
	}

	// Step 1: goals. Choir achieved, walking changed, worry dropped.
	if rw.title.Text != "Review · step 1 of 5: Goals" || len(rw.goalParts) != 3 {
		t.Fatalf("%q with %d goals", rw.title.Text, len(rw.goalParts))
	}
	golden(1)
	rw.goalParts[0].decision.SetSelected("achieved")
	test.Type(rw.goalParts[0].note, "Back in the choir since January")
	rw.goalParts[1].decision.SetSelected("changed")
	rw.goalParts[1].words.SetText("")
	test.Tap(rw.next)
	if !rw.problem.Visible() || rw.step != 0 {
		t.Fatal("a changed goal with no words was let through")
	}
	test.Type(rw.goalParts[1].words, "Walk to the post office and back")
	rw.goalParts[2].decision.SetSelected("dropped")
	test.Tap(rw.next)

	// Step 2: open actions: one done, one rolled over to a new date.
	if rw.step != 1 || len(rw.actionParts) != 2 {
		t.Fatalf("step %d with %d actions", rw.step, len(rw.actionParts))
	}
	golden(2)
	rw.actionParts[0].decision.SetSelected("done")
	rw.actionParts[1].due.SetText("01/07/2026")
	test.Tap(rw.next)

	// Step 3: PAM (last one 20 Feb 2026, so not yet due).
	if !strings.Contains(strings.Join(labelTexts(rw.root), "\n"), "no new PAM needed") {
		t.Error("the PAM step does not say whether a PAM is due")
	}
	golden(3)
	test.Tap(rw.next)

	// Step 4: what matters now, next review (three months on), contingency checked.
	if rw.nextReview.Text != "02/06/2026" {
		t.Errorf("next review defaults to %q, want three months on", rw.nextReview.Text)
	}
	test.Type(rw.whatMatters, "Singing, and getting out")
	golden(4)
	test.Tap(rw.next)
	if rw.step != 3 {
		t.Fatal("went on without the contingency plan being checked")
	}
	rw.contingency.SetChecked(true)
	test.Tap(rw.next)

	// Step 5: agree.
	golden(5)
	test.Tap(rw.agree)
	vs := f.storedVersions(t)
	if len(vs) != 2 {
		t.Fatalf("%d versions, want 2", len(vs))
	}
	v3 := vs[1]
	if v3.Version != 3 || v3.State != careplan.PlanAgreed || v3.Agreement.By != "Sam Green" || v3.Agreement.PAMLevel != 2 {
		t.Errorf("new version %+v", v3)
	}
	if v3.ReviewDate != fixedToday().AddMonths(3) || v3.WhatMatters != "Singing, and getting out" {
		t.Errorf("review date %s, what matters %q", v3.ReviewDate, v3.WhatMatters)
	}
	if !v3.Goals[0].Closed() || v3.Goals[1].InMyWords != "Walk to the post office and back" || v3.Goals[1].Closed() {
		t.Errorf("goals %+v", v3.Goals)
	}
	if a := v3.Goals[0].Actions[1]; a.Status != careplan.ActionDone || a.DoneOn != fixedToday() {
		t.Errorf("action %+v", a)
	}
	if a := v3.Goals[1].Actions[0]; a.Due != careplan.NewDate(2026, 7, 1) {
		t.Errorf("rolled-over action %+v", a)
	}
	if vs[0].Goals[0].Outcome != nil {
		t.Error("the review changed version 2")
	}
	if strings.Contains(rw.outcome.Text, "discharge") {
		t.Error("discharge suggested while a goal is continuing")
	}
	if !labelShown(rw.root, "Version 3 agreed by Sam Green on 2 Mar 2026. Next review by 2 Jun 2026.") {
		t.Errorf("outcome %q", rw.outcome.Text)
	}
	s.patient.tabs.SelectIndex(0)
	if !labelShown(s.patient.body, "Achieved at the review on 2 Mar 2026: Back in the choir since January") ||
		!labelShown(s.patient.body, "Version 3 · agreed with the person by Sam Green on 2 Mar 2026 · PAM level 2 when agreed") {
		t.Error("the summary does not show the reviewed version and its goal outcomes")
	}
}

func TestReviewSuggestsDischarge(t *testing.T) {
	_, rw, _ := reviewSession(t)
	for _, g := range rw.goalParts {
		g.decision.SetSelected("achieved")
	}
	test.Tap(rw.next)
	for _, a := range rw.actionParts {
		a.decision.SetSelected("drop")
	}
	test.Tap(rw.next)
	test.Tap(rw.next)
	rw.contingency.SetChecked(true)
	test.Tap(rw.next)
	test.Tap(rw.agree)
	if !strings.Contains(rw.outcome.Text, "talk with the person and the team about discharge") {
		t.Errorf("outcome %q", rw.outcome.Text)
	}
}

func TestReviewLeftHalfWayChangesNothing(t *testing.T) {
	s, rw, f := reviewSession(t)
	rw.goalParts[0].decision.SetSelected("dropped")
	test.Tap(rw.next)
	test.Tap(rw.cancel)
	if vs := f.storedVersions(t); len(vs) != 1 || vs[0].Goals[0].Outcome != nil {
		t.Errorf("leaving the review saved %+v", vs)
	}
	if s.patient.plan.editor == nil || s.patient.plan.review != nil {
		t.Error("leaving the review does not go back to the plan")
	}
}
