package ui

import (
	"strings"
	"testing"

	"carehub/careplan"
)

// A person stored as active with no consent to join on record (from before the consent rule)
// is flagged on their screen, above their consent, with what to do; someone whose consent and
// status agree is not.
func TestPatientScreenFlagsStatusWithoutConsentToJoin(t *testing.T) {
	r := &people{staff: testStaff(), services: testServices()}
	bare := fullPatient(pid("c1"), testNHSNumber(777))
	bare.Status, bare.Consent = careplan.StatusActive, nil
	r.add(bare, nil, nil)
	r.add(fullPatient(pid("c2"), testNHSNumber(778)), nil, nil)
	s, _, _ := unlockedSession(t, r)

	s.openPatient(bare.ID)
	texts := strings.Join(labelTexts(s.patient.body), "\n")
	if !strings.Contains(texts, "To put right\nActive with no consent to join on record: record the consent the person gave, or correct the status") {
		t.Errorf("the screen of someone active without consent does not flag it:\n%s", texts)
	}
	s.openPatient(pid("c2"))
	if texts := strings.Join(labelTexts(s.patient.body), "\n"); strings.Contains(texts, "To put right") {
		t.Errorf("someone whose consent and status agree is flagged:\n%s", texts)
	}
}
