package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

func TestTabletShowsOnlyThePatientsOwnPlan(t *testing.T) {
	tab := newTablet(t)
	s := tabletSession(t, tab)
	if s.tablet == nil || s.w.Content() != s.tablet.root {
		t.Fatal("a patient's account did not open the tablet view")
	}
	if s.caseload != nil {
		t.Fatal("a patient's account built the caseload")
	}
	test.AssertRendersToMarkup(t, "tablet.xml", s.w.Canvas())

	// Each goal shows its steps: who does what, by when.
	if !labelShown(s.tablet.goals[0].root, "• Ring community transport — Key worker (Sam Green), by 20 Mar 2026") {
		t.Error("the tablet does not show the goal's actions")
	}
	g := s.tablet.goals[0]
	if !g.save.Disabled() {
		t.Error("Save is offered before saying how the goal is going")
	}
	test.Tap(g.scale[3])
	test.Type(g.note, "Walked to the gate twice")
	test.Tap(g.save)
	if got := tab.checkIns(t); len(got) != 1 || got[0].Scale != 4 || got[0].GoalID != "g1" || got[0].Note != "Walked to the gate twice" {
		t.Fatalf("check-ins %+v", got)
	}
	if !g.said.Visible() || g.note.Text != "" {
		t.Error("the patient is not told the check-in was saved")
	}
	// It travels with the tablet's next sync: nobody sees it before then.
	if strings.Contains(g.said.Text, "will see this") || !strings.Contains(g.said.Text, "next time this tablet syncs") {
		t.Errorf("the check-in says %q", g.said.Text)
	}
}

func TestTabletTextSize(t *testing.T) {
	s := tabletSession(t, newTablet(t))
	tb := s.tablet
	if !tb.smaller.Disabled() {
		t.Error("smaller text offered at the smallest size")
	}
	size := fyne.CurrentApp().Settings().Theme().Size("text")
	test.Tap(tb.larger)
	test.Tap(tb.larger)
	if !tb.larger.Disabled() {
		t.Error("larger text offered at the largest size")
	}
	if got := fyne.CurrentApp().Settings().Theme().Size("text"); got <= size {
		t.Errorf("text size %v after Larger, was %v", got, size)
	}
	test.Tap(tb.smaller)
	if tb.scale != 1 {
		t.Errorf("scale %d", tb.scale)
	}
}

// A plan whose review date has gone by may have been replaced at the hub by one that has not
// reached the tablet: the person is told so near the top, before the contingency plan.
func TestTabletWarnsWhenTheReviewDateHasPassed(t *testing.T) {
	tab := newTablet(t) // review due 14 May 2026
	today := careplan.NewDate(2026, 5, 14)
	s := tab.session(t, &fakeFiles{}, func(c *Config) { c.Today = func() careplan.Date { return today } })
	warning := reviewOverdueText(careplan.NewDate(2026, 5, 14))
	if !strings.HasPrefix(warning, "Review overdue since 14 May 2026 — check with your key worker") {
		t.Errorf("the tablet's warning %q is not the printed plan's", warning)
	}

	if labelShown(s.tablet.root, warning) {
		t.Error("warned on the review day itself")
	}
	if !labelShown(s.tablet.root, "This is the plan you agreed with Sam Green on 1 Sep 2025.") {
		t.Errorf("the tablet does not say which plan it shows: %q", labelTexts(s.tablet.root))
	}

	today = careplan.NewDate(2026, 5, 15)
	s.tablet.load()
	texts := labelTexts(s.tablet.root)
	at := slices.Index(texts, warning)
	if at < 0 {
		t.Fatalf("no warning the day after the review date: %q", texts)
	}
	if contingency := slices.Index(texts, "If I become unwell"); contingency >= 0 && contingency < at {
		t.Error("the warning comes after the contingency plan")
	}
}
