package app

import (
	"errors"
	"fmt"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// runPrint is `carehub print`: one person's plan to a PDF, or every plan due for review before
// a day into a folder, through the same printing service as the screens.
func runPrint(env Env, args []string) error {
	fs := newFlags("print")
	db := fs.String("db", "", "the store")
	nhs := fs.String("patient", "", "the patient's NHS number")
	dueBefore := fs.String("review-due-before", "", "print every plan with a review due before this date")
	out := fs.String("out", "", "the PDF (one patient) or folder (batch)")
	large := fs.Bool("large-print", false, "large print, whatever the patient's needs say")
	closedOK := fs.Bool("closed-record-ok", false, "print a closed record's plan (coordinators), every page stamped as not current")
	version := fs.Int("version", 0, "with --patient, print this version from the plan's history; an earlier one is stamped as not the current plan")
	if err := parse(fs, args); err != nil {
		return err
	}
	for name, v := range map[string]string{"db": *db, "out": *out} {
		if err := need(fs, v, name); err != nil {
			return err
		}
	}
	if (*nhs == "") == (*dueBefore == "") {
		return fmt.Errorf("%w: print needs either --patient NHSNUMBER or --review-due-before DATE", errUsage)
	}
	if *version < 0 || (*version > 0 && *nhs == "") {
		return fmt.Errorf("%w: --version needs --patient and a version number from 1", errUsage)
	}
	var (
		number careplan.NHSNumber
		before careplan.Date
		err    error
	)
	if *nhs != "" {
		if number, err = careplan.ParseNHSNumber(*nhs); err != nil {
			return fmt.Errorf("%w: --patient: %v", errUsage, err)
		}
	} else if before, err = careplan.ParseDate(*dueBefore); err != nil {
		return fmt.Errorf("%w: --review-due-before: %v", errUsage, err)
	}
	if err := refuseOutput(fs, "out", *out, *db, *dueBefore != ""); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services(env, st)
	if *version > 0 {
		return printVersion(env, svc, number, *version, *out, *large)
	}
	if *nhs != "" {
		return printOne(env, svc, number, *out, *large, *closedOK)
	}
	return printDue(env, svc, before, *out, *large)
}

// printOne prints one person's plan. A closed record's plan is refused with the reason unless
// --closed-record-ok says a coordinator has decided to print it, stamped closed on every page.
func printOne(env Env, svc *service.Set, nhs careplan.NHSNumber, out string, large, closedOK bool) error {
	p, err := svc.Records.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no patient with NHS number %s on this hub", nhs.Display())
	}
	if err != nil {
		return err
	}
	printPlan := svc.Printing.PrintPatient
	if closedOK {
		printPlan = svc.Printing.PrintClosedPatient
	}
	pages, err := printPlan(p.ID, false, large, out)
	if errors.Is(err, printout.ErrClosedRecord) {
		return fmt.Errorf("%s: %v (--closed-record-ok prints it stamped closed)", p.NHSNumber.Display(), err)
	}
	if err != nil {
		return err
	}
	closed := ""
	if c, ok := p.Closure(); ok {
		closed = ", every page stamped \"" + c.Stamp() + "\""
	}
	fmt.Fprintf(env.Stdout, "%s: %d page(s) for %s%s\n", out, pages, p.NHSNumber.Display(), closed)
	return nil
}

// printVersion prints one version from a person's plan history; an earlier version is stamped
// on every page as not the current plan, and the output says so.
func printVersion(env Env, svc *service.Set, nhs careplan.NHSNumber, version int, out string, large bool) error {
	p, err := svc.Records.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no patient with NHS number %s on this hub", nhs.Display())
	}
	if err != nil {
		return err
	}
	pages, err := svc.Printing.PrintVersion(p.ID, version, large, out)
	if err != nil {
		return err
	}
	stamp := ""
	if plans, err := svc.Plans.Plans(p.ID); err == nil {
		if plan, earlier, err := printout.VersionToPrint(plans, version); err == nil && earlier {
			stamp = ", every page stamped \"" + printout.EarlierStamp(plan) + "\""
		}
	}
	fmt.Fprintf(env.Stdout, "%s: %d page(s) for %s, version %d%s\n", out, pages, p.NHSNumber.Display(), version, stamp)
	return nil
}

// printDue prints, one file per person, every open patient whose plan is due for review
// before the given day. People with no agreed plan are listed, not silently skipped, and
// closed records are left out and counted.
func printDue(env Env, svc *service.Set, before careplan.Date, dir string, large bool) error {
	people, err := svc.Printing.PlansFor(printout.BatchSelection{By: printout.ByReviewDue, To: before.AddDays(-1)})
	if err != nil {
		return err
	}
	res, err := svc.Printing.PrintBatch(people, printout.BatchOutput{Path: dir, Folder: true, LargePrint: large}, nil)
	if err != nil && !errors.Is(err, printout.ErrNothingToPrint) {
		return err
	}
	for _, p := range res.NoPlan {
		fmt.Fprintf(env.Stdout, "no agreed plan: %s\n", p.NHSNumber.Display())
	}
	if n := len(res.Closed); n > 0 {
		fmt.Fprintf(env.Stdout, "%d closed record(s) left out (died, discharged, declined or withdrew): their plans are not current\n", n)
	}
	if err != nil {
		fmt.Fprintf(env.Stdout, "no plans to print: nobody due for review before %s has an agreed plan\n", before.Display())
		return nil
	}
	fmt.Fprintf(env.Stdout, "%d plan(s) printed to %s; %d due with no agreed plan\n", res.Printed, dir, len(res.NoPlan))
	return nil
}
