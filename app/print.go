package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// HubName appears on every printed page until the hub can set its own (settings issue).
const HubName = "Somerset Symphony complex care hub"

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
	opt := printOptions(env.Now(), *large)
	if *nhs != "" {
		return printOne(env, st, number, *out, opt)
	}
	return printDue(env, st, before, *out, opt)
}

// printOptions are the print settings for a run; the font is Fyne's bundled Noto Sans, which
// has the letters UK names need (Siân, Zoë).
func printOptions(now time.Time, large bool) printout.Options {
	return printout.Options{LargePrint: large, Fonts: PlanFonts(), Created: now, Hub: HubName}
}

// patientCopy loads what a printed plan needs. Loading the patient is audited as a view.
func patientCopy(st *store.Store, id string) (printout.Copy, error) {
	p, err := st.Patient(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plans, err := st.Plans(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plan, ok := printout.Current(plans)
	if !ok {
		return printout.Copy{}, fmt.Errorf("%s %s: %w", p.NHSNumber.Display(), p.FullName(), printout.ErrNoPlan)
	}
	pams, err := st.Assessments(id)
	if err != nil {
		return printout.Copy{}, err
	}
	return printout.Copy{Patient: p, Plan: plan, Assessments: pams}, nil
}

func printOne(env Env, st *store.Store, nhs careplan.NHSNumber, out string, opt printout.Options) error {
	p, err := st.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no patient with NHS number %s on this hub", nhs.Display())
	}
	if err != nil {
		return err
	}
	c, err := patientCopy(st, p.ID)
	if err != nil {
		return err
	}
	opt.LargePrint = opt.LargePrint || printout.LargePrintFor(c.Patient)
	pages, err := writePDF(out, c, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d page(s) for %s\n", out, pages, c.Patient.NHSNumber.Display())
	return nil
}

// printDue prints, one file per person, every open patient whose agreed plan is due for review
// before the given day. People with no agreed plan are listed, not silently skipped.
func printDue(env Env, st *store.Store, before careplan.Date, dir string, opt printout.Options) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	rows, err := st.Caseload()
	if err != nil {
		return err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ReviewDate.Before(rows[j].ReviewDate) })
	printed, noPlan := 0, 0
	for _, r := range rows {
		if !r.Status.Open() || r.ReviewDate.IsZero() || !r.ReviewDate.Before(before) {
			continue
		}
		c, err := patientCopy(st, r.PatientID)
		if errors.Is(err, printout.ErrNoPlan) {
			noPlan++
			fmt.Fprintf(env.Stdout, "no agreed plan: %s\n", r.NHSNumber.Display())
			continue
		}
		if err != nil {
			return err
		}
		o := opt
		o.LargePrint = o.LargePrint || printout.LargePrintFor(c.Patient)
		if _, err := writePDF(filepath.Join(dir, "plan-"+string(r.NHSNumber)+".pdf"), c, o); err != nil {
			return err
		}
		printed++
	}
	fmt.Fprintf(env.Stdout, "%d plan(s) printed to %s; %d due with no agreed plan\n", printed, dir, noPlan)
	return nil
}

// writePDF writes the plan to a temporary file beside path and renames it into place, so a
// failure never leaves half a plan where a coordinator would pick it up.
func writePDF(path string, c printout.Copy, opt printout.Options) (pages int, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".carehub-print-*")
	if err != nil {
		return 0, fmt.Errorf("cannot write to %s: %w", filepath.Dir(path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if pages, err = printout.Write(tmp, c, opt); err != nil {
		return 0, err
	}
	if err = tmp.Close(); err != nil {
		return 0, err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	return pages, nil
}
