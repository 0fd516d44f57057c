package ui

import (
	"carehub/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

// mustBeSignedInName checks a "recorded by" field starts with the signed-in person's name
// (Cat Coordinator in these sessions), so nobody retypes, or mistypes, their own.
func mustBeSignedInName(t *testing.T, by *kit.Entry) {
	t.Helper()
	if by.Text != catCoordinator.Name {
		t.Errorf("the recorded-by field starts with %q, not the signed-in %q", by.Text, catCoordinator.Name)
	}
}

// TestWithdrawingConsentClosesTheRecordAsWithdrew: withdrawing consent to join from an active
// person offers, in the same step, to close the record with its own exit, withdrew (hazard
// H13); status then refuses consented until a consent to join is in force again.
func TestWithdrawingConsentClosesTheRecordAsWithdrew(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st) // active, consent to join given
	test.Tap(s.patient.enrolDlg.consentButton)
	c := s.patient.enrolDlg.consent
	mustBeSignedInName(t, c.by)
	c.scope.SetSelected("To join the hub")
	c.decision.SetSelected("Withdrawn")
	if !c.move.Visible() || !c.move.Checked || !strings.Contains(c.move.Text, "Withdrew") {
		t.Fatalf("withdrawing consent to join does not ask to close the record: %q (shown %v)", c.move.Text, c.move.Visible())
	}
	c.decision.SetSelected("Given")
	if c.move.Visible() {
		t.Errorf("consent given to someone already active offers a move: %q", c.move.Text)
	}
	c.decision.SetSelected("Withdrawn")
	test.Tap(c.form.Save)
	if dialogOpen(s) {
		t.Fatalf("not saved: %q", c.form.Problem.Text)
	}
	got, err := st.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := got.History[len(got.History)-1]
	if got.Status != careplan.StatusWithdrew || last.By != catCoordinator.Name {
		t.Errorf("stored status %s, last change %+v; want withdrew by %s", got.Status, last, catCoordinator.Name)
	}
	if s.patient.status.Text != "Withdrew" {
		t.Errorf("the banner says %q", s.patient.status.Text)
	}
}
