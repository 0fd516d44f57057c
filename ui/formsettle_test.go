package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/pam"
)

// A message goes as soon as its field is right: nobody has to press Save again to find out.

func TestNominationMessagesClearOnceTheFieldIsRight(t *testing.T) {
	st := newEnrolStore(t)
	_, n := openNominationOn(t, st)
	in := goodNomination()
	in.on = "01/02/2026"
	in.born = "03/03/2030" // a slip: after the nomination (and in the future)
	in.conditions = in.conditions[:2]
	typeNomination(t, n, in)
	test.Tap(n.save)
	if !n.conditions.problem.Visible() || !strings.HasPrefix(n.conditions.problem.Text, "2 chosen") {
		t.Fatalf("no problem about two conditions: %q", n.conditions.problem.Text)
	}
	if !n.bornProblem.Visible() && !n.nominatedOnProb.Visible() {
		t.Fatal("no problem about the dates")
	}

	n.born.SetText("03/03/1941")
	if n.bornProblem.Visible() || n.nominatedOnProb.Visible() {
		t.Errorf("the date problems stayed after the date of birth was put right: %q %q", n.bornProblem.Text, n.nominatedOnProb.Text)
	}
	if !n.conditions.problem.Visible() {
		t.Error("putting the dates right also cleared the conditions' problem")
	}
	test.Type(n.conditions.search, "hypertension")
	n.conditions.onSearchSubmitted("")
	if n.conditions.problem.Visible() {
		t.Errorf("the conditions' problem stayed with three chosen: %q", n.conditions.problem.Text)
	}
	if n.problem.Visible() {
		t.Errorf("the form still says %q with nothing wrong", n.problem.Text)
	}
	if n.judgeWhyP.Visible() || n.judgeByP.Visible() {
		t.Error("the clinical-judgement problems stayed with three conditions chosen")
	}
}

func TestPAMFormMessagesClearOnceTheFieldIsRight(t *testing.T) {
	s, _, o := outcomesSession(t)
	f := openPAMForm(t, s)
	f.recordedBy.SetText("")  // it starts with the signed-in person's name
	test.Type(f.score, "584") // no decimal point: out of range
	test.Tap(f.form.Save)
	if !f.scoreProblem.Visible() || !f.levelProblem.Visible() || !f.recordedByProblem.Visible() {
		t.Fatal("Save did not mark the score, level and who recorded it")
	}
	f.score.SetText("58.4")
	if f.scoreProblem.Visible() {
		t.Errorf("the score's problem stayed after it was put right: %q", f.scoreProblem.Text)
	}
	if !f.levelProblem.Visible() {
		t.Error("putting the score right cleared the level's problem too")
	}
	f.level.SetSelectedIndex(int(pam.Level3) - 1)
	test.Type(f.recordedBy, "Sam Green")
	if f.levelProblem.Visible() || f.recordedByProblem.Visible() {
		t.Error("problems stayed after their fields were put right")
	}
	if len(o.savedPAM(t)) != 0 {
		t.Fatal("putting the form right saved it without Save")
	}
}

func TestPAMFormSaysNothingNewWhileTyping(t *testing.T) {
	s, _, _ := outcomesSession(t)
	f := openPAMForm(t, s)
	test.Type(f.score, "5")
	f.takenOn.SetText("")
	if f.scoreProblem.Visible() || f.takenOnProblem.Visible() {
		t.Error("a problem showed before Save was pressed")
	}
}
