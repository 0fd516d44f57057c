package fhir

// Each resource lists its references so a writer can rewrite them for its layout (Relink).
// A reference that only names someone (Display, no Reference) is included too: Relink leaves
// it alone, since it has no "Type/id" to rewrite.

// References of the Patient: the GP practice is a logical reference by ODS code, not "Type/id".
func (r *PatientResource) References() []*Reference { return nil }

// References of a Condition: its subject.
func (r *ConditionResource) References() []*Reference { return refs([]*Reference{r.Subject}) }

// References of a Goal: its subject.
func (r *GoalResource) References() []*Reference { return refs([]*Reference{r.Subject}) }

// References of a CareTeam: its subject.
func (r *CareTeamResource) References() []*Reference { return refs([]*Reference{r.Subject}) }

// References of a Consent: its patient.
func (r *ConsentResource) References() []*Reference { return refs([]*Reference{r.Patient}) }

// References of an Observation: its subject.
func (r *ObservationResource) References() []*Reference { return refs([]*Reference{r.Subject}) }

// References of an Encounter: its subject.
func (r *EncounterResource) References() []*Reference { return refs([]*Reference{r.Subject}) }

// References of a CarePlan: subject, care team, conditions, goals, supporting information,
// and each activity's goal and performers.
func (r *CarePlanResource) References() []*Reference {
	out := refs([]*Reference{r.Subject}, r.CareTeam, r.Addresses, r.Goal, r.SupportingInfo)
	for i := range r.Activity {
		d := &r.Activity[i].Detail
		out = append(out, refs(nil, d.Goal, d.Performer)...)
	}
	return out
}
