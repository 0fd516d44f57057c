package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/printout"
)

// TestPrintPlanPrintsThatPatient guards the wrong-patient hazard: Print plan prints the plan
// of the person in the banner, with large print chosen from their needs.
func TestPrintPlanPrintsThatPatient(t *testing.T) {
	r := testRecords()
	p := &fakePrinting{pages: 3}
	files := &fakeFiles{}
	s, _, opened := printingSession(t, r, p, files)

	for _, tc := range []struct {
		id    string
		large bool
	}{
		{"p01", true},  // Siân's needs ask for large print
		{"p02", false}, // Zoë's do not
	} {
		s.openPatient(tc.id)
		person := s.patient.printing.patient
		if person.ID != tc.id {
			t.Fatalf("the print bar holds %s, want %s", person.ID, tc.id)
		}
		if got := s.patient.printing.largePrint; got != tc.large {
			t.Errorf("%s: large print ticked %v, want %v", tc.id, got, tc.large)
		}
		files.path = "/home/coordinator/" + planFileName(person.NHSNumber)
		test.Tap(s.patient.printing.print)

		if want := "plan-" + string(person.NHSNumber) + ".pdf"; files.saveName != want {
			t.Errorf("%s: suggested file name %q, want %q", tc.id, files.saveName, want)
		}
		if !strings.Contains(files.saveTitle, person.FullName()) {
			t.Errorf("%s: the save dialog %q does not name the person", tc.id, files.saveTitle)
		}
		want := printCall{patientID: tc.id, draft: false, large: tc.large, path: files.path}
		if got := p.printed[len(p.printed)-1]; got != want {
			t.Errorf("PrintPatient(%+v), want %+v", got, want)
		}
		if last := (*opened)[len(*opened)-1]; last != files.path {
			t.Errorf("opened %q, want the saved plan %q", last, files.path)
		}
		if got := s.patient.printing.outcome.Text; !strings.Contains(got, "saved to "+files.path+" (3 pages)") {
			t.Errorf("the outcome says %q", got)
		}
	}
	if len(p.printed) != 2 {
		t.Errorf("%d plans printed, want 2", len(p.printed))
	}
}

func TestPatientSummaryPrintBarGolden(t *testing.T) {
	p := &fakePrinting{pages: 3}
	files := &fakeFiles{path: "/home/coordinator/plan-9990001008.pdf"}
	s, w, _ := printingSession(t, testRecords(), p, files)
	s.openPatient("p01")
	if s.patient.printing.large.Visible() || !s.patient.printing.needed.Visible() {
		t.Error("large print is offered as a choice for someone whose needs ask for it")
	}
	test.AssertRendersToMarkup(t, "patient_print.xml", w.Canvas())
	test.Tap(s.patient.printing.print)
	test.AssertRendersToMarkup(t, "patient_printed.xml", w.Canvas())
}

func TestLargePrintCanBeForced(t *testing.T) {
	p := &fakePrinting{pages: 2}
	s, _, _ := printingSession(t, testRecords(), p, &fakeFiles{path: "/tmp/x.pdf"})
	s.openPatient("p02")
	test.Tap(s.patient.printing.large)
	test.Tap(s.patient.printing.print)
	if len(p.printed) != 1 || !p.printed[0].large {
		t.Errorf("ticking Large print printed %+v", p.printed)
	}
}

func TestDraftOnlyOffersTheDraftMarked(t *testing.T) {
	r := &fakeRecords{}
	d := fullPatient("d1", testNHSNumber(4321))
	d.GivenName, d.FamilyName, d.Needs = "Zoë", "Clarke", careplan.CommunicationNeeds{}
	r.add(d, []careplan.Plan{draftPlan(d.ID)}, nil)
	p := &fakePrinting{pages: 1}
	files := &fakeFiles{path: "/tmp/plan.pdf"}
	s, _, _ := printingSession(t, r, p, files)
	s.openPatient("d1")

	b := s.patient.printing
	test.Tap(b.print)
	if b.choice == nil || files.saves != 0 {
		t.Fatal("a draft-only patient was not asked which plan")
	}
	if b.agreedPlan != nil {
		t.Error("the choice offers an agreed plan the person does not have")
	}
	test.Tap(b.draftPlan)
	want := printCall{patientID: "d1", draft: true, large: false, path: files.path}
	if len(p.printed) != 1 || p.printed[0] != want {
		t.Fatalf("printed %+v, want %+v", p.printed, want)
	}
	if !strings.HasPrefix(b.outcome.Text, "Draft plan saved") {
		t.Errorf("the outcome does not say a draft was printed: %q", b.outcome.Text)
	}
}

func TestNewerDraftOffersBoth(t *testing.T) {
	r := &fakeRecords{}
	pt := fullPatient("a1", testNHSNumber(5555))
	newer := draftPlan(pt.ID)
	newer.Version = 3
	r.add(pt, []careplan.Plan{agreedPlan(pt.ID, fixedToday().AddDays(30)), newer}, nil)
	p := &fakePrinting{pages: 1}
	s, _, _ := printingSession(t, r, p, &fakeFiles{path: "/tmp/plan.pdf"})
	s.openPatient("a1")
	b := s.patient.printing

	test.Tap(b.print)
	test.Tap(b.agreedPlan)
	test.Tap(b.print)
	test.Tap(b.draftPlan)
	test.Tap(b.print)
	test.Tap(b.cancelPrint)
	if len(p.printed) != 2 || p.printed[0].draft || !p.printed[1].draft {
		t.Errorf("printed %+v, want the agreed plan then the draft", p.printed)
	}
}

func TestNoPlanSaysSoAndPrintsNothing(t *testing.T) {
	r := testRecords()
	p := &fakePrinting{}
	files := &fakeFiles{path: "/tmp/plan.pdf"}
	s, _, opened := printingSession(t, r, p, files)
	s.openPatient("p03") // the fixture gives every third person no plan

	test.Tap(s.patient.printing.print)
	want := "There is no agreed plan to print for Renée Dubois yet."
	if got := s.patient.printing.outcome.Text; got != want || !s.patient.printing.outcome.Visible() {
		t.Errorf("the outcome says %q, want %q", got, want)
	}
	if len(p.printed) != 0 || files.saves != 0 || len(*opened) != 0 {
		t.Errorf("with no plan: %d printed, %d save dialogs, %d opened", len(p.printed), files.saves, len(*opened))
	}
}

func TestPrintProblemInPlainWords(t *testing.T) {
	p := &fakePrinting{err: errors.New("cannot write to /media/usb: permission denied")}
	s, _, opened := printingSession(t, testRecords(), p, &fakeFiles{path: "/media/usb/plan.pdf"})
	s.openPatient("p01")
	test.Tap(s.patient.printing.print)
	want := "The plan could not be printed: cannot write to /media/usb: permission denied"
	if got := s.patient.printing.outcome.Text; got != want {
		t.Errorf("the outcome says %q, want %q", got, want)
	}
	if len(*opened) != 0 {
		t.Error("a plan that failed to print was opened")
	}
	if s.patient.printing.print.Disabled() {
		t.Error("Print plan stays disabled after a failure")
	}
}

func TestPrintingWaitsForTheWorker(t *testing.T) {
	p := &fakePrinting{pages: 3}
	s, _, opened := printingSession(t, testRecords(), p, &fakeFiles{path: "/tmp/plan.pdf"})
	s.openPatient("p01")
	held := &heldWorker{}
	s.patient.printing.work = held
	test.Tap(s.patient.printing.print)
	if len(p.printed) != 0 || !s.patient.printing.print.Disabled() || s.patient.printing.outcome.Text != "Printing the plan…" {
		t.Fatal("the plan was printed on the UI goroutine, or the bar does not say it is printing")
	}
	held.finish()
	if len(p.printed) != 1 || len(*opened) != 1 {
		t.Errorf("after the worker: %d printed, %d opened", len(p.printed), len(*opened))
	}
}

func TestNoPrintButtonsWithoutPrinting(t *testing.T) {
	s, _ := unlockedSession(t, testRecords(), nil)
	if s.caseload.print != nil {
		t.Error("the caseload offers batch printing with no printing configured")
	}
	s.openPatient("p01")
	if s.patient.printing != nil {
		t.Error("the summary offers printing with no printing configured")
	}
}

func TestCaseloadOpensBatchPrinting(t *testing.T) {
	p := &fakePrinting{people: batchPeople()}
	s, w, _ := printingSession(t, testRecords(), p, &fakeFiles{})
	test.Tap(s.caseload.print)
	if s.batch == nil || w.Content() != s.batch.root {
		t.Fatal("Print plans… did not open batch printing")
	}
	want := []string{"Olu Adebayo", "Rhian Davies", "Sam Green"}
	if got := s.batch.keyWorker.Options; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("key workers offered %q, want %q", got, want)
	}
	if len(p.selections) != 1 {
		t.Fatalf("the preview asked %d times, want once", len(p.selections))
	}
	sel := p.selections[0]
	if sel.By != printout.ByReviewDue || sel.From != fixedToday().AddDays(-batchLookBack) || sel.To != fixedToday().AddDays(batchLookAhead) {
		t.Errorf("the first preview asked for %+v", sel)
	}
	test.Tap(s.batch.back)
	if w.Content() != s.caseload.root {
		t.Error("Back did not return to the caseload")
	}
}

func TestBatchBadDateShowsInlineAndPrintsNothing(t *testing.T) {
	p := &fakePrinting{people: batchPeople()}
	files := &fakeFiles{path: "/tmp/plans.pdf"}
	s, _, _ := batchOn(t, p, files, inline{})

	s.from.SetText("31/02/2026")
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "is not a date") {
		t.Errorf("a bad date shows %q (visible %v)", s.problem.Text, s.problem.Visible())
	}
	if !s.print.Disabled() {
		t.Error("Print is usable with a bad date")
	}
	s.onPrintTapped()
	if files.saves != 0 || len(p.batches) != 0 {
		t.Error("a batch was started with a bad date")
	}

	s.from.SetText("2026-04-10")
	s.to.SetText("01/04/2026")
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "after the second") {
		t.Errorf("from after to shows %q", s.problem.Text)
	}
	s.onPrintTapped()
	if files.saves != 0 || len(p.batches) != 0 {
		t.Error("a batch was started with the dates the wrong way round")
	}

	s.to.SetText("30/04/2026")
	if s.problem.Visible() {
		t.Errorf("the problem %q stays after the dates are put right", s.problem.Text)
	}
	if s.print.Disabled() {
		t.Error("Print is not usable once the dates are right")
	}
	last := p.selections[len(p.selections)-1]
	if last.From != careplan.NewDate(2026, 4, 10) || last.To != careplan.NewDate(2026, 4, 30) {
		t.Errorf("the preview asked for %+v", last)
	}
}

func TestBatchHalfTypedDateIsNotAnError(t *testing.T) {
	s, _, _ := batchOn(t, &fakePrinting{}, &fakeFiles{}, inline{})
	s.from.SetText("3/4")
	if s.problem.Visible() {
		t.Errorf("a half-typed date already shows %q", s.problem.Text)
	}
}

func TestBatchByKeyWorker(t *testing.T) {
	p := &fakePrinting{people: batchPeople()[:2]}
	s, _, _ := batchOn(t, p, &fakeFiles{}, inline{})
	s.mode.SetSelected(byKeyWorkerLabel)
	if s.dates.Visible() || !s.workers.Visible() {
		t.Error("choosing by key worker does not swap the dates for the key worker")
	}
	s.keyWorker.SetSelected("Rhian Davies")
	last := p.selections[len(p.selections)-1]
	if last.By != printout.ByKeyWorker || last.KeyWorker != "Rhian Davies" {
		t.Errorf("the preview asked for %+v", last)
	}
	if got, want := s.preview.Text, "2 people, 1 with an agreed plan"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	if got := s.print.Text; got != "Print 1 plan" {
		t.Errorf("the print button says %q", got)
	}
}

func TestBatchGoldenBeforeAndAfter(t *testing.T) {
	p := &fakePrinting{people: batchPeople(), pages: 12}
	files := &fakeFiles{path: "/home/coordinator/plans-march.pdf"}
	s, w, opened := batchOn(t, p, files, inline{})
	if got, want := s.preview.Text, "6 people, 4 with an agreed plan"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	test.AssertRendersToMarkup(t, "batch_before.xml", w.Canvas())

	test.Tap(s.print)
	if files.saveName != "plans-review-2025-12-02-to-2026-03-30.pdf" {
		t.Errorf("suggested file name %q", files.saveName)
	}
	if len(p.batches) != 1 || p.batches[0] != (printout.BatchOutput{Path: files.path}) {
		t.Fatalf("batches %+v", p.batches)
	}
	want := "4 plans printed to /home/coordinator/plans-march.pdf (12 pages). 2 people have no agreed plan: " +
		"Zoë Clarke (" + testNHSNumber(137).Display() + "), Seán Murphy (" + testNHSNumber(248).Display() + ")."
	if got := s.summary.Text; got != want {
		t.Errorf("summary:\n got %q\nwant %q", got, want)
	}
	if len(*opened) != 1 || (*opened)[0] != files.path {
		t.Errorf("opened %q, want the batch PDF", *opened)
	}
	test.AssertRendersToMarkup(t, "batch_after.xml", w.Canvas())
}

func TestBatchIntoFolder(t *testing.T) {
	p := &fakePrinting{people: batchPeople(), pages: 12}
	files := &fakeFiles{path: "/home/coordinator/plans"}
	s, _, opened := batchOn(t, p, files, inline{})
	s.output.SetSelected(folderLabel)
	test.Tap(s.print)
	if files.folders != 1 || files.saves != 0 {
		t.Errorf("asked for %d folders and %d files, want one folder", files.folders, files.saves)
	}
	if len(p.batches) != 1 || !p.batches[0].Folder || p.batches[0].Path != files.path {
		t.Errorf("batches %+v", p.batches)
	}
	if len(*opened) != 0 {
		t.Error("a folder of plans was handed to the PDF viewer")
	}
}

// TestBatchProgressAndCancel runs a batch in the held worker: the form locks and the progress
// bar moves while it runs, and Cancel stops it part way and says so.
func TestBatchProgressAndCancel(t *testing.T) {
	held := &heldWorker{}
	p := &fakePrinting{people: batchPeople(), pages: 12}
	files := &fakeFiles{path: "/tmp/plans.pdf"}
	s, _, opened := batchOn(t, p, files, held)
	held.finish() // the preview
	test.Tap(s.print)

	if !s.cancel.Visible() || !s.progress.Visible() || !s.back.Disabled() || !s.print.Disabled() {
		t.Fatal("a running batch shows no Cancel and progress, or leaves the form usable")
	}
	if got := s.done.Text; got != "0 of 4 plans printed" {
		t.Errorf("before any plan: %q", got)
	}
	var midway float64
	p.during = func(done int) {
		if done == 2 {
			midway = s.progress.Value
			if got := s.done.Text; got != "2 of 4 plans printed" {
				t.Errorf("midway the screen says %q", got)
			}
			test.Tap(s.cancel)
		}
	}
	held.finish()

	if midway != 0.5 {
		t.Errorf("progress half way through was %v, want 0.5", midway)
	}
	if p.progressed != 3 {
		t.Errorf("the batch went on for %d people after Cancel at 2", p.progressed-2)
	}
	if got, want := s.summary.Text, "Printing was cancelled. Nothing was saved."; got != want {
		t.Errorf("after Cancel the screen says %q, want %q", got, want)
	}
	if s.cancel.Visible() || s.back.Disabled() || s.print.Disabled() {
		t.Error("the form is not usable again after the cancelled run")
	}
	if len(*opened) != 0 {
		t.Error("a cancelled batch was opened")
	}
}

func TestBatchSummary(t *testing.T) {
	people := batchPeople()
	got := batchSummary(printout.BatchOutput{Path: "/p", Folder: true}, printout.BatchResult{Printed: 1, Pages: 1, NoPlan: people[1:2]})
	want := "1 plan printed to /p (1 page). 1 person has no agreed plan: Zoë Clarke (" + people[1].NHSNumber.Display() + ")."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
