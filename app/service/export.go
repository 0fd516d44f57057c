package service

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"carehub/careplan"
	"carehub/careplan/fhir"
	"carehub/store"
)

// FHIRResult counts what an export wrote and what it held back.
type FHIRResult struct {
	People, Resources int
	Withheld          int // people without consent to share with professionals, not written
}

// Export writes the hub's records for another system: FHIR R4 (UK Core) so far.
type Export struct{ base }

// FHIR writes everyone who may be exported as FHIR R4 to path, atomically: a transaction
// Bundle, or NDJSON when path ends .ndjson. It streams one person at a time in one read
// transaction, so memory holds one person at a time, never the whole output. With all, people without
// consent to share are included too. The export is audited once, before anything is written.
func (e *Export) FHIR(path string, all bool) (FHIRResult, error) {
	st, err := e.store()
	if err != nil {
		return FHIRResult{}, err
	}
	if err := mayExportHub(st); err != nil {
		return FHIRResult{}, err
	}
	if err := checkOutput(st, path, false); err != nil {
		return FHIRResult{}, err
	}
	return exportFHIR(st, path, all, runtime.GOMAXPROCS(0))
}

// exportFHIR is Export.FHIR with mapping and encoding on workers goroutines, or, for fewer
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

// SameFile reports whether two paths name the same file, by name or, when both exist, by
// identity (a link or a different spelling of the path).
func SameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ai, errA := os.Stat(a)
	bi, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}
