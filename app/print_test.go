package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/store"
)

// cliPrintStore is a demo store made by `carehub demo`, with one person who has an agreed
// plan and one who has none, found by opening the store and closed again before the command
// runs.
func cliPrintStore(t *testing.T) (db string, who, noPlan careplan.CaseloadEntry) {
	t.Helper()
	db = demoStore(t, "40")
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return db, servicetest.DemoPerson(t, st, servicetest.HasAgreed), servicetest.DemoPerson(t, st, func(p []careplan.Plan) bool { return !servicetest.HasAgreed(p) })
}

// unusedNHSNumber is a valid NHS number outside the demo's range.
func unusedNHSNumber(t *testing.T) careplan.NHSNumber {
	t.Helper()
	for n := 999999000; ; n++ {
		nine := fmt.Sprint(n)
		if d, ok := careplan.NHSCheckDigit(nine); ok {
			return careplan.NHSNumber(fmt.Sprintf("%s%d", nine, d))
		}
	}
}

func TestPrintOnePatient(t *testing.T) {
	db, who, _ := cliPrintStore(t)
	out := filepath.Join(t.TempDir(), "plan.pdf")
	code, stdout, stderr := run(t, "pw-for-tests", "print", "--db", db, "--patient", who.NHSNumber.Display(), "--out", out)
	if code != 0 {
		t.Fatalf("print exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, who.NHSNumber.Display()) {
		t.Errorf("print says %q, not whose plan it printed", stdout)
	}
	text := servicetest.PDFText(t, out)
	if !strings.Contains(text, who.GivenName+" "+who.FamilyName) || !strings.Contains(text, who.NHSNumber.Display()) {
		t.Errorf("the PDF does not show %s %s", who.GivenName+" "+who.FamilyName, who.NHSNumber.Display())
	}
}

func TestPrintDueWritesOneFilePerPerson(t *testing.T) {
	db, _, _ := cliPrintStore(t)
	dir := filepath.Join(t.TempDir(), "due")
	before := careplan.DateOf(fixedNow()).AddDays(60).String()
	code, stdout, stderr := run(t, "pw-for-tests", "print", "--db", db, "--review-due-before", before, "--out", dir)
	if code != 0 {
		t.Fatalf("print exited %d: %s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(dir, "plan-*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans written to %s (%v); said %q", dir, err, stdout)
	}
	if want := fmt.Sprintf("%d plan(s) printed to %s", len(files), dir); !strings.Contains(stdout, want) {
		t.Errorf("print says %q, want %q", stdout, want)
	}
	if l := servicetest.PrintLeftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestPrintBadCommandLinesGetOneClearLine(t *testing.T) {
	db, who, noPlan := cliPrintStore(t)
	unknown := unusedNHSNumber(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown patient", []string{"--patient", string(unknown)}, "no patient with NHS number " + unknown.Display()},
		{"no agreed plan", []string{"--patient", string(noPlan.NHSNumber)}, "there is no agreed plan to print"},
		{"bad NHS number", []string{"--patient", "1234567890"}, "--patient"},
		{"both", []string{"--patient", string(who.NHSNumber), "--review-due-before", "2027-01-01"}, "either --patient"},
		{"neither", nil, "either --patient"},
		{"bad date", []string{"--review-due-before", "31/02/2027"}, "--review-due-before"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.pdf")
			args := append([]string{"print", "--db", db, "--out", out}, c.args...)
			code, _, stderr := run(t, "pw-for-tests", args...)
			if code == 0 {
				t.Fatal("succeeded")
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("want one line mentioning %q, got %q", c.want, stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("a failed print left a file behind")
			}
			if l := servicetest.PrintLeftovers(t, filepath.Dir(out)); len(l) > 0 {
				t.Errorf("temporary files left: %q", l)
			}
		})
	}
}
