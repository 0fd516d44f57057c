package ui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
)

// fakeTablet builds the view with the real rules from the test fixtures.
type fakeTablet struct {
	view     myplan.View
	checkIns []myplan.CheckIn
	removed  bool // the hub has taken the patient's records off the tablet
}

func (f *fakeTablet) MyPlan() (myplan.View, error) {
	if f.removed {
		return myplan.View{}, myplan.ErrPlanNotHere
	}
	return f.view, nil
}
func (f *fakeTablet) SaveCheckIn(c *myplan.CheckIn) error {
	if err := (myplan.CheckIn{PatientID: "p01", GoalID: c.GoalID, Scale: c.Scale, Note: c.Note}).Validate(); err != nil {
		return err
	}
	f.checkIns = append(f.checkIns, *c)
	return nil
}

func testTablet() *fakeTablet {
	p := fullPatient("p01", testNHSNumber(100))
	plan := agreedPlan(p.ID, careplan.NewDate(2026, 5, 14))
	plan.AboutMe = "I have lived in Frome all my life."
	plan.WhatMatters = "Staying in my own home."
	plan.People = []careplan.Person{{Name: "Sam Green", Role: "Key worker", Organisation: "Mendip hub", Phone: "01373 000 222"}}
	return &fakeTablet{view: myplan.Build(p, plan, threePAMs(p.ID))}
}

// tabletSession signs a patient in at a tablet's size.
func tabletSession(t *testing.T, tab *fakeTablet) *session {
	t.Helper()
	user := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: "p01", Active: true}
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	s, w := newTestSession(t, Config{Vault: v, Tablet: tab, Users: testAccounts(), AuditLog: testAudit(),
		Enrolment: &fakeEnrolment{staff: testStaff(), target: 800}, Today: fixedToday})
	w.Resize(fyne.NewSize(1280, 800))
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	return s
}

func TestTabletShowsOnlyThePatientsOwnPlan(t *testing.T) {
	tab := testTablet()
	s := tabletSession(t, tab)
	if s.tablet == nil || s.w.Content() != s.tablet.root {
		t.Fatal("a patient's account did not open the tablet view")
	}
	if s.caseload != nil {
		t.Fatal("a patient's account built the caseload")
	}
	test.AssertRendersToMarkup(t, "tablet.xml", s.w.Canvas())

	g := s.tablet.goals[0]
	if !g.save.Disabled() {
		t.Error("Save is offered before saying how the goal is going")
	}
	test.Tap(g.scale[3])
	test.Type(g.note, "Walked to the gate twice")
	test.Tap(g.save)
	if len(tab.checkIns) != 1 || tab.checkIns[0].Scale != 4 || tab.checkIns[0].GoalID != tab.view.Goals[0].ID {
		t.Fatalf("check-ins %+v", tab.checkIns)
	}
	if !g.said.Visible() || g.note.Text != "" {
		t.Error("the patient is not told the check-in was saved")
	}
}

func TestTabletTextSize(t *testing.T) {
	s := tabletSession(t, testTablet())
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
	tab := testTablet() // review due 14 May 2026
	user := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: "p01", Active: true}
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	var today careplan.Date
	s, _ := newTestSession(t, Config{Vault: v, Tablet: tab, Today: func() careplan.Date { return today }})
	warning := fmt.Sprintf(reviewPassedText, "14 May 2026")

	today = careplan.NewDate(2026, 5, 14)
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
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
