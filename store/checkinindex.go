package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/myplan"
)

// The goal check-ins are indexed by patient, as plans and PAMs are, so a person's summary reads
// only their own rather than unsealing every check-in the hub holds.

// createCheckInIndex adds the by-patient index of goal check-ins (schema step 8). It is filled
// by indexCheckIns at the next unlock, because a migration runs before the key is known.
func createCheckInIndex(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketCheckInsByPatient)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketCheckInsByPatient, err)
	}
	return nil
}

// indexCheckIns fills the check-in index once, for a store whose check-ins were saved before it
// existed. The meta key records that it is done, so later unlocks only read one byte.
func (s *Store) indexCheckIns() error {
	var done bool
	err := s.db.View(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		done = bytes.Equal(meta.Get([]byte(metaCheckInIndex)), []byte{1})
		return nil
	})
	if err != nil || done {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		err := eachCheckIn(tx, s.keys, func(id uuid.UUID, c myplan.CheckIn) error {
			if _, err := parseID(c.PatientID); err != nil {
				return nil // names nobody on any hub: it could never be shown, and must not stop the unlock
			}
			return indexCheckIn(tx, id, c.PatientID)
		})
		if err != nil {
			return err
		}
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		return meta.Put([]byte(metaCheckInIndex), []byte{1})
	})
}

// indexCheckIn records check-in id under its patient.
func indexCheckIn(tx *bolt.Tx, id uuid.UUID, patientID string) error {
	pid, err := parseID(patientID)
	if err != nil {
		return fmt.Errorf("a goal check-in names no patient: %w", err)
	}
	b, err := bucket(tx, bucketCheckInsByPatient)
	if err != nil {
		return err
	}
	return b.Put(byPatientKey(pid, id), nil)
}

// eachCheckIn unseals every stored check-in, in key order.
func eachCheckIn(tx *bolt.Tx, k *keys, fn func(uuid.UUID, myplan.CheckIn) error) error {
	b, err := bucket(tx, bucketCheckIns)
	if err != nil {
		return err
	}
	return b.ForEach(func(key, v []byte) error {
		c, err := openCheckIn(k, key, v)
		if err != nil {
			return err
		}
		return fn(uuid.UUID(key), c)
	})
}

// checkInsOfPatient unseals one person's check-ins through the index.
func checkInsOfPatient(tx *bolt.Tx, k *keys, pid uuid.UUID) ([]myplan.CheckIn, error) {
	ids, err := recordsOfPatient(tx, bucketCheckInsByPatient, pid)
	if err != nil {
		return nil, err
	}
	b, err := bucket(tx, bucketCheckIns)
	if err != nil {
		return nil, err
	}
	out := make([]myplan.CheckIn, 0, len(ids))
	for _, id := range ids {
		v := b.Get(id[:])
		if v == nil {
			return nil, fmt.Errorf("a goal check-in in the index is missing (%s)", id)
		}
		c, err := openCheckIn(k, id[:], v)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// openCheckIn unseals one stored check-in.
func openCheckIn(k *keys, key, sealed []byte) (myplan.CheckIn, error) {
	var c myplan.CheckIn
	plain, err := k.open(nil, sealed, key)
	if err != nil {
		return c, fmt.Errorf("a goal check-in cannot be read: it does not decrypt")
	}
	if err := json.Unmarshal(plain, &c); err != nil {
		return c, fmt.Errorf("a goal check-in cannot be read: %w", err)
	}
	return c, nil
}
