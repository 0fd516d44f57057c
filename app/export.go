package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"carehub/careplan"
	"carehub/careplan/fhir"
	"carehub/store"
)

// runExport writes the hub's records for another system. The only format so far is FHIR R4
// (UK Core): "export fhir --db FILE --out FILE [--all]".
func runExport(env Env, args []string) error {
	if len(args) == 0 || args[0] != "fhir" {
		return fmt.Errorf("%w: export needs a format: carehub export fhir --db FILE --out FILE [--all] [--per-person]", errUsage)
	}
	fs := newFlags("export fhir")
	db := fs.String("db", "", "the store to export")
	out := fs.String("out", "", "the file to write: a Bundle, or NDJSON when it ends .ndjson")
	all := fs.Bool("all", false, "include people who have not consented to share with professionals")
	perPerson := fs.Bool("per-person", false, "one transaction Bundle per person, in the folder --out")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	for _, req := range []struct{ value, name string }{{*db, "db"}, {*out, "out"}} {
		if err := need(fs, req.value, req.name); err != nil {
			return err
		}
	}
	if sameFile(*db, *out) {
		// The rename at the end of the write would put the export in place of the store.
		return fmt.Errorf("%w: export fhir: --out is the store itself; choose another file", errUsage)
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	export := ExportFHIR
	if *perPerson {
		export = ExportFHIRPerPerson
	}
	res, err := export(st, *out, *all)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d people (%d resources) written to %s; %d without consent to share left out\n",
		res.People, res.Resources, *out, res.Withheld)
	return nil
}

// FHIRResult counts what an export wrote and what it held back.
type FHIRResult struct {
	People, Resources int
	Withheld          int // people without consent to share with professionals, not written
}

// ExportFHIR writes everyone who may be exported as FHIR R4 to path, atomically: a transaction
// Bundle, or NDJSON when path ends .ndjson. It streams one person at a time in one read
// transaction, so memory holds one person at a time, never the whole output. With all, people without
// consent to share are included too. The export is audited once, before anything is written.
func ExportFHIR(st *store.Store, path string, all bool) (FHIRResult, error) {
	return exportFHIR(st, path, all, runtime.GOMAXPROCS(0))
}

// exportFHIR is ExportFHIR with mapping and encoding on workers goroutines, or, for fewer
// than two, on the goroutine reading the store. The output is the same either way.
func exportFHIR(st *store.Store, path string, all bool, workers int) (FHIRResult, error) {
	var res FHIRResult
	ndjson := strings.HasSuffix(strings.ToLower(path), ".ndjson")
	if err := st.RecordEvent(store.AuditReport, fhirAuditDetail(ndjson, all)); err != nil {
		return res, err
	}
	opts := fhir.Options{IncludeWithoutConsent: all}
	err := writeAtomically(path, func(w io.Writer) error {
		fw := fhir.NewBundleWriter(w, opts)
		if ndjson {
			fw = fhir.NewNDJSONWriter(w, opts)
		}
		write := func(p fhir.Person) error {
			n, err := fw.Write(p)
			res.Resources += n
			return err
		}
		var pipe *fhirPipeline
		if workers >= 2 {
			pipe = newFHIRPipeline(fw, workers)
			write = pipe.Add
		}
		// One read pass over everyone, audited once above rather than as 30,000 views.
		err := st.EachPatient(func(r store.PatientRecords) error {
			if !fhir.MayExport(r.Patient, opts) {
				res.Withheld++
				return nil
			}
			res.People++
			return write(personOf(r))
		})
		if pipe != nil {
			n, perr := pipe.Close()
			res.Resources = n
			if perr != nil {
				return perr // the store's pass stopped at it, so err is the same error
			}
		}
		if err != nil {
			return err
		}
		return fw.Close()
	})
	return res, err
}

// personOf is what the mapping needs of one person's records: the store reads only the plan
// in force, which is the one the mapping exports.
func personOf(r store.PatientRecords) fhir.Person {
	p := fhir.Person{Patient: r.Patient, Assessments: r.Assessments, Outcomes: r.Outcomes, Contacts: r.Contacts}
	if r.Plan != nil {
		p.Plans = []careplan.Plan{*r.Plan}
	}
	return p
}

// fhirAuditDetail says what was exported, never who: "fhir export bundle, consented to share only".
func fhirAuditDetail(ndjson, all bool) string {
	detail := "fhir export bundle"
	if ndjson {
		detail = "fhir export ndjson"
	}
	if all {
		return detail + ", everyone (--all)"
	}
	return detail + ", consented to share only"
}

// sameFile reports whether two paths name the same file, by name or, when both exist, by
// identity (a link or a different spelling of the path).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ai, errA := os.Stat(a)
	bi, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}
