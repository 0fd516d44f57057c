package app

import (
	"fmt"

	"carehub/careplan"
	"carehub/careplan/evaluation"
)

// runReport prints the evaluation summary for a period, or with --csv writes the
// pseudonymised CSV for evaluators.
func runReport(env Env, args []string) error {
	fs := newFlags("report")
	db := fs.String("db", "", "the store to report on")
	from := fs.String("from", "", "first day of the period")
	to := fs.String("to", "", "last day of the period")
	practice := fs.String("practice", "", "one practice only")
	keyWorker := fs.String("key-worker", "", "one key worker's caseload only")
	csvPath := fs.String("csv", "", "write the pseudonymised CSV here instead of printing")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, req := range []struct{ value, name string }{{*db, "db"}, {*from, "from"}, {*to, "to"}} {
		if err := need(fs, req.value, req.name); err != nil {
			return err
		}
	}
	f, err := reportFilter(*from, *to, *practice, *keyWorker)
	if err != nil {
		return err
	}
	if err := refuseOutput(fs, "csv", *csvPath, *db, false); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services(env, st)
	if *csvPath != "" {
		rows, err := svc.Evaluation.ExportCSV(f, *csvPath)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d rows written to %s (pseudonymised: no names, NHS numbers or full dates)\n", rows, *csvPath)
		return nil
	}
	// Audited before anything is shown, so no report escapes the audit.
	rep, err := svc.Evaluation.Summary(f)
	if err != nil {
		return err
	}
	return rep.WriteText(env.Stdout)
}

// reportFilter reads the period and scope from the command line, in the user's words when
// they are wrong.
func reportFilter(from, to, practice, keyWorker string) (evaluation.Filter, error) {
	f := evaluation.Filter{Practice: practice, KeyWorker: keyWorker}
	var err error
	if f.From, err = careplan.ParseDate(from); err != nil {
		return f, fmt.Errorf("%w: report --from: %v", errUsage, err)
	}
	if f.To, err = careplan.ParseDate(to); err != nil {
		return f, fmt.Errorf("%w: report --to: %v", errUsage, err)
	}
	if err := f.Validate(); err != nil {
		return f, fmt.Errorf("%w: report: %v", errUsage, err)
	}
	return f, nil
}
