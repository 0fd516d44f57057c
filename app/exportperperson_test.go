package app

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/careplan/fhir/fhirtest"
)

// --per-person writes one transaction Bundle per consenting person, each whole on its own.
func TestFHIRExportPerPerson(t *testing.T) {
	db := fhirStore(t)
	out := filepath.Join(t.TempDir(), "bundles")
	code, stdout, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", out, "--per-person")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, err := os.ReadDir(out)
	if err != nil || len(files) == 0 {
		t.Fatalf("%d files: %v", len(files), err)
	}
	if !strings.HasPrefix(stdout, itoa(len(files))+" people") {
		t.Errorf("stdout %q for %d files", stdout, len(files))
	}
	schema, err := fhirtest.Load(fhirSchema)
	if err != nil {
		t.Fatal(err)
	}
	everyone := map[string]bool{}
	for _, f := range files {
		resources := bundleResources(t, filepath.Join(out, f.Name()))
		people := exportedPatients(resources)
		if len(people) != 1 || !people[strings.TrimSuffix(f.Name(), ".json")] {
			t.Fatalf("%s holds patients %v", f.Name(), people)
		}
		for id := range people {
			everyone[id] = true
		}
		if bad := fhirtest.Unresolved(resources); len(bad) > 0 {
			t.Fatalf("%s: a reference leaves the person's bundle: %s", f.Name(), bad[0])
		}
		for _, r := range resources {
			if errs := append(schema.Validate(r), fhirtest.Rules(r)...); len(errs) > 0 {
				t.Fatalf("%s: %v", f.Name(), errs[0])
			}
		}
	}
	checkOnlyConsentedExported(t, db, everyone)
	checkFHIRAudited(t, db, 1, "fhir export per person, consented to share only")
	// A second export into the same, now full, folder is refused rather than mixed in.
	if code, _, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", out, "--per-person"); code == 0 ||
		!strings.Contains(stderr, "new or empty folder") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("second export into a full folder: exit %d, %q", code, stderr)
	}
}

// What the issue asked to be shown: NDJSON has no urn:uuid reference, and a telecom starting
// 07 is a mobile.
func TestFHIRNDJSONHasNoURNAndMobilesAreMobile(t *testing.T) {
	db := fhirStore(t)
	out := filepath.Join(t.TempDir(), "x.ndjson")
	if code, _, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", out, "--all"); code != 0 {
		t.Fatal(stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "urn:uuid") {
		t.Error("the NDJSON export mentions urn:uuid")
	}
	mobiles, homes := 0, 0
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p struct {
			ResourceType string
			Telecom      []struct{ System, Value, Use string }
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		for _, tc := range p.Telecom {
			if tc.System != "phone" {
				continue
			}
			mobile := strings.HasPrefix(strings.ReplaceAll(tc.Value, " ", ""), "07")
			if mobile != (tc.Use == "mobile") {
				t.Errorf("%s is use %s", tc.Value, tc.Use)
			}
			if mobile {
				mobiles++
			} else {
				homes++
			}
		}
	}
	if mobiles == 0 || homes == 0 {
		t.Errorf("%d mobiles and %d other phones: the demo does not test the rule", mobiles, homes)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
