package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan/evaluation"
	"carehub/store"
)

// evaluationHub is a hub of 150 demo people (the demo service's own), whose measures give the
// report real figures.
func evaluationHub(t *testing.T) *testHub {
	t.Helper()
	h := newTestHub(t, nil)
	h.loadDemo(t, 1, 150)
	return h
}

// evaluationSession is a coordinator's session on h with the evaluation report open.
func evaluationSession(t *testing.T, h *testHub, files *fakeFiles, edit ...func(*Config)) (*session, fyne.Window) {
	t.Helper()
	s, w := h.session(t, catCoordinator, edit...)
	s.files = files
	if s.caseload.report == nil || s.caseload.report.Disabled() {
		t.Fatal("the caseload offers no evaluation report")
	}
	test.Tap(s.caseload.report)
	if s.report == nil {
		t.Fatal("Evaluation report opened nothing")
	}
	return s, w
}

// reportsAudited lists the evaluation reports the audit records, as their details say.
func reportsAudited(t *testing.T, h *testHub) []string {
	t.Helper()
	entries, err := h.store(t).Audit()
	must(t, err)
	var out []string
	for _, e := range entries {
		if e.Action == store.AuditReport && strings.HasPrefix(e.Detail, "evaluation ") {
			out = append(out, e.Detail)
		}
	}
	return out
}

// failingEvaluation is the real evaluation service on a store that cannot be read: to see
// what the report screen says when the figures cannot be worked out or written.
type failingEvaluation struct{ err error }

func (f failingEvaluation) Report(evaluation.Filter) (evaluation.Report, error) {
	return evaluation.Report{}, f.err
}
func (f failingEvaluation) ExportCSV(evaluation.Filter, string) (int, error) { return 0, f.err }

func TestEvaluationReportGolden(t *testing.T) {
	h := evaluationHub(t)
	s, w := evaluationSession(t, h, &fakeFiles{})
	r := s.report
	if r.from.Text != "03/03/2025" || r.to.Text != "02/03/2026" {
		t.Errorf("default period %s to %s, want the last 12 months", r.from.Text, r.to.Text)
	}
	if got := r.keyWorker.Options; len(got) < 2 || got[0] != allKeyWorkers {
		t.Errorf("key worker choices %v", got)
	}
	practice := r.practice.Options[1]
	r.practice.SetSelected(practice)
	test.Tap(r.show)
	if got := reportsAudited(t, h); len(got) != 1 || got[0] != "evaluation 2025-03-03..2026-03-02 practice "+practice+" screen" {
		t.Fatalf("reports audited: %q", got)
	}
	// What the screen shows is what the service works out for the same choice.
	f := evaluation.Filter{From: fixedToday().AddMonths(-12).AddDays(1), To: fixedToday(), Practice: practice}
	rep, err := h.svc.Evaluation.Report(f)
	must(t, err)
	text := strings.Join(labelTexts(r.figures), "\n")
	if !strings.Contains(text, "3 Mar 2025 to 2 Mar 2026 · "+practice+" · all key workers") {
		t.Errorf("the report does not say which period and practice: %s", text)
	}
	if want := enrolmentWords(rep.Enrolment, f); rep.Enrolment.Enrolled == 0 || !strings.Contains(text, want) {
		t.Errorf("the report does not say %q (enrolment %+v): %s", want, rep.Enrolment, text)
	}
	var first, latest [4]int
	for i := range 4 {
		first[i], latest[i] = rep.Activation.FirstLevels[i].Count, rep.Activation.LatestLevels[i].Count
	}
	if r.chart == nil || r.chart.first != first || r.chart.latest != latest {
		t.Errorf("the level chart shows %+v, the service %v → %v", r.chart, first, latest)
	}
	test.AssertRendersToMarkup(t, "evaluation_report.xml", w.Canvas())
}

func TestEvaluationExport(t *testing.T) {
	h := evaluationHub(t)
	files := &fakeFiles{path: filepath.Join(t.TempDir(), "evaluation.csv")}
	s, _ := evaluationSession(t, h, files)
	worker := s.report.keyWorker.Options[1]
	s.report.keyWorker.SetSelected(worker)
	test.Tap(s.report.export)
	if files.saveName != "evaluation-2025-03-03-2026-03-02.csv" {
		t.Errorf("suggested %q", files.saveName)
	}
	if got := reportsAudited(t, h); len(got) != 1 || got[0] != "evaluation 2025-03-03..2026-03-02 key worker "+worker+" csv" {
		t.Fatalf("reports audited: %q", got)
	}
	b, err := os.ReadFile(files.path)
	if err != nil {
		t.Fatalf("no CSV at %s: %v", files.path, err)
	}
	rows := len(strings.Split(strings.TrimSpace(string(b)), "\n")) - 1
	if got := s.report.exported.Text; !strings.Contains(got, fmt.Sprintf("%d rows written to %s", rows, files.path)) ||
		!strings.Contains(got, "pseudonymised: no names, NHS numbers or full dates") {
		t.Errorf("after export: %q", got)
	}
}

func TestEvaluationProblems(t *testing.T) {
	h := newTestHub(t, testRecords())
	files := &fakeFiles{path: filepath.Join(t.TempDir(), "x.csv")}
	s, _ := evaluationSession(t, h, files)
	s.report.from.SetText("01/04/2026")
	test.Tap(s.report.show)
	test.Tap(s.report.export)
	if !s.report.problem.Visible() || len(reportsAudited(t, h)) != 0 || files.saves != 0 {
		t.Fatalf("a period that ends before it starts was not refused inline (asked %d)", len(reportsAudited(t, h)))
	}

	s, _ = evaluationSession(t, newTestHub(t, testRecords()), files,
		func(c *Config) { c.Services.Evaluation = failingEvaluation{errors.New("disk on fire")} })
	s.report.from.SetText("01/01/2026")
	test.Tap(s.report.show)
	if s.report.problem.Visible() || !strings.Contains(s.report.status.Text, "could not be worked out: disk on fire") {
		t.Errorf("a failed report says %q", s.report.status.Text)
	}
	test.Tap(s.report.export)
	if !strings.Contains(s.report.exported.Text, "could not be written") {
		t.Errorf("a failed export says %q", s.report.exported.Text)
	}
}
