package fhir

import (
	"strings"

	"carehub/careplan"
)

// PatientResource is FHIR Patient (UK Core).
type PatientResource struct {
	Base
	Extension           []Extension      `json:"extension,omitempty"`
	Identifier          []Identifier     `json:"identifier"`
	Active              bool             `json:"active"`
	Name                []HumanName      `json:"name,omitempty"`
	Telecom             []ContactPoint   `json:"telecom,omitempty"`
	BirthDate           string           `json:"birthDate,omitempty"`
	DeceasedBoolean     bool             `json:"deceasedBoolean,omitempty"`
	Address             []Address        `json:"address,omitempty"`
	Contact             []PatientContact `json:"contact,omitempty"`
	Communication       []Communication  `json:"communication,omitempty"`
	GeneralPractitioner []Reference      `json:"generalPractitioner,omitempty"`
}

// PatientContact is a carer, as Patient.contact.
type PatientContact struct {
	Relationship []CodeableConcept `json:"relationship,omitempty"`
	Name         *HumanName        `json:"name,omitempty"`
	Telecom      []ContactPoint    `json:"telecom,omitempty"`
}

// Communication is a language the person speaks. carehub sends the interpreter need as UK
// Core's NHSCommunication extension instead (communication).
type Communication struct {
	Language CodeableConcept `json:"language"`
}

// MapPatient maps the patient record. Active means the hub is still working with the person.
func MapPatient(p careplan.Patient) *PatientResource {
	r := &PatientResource{
		Base:       base("Patient", p.ID, ProfilePatient),
		Identifier: []Identifier{{Extension: nhsNumberStatus(), System: SystemNHSNumber, Value: string(p.NHSNumber)}},
		Active:     p.Status.Open(),
		Name: []HumanName{{Use: "official", Family: p.FamilyName, Given: nonEmpty(p.GivenName),
			Text: p.FullName()}},
		BirthDate:       p.DateOfBirth.String(),
		DeceasedBoolean: p.Status == careplan.StatusDied,
	}
	if pref := strings.TrimSpace(p.PreferredName); pref != "" && pref != p.GivenName {
		r.Name = append(r.Name, HumanName{Use: "usual", Given: []string{pref}})
	}
	r.Telecom = telecom(p.Contact.Phone, p.Contact.Email)
	if p.Contact.Address != "" || p.Contact.Postcode != "" {
		r.Address = []Address{{Use: "home", Text: p.Contact.Address, PostalCode: p.Contact.Postcode}}
	}
	for _, c := range p.Carers {
		pc := PatientContact{Name: &HumanName{Text: c.Name}, Telecom: telecom(c.Phone, "")}
		rel := "carer"
		if c.Relationship != "" {
			rel = "carer (" + c.Relationship + ")"
		}
		pc.Relationship = []CodeableConcept{{Text: rel}}
		r.Contact = append(r.Contact, pc)
	}
	r.Extension = communication(p.Needs)
	if p.Practice.ODSCode != "" || p.Practice.Name != "" {
		gp := Reference{Display: p.Practice.Name}
		if p.Practice.ODSCode != "" {
			gp.Identifier = &Identifier{System: SystemODS, Value: p.Practice.ODSCode}
		}
		r.GeneralPractitioner = []Reference{gp}
	}
	return r
}

// telecom lists whichever of a phone number and an email address are known. A UK mobile
// number (07…) is use mobile; any other phone number is the home line.
func telecom(phone, email string) []ContactPoint {
	var out []ContactPoint
	if phone = strings.TrimSpace(phone); phone != "" {
		use := "home"
		if isMobile(phone) {
			use = "mobile"
		}
		out = append(out, ContactPoint{System: "phone", Value: phone, Use: use})
	}
	if email = strings.TrimSpace(email); email != "" {
		out = append(out, ContactPoint{System: "email", Value: email, Use: "home"})
	}
	return out
}

func nonEmpty(s string) []string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return []string{s}
}
