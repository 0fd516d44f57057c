package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// DefaultHubName appears on screens and printed pages until the hub sets its own name.
const DefaultHubName = "Somerset Symphony complex care hub"

func runPrint(env Env, args []string) error {
	fs := newFlags("print")
	db := fs.String("db", "", "the store")
	nhs := fs.String("patient", "", "the patient's NHS number")
	dueBefore := fs.String("review-due-before", "", "print every plan with a review due before this date")
	out := fs.String("out", "", "the PDF (one patient) or folder (batch)")
	large := fs.Bool("large-print", false, "large print, whatever the patient's needs say")
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
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := newPrintService(func() (*store.Store, error) { return st, nil }, env.Now)
	if *nhs != "" {
		return printOne(env, st, svc, number, *out, *large)
	}
	return printDue(env, svc, before, *out, *large)
}

// printOptions are the print settings for a run; the font is Fyne's bundled Noto Sans, which
// has the letters UK names need (Siân, Zoë).
func printOptions(now time.Time, large bool, hub string) printout.Options {
	return printout.Options{LargePrint: large, Fonts: PlanFonts(), Created: now, Hub: hub}
}

// hubName is the hub's own name if it has set one, else DefaultHubName.
func hubName(st *store.Store) string {
	if n, err := st.HubName(); err == nil && n != "" {
		return n
	}
	return DefaultHubName
}

// patientCopy loads what a printed plan needs: the latest agreed plan, or with draft the draft
// that may be printed instead. Loading the patient is audited as a view.
func patientCopy(st *store.Store, id string, draft bool) (printout.Copy, error) {
	p, err := st.Patient(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plans, err := st.Plans(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plan, ok := printout.Current(plans)
	missing := printout.ErrNoPlan
	if draft {
		plan, ok = printout.DraftToPrint(plans)
		missing = printout.ErrNoDraft
	}
	if !ok {
		return printout.Copy{}, fmt.Errorf("%s %s: %w", p.NHSNumber.Display(), p.FullName(), missing)
	}
	pams, err := st.Assessments(id)
	if err != nil {
		return printout.Copy{}, err
	}
	return printout.Copy{Patient: p, Plan: plan, Assessments: pams}, nil
}

func printOne(env Env, st *store.Store, svc *printService, nhs careplan.NHSNumber, out string, large bool) error {
	p, err := st.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no patient with NHS number %s on this hub", nhs.Display())
	}
	if err != nil {
		return err
	}
	pages, err := svc.PrintPatient(p.ID, false, large, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d page(s) for %s\n", out, pages, p.NHSNumber.Display())
	return nil
}

// printDue prints, one file per person, every open patient whose plan is due for review
// before the given day. People with no agreed plan are listed, not silently skipped.
func printDue(env Env, svc *printService, before careplan.Date, dir string, large bool) error {
	people, err := svc.PlansFor(printout.BatchSelection{By: printout.ByReviewDue, To: before.AddDays(-1)})
	if err != nil {
		return err
	}
	res, err := svc.PrintBatch(people, printout.BatchOutput{Path: dir, Folder: true, LargePrint: large}, nil)
	if err != nil && !errors.Is(err, printout.ErrNothingToPrint) {
		return err
	}
	for _, p := range res.NoPlan {
		fmt.Fprintf(env.Stdout, "no agreed plan: %s\n", p.NHSNumber.Display())
	}
	if err != nil {
		fmt.Fprintf(env.Stdout, "no plans to print: nobody due for review before %s has an agreed plan\n", before.Display())
		return nil
	}
	fmt.Fprintf(env.Stdout, "%d plan(s) printed to %s; %d due with no agreed plan\n", res.Printed, dir, len(res.NoPlan))
	return nil
}

// writePDF writes the plan to a temporary file beside path and renames it into place, so a
// failure never leaves half a plan where a coordinator would pick it up.
func writePDF(path string, c printout.Copy, opt printout.Options) (pages int, err error) {
	return writeFile(path, func(w io.Writer) (int, error) { return printout.Write(w, c, opt) })
}

// writeFile writes a PDF with write under a temporary name beside path, then renames it into
// place: whoever opens path sees a whole PDF or none.
func writeFile(path string, write func(io.Writer) (int, error)) (int, error) {
	tmp, pages, err := writeTemp(filepath.Dir(path), write)
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("cannot save %s: %w", path, err)
	}
	return pages, nil
}

// writeTemp writes a PDF with write into a new hidden temporary file in dir and returns its
// name. On failure the temporary file is removed.
func writeTemp(dir string, write func(io.Writer) (int, error)) (name string, pages int, err error) {
	tmp, err := os.CreateTemp(dir, ".carehub-print-*")
	if err != nil {
		return "", 0, fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if pages, err = write(tmp); err != nil {
		return "", 0, err
	}
	if err = tmp.Close(); err != nil {
		return "", 0, err
	}
	return tmp.Name(), pages, nil
}
