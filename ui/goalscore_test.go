package ui

import (
	"strings"
	"testing"

	"carehub/careplan"
)

// Goals from a template arrive with blank score boxes; a blank box stays "not scored" in the
// store, a typed 0 is kept as 0, and clearing a box takes the score away again.
func TestGoalScoresBlankIsNotScored(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	writePlanFromTemplate(t, e)
	if got := e.goalCards[1].importance.Text; got != "" {
		t.Errorf("an unscored template goal's importance box shows %q, want blank", got)
	}
	e.goalCards[1].confidence.SetText("0")
	e.goalCards[0].importance.SetText("")
	d := f.storedVersions(t)[0]
	if d.Goals[0].Importance != nil || careplan.ScoreShort(d.Goals[0].Confidence) != "4/10" {
		t.Errorf("goal 1 stored %s/%s, want not scored and 4", careplan.ScoreShort(d.Goals[0].Importance), careplan.ScoreShort(d.Goals[0].Confidence))
	}
	if d.Goals[1].Importance != nil || careplan.ScoreShort(d.Goals[1].Confidence) != "0/10" {
		t.Errorf("goal 2 stored %s/%s, want not scored and 0", careplan.ScoreShort(d.Goals[1].Importance), careplan.ScoreShort(d.Goals[1].Confidence))
	}
	if e.goalCards[0].problem.Visible() {
		t.Errorf("a blank score box is shown as a problem: %q", e.goalCards[0].problem.Text)
	}
}

// The plan summary on the patient screen says "not scored", never 0/10, for a goal the person
// has not scored.
func TestPlanSummaryGoalNotScored(t *testing.T) {
	got := goalScores(careplan.Goal{Confidence: careplan.Score(0)})
	if !strings.HasPrefix(got, "Importance not scored · confidence 0/10") {
		t.Errorf("summary %q, want importance not scored and confidence 0/10", got)
	}
}
