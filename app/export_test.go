package app

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/fhir/fhirtest"
	"carehub/store"
)

const fhirSchema = "../careplan/fhir/testdata/fhir-r4.schema.json"

// fhirStore is a 200-person demo store made with a cheap key derivation, closed, at its path.
func fhirStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hub.db")
	st, err := store.Create(db, "pw-for-tests", store.Options{Now: fixedNow, User: "test",
		KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if err := services(Env{Now: fixedNow}, st).Demo.Load(1, 200, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { servicetest.CheckBolt(t, db) })
	return db
}

func openFHIRStore(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// bundleResources reads a written transaction Bundle and returns its resources as JSON, after
// checking each entry's fullUrl and request.
func bundleResources(t *testing.T, path string) [][]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		ResourceType, Type string
		Entry              []struct {
			FullURL  string          `json:"fullUrl"`
			Resource json.RawMessage `json:"resource"`
			Request  struct{ Method, URL string }
		}
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	if b.ResourceType != "Bundle" || b.Type != "transaction" {
		t.Fatalf("a %s %s, want a transaction Bundle", b.Type, b.ResourceType)
	}
	out := make([][]byte, len(b.Entry))
	for i, e := range b.Entry {
		var head struct{ ResourceType, ID string }
		json.Unmarshal(e.Resource, &head)
		if e.FullURL != "urn:uuid:"+head.ID || e.Request.Method != "PUT" || e.Request.URL != head.ResourceType+"/"+head.ID {
			t.Fatalf("entry %d: %s %s %s", i, e.FullURL, e.Request.Method, e.Request.URL)
		}
		out[i] = e.Resource
	}
	return out
}

// exportedPatients returns the ids of the Patient resources among resources.
func exportedPatients(resources [][]byte) map[string]bool {
	out := map[string]bool{}
	for _, r := range resources {
		var head struct{ ResourceType, ID string }
		if json.Unmarshal(r, &head) == nil && head.ResourceType == "Patient" {
			out[head.ID] = true
		}
	}
	return out
}

func TestFHIRExportOfDemoStoreIsValidR4(t *testing.T) {
	db := fhirStore(t)
	out := filepath.Join(t.TempDir(), "hub.json")
	code, stdout, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", out)
	if code != 0 {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "written to "+out) {
		t.Errorf("stdout %q", stdout)
	}
	resources := bundleResources(t, out)
	schema, err := fhirtest.Load(fhirSchema)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, r := range resources {
		for _, err := range append(schema.Validate(r), fhirtest.Rules(r)...) {
			t.Fatalf("%v\n%s", err, r)
		}
		var head struct{ ResourceType string }
		json.Unmarshal(r, &head)
		types[head.ResourceType]++
	}
	if bad := fhirtest.Unresolved(resources); len(bad) > 0 {
		t.Errorf("%d references do not resolve within the bundle, e.g. %s", len(bad), bad[0])
	}
	for _, typ := range []string{"Patient", "Condition", "CarePlan", "Goal", "CareTeam", "Consent", "Observation", "Encounter"} {
		if types[typ] == 0 {
			t.Errorf("no %s exported: %v", typ, types)
		}
	}
	checkOnlyConsentedExported(t, db, exportedPatients(resources))
	checkFHIRAudited(t, db, 1, "fhir export bundle, consented to share only")
}

// checkOnlyConsentedExported checks that exactly the people whose latest decision on sharing
// with professionals is "given" were exported.
func checkOnlyConsentedExported(t *testing.T, db string, exported map[string]bool) {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	withheld := 0
	for _, e := range rows {
		p, err := st.Patient(e.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		shares := careplan.HasConsent(p.Consent, careplan.ConsentToShareProfessionals)
		if shares != exported[p.ID] {
			t.Errorf("%s: consent to share %v, exported %v", p.ID, shares, exported[p.ID])
		}
		if !shares {
			withheld++
		}
	}
	if withheld == 0 || len(exported) == 0 {
		t.Fatalf("%d exported, %d withheld: the demo store does not test the consent filter", len(exported), withheld)
	}
}

// checkFHIRAudited checks the store holds want FHIR export events, the last with detail.
func checkFHIRAudited(t *testing.T, db string, want int, detail string) {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	audit, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, e := range audit {
		if e.Action == store.AuditReport && strings.HasPrefix(e.Detail, "fhir export") {
			events = append(events, e.Detail)
		}
	}
	if len(events) != want || events[len(events)-1] != detail {
		t.Errorf("FHIR export events %q, want %d ending %q", events, want, detail)
	}
}

func TestWithdrawnConsentLeavesTheExportUnlessAll(t *testing.T) {
	db := fhirStore(t)
	st := openFHIRStore(t, db)
	rows, _ := st.Caseload()
	var who careplan.Patient
	for _, e := range rows {
		p, err := st.Patient(e.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if careplan.HasConsent(p.Consent, careplan.ConsentToShareProfessionals) {
			who = p
			break
		}
	}
	who.Consent = append(who.Consent, careplan.ConsentRecord{Scope: careplan.ConsentToShareProfessionals,
		Decision: careplan.ConsentWithdrawn, On: careplan.DateOf(fixedNow()), RecordedBy: "test"})
	if err := st.SavePatient(&who); err != nil {
		t.Fatal(err)
	}
	st.Close()

	dir := t.TempDir()
	consented, everyone := filepath.Join(dir, "consented.json"), filepath.Join(dir, "all.json")
	if code, _, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", consented); code != 0 {
		t.Fatal(stderr)
	}
	if exportedPatients(bundleResources(t, consented))[who.ID] {
		t.Fatal("a patient who withdrew consent to share was exported")
	}
	if code, _, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", everyone, "--all"); code != 0 {
		t.Fatal(stderr)
	}
	all := bundleResources(t, everyone)
	if !exportedPatients(all)[who.ID] || len(exportedPatients(all)) != 200 {
		t.Fatalf("--all exported %d people, withdrawn one included %v", len(exportedPatients(all)), exportedPatients(all)[who.ID])
	}
	checkFHIRAudited(t, db, 2, "fhir export bundle, everyone (--all)")
}

func TestFHIRNDJSONParsesLineByLine(t *testing.T) {
	db := fhirStore(t)
	out := filepath.Join(t.TempDir(), "hub.ndjson")
	if code, _, stderr := run(t, "pw-for-tests", "export", "fhir", "--db", db, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := fhirtest.Load(fhirSchema)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var lines [][]byte
	for sc.Scan() {
		line := append([]byte(nil), sc.Bytes()...)
		if errs := schema.Validate(line); len(errs) > 0 {
			t.Fatalf("line %d: %v", len(lines)+1, errs[0])
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		t.Fatal("no lines")
	}
	if bad := fhirtest.Unresolved(lines); len(bad) > 0 {
		t.Errorf("%d references do not resolve, e.g. %s", len(bad), bad[0])
	}
	checkFHIRAudited(t, db, 1, "fhir export ndjson, consented to share only")
}

func TestFHIRExportBadInputIsOneLine(t *testing.T) {
	db := fhirStore(t)
	missingDir := filepath.Join(t.TempDir(), "no", "such", "dir", "out.json")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "export needs a format"},
		{[]string{"export", "csv", "--db", db}, 2, "export needs a format"},
		{[]string{"export", "fhir", "--db", db}, 2, "needs --out"},
		{[]string{"export", "fhir", "--out", "x.json"}, 2, "needs --db"},
		{[]string{"export", "fhir", "--db", db, "--out", "x.json", "--bogus"}, 2, "bogus"},
		{[]string{"export", "fhir", "--db", db, "--out", missingDir}, 1, "cannot write to"},
		{[]string{"export", "fhir", "--db", db, "--out", db}, 2, "that is the store itself"},
		{[]string{"export", "fhir", "--db", db, "--out", filepath.Join(filepath.Dir(db), ".", filepath.Base(db))}, 2, "that is the store itself"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "pw-for-tests", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q on one line", c.args, code, stderr, c.code, c.want)
		}
	}
	if code, _, stderr := run(t, "wrong", "export", "fhir", "--db", db, "--out", filepath.Join(t.TempDir(), "x.json")); code != 1 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("wrong passphrase: exit %d, %q", code, stderr)
	}
}
