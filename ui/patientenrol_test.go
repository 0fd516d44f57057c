package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// savedPatient stores an active patient with consent to join and to share with a carer.
func savedPatient(t *testing.T, st liveStore) careplan.Patient {
	t.Helper()
	d := careplan.NewDate
	p := careplan.NewNomination(careplan.Patient{
		NHSNumber: testNHSNumber(777), GivenName: "Siân", FamilyName: "O'Brien", DateOfBirth: d(1948, time.March, 3),
		Conditions: []string{"52448006", "35489007", "396275006"},
		Nomination: careplan.Nomination{On: d(2025, time.January, 14), Clinician: "Dr Helen Ames", Reason: "falls",
			Practice: careplan.Practice{Name: "Frome Medical Practice", ODSCode: "L85016"}},
	})
	today := fixedToday()
	steps := []func() error{
		func() error {
			return p.ChangeStatus(careplan.StatusContacted, d(2025, time.January, 20), today, "Sam Green", "")
		},
		func() error {
			return p.RecordConsent(careplan.ConsentRecord{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: d(2025, time.February, 3), RecordedBy: "Sam Green"}, today)
		},
		func() error {
			return p.RecordConsent(careplan.ConsentRecord{Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentGiven, On: d(2025, time.February, 3), RecordedBy: "Sam Green",
				Parties: []careplan.SharedWith{{Name: "Rhodri O'Brien", Role: "son", Organisation: "family"}}}, today)
		},
		func() error {
			return p.ChangeStatus(careplan.StatusConsented, d(2025, time.February, 3), today, "Sam Green", "")
		},
		func() error {
			return p.ChangeStatus(careplan.StatusActive, d(2025, time.February, 10), today, "Jo Marsh", "")
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func openSaved(t *testing.T, st liveStore) (*session, careplan.Patient) {
	t.Helper()
	p := savedPatient(t, st)
	s, _ := storeSession(t, st)
	s.openPatient(p.ID)
	if s.patient.enrolDlg == nil {
		t.Fatal("the patient screen has no enrolment bar")
	}
	return s, p
}

// TestShareWithdrawalShownOnSummary: withdrawing consent to share with carers shows on the
// summary at once, and the store keeps the whole history.
func TestShareWithdrawalShownOnSummary(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	if !labelShown(s.patient.root, "Rhodri O'Brien (son, family)") {
		t.Fatalf("before withdrawal the summary does not say who the plan is shared with: %q", labelTexts(s.patient.root))
	}
	test.Tap(s.patient.enrolDlg.consentButton)
	c := s.patient.enrolDlg.consent
	c.scope.SetSelected("To share the plan with carers")
	c.decision.SetSelected("Withdrawn")
	if !c.partyBlock.Hidden {
		t.Error("a withdrawal asks who it covers")
	}
	test.Type(c.how, "by phone")
	c.by.SetText("")
	test.Type(c.by, "Jo Marsh")
	test.Tap(c.form.Save)
	if dialogOpen(s) {
		t.Fatalf("withdrawal not saved: %q %q", c.decisionProblem.Text, c.form.Problem.Text)
	}
	if !labelShown(s.patient.root, "Nobody") {
		t.Errorf("after withdrawal the summary still shares the plan: %q", labelTexts(s.patient.root))
	}
	if !labelShown(s.patient.root, "carers: consent withdrawn on 2 Mar 2026; professionals: no consent recorded") {
		t.Errorf("the summary does not say what is not shared: %q", labelTexts(s.patient.root))
	}
	got, err := st.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Consent) != 3 || got.Consent[2].Decision != careplan.ConsentWithdrawn {
		t.Errorf("stored consent history %+v", got.Consent)
	}
}

func TestConsentDialogBadInput(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	test.Tap(s.patient.enrolDlg.consentButton)
	c := s.patient.enrolDlg.consent
	mustBeSignedInName(t, c.by)
	c.by.SetText("")
	c.on.SetText("tomorrow")
	test.Tap(c.form.Save)
	for name, l := range map[string]*widget.Label{"scope": c.scopeProblem, "decision": c.decisionProblem, "date": c.onProblem, "by": c.byProblem} {
		if l.Hidden {
			t.Errorf("%s: no message", name)
		}
	}
	c.scope.SetSelected("To share the plan with professionals")
	c.decision.SetSelected("Given")
	c.on.SetText("01/03/2026")
	c.by.SetText("")
	test.Type(c.by, "Sam Green")
	test.Type(c.parties[0].name, "Dr Ames")
	test.Tap(c.form.Save)
	if c.partiesProblem.Hidden {
		t.Error("a party without role and organisation shows no message")
	}
	c.decision.SetSelected("Withdrawn")
	test.Tap(c.form.Save)
	if !strings.Contains(c.decisionProblem.Text, "nothing to withdraw") {
		t.Errorf("withdrawing what was never given: %q", c.decisionProblem.Text)
	}
	if got, _ := st.Patient(p.ID); len(got.Consent) != len(p.Consent) {
		t.Errorf("bad input saved a consent: %+v", got.Consent)
	}
}

func TestStatusDialogBadInputAndDied(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	test.Tap(s.patient.enrolDlg.statusButton)
	d := s.patient.enrolDlg.status
	mustBeSignedInName(t, d.by)
	d.by.SetText("")
	d.on.SetText("01/01/2025") // before the last change
	test.Tap(d.form.Save)
	if d.toProblem.Hidden || d.onProblem.Hidden || d.byProblem.Hidden {
		t.Errorf("problems: %q %q %q", d.toProblem.Text, d.onProblem.Text, d.byProblem.Text)
	}
	d.to.SetSelected(careplan.StatusDied.Label())
	if d.died.Hidden {
		t.Error("recording a death does not say what it does")
	}
	d.on.SetText("02/03/2026")
	d.by.SetText("")
	test.Type(d.by, "Jo Marsh")
	test.Tap(d.form.Save)
	if dialogOpen(s) {
		t.Fatalf("not saved: %q", d.form.Problem.Text)
	}
	if !s.patient.enrolDlg.statusButton.Disabled() {
		t.Error("died is final, but status can still be changed")
	}
	got, _ := st.Patient(p.ID)
	if got.Status != careplan.StatusDied {
		t.Errorf("stored status %s", got.Status)
	}
}

func TestContactsDialog(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	test.Tap(s.patient.enrolDlg.contactsButton)
	d := s.patient.enrolDlg.contacts
	mustBeSignedInName(t, d.by)
	d.by.SetText("")
	d.on.SetText("03/03/2026")
	test.Type(d.minutes, "ninety")
	test.Type(d.note, strings.Repeat("x", careplan.MaxContactNote+1))
	test.Tap(d.form.Save)
	for name, l := range map[string]*widget.Label{"how": d.kindProblem, "date": d.onProblem, "by": d.byProblem,
		"minutes": d.minutesProblem, "note": d.noteProblem} {
		if l.Hidden {
			t.Errorf("%s: no message", name)
		}
	}
	if cs, _ := st.Contacts(p.ID); len(cs) != 0 {
		t.Fatalf("bad input saved %+v", cs)
	}
	d.kind.SetSelected(careplan.ContactHomeVisit.Label())
	d.on.SetText("01/03/2026")
	d.by.SetText("")
	test.Type(d.by, "Sam Green")
	d.minutes.SetText("45")
	d.note.SetText("Walked to the post office together")
	test.Tap(d.form.Save)
	cs, _ := st.Contacts(p.ID)
	if len(cs) != 1 || cs[0].Minutes != 45 || cs[0].Kind != careplan.ContactHomeVisit {
		t.Fatalf("stored contacts %+v (problem %q)", cs, d.form.Problem.Text)
	}
	if !labelShown(d.history, "Walked to the post office together") {
		t.Error("the log does not show the new contact")
	}
	test.Tap(d.form.Dismiss)
	for _, e := range storedPatients(t, st) {
		if e.LastContact != careplan.NewDate(2026, time.March, 1) {
			t.Errorf("caseload last contact %v", e.LastContact)
		}
	}
}

func TestTeamDialogSuggestsAndAssigns(t *testing.T) {
	st := newEnrolStore(t)
	for _, m := range testStaff() {
		m.ID = ""
		if err := st.SaveStaff(&m); err != nil {
			t.Fatal(err)
		}
	}
	s, p := openSaved(t, st)
	test.Tap(s.patient.enrolDlg.teamButton)
	d := s.patient.enrolDlg.team
	// Dementia, depression and osteoarthritis: Rhian (dementia), Sam (mental health) and Olu
	// (falls) each match one.
	texts := strings.Join(labelTexts(d.suggestions), "\n")
	for _, want := range []string{"Rhian Davies: Dementia (dementia)", "Sam Green: Depression (mental health)", "Olu Adebayo: Osteoarthritis (falls)"} {
		if !strings.Contains(texts, want) {
			t.Errorf("suggestions %q lack %q", texts, want)
		}
	}
	d.keyWorker.SetSelected("Rhian Davies")
	d.coordinator.SetSelected("Jo Marsh")
	test.Tap(d.form.Save)
	got, _ := st.Patient(p.ID)
	if got.Team.KeyWorker != "Rhian Davies" || got.Team.Coordinator != "Jo Marsh" || got.Team.KeyWorkerID == "" {
		t.Errorf("stored team %+v", got.Team)
	}
}

func TestStaffScreenAddsAndEdits(t *testing.T) {
	st := newEnrolStore(t)
	s, _ := storeSession(t, st)
	test.Tap(s.caseload.queues.staff)
	sc := s.enrolled.staff
	test.Tap(sc.page.Save)
	if sc.nameProblem.Hidden || sc.roleProblem.Hidden {
		t.Error("an empty form shows no messages")
	}
	test.Type(sc.name, "Priya Patel")
	sc.role.SetSelected(string(careplan.RoleKeyWorker))
	sc.specialisms.SetSelected([]string{string(careplan.SpecFalls)})
	test.Tap(sc.page.Save)
	staff, _ := st.Staff()
	if len(staff) != 1 || staff[0].Name != "Priya Patel" || len(staff[0].Specialisms) != 1 || !staff[0].Active {
		t.Fatalf("stored staff %+v", staff)
	}
	test.Tap(sc.page.EditButton(staff[0].ID))
	sc.active.SetChecked(false)
	test.Tap(sc.page.Save)
	staff, _ = st.Staff()
	if len(staff) != 1 || staff[0].Active {
		t.Errorf("after marking as left: %+v", staff)
	}
}

// TestStatusDialogRecordsDateOfDeathApart: the date of death is asked for beside the day the
// hub was told, is optional, is checked against it, and is kept apart from it.
func TestStatusDialogRecordsDateOfDeathApart(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	test.Tap(s.patient.enrolDlg.statusButton)
	d := s.patient.enrolDlg.status
	if d.diedRow.Visible() {
		t.Error("the date of death is asked for before died is chosen")
	}
	d.to.SetSelected(careplan.StatusDied.Label())
	if !d.diedRow.Visible() {
		t.Fatal("choosing died does not ask for the date of death")
	}
	d.on.SetText("01/03/2026")
	d.diedOn.SetText("02/03/2026") // after the hub was told
	d.by.SetText("")
	test.Type(d.by, "Jo Marsh")
	test.Tap(d.form.Save)
	if d.diedOnErr.Hidden || d.diedOnErr.Text != "The date of death cannot be after the day the hub was told." {
		t.Errorf("date of death problem %q (hidden %v)", d.diedOnErr.Text, d.diedOnErr.Hidden)
	}
	if got, _ := st.Patient(p.ID); got.Status == careplan.StatusDied {
		t.Fatal("a death after the day the hub was told was saved")
	}
	d.diedOn.SetText("24/02/2026")
	test.Tap(d.form.Save)
	if dialogOpen(s) {
		t.Fatalf("not saved: %q %q", d.diedOnErr.Text, d.form.Problem.Text)
	}
	got, _ := st.Patient(p.ID)
	last := got.History[len(got.History)-1]
	if got.Status != careplan.StatusDied || last.On != careplan.NewDate(2026, 3, 1) || last.DiedOn != careplan.NewDate(2026, 2, 24) {
		t.Errorf("stored %s, %+v; want told on 1 Mar, died on 24 Feb", got.Status, last)
	}
	if !labelShown(s.patient.body, "Now: Died · date of death 24 Feb 2026") {
		t.Error("the summary does not give the date of death")
	}
}
