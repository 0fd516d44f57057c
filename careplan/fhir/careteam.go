package fhir

import (
	"strings"

	"carehub/careplan"
)

// CareTeamResource is FHIR CareTeam (UK Core draft profile).
type CareTeamResource struct {
	Base
	Status      string        `json:"status"`
	Name        string        `json:"name,omitempty"`
	Subject     *Reference    `json:"subject"`
	Participant []Participant `json:"participant,omitempty"`
}

// Participant is one member of the team and their role.
type Participant struct {
	Role       []CodeableConcept `json:"role,omitempty"`
	Member     *Reference        `json:"member,omitempty"`
	OnBehalfOf *Reference        `json:"onBehalfOf,omitempty"`
}

// careTeamID is the team's id: one team per person, so it derives from the patient.
func careTeamID(patientID string) string { return derivedID(patientID, "careteam", "") }

// MapCareTeam maps the key worker and coordinator from the patient record, then the people
// involved from the plan in force (GP, carers, other professionals), each person once, by
// name. Members are named, not referenced: carehub keeps no Practitioner records for them.
// Roles are text: the hub's roles ("key worker", "coordinator") have no code in a UK value set.
func MapCareTeam(p careplan.Patient, plan *careplan.Plan) *CareTeamResource {
	r := &CareTeamResource{
		Base:    base("CareTeam", careTeamID(p.ID), ProfileCareTeam),
		Status:  "active",
		Name:    "Complex care hub team for " + p.FullName(),
		Subject: ref("Patient", p.ID),
	}
	if !p.Status.Open() {
		r.Status = "inactive"
	}
	seen := map[string]int{} // lower-case name -> index in Participant
	add := func(name, role, org string) {
		name, org = strings.TrimSpace(name), strings.TrimSpace(org)
		if name == "" {
			return
		}
		if i, ok := seen[strings.ToLower(name)]; ok {
			// The same person listed again (the coordinator among the plan's people): keep the
			// hub role, and take the organisation if the first listing had none.
			if r.Participant[i].OnBehalfOf == nil {
				r.Participant[i].OnBehalfOf = named(org)
			}
			return
		}
		seen[strings.ToLower(name)] = len(r.Participant)
		part := Participant{Member: named(name), OnBehalfOf: named(org)}
		if role != "" {
			part.Role = []CodeableConcept{{Text: role}}
		}
		r.Participant = append(r.Participant, part)
	}
	add(p.Team.KeyWorker, string(careplan.RoleKeyWorker), "")
	add(p.Team.Coordinator, string(careplan.RoleCoordinator), "")
	if plan != nil {
		for _, who := range plan.People {
			add(who.Name, who.Role, who.Organisation)
		}
	}
	return r
}
