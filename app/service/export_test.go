package service

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"carehub/careplan/fhir"
	"carehub/store"
)

// The export maps and encodes on several goroutines; the file must be byte for byte what one
// goroutine writes, in every layout, with and without --all.
func TestParallelFHIRExportIsTheSerialExport(t *testing.T) {
	st := demoStoreOf(t, 200)
	dir := t.TempDir()
	for _, name := range []string{"hub.json", "hub.ndjson"} {
		for _, all := range []bool{false, true} {
			serial := filepath.Join(dir, "serial-"+name)
			want, err := exportFHIR(st, serial, all, 1)
			if err != nil {
				t.Fatal(err)
			}
			wantBytes, _ := os.ReadFile(serial)
			for _, workers := range []int{2, 3, 8} {
				parallel := filepath.Join(dir, "parallel-"+name)
				got, err := exportFHIR(st, parallel, all, workers)
				if err != nil {
					t.Fatal(err)
				}
				gotBytes, _ := os.ReadFile(parallel)
				if got != want || !bytes.Equal(gotBytes, wantBytes) {
					t.Errorf("%s all=%t on %d goroutines: %+v, %d bytes; serial %+v, %d bytes",
						name, all, workers, got, len(gotBytes), want, len(wantBytes))
				}
			}
		}
	}
}

// The store reads only the plan in force for the export; the file must be what mapping every
// stored version of everyone's plan (as read one patient at a time) gives.
func TestFHIRExportIsWhatEveryPlanVersionGives(t *testing.T) {
	st := demoStoreOf(t, 200)
	var order []string
	if err := st.EachPatient(func(r store.PatientRecords) error { order = append(order, r.Patient.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	w := fhir.NewNDJSONWriter(&want, fhir.Options{IncludeWithoutConsent: true})
	for _, id := range order {
		p, err := st.Patient(id)
		if err != nil {
			t.Fatal(err)
		}
		plans, err := st.Plans(id)
		if err != nil {
			t.Fatal(err)
		}
		pams, err := st.Assessments(id)
		if err != nil {
			t.Fatal(err)
		}
		outs, err := st.Outcomes(id)
		if err != nil {
			t.Fatal(err)
		}
		contacts, err := st.Contacts(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(fhir.Person{Patient: p, Plans: plans, Assessments: pams, Outcomes: outs, Contacts: contacts}); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	out := filepath.Join(t.TempDir(), "hub.ndjson")
	if _, err := servicesOn(On(st)).Export.FHIR(out, true); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the export (%d bytes) is not what every plan version maps to (%d bytes)", len(got), want.Len())
	}
}
