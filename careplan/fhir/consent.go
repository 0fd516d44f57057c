package fhir

import (
	"strings"

	"carehub/careplan"
)

// ConsentResource is FHIR Consent (UK Core): the latest decision for one scope.
type ConsentResource struct {
	Base
	Status     string            `json:"status"`
	Scope      CodeableConcept   `json:"scope"`
	Category   []CodeableConcept `json:"category"`
	Patient    *Reference        `json:"patient"`
	DateTime   string            `json:"dateTime,omitempty"`
	PolicyRule CodeableConcept   `json:"policyRule"`
	Provision  *Provision        `json:"provision,omitempty"`
}

// Provision says whether the consent permits or denies, from when, and to whom.
type Provision struct {
	Type   string         `json:"type"`
	Period *Period        `json:"period,omitempty"`
	Actor  []ConsentActor `json:"actor,omitempty"`
}

// ConsentActor is someone the plan may be shared with.
type ConsentActor struct {
	Role      CodeableConcept `json:"role"`
	Reference Reference       `json:"reference"`
}

// consentStatus maps the latest decision: given is active, refused is rejected, withdrawn is
// inactive (it was in force and no longer is).
func consentStatus(d careplan.ConsentDecision) string {
	switch d {
	case careplan.ConsentGiven:
		return "active"
	case careplan.ConsentRefused:
		return "rejected"
	}
	return "inactive"
}

// consentScopeText is each carehub scope in words.
func consentScopeText(s careplan.ConsentScope) string {
	switch s {
	case careplan.ConsentToJoin:
		return "Consent to join the complex care hub"
	case careplan.ConsentToShareCarers:
		return "Consent to share the care plan with named carers"
	case careplan.ConsentToShareProfessionals:
		return "Consent to share the care plan with the professionals involved"
	}
	return string(s)
}

// MapConsents maps, for each scope with any decision, the latest one: only the latest decision
// counts (careplan.CurrentConsent), so a withdrawal shows as an inactive Consent. Joining is a
// consent to treatment; the share scopes are privacy consents. The categories are LOINC
// 59284-0 "Patient Consent" and carehub's own code for the scope: consentscope has one code
// for both kinds of sharing, and a receiver must tell sharing with professionals (what lets a
// plan reach the shared record) from sharing with carers without reading text. The policy rule
// is OPTIN, since every consent here is opt-in.
func MapConsents(p careplan.Patient, c Codes) []*ConsentResource {
	var out []*ConsentResource
	scopes := []careplan.ConsentScope{careplan.ConsentToJoin, careplan.ConsentToShareProfessionals,
		careplan.ConsentToShareCarers}
	for _, scope := range scopes {
		rec, ok := careplan.CurrentConsent(p.Consent, scope)
		if !ok {
			continue
		}
		r := &ConsentResource{
			Base:   base("Consent", derivedID(p.ID, "consent", string(scope)), ProfileConsent),
			Status: consentStatus(rec.Decision),
			Category: []CodeableConcept{coded(SystemLOINC, "59284-0", "Patient Consent"),
				coded(c.CodeSystemBase+"consent-scope", string(scope), consentScopeText(scope))},
			Patient:    ref("Patient", p.ID),
			DateTime:   rec.On.String(),
			PolicyRule: coded(systemActCode, "OPTIN", "opt-in"),
		}
		r.Scope = coded(systemConsentScp, "patient-privacy", "Privacy Consent")
		if scope == careplan.ConsentToJoin {
			r.Scope = coded(systemConsentScp, "treatment", "Treatment")
		}
		r.Scope.Text = consentScopeText(scope)
		prov := &Provision{Type: "deny", Period: &Period{Start: rec.On.String()}}
		if rec.Decision == careplan.ConsentGiven {
			prov.Type = "permit"
			for _, party := range rec.Parties {
				prov.Actor = append(prov.Actor, ConsentActor{
					Role:      coded(systemParticipant, "IRCP", "information recipient"),
					Reference: Reference{Display: partyName(party)},
				})
			}
		}
		r.Provision = prov
		out = append(out, r)
	}
	return out
}

// partyName writes who the plan may go to: "Dr A Shah (GP, Quantock Surgery)".
func partyName(s careplan.SharedWith) string {
	extra := strings.Join(nonBlank(s.Role, s.Organisation), ", ")
	if extra == "" {
		return s.Name
	}
	return s.Name + " (" + extra + ")"
}
