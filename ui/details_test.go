package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestEditDetailsCorrectsTheRecordAndLargePrintFollows: a newly nominated person's mobile,
// carer and need for large print are put right through the dialog; bad input is refused beside
// its field and saves nothing; the print bar then prints them in large print; a coordinator
// corrects a mistyped NHS number only by typing it twice with why.
func TestEditDetailsCorrectsTheRecordAndLargePrintFollows(t *testing.T) {
	st := newEnrolStore(t)
	s, p := openSaved(t, st)
	if s.patient.printing != nil && s.patient.printing.offer.LargePrint {
		t.Fatal("the fixture already needs large print")
	}
	test.Tap(s.patient.enrolDlg.detailsButton)
	d := s.patient.enrolDlg.details
	if d.practice.Text != p.Practice.Name || d.nhs == nil {
		t.Fatalf("the dialog does not start from the record (practice %q) or offers no NHS correction to a coordinator", d.practice.Text)
	}
	d.email.SetText("07700 900456")
	d.ods.SetText("85016")
	test.Tap(d.form.Save)
	if d.emailProblem.Hidden || d.odsProblem.Hidden {
		t.Errorf("bad email and ODS code: %q %q", d.emailProblem.Text, d.odsProblem.Text)
	}
	if got, _ := st.Patient(p.ID); got.Contact.Email != "" {
		t.Fatal("refused details were saved")
	}
	d.email.SetText("sian@example.org")
	d.ods.SetText("l85016")
	test.Type(d.mobile, "07700 900456")
	d.largePrint.SetChecked(true)
	test.Tap(d.addCarer)
	test.Type(d.carers[len(d.carers)-1].name, "Zoë D'Arcy")
	test.Type(d.nhs, "4010232137")
	test.Type(d.nhsAgain, "4010232173")
	test.Tap(d.form.Save)
	if d.nhsProblem.Hidden || !strings.Contains(d.nhsProblem.Text, "second time") {
		t.Errorf("an NHS number typed differently twice: %q", d.nhsProblem.Text)
	}
	d.nhsAgain.SetText("4010232137")
	test.Type(d.nhsWhy, "checked against the practice's letter")
	test.Tap(d.form.Save)
	if dialogOpen(s) {
		t.Fatalf("not saved: %q", d.form.Problem.Text)
	}
	got, err := st.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact.Mobile != "07700 900456" || got.Contact.Email != "sian@example.org" || !got.Needs.LargePrint ||
		got.Practice.ODSCode != "L85016" || got.Carers[len(got.Carers)-1].Name != "Zoë D'Arcy" || got.NHSNumber != "4010232137" {
		t.Errorf("stored %+v", got)
	}
	if s.patient.printing != nil && !s.patient.printing.offer.LargePrint {
		t.Error("after asking for large print, the print bar does not print large")
	}
}
