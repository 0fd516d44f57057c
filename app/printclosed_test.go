package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
)

// diedWithPlan is a person in the demo store db who died and has an agreed plan.
func diedWithPlan(t *testing.T, db string) careplan.Patient {
	t.Helper()
	st, rows := openDemoCaseload(t, db)
	defer st.Close()
	for _, r := range rows {
		if r.Status != careplan.StatusDied {
			continue
		}
		if plans, err := st.Plans(r.PatientID); err == nil && servicetest.HasAgreed(plans) {
			p, err := st.Patient(r.PatientID)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Skip("the demo data has nobody who died with an agreed plan")
	return careplan.Patient{}
}

// TestPrintOfAPersonWhoDiedIsRefusedOrStampedClosed guards hazard H11 on the command line:
// one line naming the reason and no file; with --closed-record-ok, "closed" on every page.
func TestPrintOfAPersonWhoDiedIsRefusedOrStampedClosed(t *testing.T) {
	db := demoStore(t, "200")
	p := diedWithPlan(t, db)
	cl, _ := p.Closure()
	out := filepath.Join(t.TempDir(), "plan.pdf")

	code, _, stderr := run(t, "pw-for-tests", "print", "--db", db, "--patient", string(p.NHSNumber), "--out", out)
	if code == 0 {
		t.Fatal("printing the plan of a person who died succeeded")
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, cl.Reason()) || !strings.Contains(stderr, "--closed-record-ok") {
		t.Errorf("want one line naming %q and how to go on, got %q", cl.Reason(), stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused print left a file")
	}

	code, stdout, stderr := run(t, "pw-for-tests", "print", "--db", db, "--patient", string(p.NHSNumber), "--out", out, "--closed-record-ok")
	if code != 0 {
		t.Fatalf("print --closed-record-ok exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, cl.Stamp()) {
		t.Errorf("print says %q, not that every page is stamped", stdout)
	}
	pages := servicetest.PDFPages(t, out)
	if len(pages) == 0 {
		t.Fatal("the PDF has no pages")
	}
	for i, text := range pages {
		if !strings.Contains(text, cl.Stamp()) {
			t.Errorf("page %d does not say %q", i+1, cl.Stamp())
		}
	}
}

// TestPrintDueBeforeTodaySaysOverdueOnEveryPage: every plan due for review before today is
// overdue, and each printed page says so; closed records are left out and counted.
func TestPrintDueBeforeTodaySaysOverdueOnEveryPage(t *testing.T) {
	db := demoStore(t, "200")
	dir := filepath.Join(t.TempDir(), "due")
	today := careplan.DateOf(fixedNow()).String()
	code, stdout, stderr := run(t, "pw-for-tests", "print", "--db", db, "--review-due-before", today, "--out", dir)
	if code != 0 {
		t.Fatalf("print exited %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "plan-*.pdf"))
	if len(files) == 0 {
		t.Fatalf("no overdue plans printed: %q", stdout)
	}
	for _, f := range files {
		for i, text := range servicetest.PDFPages(t, f) {
			if !strings.Contains(text, "Review overdue since") {
				t.Errorf("%s page %d does not say the review is overdue", filepath.Base(f), i+1)
			}
		}
	}
	if !strings.Contains(stdout, "closed record(s) left out") {
		t.Errorf("print does not say how many closed records it left out: %q", stdout)
	}
}
