package ui

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan/evaluation"
)

// fakeEvaluation answers every report with the same figures and remembers what it was asked.
type fakeEvaluation struct {
	mu       sync.Mutex
	report   evaluation.Report
	err      error
	asked    []evaluation.Filter
	exported []string // paths
	rows     int
}

var _ Evaluation = (*fakeEvaluation)(nil)

func (f *fakeEvaluation) Report(flt evaluation.Filter) (evaluation.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, flt)
	r := f.report
	r.Filter = flt
	return r, f.err
}

func (f *fakeEvaluation) ExportCSV(flt evaluation.Filter, path string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, flt)
	f.exported = append(f.exported, path)
	return f.rows, f.err
}

// testReport is a small cohort's figures.
func testReport() evaluation.Report {
	share := func(c, of int) evaluation.Share { return evaluation.Share{Count: c, Of: of} }
	return evaluation.Report{
		InScope: 20, WithPAM: 14, WithAnyMeasure: 16,
		Activation: evaluation.Activation{
			People: 12, MovedUpFromLow: share(5, 8), MeanChangePoints: 2.4,
			MeaningfulGain: share(6, 12), MeaningfulGainWithinYear: share(5, 12),
			FirstLevels:  [4]evaluation.Share{share(4, 12), share(4, 12), share(3, 12), share(1, 12)},
			LatestLevels: [4]evaluation.Share{share(2, 12), share(3, 12), share(5, 12), share(2, 12)},
		},
		Loneliness: evaluation.Loneliness{People: 9, MeanFirst: 6.4, MeanLatest: 5.2, LonelyFirst: share(6, 9), LonelyLatest: share(4, 9)},
		Wellbeing: evaluation.Wellbeing{People: 8,
			First:  evaluation.ONS4Means{LifeSatisfaction: 4.5, Worthwhile: 5.1, Happy: 4.9, Anxious: 5.6},
			Latest: evaluation.ONS4Means{LifeSatisfaction: 6.0, Worthwhile: 6.3, Happy: 6.1, Anxious: 3.9}},
		Frailty: evaluation.Frailty{People: 7, MeanFirst: 5.1, MeanLatest: 5.3},
	}
}

// evaluationSession is an unlocked session whose app offers the evaluation report, opened.
func evaluationSession(t *testing.T, e *fakeEvaluation, files *fakeFiles) (*session, fyne.Window) {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords()}
	s, w := newTestSession(t, Config{Vault: v, Evaluation: e})
	s.files = files
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload.report == nil || s.caseload.report.Disabled() {
		t.Fatal("the caseload offers no evaluation report")
	}
	test.Tap(s.caseload.report)
	if s.report == nil {
		t.Fatal("Evaluation report opened nothing")
	}
	return s, w
}

func TestEvaluationReportGolden(t *testing.T) {
	e := &fakeEvaluation{report: testReport()}
	s, w := evaluationSession(t, e, &fakeFiles{})
	r := s.report
	if r.from.Text != "03/03/2025" || r.to.Text != "02/03/2026" {
		t.Errorf("default period %s to %s, want the last 12 months", r.from.Text, r.to.Text)
	}
	if got := r.keyWorker.Options; len(got) != 4 || got[0] != allKeyWorkers {
		t.Errorf("key worker choices %v", got)
	}
	r.practice.SetSelected("Frome Medical Practice")
	test.Tap(r.show)
	if len(e.asked) != 1 {
		t.Fatalf("asked for %d reports", len(e.asked))
	}
	if f := e.asked[0]; f.Practice != "Frome Medical Practice" || f.KeyWorker != "" || f.From.String() != "2025-03-03" || f.To.String() != "2026-03-02" {
		t.Errorf("asked for %+v", f)
	}
	text := strings.Join(labelTexts(r.figures), "\n")
	for _, want := range []string{
		"3 Mar 2025 to 2 Mar 2026 · Frome Medical Practice · all key workers",
		"5 of 8 (62.5%)",
		"+2.4 points",
		"6 of 12 (50.0%)",
		"6.4 → 5.2",
		"5.6 → 3.9",
		"not yet recorded",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	if r.chart == nil || r.chart.first != [4]int{4, 4, 3, 1} || r.chart.latest != [4]int{2, 3, 5, 2} {
		t.Errorf("the level chart shows %+v", r.chart)
	}
	test.AssertRendersToMarkup(t, "evaluation_report.xml", w.Canvas())
}

func TestEvaluationExport(t *testing.T) {
	e := &fakeEvaluation{report: testReport(), rows: 16}
	files := &fakeFiles{path: "/home/coordinator/evaluation.csv"}
	s, _ := evaluationSession(t, e, files)
	s.report.keyWorker.SetSelected("Sam Green")
	test.Tap(s.report.export)
	if files.saveName != "evaluation-2025-03-03-2026-03-02.csv" {
		t.Errorf("suggested %q", files.saveName)
	}
	if len(e.exported) != 1 || e.exported[0] != files.path || e.asked[0].KeyWorker != "Sam Green" {
		t.Fatalf("exported %v with %+v", e.exported, e.asked)
	}
	if got := s.report.exported.Text; !strings.Contains(got, "16 rows written to /home/coordinator/evaluation.csv") ||
		!strings.Contains(got, "pseudonymised: no names, NHS numbers or full dates") {
		t.Errorf("after export: %q", got)
	}
}

func TestEvaluationProblems(t *testing.T) {
	e := &fakeEvaluation{report: testReport()}
	files := &fakeFiles{path: "/tmp/x.csv"}
	s, _ := evaluationSession(t, e, files)
	s.report.from.SetText("01/04/2026")
	test.Tap(s.report.show)
	test.Tap(s.report.export)
	if !s.report.problem.Visible() || len(e.asked) != 0 || files.saves != 0 {
		t.Fatalf("a period that ends before it starts was not refused inline (asked %d)", len(e.asked))
	}
	s.report.from.SetText("01/01/2026")
	e.err = errors.New("disk on fire")
	test.Tap(s.report.show)
	if s.report.problem.Visible() || !strings.Contains(s.report.status.Text, "could not be worked out: disk on fire") {
		t.Errorf("a failed report says %q", s.report.status.Text)
	}
	test.Tap(s.report.export)
	if !strings.Contains(s.report.exported.Text, "could not be written") {
		t.Errorf("a failed export says %q", s.report.exported.Text)
	}
}

func TestNoEvaluationWithoutService(t *testing.T) {
	s, _ := unlockedSession(t, testRecords(), nil)
	if s.caseload.report != nil {
		t.Error("the caseload offers an evaluation report the app cannot make")
	}
}
