package fhirtest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"carehub/careplan"
)

// The R4 schema leaves out most minimum cardinalities and the required-binding value sets of
// CarePlan (README in shared/fhir says so), so Rules checks them from the R4 specification,
// with carehub's own promises: an NHS number with its system and a valid Modulus 11 check
// digit, SNOMED CT on every condition, and the UK Core profile where UK Core has one.

type rule struct {
	required []string            // top-level elements with minimum cardinality 1
	codes    map[string][]string // element -> allowed codes (required binding)
	profile  string              // "" = base R4 (Goal)
}

func rules(resourceType string) (rule, bool) {
	const uk = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-"
	switch resourceType {
	case "Patient":
		return rule{required: []string{"identifier"}, profile: uk + "Patient"}, true
	case "Condition":
		return rule{required: []string{"subject", "code"}, profile: uk + "Condition"}, true
	case "CarePlan":
		return rule{required: []string{"status", "intent", "subject"}, profile: uk + "CarePlan",
			codes: map[string][]string{
				"status": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
				"intent": {"proposal", "plan", "order", "option"},
			}}, true
	case "Goal":
		return rule{required: []string{"lifecycleStatus", "description", "subject"}}, true
	case "CareTeam":
		return rule{required: []string{"subject"}, profile: uk + "CareTeam"}, true
	case "Consent":
		return rule{required: []string{"status", "scope", "category", "patient", "dateTime"}, profile: uk + "Consent"}, true
	case "Observation":
		return rule{required: []string{"status", "code", "subject"}, profile: uk + "Observation"}, true
	case "Encounter":
		return rule{required: []string{"status", "class", "subject"}, profile: uk + "Encounter"}, true
	}
	return rule{}, false
}

// activityStatuses is CarePlan.activity.detail.status (required binding).
func activityStatuses() []string {
	return []string{"not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled",
		"stopped", "unknown", "entered-in-error"}
}

// Rules checks one resource, as JSON, against what the schema cannot say.
func Rules(resource []byte) []error {
	var r map[string]any
	if err := json.Unmarshal(resource, &r); err != nil {
		return []error{err}
	}
	typ, _ := r["resourceType"].(string)
	ru, ok := rules(typ)
	if !ok {
		return []error{fmt.Errorf("%s is not a resource carehub exports", typ)}
	}
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s/%v: %s", typ, r["id"], fmt.Sprintf(format, args...)))
	}
	for _, el := range ru.required {
		if _, ok := r[el]; !ok {
			fail("missing %s", el)
		}
	}
	for el, allowed := range ru.codes {
		if v, _ := r[el].(string); !slices.Contains(allowed, v) {
			fail("%s %q is not in its value set", el, v)
		}
	}
	profiles := asStrings(dig(r, "meta", "profile"))
	switch {
	case ru.profile == "" && len(profiles) > 0:
		fail("claims %v, but UK Core has no profile for it", profiles)
	case ru.profile != "" && !slices.Contains(profiles, ru.profile):
		fail("meta.profile %v lacks %s", profiles, ru.profile)
	}
	switch typ {
	case "Patient":
		checkNHSNumber(r, fail)
	case "Condition":
		if sys, _ := dig(r, "code", "coding", 0, "system").(string); sys != "http://snomed.info/sct" {
			fail("condition code system %q, want SNOMED CT", sys)
		}
	case "Consent":
		if r["policy"] == nil && r["policyRule"] == nil {
			fail("needs policy or policyRule (ppc-1)")
		}
	case "CarePlan":
		acts, _ := r["activity"].([]any)
		for i := range acts {
			if s, _ := dig(r, "activity", i, "detail", "status").(string); !slices.Contains(activityStatuses(), s) {
				fail("activity %d status %q", i, s)
			}
		}
	}
	return errs
}

func checkNHSNumber(r map[string]any, fail func(string, ...any)) {
	ids, _ := r["identifier"].([]any)
	for i := range ids {
		if sys, _ := dig(r, "identifier", i, "system").(string); sys == careplan.NHSNumberSystem {
			if v, _ := dig(r, "identifier", i, "value").(string); !careplan.NHSNumber(v).Valid() {
				fail("NHS number %q fails Modulus 11", v)
			}
			return
		}
	}
	fail("no identifier with system %s", careplan.NHSNumberSystem)
}

// References returns every reference string in a resource, e.g. "urn:uuid:…".
func References(resource []byte) []string {
	var v any
	if err := json.Unmarshal(resource, &v); err != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch val := v.(type) {
		case map[string]any:
			for k, child := range val {
				if s, ok := child.(string); ok && k == "reference" {
					out = append(out, s)
				}
				walk(child)
			}
		case []any:
			for _, child := range val {
				walk(child)
			}
		}
	}
	walk(v)
	return out
}

// Unresolved returns the references, among all the resources', that name no resource in the
// set: a urn:uuid (inside a Bundle) must name a resource's id, and a relative "Type/id" (NDJSON,
// a server) a resource of that type and id. Any other form is unresolved.
func Unresolved(resources [][]byte) []string {
	have := map[string]bool{}
	for _, r := range resources {
		var head struct{ ResourceType, ID string }
		if json.Unmarshal(r, &head) == nil {
			have["urn:uuid:"+head.ID] = true
			have[head.ResourceType+"/"+head.ID] = true
		}
	}
	var out []string
	for _, r := range resources {
		for _, ref := range References(r) {
			if !have[ref] {
				out = append(out, ref)
			}
		}
	}
	return out
}

// URNReferences returns the references, among all the resources', that are urn:uuid: they mean
// nothing outside a Bundle, so NDJSON and a server must have none.
func URNReferences(resources [][]byte) []string {
	var out []string
	for _, r := range resources {
		for _, ref := range References(r) {
			if strings.HasPrefix(ref, "urn:") {
				out = append(out, ref)
			}
		}
	}
	return out
}

// dig walks nested objects (by key) and arrays (by index); nil when any step is missing.
func dig(v any, path ...any) any {
	for _, step := range path {
		switch k := step.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}
