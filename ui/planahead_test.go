package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestPlanningAheadIsWrittenDatedAndSaved: the plan editor's Planning ahead section saves each
// answer with who told the hub and today's date; an answer without who told it is not saved
// and the editor says why.
func TestPlanningAheadIsWrittenDatedAndSaved(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	test.Type(e.ahead.answers[0], "In place: the pink form in the kitchen drawer")
	if !strings.Contains(e.saveStatus.Text, "planning-ahead answer needs the date the hub was told and who told it") {
		t.Errorf("an answer without who told it: save status %q", e.saveStatus.Text)
	}
	test.Type(e.ahead.toldBy[0], "Rhodri O'Brien")
	if e.saveStatus.Text != "Saved" {
		t.Fatalf("save status %q", e.saveStatus.Text)
	}
	got := f.storedVersions(t)[0].Ahead.Respect
	if got.Answer != "In place: the pink form in the kitchen drawer" || got.ToldBy != "Rhodri O'Brien" || got.On != fixedToday() {
		t.Errorf("stored %+v", got)
	}
}
