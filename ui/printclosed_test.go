package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/app/service/servicetest"
	"carehub/careplan"
)

// TestClosedRecordAsksBeforePrintingAndStampsEveryPage guards hazard H11: a person who died
// is not printed as if their plan were current. Print plan says why and prints nothing until a
// coordinator confirms; then every page is stamped closed.
func TestClosedRecordAsksBeforePrintingAndStampsEveryPage(t *testing.T) {
	r := &people{}
	d := fullPatient(pid("x1"), testNHSNumber(7777))
	d.Needs = careplan.CommunicationNeeds{}
	d.Status = careplan.StatusDied
	d.History = append(d.History, careplan.StatusChange{From: careplan.StatusActive, To: careplan.StatusDied,
		On: fixedToday().AddDays(-3), By: "Cat", DiedOn: fixedToday().AddDays(-10)})
	r.add(d, []careplan.Plan{agreedPlan(d.ID, fixedToday().AddDays(30))}, nil)
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "refused.pdf")}
	s, _, _, _ := printingSession(t, r, files)
	s.openPatient(d.ID)
	b := s.patient.printing

	test.Tap(b.print)
	if b.closedAsk == nil || files.saves != 0 {
		t.Fatal("Print plan for a person who died went straight to saving, without saying the record is closed")
	}
	reason := "died on " + fixedToday().AddDays(-10).Display()
	if b.offer.Closed != reason {
		t.Errorf("the print bar gives the reason %q, want %q", b.offer.Closed, reason)
	}
	test.Tap(b.keepUnprinted)
	if files.saves != 0 || printedFile(t, files.path) {
		t.Fatal("choosing not to print a closed record printed it")
	}

	files.path = filepath.Join(dir, "stamped.pdf")
	test.Tap(b.print)
	test.Tap(b.printStamped)
	if !printedFile(t, files.path) {
		t.Fatalf("confirming did not print the plan: %q", b.outcome.Text)
	}
	text := strings.Join(strings.Fields(servicetest.PDFText(t, files.path)), " ")
	if want := "Record closed (" + reason + ") — not a current plan"; !strings.Contains(text, want) {
		t.Errorf("the printed plan does not say %q", want)
	}
	if !strings.Contains(b.outcome.Text, "record closed") {
		t.Errorf("the outcome does not say the plan was stamped closed: %q", b.outcome.Text)
	}
}
