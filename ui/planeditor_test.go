package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// writePlanFromTemplate starts the empty draft from the falls template and fills in the rest
// of the conversation, as a key worker would.
func writePlanFromTemplate(t *testing.T, e *planEditor) {
	t.Helper()
	if !e.fromTemplate.Visible() {
		t.Fatal("an empty draft does not offer to start from a template")
	}
	test.Tap(e.fromTemplate)
	e.templates.choice.SetSelected("Falls and mobility")
	test.Tap(e.templates.form.Save)
	if len(e.goalCards) != 3 {
		t.Fatalf("%d goals after the template, want 3", len(e.goalCards))
	}
	if e.fromTemplate.Visible() {
		t.Error("a plan with goals still offers to start from a template")
	}
	test.Type(e.aboutMe, "I have lived in Frome all my life and I like my garden.")
	test.Type(e.whatMatters, "Staying in my own home.")
	test.Type(e.strengths, "My son Rhodri visits every week.")
	e.goalCards[0].words.SetText("I want to get to the garden gate without my frame")
	e.goalCards[0].importance.SetText("9")
	e.goalCards[0].confidence.SetText("4")
	e.support.service.SetSelected("Mendip Walking for Health")
	e.support.goal.SetSelectedIndex(0)
	test.Tap(e.support.add)
	test.Type(e.contingency.green, "Do my exercises, keep the hall clear")
	test.Type(e.contingency.redCall, "999")
	test.Type(e.contingency.redKnow, "Lives alone; son Rhodri 07700 900123")
	test.Type(e.people.name, "Dr Helen Ames")
	test.Type(e.people.role, "GP")
	test.Type(e.people.phone, "01373 000 444")
	test.Tap(e.people.add)
	test.Type(e.reviewDate, "01/06/2026")
}

func TestPlanFromTemplateAgreeEditAndDiff(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	if !strings.HasPrefix(e.pamPrompt.Text, "Level 2:") {
		t.Errorf("PAM prompt %q, want level 2's", e.pamPrompt.Text)
	}
	writePlanFromTemplate(t, e)
	if e.saveStatus.Text != "Saved" {
		t.Errorf("save status %q", e.saveStatus.Text)
	}
	vs := f.storedVersions(t)
	if len(vs) != 1 || vs[0].State != careplan.PlanDraft {
		t.Fatalf("stored %+v, want one draft", vs)
	}
	d := vs[0]
	if d.Goals[0].InMyWords != "I want to get to the garden gate without my frame" || careplan.ScoreShort(d.Goals[0].Importance) != "9/10" ||
		d.Contingency.Red.WhoToCall != "999" || d.ReviewDate != careplan.NewDate(2026, 6, 1) ||
		len(d.People) != 1 || len(d.Support) != 1 || d.Support[0].GoalIDs[0] != d.Goals[0].ID ||
		d.AboutMe != "I have lived in Frome all my life and I like my garden." {
		t.Errorf("the autosaved draft is %+v", d)
	}
	// The tab alone: the banner above it belongs to the patient screen's own goldens.
	test.AssertObjectRendersToMarkup(t, "plan_editor.xml", s.patient.plan.root)

	// Agree it.
	test.Tap(e.agree)
	if e.agreeing.by.Text != "Sam Green" {
		t.Errorf("agreed by starts as %q, want the key worker", e.agreeing.by.Text)
	}
	test.Tap(e.agreeing.confirm)
	vs = f.storedVersions(t)
	if len(vs) != 1 || vs[0].State != careplan.PlanAgreed || vs[0].Agreement.PAMLevel != 2 || vs[0].Agreement.By != "Sam Green" {
		t.Fatalf("after agreeing: %+v", vs)
	}
	if !summaryShows(s, "Version 1 · agreed with the person by Sam Green on 2 Mar 2026 · PAM level 2 when agreed") {
		t.Error("the summary does not show the agreed version")
	}

	// Edit: the first change starts version 2; version 1 stays as agreed.
	e = s.patient.plan.editor
	if !strings.Contains(e.state.Text, "editing starts version 2") {
		t.Errorf("state %q", e.state.Text)
	}
	if e.agree.Importance == widget.HighImportance {
		t.Error("Agree plan… is still highlighted with nothing new to agree")
	}
	e.goalCards[0].words.SetText("I want to walk to the garden gate on my own")
	e.goalCards[0].actions[0].status.SetSelected("done")
	test.Type(e.contingency.amberSigns, "Dizzy when I stand up")
	if !strings.HasPrefix(e.state.Text, "Version 2 · Draft") {
		t.Errorf("state %q after editing", e.state.Text)
	}
	if e.agree.Importance != widget.HighImportance {
		t.Error("Agree plan… is not highlighted once there is a draft to agree")
	}
	vs = f.storedVersions(t)
	if len(vs) != 2 || vs[1].Version != 2 || vs[1].State != careplan.PlanDraft {
		t.Fatalf("after editing: %+v", vs)
	}
	if vs[0].Goals[0].InMyWords != "I want to get to the garden gate without my frame" || vs[0].Goals[0].Actions[0].Status != careplan.ActionOpen {
		t.Error("editing changed the agreed version")
	}
	if !summaryShows(s, "Version 1 · agreed with the person by Sam Green on 2 Mar 2026 · PAM level 2 when agreed") {
		t.Error("the summary no longer shows the agreed version as current")
	}

	// History: the diff between the two versions in words.
	test.Tap(e.history)
	h := s.patient.plan.history
	text := strings.Join(labelTexts(h.root), "\n")
	for _, want := range []string{
		"• Goal reworded: “I want to get to the garden gate without my frame” → “I want to walk to the garden gate on my own”",
		"• Action done: Try the chair-based strength exercises three times a week (on 2 Mar 2026)",
		"• Contingency plan, amber (warning signs): the signs edited: ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the history does not say %q:\n%s", want, text)
		}
	}
	test.AssertObjectRendersToMarkup(t, "plan_history.xml", s.patient.plan.root)
	test.Tap(h.back)
	if s.patient.plan.editor.plan.Version != 2 || !s.patient.plan.editor.drafting {
		t.Error("back from the history does not reopen the draft")
	}
}

// A key worker can write a goal and its actions without the mouse: Enter adds, and the
// cursor lands where the next thing is typed.
func TestPlanEditorKeyboard(t *testing.T) {
	s, w, f := planSession(t)
	e := s.patient.plan.editor
	c := w.Canvas()
	e.newGoalDomain.SetSelected("Social")
	c.Focus(e.newGoalWords)
	test.Type(c.Focused(), "I want to see my friends at chapel")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(e.goalCards) != 1 {
		t.Fatalf("Enter added %d goals", len(e.goalCards))
	}
	if c.Focused() != e.goalCards[0].newAction {
		t.Fatalf("after adding a goal the focus is on %T, want its new-action line", c.Focused())
	}
	for _, what := range []string{"Ask Rhodri about lifts", "Ring the chapel"} {
		test.Type(c.Focused(), what)
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if n := len(e.plan.Goals[0].Actions); n != 2 {
		t.Fatalf("%d actions, want 2", n)
	}
	if c.Focused() != e.goalCards[0].newAction {
		t.Error("after adding an action the focus left the new-action line")
	}
	// Tab goes on to the next field in order (the new goal's domain).
	c.FocusNext()
	if c.Focused() == e.goalCards[0].newAction || c.Focused() == nil {
		t.Error("Tab does not move on")
	}
	vs := f.storedVersions(t)
	if len(vs) != 1 || len(vs[0].Goals[0].Actions) != 2 || vs[0].Goals[0].Actions[1].What != "Ring the chapel" {
		t.Errorf("stored %+v", vs)
	}
}

// An edit that cannot be saved yet says so, and is saved with the next one.
func TestPlanEditorUnsavableEditShown(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	e.newGoalDomain.SetSelected("Mind")
	e.newGoalWords.SetText("Sleep better")
	test.Tap(e.addGoal)
	e.goalCards[0].words.SetText("")
	if !strings.HasPrefix(e.saveStatus.Text, "Not saved yet: goal 1: a goal needs the person's own words") {
		t.Errorf("save status %q", e.saveStatus.Text)
	}
	test.Type(e.goalCards[0].words, "Sleep through")
	if e.saveStatus.Text != "Saved" || f.storedVersions(t)[0].Goals[0].InMyWords != "Sleep through" {
		t.Errorf("save status %q, stored %+v", e.saveStatus.Text, f.storedVersions(t))
	}
	e.goalCards[0].importance.SetText("12")
	if !e.goalCards[0].problem.Visible() {
		t.Error("a score of 12 shows no problem")
	}
}

func TestPlanAgreeNeedsEmergencyContact(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	e.newGoalDomain.SetSelected("Mind")
	e.newGoalWords.SetText("Sleep better")
	test.Tap(e.addGoal)
	test.Type(e.reviewDate, "01/06/2026")
	test.Tap(e.agree)
	e.agreeing.by.SetText("")
	test.Tap(e.agreeing.confirm)
	if !e.agreeing.byProblem.Visible() {
		t.Error("no one named as agreeing, but no problem shown")
	}
	e.agreeing.by.SetText("Sam Green")
	test.Tap(e.agreeing.confirm)
	if !strings.Contains(e.agreeing.problem.Text, "who to call in an emergency") {
		t.Errorf("problem %q", e.agreeing.problem.Text)
	}
	if vs := f.storedVersions(t); vs[0].State != careplan.PlanDraft {
		t.Error("a plan with no emergency contact was agreed")
	}
}

func TestSaveAsTemplate(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	writePlanFromTemplate(t, e)
	test.Tap(e.saveTemplate)
	test.Type(e.templates.name, "Garden and falls")
	test.Tap(e.templates.form.Save)
	saved := f.hubTemplates(t)
	if len(saved) != 1 {
		t.Fatalf("%d templates saved", len(saved))
	}
	tpl := saved[0]
	text := strings.ToLower(strings.Join([]string{tpl.Name, tpl.Description}, " "))
	for _, g := range tpl.Goals {
		text += " " + g.Suggestion
	}
	for _, personal := range []string{"frome", "rhodri", "999", "ames", "mendip"} {
		if strings.Contains(text, personal) {
			t.Errorf("the template keeps %q", personal)
		}
	}
}

// summaryShows looks at the Summary tab, then goes back to the Care plan tab.
func summaryShows(s *session, text string) bool {
	s.patient.tabs.SelectIndex(0)
	defer s.patient.showPlan()
	return labelShown(s.patient.body, text)
}

func TestPlanEditorRemovesAndAddsToDirectory(t *testing.T) {
	s, _, f := planSession(t)
	e := s.patient.plan.editor
	writePlanFromTemplate(t, e)
	linked := e.plan.Goals[0].ID
	test.Tap(e.goalCards[0].actions[1].remove)
	if n := len(f.storedVersions(t)[0].Goals[0].Actions); n != 1 {
		t.Errorf("%d actions after removing one, want 1", n)
	}
	test.Tap(e.goalCards[0].remove)
	d := f.storedVersions(t)[0]
	if len(d.Goals) != 2 || d.Goals[0].ID == linked {
		t.Fatalf("goals after removing the first: %+v", d.Goals)
	}
	if len(d.Support) != 1 || len(d.Support[0].GoalIDs) != 0 {
		t.Errorf("signposting still linked to the removed goal: %+v", d.Support)
	}

	test.Tap(e.support.addNew)
	dlg := e.support.adding
	test.Tap(dlg.form.Save)
	if !dlg.nameProblem.Visible() {
		t.Error("a service with no name shows no problem")
	}
	test.Type(dlg.name, "Frome Lunch Club")
	test.Type(dlg.area, "Frome")
	test.Tap(dlg.form.Save)
	if dir := f.directory(t); len(dir) != 3 || e.support.service.Selected != "Frome Lunch Club" {
		t.Fatalf("directory %+v, chosen %q", dir, e.support.service.Selected)
	}
	e.support.goal.SetSelectedIndex(1)
	test.Tap(e.support.add)
	d = f.storedVersions(t)[0]
	if last := d.Support[len(d.Support)-1]; last.Name != "Frome Lunch Club" || last.Area != "Frome" || last.GoalIDs[0] != d.Goals[1].ID {
		t.Errorf("signpost %+v", last)
	}
}
