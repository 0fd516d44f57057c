package app

import (
	"strings"
	"testing"

	"carehub/careplan"
)

// A person stored as active with no consent to join on record (saved before carehub held
// status to consent) is named by `carehub check` for a coordinator to put right; the store is
// still whole, so check still says ok.
func TestCheckNamesPeopleWhoseConsentDisagreesWithTheirStatus(t *testing.T) {
	db := demoStore(t, "60")
	_, out, _ := run(t, "pw-for-tests", "check", "--db", db)
	if strings.Contains(out, "consent to put right") {
		t.Fatalf("the demo's own records are flagged:\n%s", out)
	}
	name := stripConsentToJoin(t, db)
	code, out, stderr := run(t, "pw-for-tests", "check", "--db", db)
	if code != 0 {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	if !strings.Contains(out, "consent to put right") || !strings.Contains(out, name+" (NHS ") ||
		!strings.Contains(out, "Active with no consent to join on record") || !strings.HasSuffix(out, "ok\n") {
		t.Errorf("check does not name %s as active without consent, or does not end ok:\n%s", name, out)
	}
}

// stripConsentToJoin removes every consent record of the first active person, as a record from
// before the consent rule could be, and returns their name.
func stripConsentToJoin(t *testing.T, db string) string {
	t.Helper()
	st, rows := openDemoCaseload(t, db)
	defer st.Close()
	for _, e := range rows {
		if e.Status != careplan.StatusActive {
			continue
		}
		p, err := st.Patient(e.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		p.Consent = nil
		if err := st.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		return p.GivenName + " " + p.FamilyName
	}
	t.Fatal("no one active in the demo")
	return ""
}
