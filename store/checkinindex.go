package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/myplan"
)

// The goal check-ins are indexed by patient, as plans and PAMs are, so a person's summary reads
// only their own rather than unsealing every check-in the hub holds.

// createCheckInIndex adds the by-patient index of goal check-ins (schema step 8). It is filled
// by indexCheckIns at the next unlock, because a migration runs before the key is known.
func createCheckInIndex(tx *bolt.Tx) error {
	for _, name := range []string{bucketCheckInsByPatient, bucketCheckInArrivals} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// indexAllCheckIns fills the check-in indexes once, for a store whose check-ins were saved
// before they existed (finishUnlock): each check-in is filed under its patient, and as arriving
// now, so the next bundle to each hub laptop carries it once more (it cannot tell which it had).
// It records that it is done, so later unlocks only read one byte.
func (w *writer) indexAllCheckIns() error {
	err := eachCheckIn(w.tx, w.keys, func(id uuid.UUID, c myplan.CheckIn) error {
		if _, err := parseID(c.PatientID); err != nil {
			return nil // names nobody on any hub: it could never be shown, and must not stop the unlock
		}
		return w.indexCheckIn(id, c.PatientID, uuid.Nil)
	})
	if err != nil {
		return err
	}
	meta, err := bucket(w.tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaCheckInIndex), []byte{1})
}

// indexCheckIn files check-in id under its patient, and as arriving now from device from
// (uuid.Nil: made or first stored here), for the next bundles to hub laptops.
func (w *writer) indexCheckIn(id uuid.UUID, patientID string, from uuid.UUID) error {
	pid, err := parseID(patientID)
	if err != nil {
		return fmt.Errorf("a goal check-in names no patient: %w", err)
	}
	b, err := bucket(w.tx, bucketCheckInsByPatient)
	if err != nil {
		return err
	}
	if err := b.Put(byPatientKey(pid, id), nil); err != nil {
		return err
	}
	arrivals, err := bucket(w.tx, bucketCheckInArrivals)
	if err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint64(make([]byte, 0, changeKeySize), w.clock.next(w.now))
	var came []byte
	if from != uuid.Nil {
		came = from[:]
	}
	return arrivals.Put(append(key, id[:]...), came)
}

// checkInsArrivedFor reads the check-ins that arrived after change-log position since, less
// those that came from peer itself: what a bundle to that hub laptop carries.
func checkInsArrivedFor(tx *bolt.Tx, k *keys, since uint64, peer uuid.UUID) ([]myplan.CheckIn, error) {
	arrivals, err := bucket(tx, bucketCheckInArrivals)
	if err != nil {
		return nil, err
	}
	b, err := bucket(tx, bucketCheckIns)
	if err != nil {
		return nil, err
	}
	var out []myplan.CheckIn
	seen := map[uuid.UUID]bool{}
	c := arrivals.Cursor()
	for key, from := c.Seek(binary.BigEndian.AppendUint64(nil, since+1)); key != nil; key, from = c.Next() {
		if len(key) != changeKeySize {
			return nil, fmt.Errorf("a check-in arrival entry is damaged (%d bytes)", len(key))
		}
		id := uuid.UUID(key[8:])
		if seen[id] || bytes.Equal(from, peer[:]) {
			continue
		}
		seen[id] = true
		v := b.Get(id[:])
		if v == nil {
			continue // wiped since it arrived
		}
		ci, err := openCheckIn(k, id[:], v)
		if err != nil {
			return nil, err
		}
		out = append(out, ci)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
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
