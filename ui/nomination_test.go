package ui

import (
	"carehub/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// nominationInput is what a test types into the nomination form.
type nominationInput struct {
	practice, ods, clinician, on, reason string
	nhs, given, family, born             string
	conditions                           []string // typed into the search, first match taken
	judgeWhy, judgeBy                    string
}

func goodNomination() nominationInput {
	return nominationInput{
		practice: "Frome Medical Practice", ods: "l85016", clinician: "Dr Helen Ames", on: "14/02/2026",
		reason: "Three admissions this winter", nhs: string(testNHSNumber(4321)), given: "Gwen", family: "Pryce",
		born: "03/03/1941", conditions: []string{"diab", "copd", "heart f"},
	}
}

// typeNomination types the input as a person would, and picks each condition from the search.
func typeNomination(t *testing.T, n *nominationScreen, in nominationInput) {
	t.Helper()
	for _, f := range []struct {
		entry *kit.Entry
		text  string
	}{
		{n.practice, in.practice}, {n.ods, in.ods}, {n.clinician, in.clinician}, {n.nominatedOn, in.on},
		{n.reason, in.reason}, {n.nhs, in.nhs}, {n.given, in.given}, {n.family, in.family}, {n.born, in.born},
		{n.judgeWhy, in.judgeWhy}, {n.judgeBy, in.judgeBy},
	} {
		test.Type(f.entry, f.text)
		f.entry.FocusLost() // test.Type focuses each entry in turn and never moves on
	}
	for _, c := range in.conditions {
		test.Type(n.conditions.search, c)
		n.conditions.search.FocusLost()
		if len(n.conditions.offered) == 0 {
			t.Fatalf("searching conditions for %q offers nothing", c)
		}
		test.Tap(n.conditions.offered[0])
	}
}

func openNominationOn(t *testing.T, st liveStore) (*session, *nominationScreen) {
	t.Helper()
	s, _ := storeSession(t, st)
	test.Tap(s.caseload.queues.nominate)
	n := s.enrolled.nomination
	if n == nil {
		t.Fatal("Nominate… opened no form")
	}
	return s, n
}

// moveStatus changes the open patient's status through the dialog, as a key worker would.
func moveStatus(t *testing.T, s *session, to careplan.Status) {
	t.Helper()
	test.Tap(s.patient.enrolDlg.statusButton)
	d := s.patient.enrolDlg.status
	d.to.SetSelected(to.Label())
	d.by.SetText("")
	test.Type(d.by, "Sam Green")
	test.Tap(d.form.Save)
	if dialogOpen(s) {
		t.Fatalf("moving to %s failed: %q %q", to, d.toProblem.Text, d.form.Problem.Text)
	}
}

// TestNominationConsentActiveOnRealStore drives the front door end to end by typing and
// tapping: nominate, move to contacted, record consent to join, move to consented and active;
// then reads the store.
func TestNominationConsentActiveOnRealStore(t *testing.T) {
	st := newEnrolStore(t)
	s, n := openNominationOn(t, st)
	in := goodNomination()
	typeNomination(t, n, in)
	if n.nhsOK.Hidden {
		t.Error("a valid NHS number is not marked valid as typed")
	}
	if !n.judgement.Hidden {
		t.Error("three conditions still ask for a clinical-judgement reason")
	}
	test.Tap(n.save)
	if s.patient == nil || s.patient.name.Text != "Gwen Pryce" {
		t.Fatalf("saving the nomination did not open Gwen's record (problem: %q)", n.problem.Text)
	}
	moveStatus(t, s, careplan.StatusContacted)

	// Active is refused until there is consent to join.
	test.Tap(s.patient.enrolDlg.statusButton)
	d := s.patient.enrolDlg.status
	if len(d.to.Options) == 0 || strings.Contains(strings.Join(d.to.Options, ","), "Active") {
		t.Errorf("from contacted the dialog offers %q", d.to.Options)
	}
	test.Tap(d.form.Dismiss)

	test.Tap(s.patient.enrolDlg.consentButton)
	c := s.patient.enrolDlg.consent
	c.scope.SetSelected("To join the hub")
	c.decision.SetSelected("Given")
	test.Type(c.how, "verbal, at home")
	c.by.SetText("")
	test.Type(c.by, "Sam Green")
	// Consent given to a contacted person offers the move to consented in the same step.
	if !c.move.Visible() || !c.move.Checked || !strings.Contains(c.move.Text, "to Consented") {
		t.Errorf("recording consent to join does not offer the move to consented: %q (shown %v)", c.move.Text, c.move.Visible())
	}
	test.Tap(c.form.Save)
	if dialogOpen(s) {
		t.Fatalf("consent not saved: %q", c.form.Problem.Text)
	}
	if s.patient.status.Text != "Consented" {
		t.Errorf("after recording consent with the move, the banner says %q", s.patient.status.Text)
	}
	moveStatus(t, s, careplan.StatusActive)
	if s.patient.status.Text != "Active" {
		t.Errorf("banner status = %q", s.patient.status.Text)
	}

	p, err := st.PatientByNHS(careplan.NHSNumber(in.nhs))
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != careplan.StatusActive || len(p.History) != 4 {
		t.Errorf("stored status %s, history %+v", p.Status, p.History)
	}
	if !careplan.HasConsent(p.Consent, careplan.ConsentToJoin) || p.Consent[0].How != "verbal, at home" {
		t.Errorf("stored consent %+v", p.Consent)
	}
	if p.Nomination.Practice.ODSCode != "L85016" || p.Practice.Name != "Frome Medical Practice" || len(p.Conditions) != 3 {
		t.Errorf("stored nomination %+v, practice %+v, conditions %v", p.Nomination, p.Practice, p.Conditions)
	}
	if cl := storedPatients(t, st); len(cl) != 1 || cl[0].Status != careplan.StatusActive {
		t.Errorf("caseload %+v", cl)
	}
}

// TestIneligibleNeedsOverrideReason: fewer than three conditions saves only with a
// clinical-judgement reason and who made it, and the reason shows on the summary.
func TestIneligibleNeedsOverrideReason(t *testing.T) {
	st := newEnrolStore(t)
	s, n := openNominationOn(t, st)
	in := goodNomination()
	in.conditions = []string{"dement"}
	typeNomination(t, n, in)
	if n.judgement.Hidden {
		t.Fatal("one condition does not ask for a clinical-judgement reason")
	}
	test.Tap(n.save)
	if n.judgeWhyP.Hidden || n.judgeByP.Hidden || n.conditions.problem.Hidden {
		t.Errorf("no inline problems: %q / %q / %q", n.conditions.problem.Text, n.judgeWhyP.Text, n.judgeByP.Text)
	}
	if got := storedPatients(t, st); len(got) != 0 {
		t.Fatalf("saved without the override reason: %+v", got)
	}
	test.Type(n.judgeWhy, "Lives alone, recent falls, carer in hospital")
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 0 {
		t.Fatalf("saved with a reason but nobody who made it: %+v", got)
	}
	test.Type(n.judgeBy, "Dr Helen Ames")
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 1 {
		t.Fatalf("not saved with the reason and who: problem %q", n.problem.Text)
	}
	if !labelShown(s.patient.root, "Lives alone, recent falls, carer in hospital (decided by Dr Helen Ames)") {
		t.Errorf("the summary does not show the clinical judgement: %q", labelTexts(s.patient.root))
	}
}

// TestNominationBadInputEveryField: each wrong field gets its own message, and nothing is saved.
func TestNominationBadInputEveryField(t *testing.T) {
	st := newEnrolStore(t)
	_, n := openNominationOn(t, st)
	typeNomination(t, n, nominationInput{
		ods: "85016", on: "31/02/2026", nhs: "943 476 5918", born: "01/01/2030", given: "", family: "",
	})
	if n.nhsProblem.Hidden {
		t.Error("a wrong check digit shows no message as it is typed")
	}
	if n.bornProblem.Hidden {
		t.Error("a future date of birth shows no message as it is typed")
	}
	test.Tap(n.save)
	for name, l := range map[string]*widget.Label{
		"practice": n.practiceProblem, "ODS code": n.odsProblem, "clinician": n.clinicianProb,
		"nomination date": n.nominatedOnProb, "reason": n.reasonProblem, "NHS number": n.nhsProblem,
		"given name": n.givenProblem, "family name": n.familyProb, "date of birth": n.bornProblem,
		"conditions": n.conditions.problem, "judgement reason": n.judgeWhyP, "judgement by": n.judgeByP,
		"the form": n.problem,
	} {
		if l.Hidden || l.Text == "" {
			t.Errorf("%s: no inline message", name)
		}
	}
	if got := storedPatients(t, st); len(got) != 0 {
		t.Errorf("bad input saved %d patients", len(got))
	}
	// A nomination dated before the birth is caught, once both dates read.
	n.born.SetText("01/01/1950")
	n.nominatedOn.SetText("01/01/1949")
	test.Tap(n.save)
	if !strings.Contains(n.nominatedOnProb.Text, "before the person was born") {
		t.Errorf("nomination before birth: %q", n.nominatedOnProb.Text)
	}
}

// TestNominationDuplicateOpensExisting: an NHS number already on the hub offers that person's
// record and is never saved twice; the same name and birth under another number is warned.
func TestNominationDuplicateOpensExisting(t *testing.T) {
	st := newEnrolStore(t)
	existing := careplan.NewNomination(careplan.Patient{
		NHSNumber: testNHSNumber(4321), GivenName: "Gwen", FamilyName: "Pryce", DateOfBirth: careplan.NewDate(1941, 3, 3),
		Conditions: []string{"44054006", "13645005", "84114007"},
	})
	if err := st.SavePatient(&existing); err != nil {
		t.Fatal(err)
	}
	s, n := openNominationOn(t, st)
	typeNomination(t, n, goodNomination())
	if n.openExisting.Hidden || !strings.Contains(n.existing.Text, "Already on the hub: Gwen Pryce") {
		t.Fatalf("no offer of the existing record: %q", n.existing.Text)
	}
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 1 {
		t.Errorf("a duplicate was saved: %d patients", len(got))
	}
	test.Tap(n.openExisting)
	if s.patient == nil || s.patient.nhsNumber.Text != existing.NHSNumber.Display() {
		t.Fatal("Open their record did not open the existing patient")
	}

	// Same name and date of birth, another NHS number: a warning and a tick before saving.
	test.Tap(s.caseload.queues.nominate)
	n = s.enrolled.nomination
	other := goodNomination()
	other.nhs = string(testNHSNumber(5555))
	typeNomination(t, n, other)
	if n.lookalike.Hidden || n.notSame.Hidden {
		t.Fatal("no warning about someone with the same name and date of birth")
	}
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 1 {
		t.Fatal("saved a lookalike without the check being ticked")
	}
	test.Tap(n.notSame)
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 2 {
		t.Errorf("a checked lookalike was not saved: %q", n.problem.Text)
	}
}

func TestNominationGolden(t *testing.T) {
	st := newEnrolStore(t)
	s, n := openNominationOn(t, st)
	test.AssertRendersToMarkup(t, "nomination.xml", s.w.Canvas())
	test.Type(n.conditions.search, "diab")
	test.Tap(n.save)
	test.AssertRendersToMarkup(t, "nomination_problems.xml", s.w.Canvas())
}

// dialogOpen reports whether a dialog is still showing over the session's window.
func dialogOpen(s *session) bool { return s.w.Canvas().Overlays().Top() != nil }

// TestNominationRefusesARepeatedDigitNHSNumber: 999 999 9999 passes Modulus 11 but is a
// placeholder, never a person's number; the form says so as it is typed and saves nothing.
func TestNominationRefusesARepeatedDigitNHSNumber(t *testing.T) {
	st := newEnrolStore(t)
	_, n := openNominationOn(t, st)
	test.Type(n.nhs, "999 999 9999")
	if n.nhsProblem.Hidden || !strings.Contains(n.nhsProblem.Text, "placeholder, not a real NHS number") {
		t.Errorf("NHS number problem %q (hidden %v)", n.nhsProblem.Text, n.nhsProblem.Hidden)
	}
	test.Tap(n.save)
	if got := storedPatients(t, st); len(got) != 0 {
		t.Errorf("saved %d patients under 999 999 9999", len(got))
	}
}
