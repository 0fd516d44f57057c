package fhir

import "carehub/careplan"

// ConditionResource is FHIR Condition (UK Core): one long-term condition.
type ConditionResource struct {
	Base
	ClinicalStatus     CodeableConcept   `json:"clinicalStatus"`
	VerificationStatus CodeableConcept   `json:"verificationStatus"`
	Category           []CodeableConcept `json:"category"`
	Code               CodeableConcept   `json:"code"`
	Subject            *Reference        `json:"subject"`
	RecordedDate       string            `json:"recordedDate,omitempty"`
}

// MapConditions maps the person's long-term conditions, SNOMED CT coded. carehub records a
// condition as a fact the practice gave at nomination, so each is active, confirmed, on the
// problem list and recorded on the nomination date.
func MapConditions(p careplan.Patient) []*ConditionResource {
	out := make([]*ConditionResource, 0, len(p.Conditions))
	for _, code := range p.Conditions {
		term := careplan.ConditionTerm(code)
		coding := Coding{System: SystemSNOMED, Code: code}
		if t, known := SNOMEDTerm(code); known {
			coding.Display = t // SNOMED CT's term; the hub's own words are code.text
		}
		out = append(out, &ConditionResource{
			Base:               base("Condition", derivedID(p.ID, "condition", code), ProfileCondition),
			ClinicalStatus:     coded(systemClinical, "active", "Active"),
			VerificationStatus: coded(systemVerified, "confirmed", "Confirmed"),
			Category:           []CodeableConcept{coded(systemCondCat, "problem-list-item", "Problem List Item")},
			Code:               CodeableConcept{Coding: []Coding{coding}, Text: term},
			Subject:            ref("Patient", p.ID),
			RecordedDate:       p.Nomination.On.String(),
		})
	}
	return out
}
