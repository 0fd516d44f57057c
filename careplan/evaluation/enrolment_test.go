package evaluation

import (
	"strings"
	"testing"

	"carehub/careplan"
)

// Enrolment counts everyone who ever reached active, from the status history the caseload
// entry keeps: people who later died, were discharged or withdrew still count.
func TestEnrolmentCountsEveryoneWhoEverReachedActive(t *testing.T) {
	in, before := careplan.NewDate(2026, 3, 1), careplan.NewDate(2025, 6, 1)
	entry := func(id string, s careplan.Status, first careplan.Date) Person {
		return Person{Entry: careplan.CaseloadEntry{PatientID: id, Status: s, FirstActive: first, Practice: "Quantock Surgery"}}
	}
	people := []Person{
		entry("a", careplan.StatusActive, in),
		entry("b", careplan.StatusActive, careplan.Date{}), // active, no dated change to active
		entry("c", careplan.StatusDied, in),
		entry("d", careplan.StatusDischarged, before),
		entry("e", careplan.StatusWithdrew, in),
		entry("f", careplan.StatusDied, careplan.Date{}),       // died before enrolling
		entry("g", careplan.StatusDischarged, careplan.Date{}), // straight from consented
		entry("h", careplan.StatusConsented, careplan.Date{}),
	}
	r := Build(people, period())
	want := Enrolment{Enrolled: 5, SinceLeft: 3, InPeriod: 3}
	if r.Enrolment != want {
		t.Errorf("Enrolment = %+v, want %+v", r.Enrolment, want)
	}
	r.Enrolment.Target = 4
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"Enrolled: 5, of whom 3 are no longer active", "Against the hub's target of 4: 5 of 4 (125.0%)",
		"First became active in the period: 3"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("the report lacks %q:\n%s", line, b.String())
		}
	}
}

// For one practice or key worker the hub's target does not apply, and the report says so.
func TestEnrolmentTargetOnlyForTheWholeHub(t *testing.T) {
	f := period()
	if f.WholeHub() {
		t.Fatal("a report on Quantock Surgery is taken for the whole hub")
	}
	var b strings.Builder
	if err := Build(nil, f).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "not compared for one practice or key worker") || strings.Contains(b.String(), "Against the hub's target") {
		t.Errorf("a practice's report:\n%s", b.String())
	}
	if !(Filter{Practice: "  "}).WholeHub() {
		t.Error("a blank practice is not the whole hub")
	}
}
