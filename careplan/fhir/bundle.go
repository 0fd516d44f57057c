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

// EntryFor wraps a resource as a transaction entry, its references turned into the urn:uuids
// of the other entries (Relink with URN): inside a Bundle, a reference resolves to an entry.
func EntryFor(r Resource) Entry {
	Relink(r, URN)
	return Entry{
		FullURL:  "urn:uuid:" + r.ResourceID(),
		Resource: r,
		Request:  Request{Method: "PUT", URL: r.ResourceType() + "/" + r.ResourceID()},
	}
}

// Resources maps one person to their resources, in an order where everything referenced comes
// first: Patient, Conditions, CareTeam, Goals, Observations, CarePlan, Consents, Encounters.
// References are "Type/id" with carehub's stable ids. It returns nil for a person who may not
// be exported (MayExport), or, with Options.AgreedPlanOnly, who has no agreed plan.
func Resources(p Person, opts Options) []Resource {
	if !MayExport(p.Patient, opts) {
		return nil
	}
	c := opts.codes()
	plan, hasPlan := careplan.CurrentPlan(p.Plans)
	if opts.AgreedPlanOnly && (!hasPlan || plan.State != careplan.PlanAgreed) {
		return nil
	}
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
	var cp *CarePlanResource
	if hasPlan {
		out = append(out, MapCareTeam(pt, &plan))
		for _, g := range MapGoals(pt, plan, c) {
			out = append(out, g)
		}
		cp = MapCarePlan(pt, plan, c)
	} else {
		out = append(out, MapCareTeam(pt, nil))
	}
	for _, o := range observations(p, c) {
		out = append(out, o)
		if cp != nil {
			cp.SupportingInfo = append(cp.SupportingInfo, *ref("Observation", o.ID))
		}
	}
	if cp != nil {
		out = append(out, cp)
	}
	for _, r := range MapConsents(pt, c) {
		out = append(out, r)
	}
	if !opts.WithoutEncounters {
		for _, ct := range p.Contacts {
			out = append(out, MapEncounter(pt.ID, ct))
		}
	}
	identify(out, c)
	return out
}

// observations maps the person's PAM results and outcome records.
func observations(p Person, c Codes) []*ObservationResource {
	var out []*ObservationResource
	for _, a := range p.Assessments {
		if r, ok := MapPAM(p.Patient.ID, a, c); ok {
			out = append(out, r)
		}
	}
	for _, o := range p.Outcomes {
		if r, ok := MapOutcome(p.Patient.ID, o, c); ok {
			out = append(out, r)
		}
	}
	return out
}

// identify gives every resource carehub's own id as a business identifier, so a server can be
// asked for "the resource carehub calls X" whatever id it gave it.
func identify(rs []Resource, c Codes) {
	for _, r := range rs {
		id := Identifier{System: c.IdentifierSystem, Value: r.ResourceID()}
		switch x := r.(type) {
		case *PatientResource:
			x.Identifier = append(x.Identifier, id)
		case interface{ identifiers() *[]Identifier }:
			*x.identifiers() = append(*x.identifiers(), id)
		}
	}
}

// identifiers lets identify add to a resource's Base identifiers.
func (b *Base) identifiers() *[]Identifier { return &b.Identifier }

// BuildBundle maps everyone who may be exported into one transaction Bundle in memory. For a
// whole hub, write with a BundleWriter instead, which never holds more than one person.
func BuildBundle(people []Person, opts Options) Bundle {
	b := Bundle{ResourceType: "Bundle", Type: "transaction"}
	for _, p := range people {
		b.Entry = append(b.Entry, PersonBundle(p, opts).Entry...)
	}
	return b
}

// PersonBundle is one person's resources as a transaction of their own, or a Bundle with no
// entries for a person who may not be exported. A server that limits the size of a
// transaction takes a hub one person at a time.
func PersonBundle(p Person, opts Options) Bundle {
	b := Bundle{ResourceType: "Bundle", Type: "transaction"}
	for _, r := range Resources(p, opts) {
		b.Entry = append(b.Entry, EntryFor(r))
	}
	return b
}
