package service

import (
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan/printout"
)

// TestDemoPlansPrintPlanningAheadAndInterpreterNeeds: among the demo people, someone's printed
// plan has a Planning ahead section and someone's names the interpreter they need; no printed
// plan uses the evaluation's PAM descriptors.
func TestDemoPlansPrintPlanningAheadAndInterpreterNeeds(t *testing.T) {
	st := demoStoreOf(t, 200)
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	var ahead, interpreter string
	for _, r := range rows {
		if !r.Status.Open() || (ahead != "" && interpreter != "") {
			continue
		}
		plans, err := st.Plans(r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		plan, ok := printout.Current(plans)
		if !ok {
			continue
		}
		p, err := st.Patient(r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if ahead == "" && len(plan.Ahead.Recorded()) > 0 {
			ahead = p.ID
		}
		if interpreter == "" && p.Needs.Interpreter != "" {
			interpreter = p.ID
		}
	}
	if ahead == "" || interpreter == "" {
		t.Fatalf("no demo person with planning ahead (%q) or an interpreter need (%q) and an agreed plan", ahead, interpreter)
	}
	for _, c := range []struct{ id, want string }{{ahead, "Planning ahead"}, {interpreter, "an interpreter for"}} {
		path := filepath.Join(t.TempDir(), "plan.pdf")
		if _, err := serviceOn(st).PrintPatient(c.id, false, false, path); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(servicetest.PDFText(t, path)), " ")
		if !strings.Contains(text, c.want) {
			t.Errorf("the printed plan does not say %q", c.want)
		}
		if strings.Contains(text, "disengaged") {
			t.Error("a printed plan says \"disengaged\"")
		}
	}
}
