package app

import (
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// twoAgreedVersions: someone in the demo store whose plan has been agreed twice, so version 1
// is history.
func twoAgreedVersions(plans []careplan.Plan) bool {
	n := 0
	for _, p := range plans {
		if p.State == careplan.PlanAgreed {
			n++
		}
	}
	return n >= 2
}

func TestPrintAnEarlierVersionFromTheCommandLine(t *testing.T) {
	db := demoStore(t, "40")
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	who := servicetest.DemoPerson(t, st, twoAgreedVersions)
	plans, err := st.Plans(who.PatientID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	v1, earlier, err := printout.VersionToPrint(plans, 1)
	if err != nil || !earlier {
		t.Fatalf("version 1: earlier=%v err=%v", earlier, err)
	}
	stamp := printout.EarlierStamp(v1)

	out := filepath.Join(t.TempDir(), "v1.pdf")
	code, stdout, stderr := run(t, "pw-for-tests", "print", "--db", db, "--patient", string(who.NHSNumber), "--version", "1", "--out", out)
	if code != 0 {
		t.Fatalf("print --version 1 exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "version 1") || !strings.Contains(stdout, stamp) {
		t.Errorf("print says %q, not that version 1 is stamped %q", stdout, stamp)
	}
	if text := servicetest.PDFText(t, out); !strings.Contains(text, stamp) {
		t.Errorf("the PDF of version 1 lacks %q", stamp)
	}

	code, _, stderr = run(t, "pw-for-tests", "print", "--db", db, "--patient", string(who.NHSNumber), "--version", "99", "--out", out+"2")
	if code == 0 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no such version") {
		t.Errorf("version 99: exit %d, %q; want one line saying there is no such version", code, stderr)
	}
	code, _, stderr = run(t, "pw-for-tests", "print", "--db", db, "--review-due-before", "2027-01-01", "--version", "1", "--out", out+"3")
	if code == 0 || !strings.Contains(stderr, "--version needs --patient") {
		t.Errorf("--version with a batch: exit %d, %q", code, stderr)
	}
}
