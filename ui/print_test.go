package ui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/printout"
)

// TestPrintPlanPrintsThatPatient guards the wrong-patient hazard: Print plan prints the plan
// of the person in the banner, with large print chosen from their needs.
func TestPrintPlanPrintsThatPatient(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{}
	s, _, opened, h := printingSession(t, testRecords(), files)

	for _, tc := range []struct {
		id    string
		large bool
	}{
		{pid("p01"), true},  // Siân's needs ask for large print
		{pid("p02"), false}, // Zoë's do not
	} {
		s.openPatient(tc.id)
		person := s.patient.printing.patient
		if person.ID != tc.id {
			t.Fatalf("the print bar holds %s, want %s", person.ID, tc.id)
		}
		if got := s.patient.printing.largePrint; got != tc.large {
			t.Errorf("%s: large print ticked %v, want %v", person.FullName(), got, tc.large)
		}
		files.path = filepath.Join(dir, planFileName(person.NHSNumber))
		before := len(h.viewed(t))
		test.Tap(s.patient.printing.print)

		if want := "plan-" + string(person.NHSNumber) + ".pdf"; files.saveName != want {
			t.Errorf("%s: suggested file name %q, want %q", person.FullName(), files.saveName, want)
		}
		if !strings.Contains(files.saveTitle, person.FullName()) {
			t.Errorf("%s: the save dialog %q does not name the person", person.FullName(), files.saveTitle)
		}
		if viewed := h.viewed(t)[before:]; len(viewed) != 1 || viewed[0] != tc.id {
			t.Errorf("%s: printing read the records of %q", person.FullName(), viewed)
		}
		if text := servicetest.PDFText(t, files.path); !strings.Contains(text, person.NHSNumber.Display()) {
			t.Errorf("%s: the printed plan does not carry their NHS number", person.FullName())
		}
		if last := (*opened)[len(*opened)-1]; last != files.path {
			t.Errorf("opened %q, want the saved plan %q", last, files.path)
		}
		if got := s.patient.printing.outcome.Text; !strings.Contains(got, "saved to "+files.path+" (") {
			t.Errorf("the outcome says %q", got)
		}
	}
	if len(*opened) != 2 {
		t.Errorf("%d plans opened, want 2", len(*opened))
	}
}

func TestPatientSummaryPrintBarGolden(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: "plan-9990001008.pdf"}
	s, w, _, _ := printingSession(t, testRecords(), files)
	s.openPatient(pid("p01"))
	if s.patient.printing.large.Visible() || !s.patient.printing.needed.Visible() {
		t.Error("large print is offered as a choice for someone whose needs ask for it")
	}
	test.AssertRendersToMarkup(t, "patient_print.xml", w.Canvas())
	printingIn(t, dir, func() { test.Tap(s.patient.printing.print) })
	if !printedFile(t, filepath.Join(dir, files.path)) {
		t.Fatal("no plan was printed")
	}
	test.AssertRendersToMarkup(t, "patient_printed.xml", w.Canvas())
}

// Ticking Large print prints Zoë, whose needs do not ask for it, in large print: the same plan
// takes more pages.
func TestLargePrintCanBeForced(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "standard.pdf")}
	s, _, _, _ := printingSession(t, testRecords(), files)
	s.openPatient(pid("p02"))
	test.Tap(s.patient.printing.print)
	standard := s.patient.printing.outcome.Text
	test.Tap(s.patient.printing.large)
	files.path = filepath.Join(dir, "large.pdf")
	test.Tap(s.patient.printing.print)
	large := s.patient.printing.outcome.Text
	if !printedFile(t, files.path) || pagesIn(t, large) <= pagesIn(t, standard) {
		t.Errorf("ticking Large print printed %q, after %q without it", large, standard)
	}
}

// pagesIn reads the page count from a print outcome: "… saved to X (3 pages)."
func pagesIn(t *testing.T, outcome string) int {
	t.Helper()
	m := regexp.MustCompile(`\((\d+) pages?\)`).FindStringSubmatch(outcome)
	if m == nil {
		t.Fatalf("no page count in %q", outcome)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestDraftOnlyOffersTheDraftMarked(t *testing.T) {
	r := &people{}
	d := fullPatient(pid("d1"), testNHSNumber(4321))
	d.GivenName, d.FamilyName, d.Needs = "Zoë", "Clarke", careplan.CommunicationNeeds{}
	r.add(d, []careplan.Plan{draftPlan(d.ID)}, nil)
	files := &fakeFiles{path: filepath.Join(t.TempDir(), "plan.pdf")}
	s, _, _, _ := printingSession(t, r, files)
	s.openPatient(d.ID)

	b := s.patient.printing
	test.Tap(b.print)
	if b.choice == nil || files.saves != 0 {
		t.Fatal("a draft-only patient was not asked which plan")
	}
	if b.agreedPlan != nil {
		t.Error("the choice offers an agreed plan the person does not have")
	}
	test.Tap(b.draftPlan)
	if !printedFile(t, files.path) || !strings.Contains(servicetest.PDFText(t, files.path), "DRAFT") {
		t.Fatal("the draft was not printed, marked DRAFT")
	}
	if !strings.HasPrefix(b.outcome.Text, "Draft plan saved") {
		t.Errorf("the outcome does not say a draft was printed: %q", b.outcome.Text)
	}
}

func TestNewerDraftOffersBoth(t *testing.T) {
	r := &people{}
	pt := fullPatient(pid("a1"), testNHSNumber(5555))
	pt.Needs = careplan.CommunicationNeeds{}
	newer := draftPlan(pt.ID)
	newer.Version = 3
	r.add(pt, []careplan.Plan{agreedPlan(pt.ID, fixedToday().AddDays(30)), newer}, nil)
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "agreed.pdf")}
	s, _, _, _ := printingSession(t, r, files)
	s.openPatient(pt.ID)
	b := s.patient.printing

	test.Tap(b.print)
	test.Tap(b.agreedPlan)
	files.path = filepath.Join(dir, "draft.pdf")
	test.Tap(b.print)
	test.Tap(b.draftPlan)
	files.path = filepath.Join(dir, "cancelled.pdf")
	test.Tap(b.print)
	test.Tap(b.cancelPrint)
	agreed, draft := servicetest.PDFText(t, filepath.Join(dir, "agreed.pdf")), servicetest.PDFText(t, filepath.Join(dir, "draft.pdf"))
	if strings.Contains(agreed, "DRAFT") || !strings.Contains(draft, "DRAFT") {
		t.Error("the agreed plan and the draft were not printed as chosen")
	}
	if printedFile(t, files.path) {
		t.Error("a cancelled choice printed a plan")
	}
}

func TestNoPlanSaysSoAndPrintsNothing(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "plan.pdf")}
	s, _, opened, _ := printingSession(t, testRecords(), files)
	s.openPatient(pid("p03")) // the fixture gives every third person no plan

	test.Tap(s.patient.printing.print)
	want := "There is no agreed plan to print for Renée Dubois yet."
	if got := s.patient.printing.outcome.Text; got != want || !s.patient.printing.outcome.Visible() {
		t.Errorf("the outcome says %q, want %q", got, want)
	}
	if left := leftInDir(t, dir); len(left) != 0 || files.saves != 0 || len(*opened) != 0 {
		t.Errorf("with no plan: %q written, %d save dialogs, %d opened", left, files.saves, len(*opened))
	}
}

// A folder carehub may not write in: the plan is not printed, and the bar says why.
func TestPrintProblemInPlainWords(t *testing.T) {
	files := &fakeFiles{path: filepath.Join(t.TempDir(), "no such folder", "plan.pdf")}
	s, _, opened, _ := printingSession(t, testRecords(), files)
	s.openPatient(pid("p01"))
	test.Tap(s.patient.printing.print)
	if got := s.patient.printing.outcome.Text; !strings.HasPrefix(got, "The plan could not be printed: cannot write to ") {
		t.Errorf("the outcome says %q", got)
	}
	if len(*opened) != 0 {
		t.Error("a plan that failed to print was opened")
	}
	if s.patient.printing.print.Disabled() {
		t.Error("Print plan stays disabled after a failure")
	}
}

func TestPrintingWaitsForTheWorker(t *testing.T) {
	files := &fakeFiles{path: filepath.Join(t.TempDir(), "plan.pdf")}
	s, _, opened, _ := printingSession(t, testRecords(), files)
	s.openPatient(pid("p01"))
	held := &heldWorker{}
	s.patient.printing.work = held
	test.Tap(s.patient.printing.print)
	if printedFile(t, files.path) || !s.patient.printing.print.Disabled() || s.patient.printing.outcome.Text != "Printing the plan…" {
		t.Fatal("the plan was printed on the UI goroutine, or the bar does not say it is printing")
	}
	held.finish()
	if !printedFile(t, files.path) || len(*opened) != 1 {
		t.Errorf("after the worker: printed %v, %d opened", printedFile(t, files.path), len(*opened))
	}
}

func TestCaseloadOpensBatchPrinting(t *testing.T) {
	s, w, _, _ := printingSession(t, batchHub(), &fakeFiles{})
	test.Tap(s.caseload.print)
	if s.batch == nil || w.Content() != s.batch.root {
		t.Fatal("Print plans… did not open batch printing")
	}
	want := []string{"Rhian Davies", "Sam Green"}
	if got := s.batch.keyWorker.Options; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("key workers offered %q, want %q", got, want)
	}
	// The first preview covers overdue reviews and the month ahead: everyone in batchHub.
	if got, want := s.batch.preview.Text, "6 people, 4 with an agreed plan"; got != want {
		t.Errorf("the first preview says %q, want %q", got, want)
	}
	test.Tap(s.batch.back)
	if w.Content() != s.caseload.root {
		t.Error("Back did not return to the caseload")
	}
}

func TestBatchBadDateShowsInlineAndPrintsNothing(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "plans.pdf")}
	s, _, _ := batchOn(t, files, inline{})

	s.from.SetText("31/02/2026")
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "is not a date") {
		t.Errorf("a bad date shows %q (visible %v)", s.problem.Text, s.problem.Visible())
	}
	if !s.print.Disabled() {
		t.Error("Print is usable with a bad date")
	}
	s.onPrintTapped()
	if files.saves != 0 || len(leftInDir(t, dir)) != 0 {
		t.Error("a batch was started with a bad date")
	}

	s.from.SetText("2026-03-10")
	s.to.SetText("01/03/2026")
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "after the second") {
		t.Errorf("from after to shows %q", s.problem.Text)
	}
	s.onPrintTapped()
	if files.saves != 0 || len(leftInDir(t, dir)) != 0 {
		t.Error("a batch was started with the dates the wrong way round")
	}

	// José's review is on 10 Mar, Seán's on 17 Mar (a draft only), Björn's on 24 Mar.
	s.to.SetText("20/03/2026")
	if s.problem.Visible() {
		t.Errorf("the problem %q stays after the dates are put right", s.problem.Text)
	}
	if s.print.Disabled() {
		t.Error("Print is not usable once the dates are right")
	}
	if got, want := s.preview.Text, "2 people, 1 with an agreed plan"; got != want {
		t.Errorf("the preview for 10 to 20 March says %q, want %q", got, want)
	}
}

func TestBatchHalfTypedDateIsNotAnError(t *testing.T) {
	s, _, _ := batchOn(t, &fakeFiles{}, inline{})
	s.from.SetText("3/4")
	if s.problem.Visible() {
		t.Errorf("a half-typed date already shows %q", s.problem.Text)
	}
}

func TestBatchByKeyWorker(t *testing.T) {
	s, _, _ := batchOn(t, &fakeFiles{}, inline{})
	s.mode.SetSelected(byKeyWorkerLabel)
	if s.dates.Visible() || !s.workers.Visible() {
		t.Error("choosing by key worker does not swap the dates for the key worker")
	}
	s.keyWorker.SetSelected("Rhian Davies")
	if got, want := s.preview.Text, "2 people, 1 with an agreed plan"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	if got := s.print.Text; got != "Print 1 plan" {
		t.Errorf("the print button says %q", got)
	}
}

func TestBatchGoldenBeforeAndAfter(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: "plans-march.pdf"}
	s, w, opened := batchOn(t, files, inline{})
	if got, want := s.preview.Text, "6 people, 4 with an agreed plan"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	test.AssertRendersToMarkup(t, "batch_before.xml", w.Canvas())

	printingIn(t, dir, func() { test.Tap(s.print) })
	if files.saveName != "plans-review-2025-12-02-to-2026-03-30.pdf" {
		t.Errorf("suggested file name %q", files.saveName)
	}
	printed := filepath.Join(dir, files.path)
	if !printedFile(t, printed) {
		t.Fatal("the batch was not printed")
	}
	want := "4 plans printed to plans-march.pdf (" + pagesText(t, printed) + "). 2 people have no agreed plan: " +
		"Zoë Clarke (" + testNHSNumber(137).Display() + "), Seán Murphy (" + testNHSNumber(248).Display() + ")."
	if got := s.summary.Text; got != want {
		t.Errorf("summary:\n got %q\nwant %q", got, want)
	}
	if len(*opened) != 1 || (*opened)[0] != files.path {
		t.Errorf("opened %q, want the batch PDF", *opened)
	}
	test.AssertRendersToMarkup(t, "batch_after.xml", w.Canvas())
}

// pagesText is "N pages" for the PDF at path, by pdftotext's page breaks.
func pagesText(t *testing.T, path string) string {
	t.Helper()
	n := strings.Count(servicetest.PDFText(t, path), "\f")
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}

func TestBatchIntoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	files := &fakeFiles{path: dir}
	s, _, opened := batchOn(t, files, inline{})
	s.output.SetSelected(folderLabel)
	test.Tap(s.print)
	if files.folders != 1 || files.saves != 0 {
		t.Errorf("asked for %d folders and %d files, want one folder", files.folders, files.saves)
	}
	if got := leftInDir(t, dir); len(got) != 4 {
		t.Errorf("the folder holds %q, want the four agreed plans", got)
	}
	if len(*opened) != 0 {
		t.Error("a folder of plans was handed to the PDF viewer")
	}
}

// TestBatchProgressAndCancel runs a batch in the held worker: the form locks and the progress
// bar moves while it runs, and Cancel stops it part way and says so.
func TestBatchProgressAndCancel(t *testing.T) {
	held := &heldWorker{}
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "plans.pdf")}
	var (
		s      *batchScreen
		midway float64
		after  []int
	)
	during := func(done int) {
		if done > 2 {
			after = append(after, done)
		}
		if done == 2 {
			midway = s.progress.Value
			if got := s.done.Text; got != "2 of 4 plans printed" {
				t.Errorf("midway the screen says %q", got)
			}
			test.Tap(s.cancel)
		}
	}
	s, _, opened := batchOn(t, files, held, func(p Printing) Printing { return watchedBatch{p, during} })
	held.finish() // the preview
	test.Tap(s.print)

	if !s.cancel.Visible() || !s.progress.Visible() || !s.back.Disabled() || !s.print.Disabled() {
		t.Fatal("a running batch shows no Cancel and progress, or leaves the form usable")
	}
	if got := s.done.Text; got != "0 of 4 plans printed" {
		t.Errorf("before any plan: %q", got)
	}
	held.finish()

	if midway != 0.5 {
		t.Errorf("progress half way through was %v, want 0.5", midway)
	}
	// The plan being drawn when Cancel was tapped is finished; the batch stops at the next.
	if len(after) > 1 {
		t.Errorf("the batch went on to plans %v after Cancel at 2", after)
	}
	if got, want := s.summary.Text, "Printing was cancelled. Nothing was saved."; got != want {
		t.Errorf("after Cancel the screen says %q, want %q", got, want)
	}
	if left := leftInDir(t, dir); len(left) != 0 {
		t.Errorf("a cancelled batch left %q", left)
	}
	if s.cancel.Visible() || s.back.Disabled() || s.print.Disabled() {
		t.Error("the form is not usable again after the cancelled run")
	}
	if len(*opened) != 0 {
		t.Error("a cancelled batch was opened")
	}
}

func TestBatchSummary(t *testing.T) {
	zoe := printout.BatchPerson{Name: "Zoë Clarke", NHSNumber: testNHSNumber(137)}
	got := batchSummary(printout.BatchOutput{Path: "/p", Folder: true}, printout.BatchResult{Printed: 1, Pages: 1, NoPlan: []printout.BatchPerson{zoe}})
	want := "1 plan printed to /p (1 page). 1 person has no agreed plan: Zoë Clarke (" + zoe.NHSNumber.Display() + ")."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
