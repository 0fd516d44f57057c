package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/store"
)

// openDemoCaseload opens a demo store the tests made (passphrase pw-for-tests) and reads its
// caseload; the caller closes the store.
func openDemoCaseload(t *testing.T, db string) (*store.Store, []careplan.CaseloadEntry) {
	t.Helper()
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Caseload()
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, rows
}

// agreedPerson finds someone in the hub with an agreed plan, and one other person.
func agreedPerson(t *testing.T, db string) (careplan.CaseloadEntry, careplan.CaseloadEntry) {
	t.Helper()
	st, rows := openDemoCaseload(t, db)
	defer st.Close()
	for i, r := range rows {
		plans, _ := st.Plans(r.PatientID)
		for _, p := range plans {
			if p.State == careplan.PlanAgreed {
				return r, rows[(i+1)%len(rows)]
			}
		}
	}
	t.Fatal("no one in the demo hub has an agreed plan")
	return careplan.CaseloadEntry{}, careplan.CaseloadEntry{}
}

func TestTabletSetupHoldsOnlyThatPatient(t *testing.T) {
	db := demoStore(t, "20")
	who, other := agreedPerson(t, db)
	out := filepath.Join(t.TempDir(), "tablet.db")
	var stdout, stderr bytes.Buffer
	env := Env{Args: []string{"tablet-setup", "--db", db, "--patient", string(who.NHSNumber), "--out", out},
		Stdout: &stdout, Stderr: &stderr, Now: fixedNow,
		Getenv: func(k string) string {
			switch k {
			case PassphraseVar:
				return "pw-for-tests"
			case NewPassphraseVar:
				return "tablet passphrase"
			}
			return ""
		}}
	if code := Main(env, nil); code != 0 {
		t.Fatalf("tablet-setup exited %d: %s", code, stderr.String())
	}
	servicetest.CheckBolt(t, out)

	tab, err := store.Open(out, "tablet passphrase", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if u := tab.SignedIn(); u.Role != access.Patient || u.PatientID != who.PatientID {
		t.Fatalf("the tablet opens as %+v", u)
	}
	if _, err := store.Open(out, "pw-for-tests", store.Options{}); err == nil {
		t.Error("the hub's passphrase opens the tablet")
	}
	rows, _ := tab.Caseload()
	if len(rows) != 1 || rows[0].PatientID != who.PatientID {
		t.Fatalf("the tablet's caseload: %+v", rows)
	}
	pams, _ := tab.AllAssessments()
	outs, _ := tab.AllOutcomes()
	for id := range pams {
		if id != who.PatientID {
			t.Errorf("PAM for someone else (%s) on the tablet", id)
		}
	}
	for id := range outs {
		if id != who.PatientID {
			t.Errorf("outcomes for someone else (%s) on the tablet", id)
		}
	}
	plans, _ := tab.Plans(who.PatientID)
	if len(plans) != 1 || plans[0].State != careplan.PlanAgreed {
		t.Errorf("the tablet holds %d plans; want the agreed one only", len(plans))
	}
	if p, err := tab.PatientByNHS(other.NHSNumber); err == nil {
		t.Errorf("someone else is on the tablet: %s", p.FullName())
	}
	report, err := tab.Check()
	if err != nil || !report.OK() {
		t.Fatalf("check: %v %v", err, report.Problems)
	}
	for _, c := range report.Counts {
		if c.Kind == "patients" && c.Count != 1 || c.Kind == "staff" && c.Count > 2 {
			t.Errorf("%d %s records on the tablet", c.Count, c.Kind)
		}
	}
	if !strings.Contains(stdout.String(), "tablet store for") {
		t.Errorf("stdout: %s", stdout.String())
	}

	// The patient's check-in stays in the tablet store for the hub to collect at sync.
	svc := services(Env{Now: fixedNow}, tab).Tablet
	view, err := svc.MyPlan()
	if err != nil || len(view.Goals) == 0 {
		t.Fatalf("my plan: %d goals, %v", len(view.Goals), err)
	}
	c := myplan.CheckIn{GoalID: view.Goals[0].ID, Scale: 4, Note: "walked to the gate"}
	if err := svc.SaveCheckIn(&c); err != nil {
		t.Fatal(err)
	}
	got, _ := tab.CheckIns(who.PatientID)
	if len(got) != 1 || got[0].Note != "walked to the gate" {
		t.Errorf("check-ins %+v", got)
	}
}

// TestTabletSetupCommandKeepsAnExistingFile: the command line has no "replace?" question, so
// it refuses a path that is already there and leaves the file as it was.
func TestTabletSetupCommandKeepsAnExistingFile(t *testing.T) {
	db := demoStore(t, "5")
	who, _ := agreedPerson(t, db)
	out := filepath.Join(t.TempDir(), "tablet.db")
	if err := os.WriteFile(out, []byte("someone's notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := Env{Args: []string{"tablet-setup", "--db", db, "--patient", string(who.NHSNumber), "--out", out},
		Stdout: &stdout, Stderr: &stderr, Now: fixedNow,
		Getenv: func(k string) string {
			return map[string]string{PassphraseVar: "pw-for-tests", NewPassphraseVar: "tablet passphrase"}[k]
		}}
	if code := Main(env, nil); code == 0 || !strings.Contains(stderr.String(), "not a carehub store is already there") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if got, _ := os.ReadFile(out); string(got) != "someone's notes" {
		t.Errorf("the existing file now holds %q", got)
	}
}

// TestTabletSetupRefusesAWeakPassphrase: the patient's tablet is held to the passphrase policy
// like any store: "1" is refused in one line and nothing is written.
func TestTabletSetupRefusesAWeakPassphrase(t *testing.T) {
	db := demoStore(t, "5")
	who, _ := agreedPerson(t, db)
	out := filepath.Join(t.TempDir(), "tablet.db")
	var stdout, stderr bytes.Buffer
	env := Env{Args: []string{"tablet-setup", "--db", db, "--patient", string(who.NHSNumber), "--out", out},
		Stdout: &stdout, Stderr: &stderr, Now: fixedNow,
		Getenv: func(k string) string {
			return map[string]string{PassphraseVar: "pw-for-tests", NewPassphraseVar: "1"}[k]
		}}
	if code := Main(env, nil); code == 0 || strings.Count(stderr.String(), "\n") != 1 ||
		!strings.Contains(stderr.String(), "at least 10 characters, or three words") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused tablet left a file: %v", err)
	}
}
