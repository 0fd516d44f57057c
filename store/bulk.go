package store

import (
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// PatientRecords is one person's records as a bulk export needs them.
type PatientRecords struct {
	Patient  careplan.Patient
	Plans    []careplan.Plan // every version, oldest first
	Contacts []careplan.Contact
}

// EachPatient calls fn with every patient's records, one at a time, inside one read
// transaction, so a whole-hub export sees one consistent moment and holds one person in memory
// at a time. Like AllAssessments it is not audited per patient: a bulk export is one event,
// which the caller records with RecordEvent (30,000 "viewed" entries would bury the audit and
// cost a disk flush each). fn must not keep the records' byte slices; it gets decoded values.
func (s *Store) EachPatient(fn func(r PatientRecords) error) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindPatient, func(e envelope) error {
			var p careplan.Patient
			if err := unmarshalBody(e, &p); err != nil {
				return err
			}
			id, err := uuid.Parse(p.ID)
			if err != nil {
				return fmt.Errorf("patient record %s: %w", e.id, ErrBadID)
			}
			stored, err := plansOf(tx, s.keys, id, nil)
			if err != nil {
				return err
			}
			plans := make([]careplan.Plan, len(stored))
			for i, sp := range stored {
				plans[i] = sp.plan
			}
			contacts, err := contactsOf(tx, s.keys, id)
			if err != nil {
				return err
			}
			return fn(PatientRecords{Patient: p, Plans: plans, Contacts: contacts})
		})
	})
	if err != nil {
		return fmt.Errorf("reading every patient: %w", err)
	}
	return nil
}
