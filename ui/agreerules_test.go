package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/ui/kit"
)

// The agree dialog shows the domain's agreement rules, each problem naming its part of the
// plan, and the day's problem beside the date. Nothing is agreed until all hold.
func TestAgreeDialogNamesEachProblem(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	test.Type(e.reviewDate, "01/01/2020")
	test.Tap(e.agree)
	e.agreeing.on.SetText(kit.DateText(fixedToday().AddDays(1)))
	test.Tap(e.agreeing.confirm)
	if got := e.agreeing.onProblem.Text; got != "A plan cannot be agreed on a day still to come" {
		t.Errorf("beside the date: %q", got)
	}
	problems := e.agreeing.problem.Text
	for _, want := range []string{
		"Review date: the review date must be after the day the plan is agreed",
		"What matters to me: write down what matters to the person",
		"Goals: add at least one goal",
		"Contingency plan, red (emergency): who to call: say who to call in an emergency",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, problems)
		}
	}
	if vs := f.storedVersions(t); len(vs) > 0 && vs[0].State == careplan.PlanAgreed {
		t.Fatal("a plan breaking the agreement rules was agreed")
	}

	// Put each right and it is agreed.
	e.agreeing.close()
	e.newGoalDomain.SetSelected("Mind")
	e.newGoalWords.SetText("Sleep better")
	test.Tap(e.addGoal)
	test.Type(e.whatMatters, "Staying at home.")
	test.Type(e.contingency.redCall, "999")
	e.reviewDate.SetText("01/06/2026")
	test.Tap(e.agree)
	test.Tap(e.agreeing.confirm)
	if vs := f.storedVersions(t); len(vs) != 1 || vs[0].State != careplan.PlanAgreed {
		t.Fatalf("not agreed once every rule holds: %q %q", e.agreeing.onProblem.Text, e.agreeing.problem.Text)
	}
}
