package fhir

import "strings"

// Resource is one FHIR resource ready to be written: its type and id name it, and References
// lists every reference it makes, so a writer can say them the way its layout needs.
type Resource interface {
	ResourceType() string
	ResourceID() string
	// References returns pointers to the resource's references to other resources (not the
	// ones that only name someone), so a writer or a client can rewrite them in place.
	References() []*Reference
	// Identifiers returns the resource's business identifiers, carehub's own id among them.
	Identifiers() []Identifier
}

// Base holds what every resource has: type, id, profile claims and identifiers. Mappers fill
// it with base; Resources adds carehub's identifier. A resource with identifiers of its own
// (Patient: the NHS number) declares its own Identifier field, which takes the JSON name.
type Base struct {
	Type       string       `json:"resourceType"`
	ID         string       `json:"id,omitempty"`
	Meta       *Meta        `json:"meta,omitempty"`
	Identifier []Identifier `json:"identifier,omitempty"`
}

// ResourceType is the FHIR resource type, e.g. "Patient".
func (b *Base) ResourceType() string { return b.Type }

// ResourceID is the resource's logical id: a carehub record uuid, or one derived from it.
func (b *Base) ResourceID() string { return b.ID }

// SetID changes the resource's logical id: a push client sends the receiver's own id, or
// none for a resource the receiver has not got yet.
func (b *Base) SetID(id string) { b.ID = id }

// Identifiers returns the resource's business identifiers.
func (b *Base) Identifiers() []Identifier { return b.Identifier }

// base starts a resource of a type with an id and, when UK Core has one, its profile.
func base(typ, id, profile string) Base {
	b := Base{Type: typ, ID: id}
	if profile != "" {
		b.Meta = &Meta{Profile: []string{profile}}
	}
	return b
}

// ref is a reference to the resource of a type with the given id, as "Type/id": it resolves
// against any server holding carehub's ids, and line by line in NDJSON. A Bundle writer turns
// it into the entry's urn:uuid (Relink).
func ref(typ, id string) *Reference { return &Reference{Reference: typ + "/" + id} }

// named is a reference that only names someone: carehub keeps people involved as names, not
// as Practitioner or RelatedPerson records, and inventing those would suggest more than we know.
func named(display string) *Reference {
	if display == "" {
		return nil
	}
	return &Reference{Display: display}
}

// Relink rewrites every "Type/id" reference of r with to(type, id). A reference to already
// rewritten, or of another form, is left alone.
func Relink(r Resource, to func(typ, id string) string) {
	for _, x := range r.References() {
		typ, id, ok := strings.Cut(x.Reference, "/")
		if ok && typ != "" && id != "" && !strings.Contains(id, "/") && !strings.Contains(typ, ":") {
			x.Reference = to(typ, id)
		}
	}
}

// URN is the in-Bundle form of a reference: the urn:uuid an entry's fullUrl carries.
func URN(_, id string) string { return "urn:uuid:" + id }

// refs collects the non-nil references among rs and lists, for References methods.
func refs(one []*Reference, lists ...[]Reference) []*Reference {
	out := make([]*Reference, 0, len(one)+4)
	for _, r := range one {
		if r != nil {
			out = append(out, r)
		}
	}
	for _, l := range lists {
		for i := range l {
			out = append(out, &l[i])
		}
	}
	return out
}
