package store

import (
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Indexes: the NHS-number index (HMAC of the number → patient id) and the by-patient indexes
// (patient id ‖ record id → nothing) every save keeps. Saves reach them through the writer,
// which makes each write at once, or, while a bundle is applied, holds it back and makes it
// once in key order at the end of the transaction (syncdefer.go).

// indexGet reads key from an index bucket, pending writes first.
func (w *writer) indexGet(name string, key []byte) ([]byte, error) {
	if w.later != nil {
		if v, ok := w.later.index[name][string(key)]; ok {
			if v.deleted {
				return nil, nil
			}
			return append([]byte{}, v.value...), nil // never nil: the key is there
		}
	}
	b, err := bucket(w.tx, name)
	if err != nil {
		return nil, err
	}
	return b.Get(key), nil
}

// indexPut writes key to an index bucket, or keeps it for flush.
func (w *writer) indexPut(name string, key, value []byte) error {
	return w.indexWrite(name, key, indexValue{value: value})
}

// indexDelete removes key from an index bucket, or keeps the removal for flush.
func (w *writer) indexDelete(name string, key []byte) error {
	return w.indexWrite(name, key, indexValue{deleted: true})
}

func (w *writer) indexWrite(name string, key []byte, v indexValue) error {
	b, err := bucket(w.tx, name) // a missing bucket fails at once, as it would without deferring
	if err != nil {
		return err
	}
	if w.later == nil {
		if v.deleted {
			return b.Delete(key)
		}
		return b.Put(key, v.value)
	}
	pending := w.later.index[name]
	if pending == nil {
		pending = map[string]indexValue{}
		w.later.index[name] = pending
	}
	pending[string(key)] = v
	return nil
}

// indexOnce adds key (with no value) to an index bucket unless it is there already, so an
// edit leaves the index's page clean. While a bundle is applied the write is held back and made
// in key order at the end anyway, and putting a key that is there already changes nothing:
// the lookup is skipped.
func (w *writer) indexOnce(name string, key []byte) error {
	if w.later != nil {
		return w.indexPut(name, key, nil)
	}
	v, err := w.indexGet(name, key)
	if err != nil || v != nil {
		return err
	}
	return w.indexPut(name, key, nil)
}

// byPatientKey is a key in a by-patient index: patient id then record id, so one prefix scan
// finds a patient's records.
func byPatientKey(patient, record uuid.UUID) []byte {
	return append(append(make([]byte, 0, 32), patient[:]...), record[:]...)
}

// recordsOfPatient lists the ids in a by-patient index for one patient.
func recordsOfPatient(tx *bolt.Tx, index string, patient uuid.UUID) ([]uuid.UUID, error) {
	b, err := bucket(tx, index)
	if err != nil {
		return nil, err
	}
	var ids []uuid.UUID
	c := b.Cursor()
	for k, _ := c.Seek(patient[:]); len(k) == 32 && uuid.UUID(k[:16]) == patient; k, _ = c.Next() {
		ids = append(ids, uuid.UUID(k[16:]))
	}
	return ids, nil
}

// patientIDOf checks that a record's patient id is well formed and that the patient is on the
// hub, so no plan or assessment is ever stored for nobody.
func patientIDOf(tx *bolt.Tx, patientID string) (uuid.UUID, error) {
	pid, err := parseID(patientID)
	if err != nil {
		return pid, fmt.Errorf("patient id: %w", err)
	}
	ok, err := recordExists(tx, KindPatient, pid)
	if err != nil {
		return pid, err
	}
	if !ok {
		return pid, fmt.Errorf("patient %s: %w", pid, ErrNotFound)
	}
	return pid, nil
}

// patientOnHub is patientIDOf for a save in this transaction. While a bundle is applied it
// remembers the patients it has found, as every plan, PAM, outcome and contact looks up its
// patient; putRecord forgets a patient whenever their record is written.
func (w *writer) patientOnHub(patientID string) (uuid.UUID, error) {
	if w.later == nil {
		return patientIDOf(w.tx, patientID)
	}
	if pid, err := parseID(patientID); err == nil && w.later.onHub[pid] {
		return pid, nil
	}
	pid, err := patientIDOf(w.tx, patientID)
	if err == nil {
		w.later.onHub[pid] = true
	}
	return pid, err
}
