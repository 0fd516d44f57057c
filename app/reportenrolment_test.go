package app

import (
	"fmt"
	"strings"
	"testing"

	"carehub/careplan"
)

// `carehub report` counts as enrolled everyone whose status history shows them active, also
// those who have since died, been discharged or withdrawn, and compares that with the target.
func TestReportCountsEveryoneWhoEverReachedActive(t *testing.T) {
	db := demoStore(t, "200")
	enrolled, left := enrolledFromHistories(t, db)
	if left == 0 {
		t.Fatal("the demo has no one who was active and has since left: the test would prove nothing")
	}
	code, out, stderr := run(t, "pw-for-tests", append([]string{"report", "--db", db}, reportPeriod...)...)
	if code != 0 {
		t.Fatalf("report exited %d: %s", code, stderr)
	}
	for _, want := range []string{
		fmt.Sprintf("Enrolled: %d, of whom %d are no longer active", enrolled, left),
		fmt.Sprintf("Against the hub's target of 800: %d of 800 (", enrolled),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

// enrolledFromHistories counts, from each person's full record, who was ever active and how
// many of them are not active now.
func enrolledFromHistories(t *testing.T, db string) (enrolled, left int) {
	t.Helper()
	st, rows := openDemoCaseload(t, db)
	defer st.Close()
	for _, e := range rows {
		p, err := st.Patient(e.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		ever := p.Status == careplan.StatusActive
		for _, c := range p.History {
			ever = ever || c.To == careplan.StatusActive
		}
		if ever {
			enrolled++
			if p.Status != careplan.StatusActive {
				left++
			}
		}
	}
	return enrolled, left
}
