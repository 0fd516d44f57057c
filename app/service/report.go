package service

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"carehub/careplan/evaluation"
	"carehub/store"
)

// evaluate gathers everyone on the caseload with their PAM assessments and outcome records
// and builds the evaluation report for f. It returns the people too, so a caller can write the
// evaluators' CSV from the same read. It reads the whole store without auditing each patient:
// the caller records the report once with recordReport.
func evaluate(st *store.Store, f evaluation.Filter) (evaluation.Report, []evaluation.Person, error) {
	rows, err := st.Caseload()
	if err != nil {
		return evaluation.Report{}, nil, err
	}
	pams, err := st.AllAssessments()
	if err != nil {
		return evaluation.Report{}, nil, err
	}
	outs, err := st.AllOutcomes()
	if err != nil {
		return evaluation.Report{}, nil, err
	}
	contacts, err := st.AllContacts()
	if err != nil {
		return evaluation.Report{}, nil, err
	}
	people := make([]evaluation.Person, len(rows))
	for i, e := range rows {
		people[i] = evaluation.Person{Entry: e, Assessments: pams[e.PatientID], Outcomes: outs[e.PatientID],
			Contacts: contacts[e.PatientID]}
	}
	rep := evaluation.Build(people, f)
	if f.WholeHub() { // the hub's target is for the whole hub, not one practice's share of it
		if rep.Enrolment.Target, err = st.EnrolmentTarget(); err != nil {
			return evaluation.Report{}, nil, err
		}
	}
	return rep, people, nil
}

// exportEvaluationCSV writes the pseudonymised CSV for evaluators to path (atomically: a
// temporary file beside it, renamed into place) and returns how many rows it holds. The export
// is audited once, before the file is written.
func exportEvaluationCSV(st *store.Store, f evaluation.Filter, path string) (rows int, err error) {
	if err := checkOutput(st, path, false); err != nil {
		return 0, err
	}
	rep, people, err := evaluate(st, f)
	if err != nil {
		return 0, err
	}
	if err := recordReport(st, f, "csv"); err != nil {
		return 0, err
	}
	key := st.PseudonymKey()
	defer clear(key) // the key never outlives the export
	err = writeAtomically(path, func(w io.Writer) error { return evaluation.WriteCSV(w, people, f, key) })
	if err != nil {
		return 0, err
	}
	return rep.WithAnyMeasure, nil // the CSV has a row for each person with any measure
}

// recordReport audits one evaluation report: its period, scope and output ("summary", "csv",
// "screen"), e.g. "evaluation 2026-01-01..2026-11-23 practice Quantock Surgery csv".
func recordReport(st *store.Store, f evaluation.Filter, output string) error {
	detail := []string{"evaluation " + f.From.String() + ".." + f.To.String()}
	if p := strings.TrimSpace(f.Practice); p != "" {
		detail = append(detail, "practice "+p)
	}
	if k := strings.TrimSpace(f.KeyWorker); k != "" {
		detail = append(detail, "key worker "+k)
	}
	detail = append(detail, output)
	return st.RecordEvent(store.AuditReport, strings.Join(detail, " "))
}

// writeAtomically writes a file under a hidden temporary name beside path, syncs it and
// renames it into place, so an evaluator never picks up half a CSV. The temporary file is
// readable by its owner only, like the store, and is removed on failure.
func writeAtomically(path string, write func(io.Writer) error) (err error) {
	clearStaleTemps(filepath.Dir(path), time.Now())
	tmp, err := os.CreateTemp(filepath.Dir(path), ".carehub-report-*")
	if err != nil {
		return fmt.Errorf("cannot write to %s: %s", filepath.Dir(path), writeProblem(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot save %s: %s", path, writeProblem(err))
	}
	return nil
}
