package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/careplan/evaluation"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
)

// outcomeStore is a store of 30 demo people.
func outcomeStore(t *testing.T) *store.Store { t.Helper(); return demoStoreOf(t, 30) }

func TestOutcomeServiceSavesThroughTheStore(t *testing.T) {
	st := outcomeStore(t)
	rows, err := st.Caseload()
	if err != nil || len(rows) == 0 {
		t.Fatalf("caseload: %v", err)
	}
	id := rows[0].PatientID
	svc := servicesOn(On(st)).Outcomes
	today := careplan.DateOf(fixedNow())

	// A level that disagrees with the cut points is saved as reported.
	a := pam.Assessment{PatientID: id, Score: 584, Level: pam.Level2, Instrument: pam.PAM13,
		TakenOn: today, RecordedBy: "Sam Green", Source: "paper form"}
	if err := svc.SaveAssessment(&a); err != nil {
		t.Fatal(err)
	}
	got, err := st.Assessments(id)
	if err != nil {
		t.Fatal(err)
	}
	var saved *pam.Assessment
	for i := range got {
		if got[i].ID == a.ID {
			saved = &got[i]
		}
	}
	if saved == nil || saved.Level != pam.Level2 || saved.Score != 584 {
		t.Fatalf("Assessments does not show the saved PAM as reported: %+v", saved)
	}

	// Marking it entered in error is stamped with the app's clock.
	marked := *saved
	marked.InError = &pam.EnteredInError{Reason: "wrong person", By: "Jo Marsh"}
	if err := svc.SaveAssessment(&marked); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Assessments(id)
	for _, g := range got {
		if g.ID == a.ID && (g.InError == nil || !g.InError.At.Equal(fixedNow())) {
			t.Errorf("the mark was not saved with the time: %+v", g.InError)
		}
	}
	// Anything else is refused: records are append-only.
	changed := marked
	changed.Score = 600
	if err := svc.SaveAssessment(&changed); !errors.Is(err, store.ErrAppendOnly) {
		t.Errorf("changing a stored PAM: %v, want ErrAppendOnly", err)
	}

	r := outcomes.Record{PatientID: id, Measure: outcomes.MeasureFrailty, TakenOn: today, RecordedBy: "Dr Helen Ames",
		Frailty: &outcomes.Frailty{Score: 6}}
	if err := svc.SaveOutcome(&r); err != nil {
		t.Fatal(err)
	}
	recs, err := svc.Outcomes(id)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rec := range recs {
		found = found || (rec.ID == r.ID && rec.Frailty != nil && rec.Frailty.Score == 6)
	}
	if !found {
		t.Error("Outcomes does not show the saved frailty score")
	}
}

func TestEvaluationServiceExportsPseudonymisedCSV(t *testing.T) {
	st := outcomeStore(t)
	svc := servicesOn(On(st)).Evaluation
	f := evaluation.Filter{From: careplan.NewDate(2023, 1, 1), To: careplan.DateOf(fixedNow())}

	rep, err := svc.Report(f)
	if err != nil {
		t.Fatal(err)
	}
	if rep.InScope != 30 {
		t.Errorf("report covers %d people, want 30", rep.InScope)
	}

	path := filepath.Join(t.TempDir(), "evaluation.csv")
	rows, err := svc.ExportCSV(f, path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	csv := string(data)
	if got := strings.Count(strings.TrimSpace(csv), "\n"); got != rows {
		t.Errorf("the CSV has %d data lines, the service says %d", got, rows)
	}
	people, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if strings.Contains(csv, string(p.NHSNumber)) {
			t.Fatalf("the CSV holds NHS number %s", p.NHSNumber)
		}
		if strings.Contains(csv, p.FamilyName) {
			t.Errorf("the CSV holds the name %s", p.FamilyName)
		}
	}
	audit, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	var reports []string
	for _, e := range audit {
		if e.Action == store.AuditReport {
			reports = append(reports, e.Detail)
		}
	}
	if len(reports) != 2 || !strings.HasSuffix(reports[0], " screen") || !strings.HasSuffix(reports[1], " csv") {
		t.Errorf("audited reports %q, want one screen and one csv", reports)
	}

	// A period the wrong way round writes nothing, and leaves no empty file behind.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ExportCSV(evaluation.Filter{From: f.To, To: f.From}, bad); !errors.Is(err, evaluation.ErrPeriod) {
		t.Errorf("backwards period: %v", err)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Error("a failed export left the dialog's empty file behind")
	}
}
