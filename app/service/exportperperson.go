package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"carehub/careplan/fhir"
	"carehub/store"
)

// errPerPersonOut is a --per-person export given a folder that already holds files: the
// export would mix with them, and people who have since withdrawn consent would stay there.
var errPerPersonOut = errors.New("export fhir --per-person: --out must be a new or empty folder")

// FHIRPerPerson writes one transaction Bundle per person who may be exported into the
// folder dir, named by the person's carehub id (never their NHS number or name), so a server
// that limits the size of a transaction (50 entries is common) takes the hub one person at a
// time. The folder is written beside dir and renamed into place at the end, so no one reads
// half an export. The export is audited once, before anything is written.
func (e *Export) FHIRPerPerson(dir string, all bool) (FHIRResult, error) {
	var res FHIRResult
	st, err := e.store()
	if err != nil {
		return res, err
	}
	if err := mayExportHub(st); err != nil {
		return res, err
	}
	if err := checkOutput(st, dir, true); err != nil {
		return res, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return res, errPerPersonOut
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, fmt.Errorf("cannot write to %s: %s", dir, writeProblem(err))
	}
	detail := "fhir export per person, consented to share only"
	if all {
		detail = "fhir export per person, everyone (--all)"
	}
	if err := st.RecordEvent(store.AuditReport, detail); err != nil {
		return res, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), ".carehub-export-*")
	if err != nil {
		return res, fmt.Errorf("cannot write to %s: %s", filepath.Dir(dir), writeProblem(err))
	}
	defer os.RemoveAll(tmp) // gone after the rename; a failed export leaves nothing
	opts := fhir.Options{IncludeWithoutConsent: all}
	err = st.EachPatient(func(r store.PatientRecords) error {
		if !fhir.MayExport(r.Patient, opts) {
			res.Withheld++
			return nil
		}
		b := fhir.PersonBundle(personOf(r), opts)
		raw, err := json.Marshal(b)
		if err != nil {
			return err
		}
		res.People++
		res.Resources += len(b.Entry)
		return os.WriteFile(filepath.Join(tmp, r.Patient.ID+".json"), raw, 0o600)
	})
	if err != nil {
		return res, err
	}
	os.Remove(dir) // an empty folder given as --out; the rename needs the name free
	if err := os.Rename(tmp, dir); err != nil {
		return res, fmt.Errorf("cannot save %s: %s", dir, writeProblem(err))
	}
	return res, nil
}
