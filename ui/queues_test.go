package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/caseload"
)

func TestCaseloadQueuesGolden(t *testing.T) {
	s, w := enrolSession(t, testRecords())
	if got := s.caseload.queues.queues[caseload.QueueNotContacted].Text; got != "New, not contacted (2)" {
		t.Errorf("queue button = %q", got)
	}
	test.AssertRendersToMarkup(t, "caseload_queues.xml", w.Canvas())
}

// TestQueuesFilterAndCount: a queue shows only its people, the counts follow "My caseload",
// and the other filters narrow the list.
func TestQueuesFilterAndCount(t *testing.T) {
	r := testRecords()
	s, _ := enrolSession(t, r)
	q := s.caseload.queues
	test.Tap(q.queues[caseload.QueueConsent])
	for _, i := range s.caseload.shown {
		if e := s.caseload.index.Entry(i); e.Status != careplan.StatusContacted {
			t.Errorf("the consent queue shows %s, who is %s", e.SortName(), e.Status.Label())
		}
	}
	if len(s.caseload.shown) != 3 {
		t.Errorf("consent queue shows %d, want 3", len(s.caseload.shown))
	}
	test.Tap(q.queues[caseload.QueueConsent]) // again: back to everyone
	if len(s.caseload.shown) != 20 {
		t.Errorf("tapping the queue again shows %d, want everyone", len(s.caseload.shown))
	}

	q.me.SetSelected("Sam Green")
	for _, i := range s.caseload.shown {
		if e := s.caseload.index.Entry(i); e.KeyWorker != "Sam Green" {
			t.Errorf("My caseload shows %s (%s)", e.SortName(), e.KeyWorker)
		}
	}
	if !strings.HasPrefix(q.queues[caseload.QueueNotContacted].Text, "New, not contacted (") {
		t.Errorf("count text %q", q.queues[caseload.QueueNotContacted].Text)
	}
	q.me.SetSelected(wholeHub)
	q.condition.SetSelected(careplan.ConditionTerm("396275006")) // osteoarthritis: only Siân
	if got := shownNames(s.caseload); len(got) != 1 || got[0] != "O'Brien, Siân" {
		t.Errorf("condition filter shows %q", got)
	}
	q.condition.SetSelected(allConditions)
	q.practice.SetSelected("Frome Medical Practice")
	if len(s.caseload.shown) != 20 {
		t.Errorf("practice filter shows %d", len(s.caseload.shown))
	}
	// Sorting by review date puts the earliest first and people with no date last.
	q.sort.SetSelected(caseload.OrderReview.Label())
	first := s.caseload.index.Entry(s.caseload.shown[0])
	last := s.caseload.index.Entry(s.caseload.shown[len(s.caseload.shown)-1])
	if first.ReviewDate.IsZero() || !last.ReviewDate.IsZero() {
		t.Errorf("by review: first %v, last %v", first.ReviewDate, last.ReviewDate)
	}
	// Search still works inside the filters.
	test.Type(s.caseload.search, "sian")
	if got := shownNames(s.caseload); len(got) != 1 {
		t.Errorf("search within filters shows %q", got)
	}
}

func TestDashboardGolden(t *testing.T) {
	s, w := enrolSession(t, testRecords())
	test.Tap(s.caseload.queues.dashboard)
	d := s.enrolled.dashboard
	if d == nil || d.chart == nil {
		t.Fatal("the dashboard shows no chart")
	}
	if d.funnel.Nominated != 20 {
		t.Errorf("funnel nominated %d", d.funnel.Nominated)
	}
	test.AssertRendersToMarkup(t, "dashboard.xml", w.Canvas())

	d.targetEntry.SetText("lots")
	test.Tap(d.setTarget)
	if d.targetProblem.Hidden {
		t.Error("a target that is not a number shows no message")
	}
	d.targetEntry.SetText("1,000")
	test.Tap(d.setTarget)
	if d.target != 1000 || !d.targetProblem.Hidden {
		t.Errorf("target %d, problem %q", d.target, d.targetProblem.Text)
	}
}

// TestChoosingRowInAQueueOpensThatPatient: with a queue chosen and the list sorted by review
// date, choosing a row opens exactly the person shown on it (hazard: wrong patient opened).
func TestChoosingRowInAQueueOpensThatPatient(t *testing.T) {
	s, w, h := unlockedSession(t, testRecords())
	q := s.caseload.queues
	q.sort.SetSelected(caseload.OrderReview.Label())
	test.Tap(q.queues[caseload.QueueNoContact])
	if len(s.caseload.shown) < 2 {
		t.Fatalf("the queue shows %d people", len(s.caseload.shown))
	}
	row := len(s.caseload.shown) - 1
	want := s.caseload.index.Entry(s.caseload.shown[row])
	before := len(h.viewed(t))
	s.caseload.list.Select(row) // what a tap on the row does
	if s.patient == nil || w.Content() != s.patient.root || s.patient.nhsNumber.Text != want.NHSNumber.Display() {
		t.Fatalf("choosing row %d did not open %s", row, want.SortName())
	}
	if viewed := h.viewed(t)[before:]; len(viewed) != 1 || viewed[0] != want.PatientID {
		t.Errorf("records viewed %q, want only %q", viewed, want.PatientID)
	}
}
