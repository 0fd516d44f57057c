package fhir

import "carehub/careplan"

// EncounterResource is FHIR Encounter (UK Core): one entry of the contacts log.
type EncounterResource struct {
	Base
	Status      string                 `json:"status"`
	Class       Coding                 `json:"class"`
	Type        []CodeableConcept      `json:"type,omitempty"`
	Subject     *Reference             `json:"subject"`
	Participant []EncounterParticipant `json:"participant,omitempty"`
	Period      *Period                `json:"period,omitempty"`
	Length      *Duration              `json:"length,omitempty"`
}

// EncounterParticipant is who made the contact.
type EncounterParticipant struct {
	Individual *Reference `json:"individual,omitempty"`
}

// encounterClass maps how the contact was made to the v3 ActCode encounter classes: a home
// visit is home health, a phone call virtual, a clinic ambulatory. An MDT discussion happens
// without the person; it is sent as ambulatory with its type saying what it was.
func encounterClass(k careplan.ContactKind) Coding {
	switch k {
	case careplan.ContactHomeVisit:
		return Coding{System: systemActCode, Code: "HH", Display: "home health"}
	case careplan.ContactPhone:
		return Coding{System: systemActCode, Code: "VR", Display: "virtual"}
	}
	return Coding{System: systemActCode, Code: "AMB", Display: "ambulatory"}
}

// MapEncounter maps one contact: a finished encounter on its day, its length in minutes, and
// who made it. The contact's note is not sent: R4 Encounter has no note element, and the log's
// note is a working summary for the hub, not part of a shared record.
func MapEncounter(patientID string, c careplan.Contact) *EncounterResource {
	r := &EncounterResource{
		Base:    base("Encounter", recordID(patientID, "contact", c.ID), ProfileEncounter),
		Status:  "finished",
		Class:   encounterClass(c.Kind),
		Type:    []CodeableConcept{{Text: c.Kind.Label()}},
		Subject: ref("Patient", patientID),
	}
	if !c.On.IsZero() {
		r.Period = &Period{Start: c.On.String(), End: c.On.String()}
	}
	if c.Minutes > 0 {
		r.Length = &Duration{Value: float64(c.Minutes), Unit: "min", System: SystemUCUM, Code: "min"}
	}
	if who := named(c.By); who != nil {
		r.Participant = []EncounterParticipant{{Individual: who}}
	}
	return r
}
