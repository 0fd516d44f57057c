package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
)

// demoPerson signs in to a test hub holding 40 demo people (the demo service's own) and returns
// the first person whose plan has an agreed version with goals and no draft on top.
func demoPerson(t *testing.T) (*testHub, string) {
	t.Helper()
	h := newTestHub(t, nil)
	h.signIn(t, catCoordinator)
	if err := h.svc.Demo.Load(1, 40, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := h.svc.Records.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rows {
		plans, err := h.svc.Plans.Plans(e.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(plans); n > 0 && plans[n-1].State == careplan.PlanAgreed && len(plans[n-1].Goals) > 0 {
			return h, e.PatientID
		}
	}
	t.Fatal("no demo person has an agreed plan")
	return nil, ""
}

// The review wizard, end to end on a real store: the new version is on disk, agreed, and
// the version it came from is untouched.
func TestReviewWizardOnRealStore(t *testing.T) {
	h, id := demoPerson(t)
	st := h.store(t)
	before, err := st.Plans(id)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := h.session(t, access.User{Name: "Jo Marsh", Role: access.Coordinator})
	st = h.store(t) // signing in again opened the store afresh
	s.openPatient(id)
	s.patient.showPlan()
	test.Tap(s.patient.plan.editor.review)
	rw := s.patient.plan.review
	if len(rw.actionParts) > 0 {
		rw.actionParts[0].decision.SetSelected("done")
	}
	for rw.step < 4 {
		if rw.step == 3 {
			rw.contingency.SetChecked(true)
		}
		test.Tap(rw.next)
		if rw.problem.Visible() {
			t.Fatalf("step %d: %s", rw.step+1, rw.problem.Text)
		}
	}
	test.Tap(rw.agree)
	if rw.problem.Visible() {
		t.Fatalf("agreeing: %s", rw.problem.Text)
	}
	after, err := st.Plans(id)
	if err != nil {
		t.Fatal(err)
	}
	last := before[len(before)-1]
	if len(after) != len(before)+1 {
		t.Fatalf("%d versions after the review, want %d", len(after), len(before)+1)
	}
	got := after[len(after)-1]
	if got.State != careplan.PlanAgreed || got.Version != last.Version+1 || got.ReviewDate != fixedToday().AddMonths(3) {
		t.Errorf("the new version is %d %s, review %s", got.Version, got.State, got.ReviewDate)
	}
	if current, _ := careplan.CurrentPlan(after); current.ID != got.ID {
		t.Error("the reviewed version is not the current one")
	}
	if d := careplan.Diff(last, after[len(before)-1]); d[0] != "No changes." {
		t.Error("the review changed the version it started from")
	}
}
