package service

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/evaluation"
	"carehub/careplan/printout"
)

// Every service that writes a file refuses, before any work, the store itself, another
// carehub store, the file being read and a folder; the stores stay byte for byte as they were.
func TestNoServiceOutputReplacesAStoreOrAnInput(t *testing.T) {
	hub := syncLaptop(t, "Hub laptop 1", 6)
	other := syncLaptop(t, "Hub laptop 2", 0)
	svc := servicesOn(On(hub))
	person := servicetest.DemoPerson(t, hub, servicetest.HasAgreed)
	folder := t.TempDir()
	bundlePath := filepath.Join(folder, "in.chb")
	if err := os.WriteFile(bundlePath, []byte("not read"), 0o600); err != nil {
		t.Fatal(err)
	}
	hubBefore, otherBefore := readAll(t, hub.Path()), readAll(t, other.Path())
	writers := map[string]func(path string) error{
		"print": func(p string) error {
			_, err := svc.Printing.PrintPatient(person.PatientID, false, false, p)
			return err
		},
		"batch print": func(p string) error {
			_, err := svc.Printing.PrintBatch([]printout.BatchPerson{{PatientID: person.PatientID, HasAgreed: true}}, printout.BatchOutput{Path: p}, nil)
			return err
		},
		"evaluation csv": func(p string) error {
			_, err := svc.Evaluation.ExportCSV(evaluation.Filter{From: careplan.DateOf(fixedNow()).AddDays(-365), To: careplan.DateOf(fixedNow())}, p)
			return err
		},
		"fhir":        func(p string) error { _, err := svc.Export.FHIR(p, false); return err },
		"backup":      func(p string) error { return svc.Backup.Backup(p) },
		"device card": func(p string) error { return svc.Sync.SaveCard(p) },
		"tablet": func(p string) error {
			return svc.TabletSetup.SetUpTablet(person.PatientID, p, "a tablet passphrase for tests")
		},
		"ack":          func(p string) error { _, err := svc.Sync.ImportFile(bundlePath, p, nil); return err },
		"ack of input": func(string) error { _, err := svc.Sync.ImportFile(bundlePath, bundlePath, nil); return err },
	}
	targets := map[string]struct {
		path string
		want error
	}{
		"the store":     {hub.Path(), ErrOutputIsStore},
		"another store": {other.Path(), ErrOutputIsOtherStore},
		"a folder":      {folder, ErrOutputIsFolder},
	}
	for what, write := range writers {
		for where, target := range targets {
			err := write(target.path)
			if what == "ack of input" {
				if err == nil {
					t.Errorf("%s: written", what)
				}
				continue
			}
			if !errors.Is(err, target.want) {
				t.Errorf("%s onto %s: %v, want %v", what, where, err, target.want)
			}
		}
	}
	if !bytes.Equal(readAll(t, hub.Path()), hubBefore) || !bytes.Equal(readAll(t, other.Path()), otherBefore) {
		t.Error("a refused output changed a store")
	}
	if got := readAll(t, bundlePath); string(got) != "not read" {
		t.Errorf("the input became %q", got)
	}
	if r, err := hub.Check(); err != nil || !r.OK() {
		t.Errorf("check: %v %v", err, r.Problems)
	}
}

// A folder output (a batch print into a folder, a per-person export) may be a folder, never a
// store or a plain file.
func TestFolderOutputsRefuseAStoreAndAFile(t *testing.T) {
	hub := syncLaptop(t, "Hub laptop 1", 3)
	file := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(file, []byte("notes"), 0o600)
	for path, want := range map[string]error{hub.Path(): ErrOutputIsStore, file: ErrOutputIsFile} {
		if _, err := servicesOn(On(hub)).Export.FHIRPerPerson(path, false); !errors.Is(err, want) {
			t.Errorf("per-person export to %s: %v, want %v", path, err, want)
		}
	}
	if err := CheckOutput(Output{Path: t.TempDir(), Store: hub.Path(), Folder: true}); err != nil {
		t.Errorf("a folder refused as a folder output: %v", err)
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
