package service

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/printout"
	"carehub/store"
)

// Printing prints care plans for the desktop app and for `carehub print`. Both go through
// it, so a plan printed either way is chosen, laid out and written the same way.
type Printing struct{ base }

// Offer says what can be printed for a person (printout.OfferFor).
func (ps *Printing) Offer(p careplan.Patient, plans []careplan.Plan) printout.Offer {
	return printout.OfferFor(p, plans)
}

// PrintPatient writes one person's plan to path: the agreed plan, or with draft the draft
// (which prints marked DRAFT). Large print is used when asked for or when the person's needs
// say so. A closed record (died, discharged, declined, withdrew) is refused with a
// *printout.ClosedError naming why: its plan is not one anyone follows (PrintClosedPatient). On
// failure nothing is left at path.
func (ps *Printing) PrintPatient(patientID string, draft, largePrint bool, path string) (pages int, err error) {
	return ps.printPatient(patientID, draft, largePrint, path, false)
}

// PrintClosedPatient prints a closed record's plan once a coordinator has confirmed it, every
// page stamped "Record closed (died on …) — not a current plan" (hazard H11); it is audited.
// Other accounts are refused. An open record prints as PrintPatient prints it.
func (ps *Printing) PrintClosedPatient(patientID string, draft, largePrint bool, path string) (pages int, err error) {
	return ps.printPatient(patientID, draft, largePrint, path, true)
}

func (ps *Printing) printPatient(patientID string, draft, largePrint bool, path string, closedOK bool) (pages int, err error) {
	return ps.printOne(patientID, largePrint, path, closedOK, func(st *store.Store) (printout.Copy, error) {
		return patientCopy(st, patientID, draft)
	})
}

// printOne writes one person's copy, made by copyOf, to path, after the checks every print of
// one person passes in this order: who may print them, where the file may go, then whether a
// closed record may print (closedOK). On failure nothing is left at path.
func (ps *Printing) printOne(patientID string, largePrint bool, path string, closedOK bool,
	copyOf func(*store.Store) (printout.Copy, error)) (pages int, err error) {
	defer func() {
		if err != nil {
			removeIfEmpty(path)
		}
	}()
	st, err := ps.store()
	if err != nil {
		return 0, err
	}
	if err := mayPrintPatient(st, patientID); err != nil {
		return 0, err
	}
	if err := checkOutput(st, path, false); err != nil {
		return 0, err
	}
	c, err := copyOf(st)
	if err != nil {
		return 0, err
	}
	if err := mayPrintClosed(st, c, patientID, closedOK); err != nil {
		return 0, err
	}
	return writePDF(path, c, ps.options(largePrint || printout.LargePrintFor(c.Patient)))
}

// PrintVersion writes one version of a person's plan to path, for the plan's history. An
// earlier version (printout.VersionToPrint) is stamped on every page "Version N, agreed on …,
// not the current plan" (hazard H2c); the current agreed plan or the working draft prints as
// PrintPatient prints it. Who may print is as for PrintPatient. A closed record's version
// prints only for a coordinator or administrator, stamped closed and audited: the history is
// opened on purpose, so no further confirmation is asked. On failure nothing is left at path.
func (ps *Printing) PrintVersion(patientID string, version int, largePrint bool, path string) (pages int, err error) {
	return ps.printOne(patientID, largePrint, path, true, func(st *store.Store) (printout.Copy, error) {
		return versionCopy(st, patientID, version)
	})
}

// mayPrintClosed lets a closed record's plan print only when closedOK (a coordinator has
// confirmed) and the signed-in account prints closed records, and audits it; an open record
// always may.
func mayPrintClosed(st *store.Store, c printout.Copy, patientID string, closedOK bool) error {
	cl, closed := c.Patient.Closure()
	if !closed {
		return nil
	}
	if !closedOK {
		return &printout.ClosedError{Name: c.Patient.FullName(), Closure: cl}
	}
	if !st.SignedIn().PrintsClosedRecords() {
		return fmt.Errorf("%w: only a coordinator or administrator can print a closed record's plan", access.ErrNotAllowed)
	}
	return st.RecordEvent(store.AuditReport, "closed record's plan printed, stamped closed: "+patientID)
}

// removeIfEmpty removes an empty file at path. The desktop's save dialog creates the file it
// names before the plan is written; left empty after a failure it would look like a plan.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		os.Remove(path)
	}
}

func (ps *Printing) options(large bool) printout.Options {
	name := DefaultHubName
	var logo []byte
	st, err := ps.store()
	if err == nil {
		name = hubName(st)
		// A logo that cannot be read is left off rather than stopping the plan from printing:
		// the person's copy matters more than the letterhead.
		logo, _ = st.HubLogo()
	}
	opt := ps.printOptions(large, name)
	opt.Logo = logo
	return opt
}

// PlansFor lists who a batch covers, marking who has an agreed plan and whose record is
// closed; only those with an agreed plan and an open record are printed.
func (ps *Printing) PlansFor(sel printout.BatchSelection) ([]printout.BatchPerson, error) {
	st, err := ps.store()
	if err != nil {
		return nil, err
	}
	if err := mayReadCaseload(st); err != nil {
		return nil, err
	}
	rows, err := st.Caseload()
	if err != nil {
		return nil, err
	}
	if rows, err = printableBy(st, rows); err != nil {
		return nil, err
	}
	chosen := sel.Choose(rows)
	out := make([]printout.BatchPerson, len(chosen))
	for i, e := range chosen {
		plans, err := st.Plans(e.PatientID)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.NHSNumber.Display(), err)
		}
		out[i] = printout.BatchPersonFor(e, plans)
	}
	return out, nil
}

// PrintBatch prints the agreed plans of people into one PDF or one file each in a folder.
// People without an agreed plan, and people whose record is closed, are listed in the result,
// not printed. A cancelled or failed
// batch leaves no files behind: every file is written under a temporary name and renamed into
// place only once the whole batch is done.
func (ps *Printing) PrintBatch(people []printout.BatchPerson, out printout.BatchOutput, progress func(done, total int) bool) (printout.BatchResult, error) {
	var res printout.BatchResult
	st, err := ps.store()
	if err != nil {
		return res, err
	}
	if err := checkOutput(st, out.Path, out.Folder); err != nil {
		return res, err
	}
	var todo []printout.BatchPerson
	for _, p := range people {
		switch {
		case p.Closed != "":
			res.Closed = append(res.Closed, p)
		case p.HasAgreed:
			todo = append(todo, p)
		default:
			res.NoPlan = append(res.NoPlan, p)
		}
	}
	if len(todo) == 0 {
		return res, printout.ErrNothingToPrint
	}
	if !st.SignedIn().ExportsHub() {
		for _, p := range todo {
			if err := mayPrintPatient(st, p.PatientID); err != nil {
				return res, err
			}
		}
	}
	if err := st.RecordEvent(store.AuditReport, fmt.Sprintf("batch print (%d people)", len(todo))); err != nil {
		return res, err
	}
	if out.Folder {
		err = ps.printFolder(st, todo, out, progress, &res)
	} else {
		err = ps.printOneFile(st, todo, out, progress, &res)
	}
	return res, err
}

// printOneFile prints everyone into one PDF, each person starting on a new page.
func (ps *Printing) printOneFile(st *store.Store, todo []printout.BatchPerson, out printout.BatchOutput,
	progress func(int, int) bool, res *printout.BatchResult) error {
	copies := make([]printout.Copy, 0, len(todo))
	for _, p := range todo {
		c, err := patientCopy(st, p.PatientID, false)
		if errors.Is(err, printout.ErrNoPlan) {
			res.NoPlan = append(res.NoPlan, p)
			continue
		}
		if err != nil {
			return err
		}
		if closedSince(&c, p, res) {
			continue
		}
		// Loading is quick next to drawing, but a long batch should still stop at once.
		if progress != nil && !progress(0, len(todo)) {
			return printout.ErrCancelled
		}
		copies = append(copies, c)
	}
	pages, err := writeFile(out.Path, func(w io.Writer) (int, error) {
		return printout.WriteBatch(w, copies, ps.options(out.LargePrint), progress)
	})
	if err != nil {
		return err
	}
	res.Printed, res.Pages = len(copies), pages
	return nil
}

// printFolder prints one file per person, named by NHS number, into the folder.
func (ps *Printing) printFolder(st *store.Store, todo []printout.BatchPerson, out printout.BatchOutput,
	progress func(int, int) bool, res *printout.BatchResult) (err error) {
	if err := os.MkdirAll(out.Path, 0o700); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", out.Path, err)
	}
	type written struct{ tmp, path string }
	var files []written
	defer func() {
		if err != nil {
			for _, f := range files {
				os.Remove(f.tmp)
			}
		}
	}()
	for i, p := range todo {
		c, err := patientCopy(st, p.PatientID, false)
		switch {
		case errors.Is(err, printout.ErrNoPlan):
			res.NoPlan = append(res.NoPlan, p)
		case err != nil:
			return err
		case closedSince(&c, p, res):
		default:
			opt := ps.options(out.LargePrint || printout.LargePrintFor(c.Patient))
			tmp, pages, err := writeTemp(out.Path, func(w io.Writer) (int, error) { return printout.Write(w, c, opt) })
			if err != nil {
				return err
			}
			files = append(files, written{tmp, filepath.Join(out.Path, planFile(c.Patient.NHSNumber))})
			res.Printed++
			res.Pages += pages
		}
		if progress != nil && !progress(i+1, len(todo)) {
			return printout.ErrCancelled
		}
	}
	for i, f := range files {
		if err := os.Rename(f.tmp, f.path); err != nil {
			files = files[i:] // the ones already in place are whole plans; tidy the rest
			return fmt.Errorf("cannot save %s: %w", f.path, err)
		}
	}
	return nil
}

// planFile is the name of a person's plan in a folder of plans.
func planFile(n careplan.NHSNumber) string { return "plan-" + string(n) + ".pdf" }

// printableBy keeps the people the signed-in account may print: everyone for those who run the
// hub, a key worker's own caseload for a key worker.
func printableBy(st *store.Store, rows []careplan.CaseloadEntry) ([]careplan.CaseloadEntry, error) {
	u := st.SignedIn()
	if u.ExportsHub() {
		return rows, nil
	}
	var out []careplan.CaseloadEntry
	for _, e := range rows {
		team, err := st.CareTeam(e.PatientID)
		if err != nil {
			return nil, err
		}
		if u.PrintsPatient(team) {
			out = append(out, e)
		}
	}
	return out, nil
}

// closedSince reports a person whose record was closed after the batch was chosen, adding
// them to the batch's closed list: a batch never prints a closed record.
func closedSince(c *printout.Copy, p printout.BatchPerson, res *printout.BatchResult) bool {
	if !c.Patient.Status.Closed() {
		return false
	}
	p.Closed = c.Patient.Status
	res.Closed = append(res.Closed, p)
	return true
}
