package store

import "carehub/careplan/demo"

// SavePerson saves one demo person in the batch: their patient record, then their plans, PAM
// assessments, outcomes and contacts, each under that patient record. The app's demo data and
// the store's own tests of demo stores load people this one way.
func (b *Batch) SavePerson(p demo.Person) error {
	if err := b.SavePatient(&p.Patient); err != nil {
		return err
	}
	for i := range p.Plans {
		p.Plans[i].PatientID = p.Patient.ID
		if err := b.SavePlan(&p.Plans[i]); err != nil {
			return err
		}
	}
	for i := range p.Assessments {
		p.Assessments[i].PatientID = p.Patient.ID
		if err := b.SaveAssessment(&p.Assessments[i]); err != nil {
			return err
		}
	}
	for i := range p.Outcomes {
		p.Outcomes[i].PatientID = p.Patient.ID
		if err := b.SaveOutcome(&p.Outcomes[i]); err != nil {
			return err
		}
	}
	for i := range p.Contacts {
		p.Contacts[i].PatientID = p.Patient.ID
		if err := b.SaveContact(&p.Contacts[i]); err != nil {
			return err
		}
	}
	return nil
}
