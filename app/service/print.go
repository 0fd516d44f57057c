package service

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// DefaultHubName appears on screens and printed pages until the hub sets its own name
// (Settings). It names no real hub: a new store is nobody's until an administrator says
// whose it is.
const DefaultHubName = "Complex care hub"

// printOptions are the print settings for a run, in the fonts the services were given (the
// app's are Fyne's bundled Noto Sans, which has the letters UK names need: Siân, Zoë).
func (b base) printOptions(large bool, hub string) printout.Options {
	return printout.Options{LargePrint: large, Fonts: b.opt.Fonts, Created: b.now(), Hub: hub}
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
	return printout.Copy{Patient: p, Plan: plan, Assessments: pams, KeyWorker: keyWorkerOf(st, p.Team)}, nil
}

// versionCopy loads what a printed plan needs for one version of the plan, marked Earlier
// when it is no longer the person's plan. Loading the patient is audited as a view.
func versionCopy(st *store.Store, id string, version int) (printout.Copy, error) {
	p, err := st.Patient(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plans, err := st.Plans(id)
	if err != nil {
		return printout.Copy{}, err
	}
	plan, earlier, err := printout.VersionToPrint(plans, version)
	if err != nil {
		return printout.Copy{}, fmt.Errorf("%s %s: %w", p.NHSNumber.Display(), p.FullName(), err)
	}
	pams, err := st.Assessments(id)
	if err != nil {
		return printout.Copy{}, err
	}
	return printout.Copy{Patient: p, Plan: plan, Assessments: pams, Earlier: earlier, KeyWorker: keyWorkerOf(st, p.Team)}, nil
}

// keyWorkerOf is the key worker's staff record for "Who to call", or just the care team's name
// for them when the record is not on this store (a tablet holds only its person's key worker
// and coordinator) or cannot be read: a missing phone number never stops a plan printing.
func keyWorkerOf(st *store.Store, team careplan.CareTeam) careplan.StaffMember {
	if team.KeyWorkerID == "" && team.KeyWorker == "" {
		return careplan.StaffMember{}
	}
	staff, err := st.Staff()
	if err == nil {
		for _, m := range staff {
			if m.ID == team.KeyWorkerID && team.KeyWorkerID != "" {
				return m
			}
		}
	}
	return careplan.StaffMember{Name: team.KeyWorker}
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
		return 0, fmt.Errorf("cannot save %s: %s", path, writeProblem(err))
	}
	return pages, nil
}

// writeTemp writes a PDF with write into a new hidden temporary file in dir and returns its
// name. On failure the temporary file is removed.
func writeTemp(dir string, write func(io.Writer) (int, error)) (name string, pages int, err error) {
	clearStaleTemps(dir, time.Now())
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
