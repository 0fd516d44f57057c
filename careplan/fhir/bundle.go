package fhir

import "carehub/careplan"

// Bundle is a FHIR transaction Bundle.
type Bundle struct {
	ResourceType string  `json:"resourceType"`
	Type         string  `json:"type"`
	Entry        []Entry `json:"entry,omitempty"`
}

// Entry is one resource in a transaction: its full URL (the urn:uuid other resources use to
// reference it) and the request that stores it.
type Entry struct {
	FullURL  string   `json:"fullUrl"`
	Resource Resource `json:"resource"`
	Request  Request  `json:"request"`
}

// Request is how the receiver applies an entry. Every entry is a PUT to Type/id: ids are
// carehub's stable record ids, so sending the same export twice updates rather than duplicates.
type Request struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

// EntryFor wraps a resource as a transaction entry.
func EntryFor(r Resource) Entry {
	return Entry{
		FullURL:  "urn:uuid:" + r.ResourceID(),
		Resource: r,
		Request:  Request{Method: "PUT", URL: r.ResourceType() + "/" + r.ResourceID()},
	}
}

// Resources maps one person to their resources, in an order where everything referenced comes
// first: Patient, Conditions, CareTeam, Goals, CarePlan, Consents, Observations, Encounters.
// It returns nil for a person who may not be exported (MayExport).
func Resources(p Person, opts Options) []Resource {
	if !MayExport(p.Patient, opts) {
		return nil
	}
	c := opts.codes()
	plan, hasPlan := careplan.CurrentPlan(p.Plans)
	if hasPlan {
		p = withIDs(p, &plan)
	} else {
		p = withIDs(p, nil)
	}
	pt := p.Patient
	out := make([]Resource, 0, 8+len(pt.Conditions)+len(p.Assessments)+len(p.Outcomes)+len(p.Contacts))
	out = append(out, MapPatient(pt))
	for _, r := range MapConditions(pt) {
		out = append(out, r)
	}
	if hasPlan {
		out = append(out, MapCareTeam(pt, &plan))
		for _, g := range MapGoals(pt, plan, c) {
			out = append(out, g)
		}
		out = append(out, MapCarePlan(pt, plan, c))
	} else {
		out = append(out, MapCareTeam(pt, nil))
	}
	for _, r := range MapConsents(pt) {
		out = append(out, r)
	}
	for _, a := range p.Assessments {
		if r, ok := MapPAM(pt.ID, a, c); ok {
			out = append(out, r)
		}
	}
	for _, o := range p.Outcomes {
		if r, ok := MapOutcome(pt.ID, o, c); ok {
			out = append(out, r)
		}
	}
	for _, ct := range p.Contacts {
		out = append(out, MapEncounter(pt.ID, ct))
	}
	return out
}

// BuildBundle maps everyone who may be exported into one transaction Bundle in memory. For a
// whole hub, write with a BundleWriter instead, which never holds more than one person.
func BuildBundle(people []Person, opts Options) Bundle {
	b := Bundle{ResourceType: "Bundle", Type: "transaction"}
	for _, p := range people {
		for _, r := range Resources(p, opts) {
			b.Entry = append(b.Entry, EntryFor(r))
		}
	}
	return b
}
