package store

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/myplan"
)

// SaveCheckIn records a patient's check-in on one of their goals. Check-ins are append-only:
// each gets a new id, and none is ever changed. It is audited as created, about the patient.
func (s *Store) SaveCheckIn(c *myplan.CheckIn) error {
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	id := uuid.New()
	saved.ID = id.String()
	if saved.At.IsZero() {
		saved.At = s.now()
	}
	plain, err := json.Marshal(saved)
	if err != nil {
		return err
	}
	err = s.update(func(w *writer) error {
		b, err := bucket(w.tx, bucketCheckIns)
		if err != nil {
			return err
		}
		if err := b.Put(id[:], w.keys.seal(nil, plain, id[:])); err != nil {
			return err
		}
		if err := w.indexCheckIn(id, saved.PatientID, uuid.Nil); err != nil {
			return err
		}
		return w.audit(AuditCreated, "", saved.ID, auditNote{patientID: saved.PatientID,
			detail: fmt.Sprintf("goal check-in: %s", saved.Scale.Words())})
	})
	if err == nil {
		*c = saved
	}
	return err
}

// CheckIns returns a patient's check-ins, oldest first.
func (s *Store) CheckIns(patientID string) ([]myplan.CheckIn, error) {
	pid, err := parseID(patientID)
	if err != nil {
		return nil, err
	}
	var out []myplan.CheckIn
	err = s.view(func(tx *bolt.Tx) error {
		out, err = checkInsOfPatient(tx, s.keys, pid)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, err
}

// putCheckIn stores a check-in made on another device, keeping its id, unless this store has
// it already. Check-ins are append-only, so a second copy is the same check-in.
func (w *writer) putCheckIn(c myplan.CheckIn, from uuid.UUID) (bool, error) {
	id, err := parseID(c.ID)
	if err != nil {
		return false, err
	}
	b, err := bucket(w.tx, bucketCheckIns)
	if err != nil {
		return false, err
	}
	if b.Get(id[:]) != nil {
		return false, nil
	}
	plain, err := json.Marshal(c)
	if err != nil {
		return false, err
	}
	if err := b.Put(id[:], w.keys.seal(nil, plain, id[:])); err != nil {
		return false, err
	}
	if err := w.indexCheckIn(id, c.PatientID, from); err != nil {
		return false, err
	}
	return true, w.audit(AuditCreated, "", c.ID, auditNote{patientID: c.PatientID,
		detail: fmt.Sprintf("goal check-in by sync: %s", c.Scale.Words())})
}
