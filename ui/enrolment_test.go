package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/evaluation"
)

// enrolmentPeople are four people: one active, one who was active and has since died, one
// discharged straight from consented and one nominated.
func enrolmentPeople() *people {
	r := &people{staff: testStaff(), services: testServices()}
	d := func(m time.Month, day int) careplan.Date { return careplan.NewDate(2025, m, day) }
	moves := func(statuses ...careplan.Status) []careplan.StatusChange {
		out := []careplan.StatusChange{{To: careplan.StatusNominated, On: d(1, 6), By: "Dr Helen Ames"}}
		for i, s := range statuses {
			out = append(out, careplan.StatusChange{From: out[len(out)-1].To, To: s, On: d(time.Month(2+i), 3), By: "Sam Green"})
		}
		return out
	}
	for i, h := range [][]careplan.StatusChange{
		moves(careplan.StatusContacted, careplan.StatusConsented, careplan.StatusActive),
		moves(careplan.StatusContacted, careplan.StatusConsented, careplan.StatusActive, careplan.StatusDied),
		moves(careplan.StatusContacted, careplan.StatusConsented, careplan.StatusDischarged),
		moves(),
	} {
		p := fullPatient(pid(fmt.Sprintf("e%d", i)), testNHSNumber(500+i*41))
		p.GivenName = caseloadPeople()[i][0]
		p.History, p.Status = h, h[len(h)-1].To
		r.add(p, nil, nil)
	}
	return r
}

// The dashboard counts as enrolled everyone who ever reached active, also someone who has since
// died, and not someone discharged before becoming active.
func TestDashboardCountsEveryoneWhoEverReachedActive(t *testing.T) {
	s, _ := enrolSession(t, enrolmentPeople())
	test.Tap(s.caseload.queues.dashboard)
	d := s.enrolled.dashboard
	if d.funnel.Active != 2 || d.funnel.ActiveSinceLeft != 1 || d.funnel.Consented != 3 {
		t.Errorf("funnel active %d (since left %d), consented %d; want 2 (1), 3", d.funnel.Active, d.funnel.ActiveSinceLeft, d.funnel.Consented)
	}
	if want := "2 enrolled (ever active; 1 since left) against a target of 800: 0%."; !strings.HasPrefix(d.headline.Text, want) {
		t.Errorf("headline %q, want it to start %q", d.headline.Text, want)
	}
}

// On the evaluation screen, enrolment is compared with the target only for the whole hub.
func TestEnrolmentWordsAgainstTheTarget(t *testing.T) {
	e := evaluation.Enrolment{Enrolled: 812, SinceLeft: 40, InPeriod: 120, Target: 800}
	if got, want := enrolmentWords(e, evaluation.Filter{}), "812 enrolled (ever reached active; 40 of them no longer active) · 101.5% of the hub's target of 800 · 120 first active in the period"; got != want {
		t.Errorf("whole hub: %q, want %q", got, want)
	}
	e.Target = 0
	if got := enrolmentWords(e, evaluation.Filter{Practice: "Frome Medical Practice"}); strings.Contains(got, "target") {
		t.Errorf("one practice: %q mentions the hub's target", got)
	}
}
