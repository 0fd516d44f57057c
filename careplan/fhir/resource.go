package fhir

// Resource is one FHIR resource ready to be written: its type and id name it in the Bundle.
type Resource interface {
	ResourceType() string
	ResourceID() string
}

// Base holds what every resource has: type, id and profile claims. Mappers fill it with base.
type Base struct {
	Type string `json:"resourceType"`
	ID   string `json:"id"`
	Meta *Meta  `json:"meta,omitempty"`
}

// ResourceType is the FHIR resource type, e.g. "Patient".
func (b Base) ResourceType() string { return b.Type }

// ResourceID is the resource's logical id: a carehub record uuid, or one derived from it.
func (b Base) ResourceID() string { return b.ID }

// base starts a resource of a type with an id and, when UK Core has one, its profile.
func base(typ, id, profile string) Base {
	b := Base{Type: typ, ID: id}
	if profile != "" {
		b.Meta = &Meta{Profile: []string{profile}}
	}
	return b
}

// ref is the in-Bundle reference to a resource with the given id.
func ref(id string) *Reference { return &Reference{Reference: "urn:uuid:" + id} }

// named is a reference that only names someone: carehub keeps people involved as names, not
// as Practitioner or RelatedPerson records, and inventing those would suggest more than we know.
func named(display string) *Reference {
	if display == "" {
		return nil
	}
	return &Reference{Display: display}
}
