package fhir_test

import (
	"testing"

	"carehub/careplan/fhir/fhirtest"
)

// The validator must fail what it is there to catch, or the passing tests above mean nothing.
func TestValidatorRejectsWhatItShould(t *testing.T) {
	s := loadSchema(t)
	const uk = `"meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-`
	bad := map[string]string{
		"unknown property":    `{"resourceType":"Goal","id":"g","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"urn:uuid:p"},"colour":"red"}`,
		"bad enum":            `{"resourceType":"Goal","id":"g","lifecycleStatus":"done","description":{"text":"x"},"subject":{"reference":"urn:uuid:p"}}`,
		"bad date":            `{"resourceType":"Patient","id":"p",` + uk + `Patient"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9449305552"}],"birthDate":"02/03/1941"}`,
		"wrong type":          `{"resourceType":"Patient","id":"p",` + uk + `Patient"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9449305552"}],"active":"yes"}`,
		"empty array":         `{"resourceType":"Patient","id":"p",` + uk + `Patient"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9449305552"}],"name":[]}`,
		"fraction in integer": `{"resourceType":"Observation","id":"o",` + uk + `Observation"]},"status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:p"},"valueInteger":2.5}`,
		"missing required":    `{"resourceType":"Condition","id":"c",` + uk + `Condition"]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"1"}]}}`,
	}
	for name, doc := range bad {
		if errs := s.Validate([]byte(doc)); len(errs) == 0 {
			t.Errorf("%s: schema passed %s", name, doc)
		}
	}
	inBundle := `{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:g","request":{"method":"PUT","url":"Goal/g"},` +
		`"resource":{"resourceType":"Goal","id":"g","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"urn:uuid:p"},"colour":"red"}}]}`
	if errs := s.Validate([]byte(inBundle)); len(errs) == 0 {
		t.Error("schema passed a bad resource inside a Bundle entry")
	}
	rules := map[string]string{
		"CarePlan status":   `{"resourceType":"CarePlan","id":"c",` + uk + `CarePlan"]},"status":"agreed","intent":"plan","subject":{"reference":"urn:uuid:p"}}`,
		"NHS check digit":   `{"resourceType":"Patient","id":"p",` + uk + `Patient"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9449305553"}]}`,
		"no NHS system":     `{"resourceType":"Patient","id":"p",` + uk + `Patient"]},"identifier":[{"value":"9449305552"}]}`,
		"not SNOMED":        `{"resourceType":"Condition","id":"c",` + uk + `Condition"]},"subject":{"reference":"urn:uuid:p"},"code":{"coding":[{"system":"http://loinc.org","code":"1"}]}}`,
		"missing profile":   `{"resourceType":"Encounter","id":"e","status":"finished","class":{"code":"HH"},"subject":{"reference":"urn:uuid:p"}}`,
		"Goal with profile": `{"resourceType":"Goal","id":"g","meta":{"profile":["x"]},"lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"urn:uuid:p"}}`,
	}
	for name, doc := range rules {
		if errs := fhirtest.Rules([]byte(doc)); len(errs) == 0 {
			t.Errorf("%s: rules passed %s", name, doc)
		}
	}
	dangling := [][]byte{[]byte(`{"resourceType":"Goal","id":"g","subject":{"reference":"urn:uuid:nobody"}}`)}
	if len(fhirtest.Unresolved(dangling)) != 1 {
		t.Error("a dangling reference resolved")
	}
}
