package fhir

// The FHIR R4 data types the mappers use, as plain structs so encoding/json writes them
// without reflection over maps, and omitempty keeps absent elements out (FHIR forbids empty
// objects and arrays).

// Meta carries the profiles a resource claims to conform to.
type Meta struct {
	Profile []string `json:"profile,omitempty"`
}

// Coding is one code from one code system.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is a concept as codes and, always, the words for it.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Identifier is a business identifier such as an NHS number or an ODS code. Extension carries
// UK Core's NHS number verification status on an NHS number.
type Identifier struct {
	Extension []Extension `json:"extension,omitempty"`
	System    string      `json:"system,omitempty"`
	Value     string      `json:"value,omitempty"`
}

// Reference points at another resource (Reference, a urn:uuid inside the Bundle), at a
// business identifier, or only names someone (Display) who has no resource of their own.
type Reference struct {
	Reference  string      `json:"reference,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

// Period is a span of time; either end may be open.
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// Extension is a value FHIR has no element for, named by its definition's URL. A complex
// extension (UK Core's NHSCommunication) has sub-extensions instead of a value.
type Extension struct {
	URL                  string           `json:"url"`
	Extension            []Extension      `json:"extension,omitempty"`
	ValueDate            string           `json:"valueDate,omitempty"`
	ValueInteger         *int             `json:"valueInteger,omitempty"`
	ValueBoolean         *bool            `json:"valueBoolean,omitempty"`
	ValueCodeableConcept *CodeableConcept `json:"valueCodeableConcept,omitempty"`
}

// Annotation is a free-text note.
type Annotation struct {
	Text string `json:"text"`
}

// HumanName is a person's name.
type HumanName struct {
	Use    string   `json:"use,omitempty"`
	Text   string   `json:"text,omitempty"`
	Family string   `json:"family,omitempty"`
	Given  []string `json:"given,omitempty"`
}

// ContactPoint is a phone number or an email address.
type ContactPoint struct {
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
	Use    string `json:"use,omitempty"`
}

// Address is a postal address; carehub keeps the lines as one text and the postcode apart.
type Address struct {
	Use        string `json:"use,omitempty"`
	Text       string `json:"text,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
}

// Quantity is a measured amount with its UCUM unit.
type Quantity struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit,omitempty"`
	System string  `json:"system,omitempty"`
	Code   string  `json:"code,omitempty"`
}

// Duration is a length of time (a Quantity in UCUM time units).
type Duration = Quantity

// intp returns a pointer to n, for optional integer elements where 0 is a real value.
func intp(n int) *int { return &n }

// boolp returns a pointer to b, for optional booleans where false is a real value.
func boolp(b bool) *bool { return &b }
