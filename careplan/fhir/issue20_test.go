package fhir_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"carehub/careplan/fhir"
	"carehub/careplan/fhir/fhirtest"
)

// The demo hub exercises every status mapping: goals achieved and cancelled, plans in draft
// and revoked, as well as the usual active and completed ones.
func TestDemoPeopleExerciseEveryPlanAndGoalStatus(t *testing.T) {
	plans, goals := map[string]int{}, map[string]int{}
	for _, p := range demoPeople(300) {
		for _, r := range fhir.Resources(p, fhir.Options{IncludeWithoutConsent: true}) {
			switch x := r.(type) {
			case *fhir.CarePlanResource:
				plans[x.Status]++
			case *fhir.GoalResource:
				goals[x.LifecycleStatus]++
			}
		}
	}
	for _, s := range []string{"active", "completed", "draft", "revoked"} {
		if plans[s] == 0 {
			t.Errorf("no %s CarePlan among 300 demo people: %v", s, plans)
		}
	}
	for _, s := range []string{"active", "completed", "cancelled"} {
		if goals[s] == 0 {
			t.Errorf("no %s Goal among 300 demo people: %v", s, goals)
		}
	}
}

// NDJSON is read line by line, outside any Bundle: a urn:uuid reference there resolves to
// nothing, so every reference is "Type/id" and names a resource in the file.
func TestNDJSONReferencesResolveWithoutABundle(t *testing.T) {
	var buf bytes.Buffer
	w := fhir.NewNDJSONWriter(&buf, fhir.Options{IncludeWithoutConsent: true})
	for _, p := range demoPeople(40) {
		if _, err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if urns := fhirtest.URNReferences(lines); len(urns) > 0 {
		t.Fatalf("%d urn:uuid references in NDJSON, e.g. %s", len(urns), urns[0])
	}
	if bad := fhirtest.Unresolved(lines); len(bad) > 0 {
		t.Fatalf("%d references do not resolve, e.g. %s", len(bad), bad[0])
	}
	if refs := fhirtest.References(lines[len(lines)-1]); len(refs) == 0 || !strings.Contains(refs[0], "Patient/") {
		t.Errorf("last line's references %v", refs)
	}
}

// Inside a transaction Bundle references are the entries' urn:uuids, so the Bundle resolves
// whole, whatever ids a receiver gives.
func TestBundleReferencesAreEntryURNs(t *testing.T) {
	b := fhir.BuildBundle(demoPeople(20), fhir.Options{})
	var all [][]byte
	for _, e := range b.Entry {
		all = append(all, mustJSON(t, e.Resource))
	}
	for _, r := range all {
		for _, ref := range fhirtest.References(r) {
			if !strings.HasPrefix(ref, "urn:uuid:") {
				t.Fatalf("bundle reference %s", ref)
			}
		}
	}
	if bad := fhirtest.Unresolved(all); len(bad) > 0 {
		t.Fatalf("%d references do not resolve, e.g. %s", len(bad), bad[0])
	}
}

// One transaction per person: each person's Bundle holds only their resources, references
// inside it resolve inside it, and it is valid R4.
func TestPersonBundleIsOnePersonWhole(t *testing.T) {
	s := loadSchema(t)
	n := 0
	for _, p := range demoPeople(30) {
		b := fhir.PersonBundle(p, fhir.Options{})
		if len(b.Entry) == 0 {
			continue
		}
		n++
		raw := mustJSON(t, b)
		if errs := s.Validate(raw); len(errs) > 0 {
			t.Fatalf("bundle: %v", errs[0])
		}
		var rs [][]byte
		patients := 0
		for _, e := range b.Entry {
			rs = append(rs, mustJSON(t, e.Resource))
			if e.Resource.ResourceType() == "Patient" {
				patients++
			}
		}
		if patients != 1 {
			t.Fatalf("%d patients in one person's bundle", patients)
		}
		if bad := fhirtest.Unresolved(rs); len(bad) > 0 {
			t.Fatalf("a reference leaves the person's bundle: %s", bad[0])
		}
	}
	if n == 0 {
		t.Fatal("no one exported")
	}
}

// Every resource carries carehub's id under carehub's identifier system, so a server can find
// it again by identifier; the Patient also carries the NHS number.
func TestEveryResourceHasCarehubIdentifier(t *testing.T) {
	sys := fhir.DefaultCodes().IdentifierSystem
	for _, r := range fhir.Resources(sharingPerson(t), fhir.Options{}) {
		var found bool
		for _, id := range r.Identifiers() {
			found = found || (id.System == sys && id.Value == r.ResourceID())
		}
		if !found {
			t.Errorf("%s/%s lacks %s|%s: %+v", r.ResourceType(), r.ResourceID(), sys, r.ResourceID(), r.Identifiers())
		}
	}
}

// A plan published to a shared record must be agreed, with what it refers to; the contacts
// log stays at the hub.
func TestAgreedPlanOnlyWithoutEncounters(t *testing.T) {
	opts := fhir.Options{AgreedPlanOnly: true, WithoutEncounters: true}
	drafts := 0
	for _, p := range demoPeople(200) {
		rs := fhir.Resources(p, opts)
		for _, r := range rs {
			if cp, ok := r.(*fhir.CarePlanResource); ok && cp.Status != "active" && cp.Status != "completed" {
				t.Fatalf("a %s plan would be published", cp.Status)
			}
			if r.ResourceType() == "Encounter" {
				t.Fatal("an Encounter would be published")
			}
		}
		if len(rs) == 0 && len(fhir.Resources(p, fhir.Options{})) > 0 {
			drafts++
		}
	}
	if drafts == 0 {
		t.Error("no consenting person with only a draft: the test proves nothing")
	}
}

// The CarePlan names the measures it was made with, so a receiver reaches the PAM from it.
func TestCarePlanSupportingInfoNamesObservations(t *testing.T) {
	rs := fhir.Resources(sharingPerson(t), fhir.Options{})
	obs := map[string]bool{}
	var cp *fhir.CarePlanResource
	for _, r := range rs {
		switch x := r.(type) {
		case *fhir.ObservationResource:
			obs["Observation/"+x.ID] = true
		case *fhir.CarePlanResource:
			cp = x
		}
	}
	if cp == nil || len(cp.SupportingInfo) != len(obs) || len(obs) == 0 {
		t.Fatalf("supportingInfo %+v for %d observations", cp, len(obs))
	}
	for _, s := range cp.SupportingInfo {
		if !obs[s.Reference] {
			t.Errorf("supportingInfo %s names no observation", s.Reference)
		}
	}
	var decoded map[string]any
	if err := json.Unmarshal(mustJSON(t, cp), &decoded); err != nil || decoded["supportingInfo"] == nil {
		t.Errorf("supportingInfo not written: %v", err)
	}
}
