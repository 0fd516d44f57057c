package store

import (
	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

// The work queues need, in each caseload entry, facts that live in other records: the last
// contact (contacts log) and the last PAM that counts (assessments). The saves of those records
// keep the entry up to date; these read the facts back when an entry is built afresh.

// latestPAM is the day of a patient's latest PAM that counts, or the zero Date.
func latestPAM(tx *bolt.Tx, k *keys, patient uuid.UUID) (careplan.Date, error) {
	return latestPAMKnown(tx, k, patient, func(uuid.UUID) (pam.Assessment, bool) { return pam.Assessment{}, false })
}

// latestPAMKnown is latestPAM, taking from known the assessments it already holds decoded.
func latestPAMKnown(tx *bolt.Tx, k *keys, patient uuid.UUID, known func(id uuid.UUID) (pam.Assessment, bool)) (careplan.Date, error) {
	ids, err := recordsOfPatient(tx, bucketPAMByPatient, patient)
	if err != nil {
		return careplan.Date{}, err
	}
	all := make([]pam.Assessment, 0, len(ids))
	for _, id := range ids {
		if a, ok := known(id); ok {
			all = append(all, a)
			continue
		}
		var a pam.Assessment
		if _, err := getBody(tx, k, KindAssessment, id, &a); err != nil {
			return careplan.Date{}, err
		}
		all = append(all, a)
	}
	if last, ok := pam.Latest(all); ok {
		return last.TakenOn, nil
	}
	return careplan.Date{}, nil
}

// refreshLastPAM sets a patient's caseload entry's last PAM after an assessment was saved or
// marked entered in error.
func refreshLastPAM(tx *bolt.Tx, k *keys, patient uuid.UUID) error {
	last, err := latestPAM(tx, k, patient)
	if err != nil {
		return err
	}
	return updateCaseload(tx, k, patient, func(e *careplan.CaseloadEntry) bool {
		if e.LastPAM == last {
			return false
		}
		e.LastPAM = last
		return true
	})
}

// queueFacts fills an entry's last contact and last PAM from the patient's records.
func queueFacts(tx *bolt.Tx, k *keys, patient uuid.UUID, e *careplan.CaseloadEntry) error {
	contacts, err := contactsOf(tx, k, patient)
	if err != nil {
		return err
	}
	e.LastContact = careplan.LatestContact(contacts)
	e.LastPAM, err = latestPAM(tx, k, patient)
	return err
}

// closeActionsOnDeath drops the open actions of a patient's draft plans when they have died
// (careplan.CloseActionsOnDeath), saving each changed draft in the same transaction as the
// status change. Agreed versions are locked and stay as agreed.
func (w *writer) closeActionsOnDeath(patient uuid.UUID, on careplan.Date) error {
	plans, err := plansOf(w.tx, w.keys, patient, nil)
	if err != nil {
		return err
	}
	for _, sp := range plans {
		p := sp.plan
		if closed, ok := careplan.CloseActionsOnDeath(&p, on); ok && closed > 0 {
			if err := w.savePlan(&p); err != nil {
				return err
			}
		}
	}
	return nil
}

// diedOn is the day a patient's death was recorded: the latest status change to died, or today.
func diedOn(p *careplan.Patient, today careplan.Date) careplan.Date {
	for i := len(p.History) - 1; i >= 0; i-- {
		if p.History[i].To == careplan.StatusDied && !p.History[i].On.IsZero() {
			return p.History[i].On
		}
	}
	return today
}
