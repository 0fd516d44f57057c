package fhir_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/careplan/fhir"
	"carehub/careplan/fhir/fhirtest"
)

var today = careplan.NewDate(2026, time.November, 23)

func loadSchema(t testing.TB) *fhirtest.Schema {
	t.Helper()
	s, err := fhirtest.Load("testdata/fhir-r4.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func demoPeople(n int) []fhir.Person {
	g := demo.New(7, today)
	out := make([]fhir.Person, n)
	for i := range out {
		p := g.Next()
		out[i] = fhir.Person{Patient: p.Patient, Plans: p.Plans, Assessments: p.Assessments,
			Outcomes: p.Outcomes, Contacts: p.Contacts}
	}
	return out
}

// checkAll validates every resource against the schema and the rules the schema cannot hold,
// and checks every reference resolves within the set.
func checkAll(t *testing.T, s *fhirtest.Schema, resources [][]byte) {
	t.Helper()
	for _, r := range resources {
		for _, err := range append(s.Validate(r), fhirtest.Rules(r)...) {
			t.Errorf("%v\n%s", err, r)
			return
		}
	}
	if bad := fhirtest.Unresolved(resources); len(bad) > 0 {
		t.Errorf("%d references do not resolve, e.g. %s", len(bad), bad[0])
	}
}

func TestEveryResourceOfDemoPeopleIsValidR4(t *testing.T) {
	s := loadSchema(t)
	counts := map[string]int{}
	var all [][]byte
	for _, p := range demoPeople(150) {
		for _, r := range fhir.Resources(p, fhir.Options{IncludeWithoutConsent: true}) {
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, b)
			counts[r.ResourceType()]++
		}
	}
	checkAll(t, s, all)
	for _, typ := range []string{"Patient", "Condition", "CarePlan", "Goal", "CareTeam", "Consent", "Observation", "Encounter"} {
		if counts[typ] == 0 {
			t.Errorf("no %s in 150 demo people: %v", typ, counts)
		}
	}
}

func TestOnlyPeopleWhoConsentedToShareAreExported(t *testing.T) {
	exported, withheld := 0, 0
	for _, p := range demoPeople(200) {
		rs := fhir.Resources(p, fhir.Options{})
		shares := careplan.HasConsent(p.Patient.Consent, careplan.ConsentToShareProfessionals)
		if shares != (len(rs) > 0) {
			t.Fatalf("%s: shares %v but %d resources", p.Patient.ID, shares, len(rs))
		}
		if shares {
			exported++
		} else {
			withheld++
		}
		if all := fhir.Resources(p, fhir.Options{IncludeWithoutConsent: true}); len(all) == 0 {
			t.Fatalf("%s: nothing with IncludeWithoutConsent", p.Patient.ID)
		}
	}
	if exported == 0 || withheld == 0 {
		t.Fatalf("demo gave %d exported and %d withheld: the test proves nothing", exported, withheld)
	}
}

func TestWithdrawnConsentStopsExportAndShowsInactive(t *testing.T) {
	p := sharingPerson(t)
	p.Patient.Consent = append(p.Patient.Consent, careplan.ConsentRecord{Scope: careplan.ConsentToShareProfessionals,
		Decision: careplan.ConsentWithdrawn, On: today, RecordedBy: "Sam Green"})
	if rs := fhir.Resources(p, fhir.Options{}); rs != nil {
		t.Fatalf("withdrawn consent: %d resources exported", len(rs))
	}
	for _, c := range fhir.MapConsents(p.Patient, fhir.DefaultCodes()) {
		if strings.Contains(c.Scope.Text, "professionals") && (c.Status != "inactive" || c.Provision.Type != "deny" || c.DateTime != today.String()) {
			t.Errorf("withdrawn share consent: %+v", c)
		}
	}
}

// sharingPerson is the first demo person with consent to share and an agreed plan.
func sharingPerson(t *testing.T) fhir.Person {
	t.Helper()
	for _, p := range demoPeople(200) {
		_, agreed := careplan.LatestAgreed(p.Plans)
		if agreed && careplan.HasConsent(p.Patient.Consent, careplan.ConsentToShareProfessionals) &&
			len(p.Assessments) > 0 && len(p.Contacts) > 0 {
			return p
		}
	}
	t.Fatal("no demo person shares and has an agreed plan")
	return fhir.Person{}
}

func TestBundleReferencesAndRequests(t *testing.T) {
	b := fhir.BuildBundle(demoPeople(40), fhir.Options{})
	if b.Type != "transaction" || len(b.Entry) == 0 {
		t.Fatalf("bundle %s with %d entries", b.Type, len(b.Entry))
	}
	seen := map[string]bool{}
	for _, e := range b.Entry {
		id := e.Resource.ResourceID()
		if e.FullURL != "urn:uuid:"+id || e.Request.Method != "PUT" || e.Request.URL != e.Resource.ResourceType()+"/"+id {
			t.Fatalf("entry %+v", e)
		}
		if seen[e.FullURL] {
			t.Fatalf("%s twice in one bundle", e.FullURL)
		}
		seen[e.FullURL] = true
	}
	raw, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	s := loadSchema(t)
	if errs := s.Validate(raw); len(errs) > 0 {
		t.Fatalf("bundle: %v", errs[0])
	}
}

func TestStreamedBundleIsTheSameAsBuilt(t *testing.T) {
	people := demoPeople(30)
	var buf bytes.Buffer
	w := fhir.NewBundleWriter(&buf, fhir.Options{})
	for _, p := range people {
		if _, err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(fhir.BuildBundle(people, fhir.Options{}))
	var got, exp any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("streamed bundle is not JSON: %v", err)
	}
	json.Unmarshal(want, &exp)
	g, _ := json.Marshal(got)
	e, _ := json.Marshal(exp)
	if !bytes.Equal(g, e) {
		t.Fatal("the streamed bundle differs from BuildBundle")
	}
}

func TestEmptyStreamedBundleIsValid(t *testing.T) {
	var buf bytes.Buffer
	w := fhir.NewBundleWriter(&buf, fhir.Options{})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var b struct{ ResourceType, Type string }
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil || b.Type != "transaction" {
		t.Fatalf("%q: %v", buf.String(), err)
	}
}

func TestNDJSONIsOneResourcePerLine(t *testing.T) {
	var buf bytes.Buffer
	w := fhir.NewNDJSONWriter(&buf, fhir.Options{})
	total := 0
	for _, p := range demoPeople(20) {
		n, err := w.Write(p)
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	w.Close()
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		var r struct{ ResourceType, ID string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.ResourceType == "" || r.ID == "" {
			t.Fatalf("line %d: %v %q", lines+1, err, sc.Text())
		}
		lines++
	}
	if lines != total || total == 0 {
		t.Fatalf("%d lines for %d resources", lines, total)
	}
}

func TestIDsAreStableAcrossExports(t *testing.T) {
	p := sharingPerson(t)
	a, b := fhir.Resources(p, fhir.Options{}), fhir.Resources(p, fhir.Options{})
	for i := range a {
		if a[i].ResourceID() != b[i].ResourceID() {
			t.Fatalf("%s id changed between exports", a[i].ResourceType())
		}
	}
	if a[0].ResourceID() != p.Patient.ID {
		t.Fatalf("patient id %s, want the record id %s", a[0].ResourceID(), p.Patient.ID)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
