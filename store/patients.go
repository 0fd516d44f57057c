package store

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// SavePatient creates or updates a patient. A patient without an id gets a new one. The
// patient is validated first, and Validate's error is returned as it is, so callers can test
// it with errors.Is for each problem. A second patient with the same NHS number is refused
// with ErrDuplicateNHS. The record, its caseload entry, the change-log entry and the audit
// entry are written in one transaction.
func (s *Store) SavePatient(p *careplan.Patient) error {
	return withNewID(&p.ID, func() error {
		return s.update(func(w *writer) error { return w.savePatient(p) })
	})
}

func (w *writer) savePatient(p *careplan.Patient) error {
	if err := p.Validate(careplan.DateOf(w.now)); err != nil {
		return err
	}
	id, err := parseID(p.ID)
	if err != nil {
		return err
	}
	var old careplan.Patient
	_, err = w.getBody(KindPatient, id, &old)
	existed := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if err := w.indexNHS(id, p.NHSNumber, old.NHSNumber, existed); err != nil {
		return err
	}
	note := auditNote{patientID: p.ID, detail: "status " + string(p.Status)}
	if _, err := w.putRecord(record{kind: KindPatient, id: id, body: p, note: note}); err != nil {
		return err
	}
	// A death that arrives by sync had its open actions closed on the device that recorded it,
	// and that plan travels in the same bundle.
	if existed && !w.syncing() && old.Status != careplan.StatusDied && p.Status == careplan.StatusDied {
		if err := w.closeActionsOnDeath(id, diedOn(p, careplan.DateOf(w.now))); err != nil {
			return err
		}
	}
	if ch := w.caseloadChanged(id); ch != nil { // applying a bundle: the entry is written at the end
		ch.patientSaved(*p, existed)
		w.later.onHub[id] = true // stored just now, live: what follows about them need not look
		return nil
	}
	current, err := currentPlan(w.tx, w.keys, id, nil)
	if err != nil {
		return err
	}
	entry := careplan.CaseloadEntryFor(*p, current)
	if existed {
		// The last contact and PAM come from other records: keep what their saves wrote.
		prev, err := readCaseload(w.tx, w.keys, id)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		entry.LastContact, entry.LastPAM = prev.LastContact, prev.LastPAM
	}
	return putCaseload(w.tx, w.keys, entry)
}

// indexNHS points the NHS-number index at patient id, refusing a number another patient has.
func (w *writer) indexNHS(id uuid.UUID, n, was careplan.NHSNumber, existed bool) error {
	key := w.keys.nhsIndexKey(n)
	owner, err := w.indexGet(bucketNHSIndex, key)
	if err != nil {
		return err
	}
	if owner != nil && !bytes.Equal(owner, id[:]) {
		return ErrDuplicateNHS
	}
	if existed && was != n {
		if err := w.indexDelete(bucketNHSIndex, w.keys.nhsIndexKey(was)); err != nil {
			return err
		}
	}
	return w.indexPut(bucketNHSIndex, key, id[:])
}

// Patient returns a patient's full record. Every call is audited as a view.
func (s *Store) Patient(id string) (careplan.Patient, error) {
	uid, err := parseID(id)
	if err != nil {
		return careplan.Patient{}, err
	}
	return s.viewPatient(uid, "")
}

// PatientByNHS finds a patient by NHS number, through the index of NHS-number HMACs. A found
// patient is audited as a view.
func (s *Store) PatientByNHS(n careplan.NHSNumber) (careplan.Patient, error) {
	var id uuid.UUID
	err := s.view(func(tx *bolt.Tx) error {
		idx, err := bucket(tx, bucketNHSIndex)
		if err != nil {
			return err
		}
		v := idx.Get(s.keys.nhsIndexKey(n))
		if len(v) != len(id) {
			return fmt.Errorf("NHS number %s: %w", n.Display(), ErrNotFound)
		}
		copy(id[:], v)
		return nil
	})
	if err != nil {
		return careplan.Patient{}, err
	}
	return s.viewPatient(id, "found by NHS number")
}

// viewPatient reads a patient and appends the "viewed" audit entry in the same transaction, so
// no read escapes the audit.
func (s *Store) viewPatient(id uuid.UUID, detail string) (careplan.Patient, error) {
	var p careplan.Patient
	err := s.update(func(w *writer) error {
		if _, err := getBody(w.tx, w.keys, KindPatient, id, &p); err != nil {
			return err
		}
		return w.audit(AuditViewed, KindPatient, p.ID, auditNote{patientID: p.ID, detail: detail})
	})
	return p, err
}

// CareTeam returns who looks after a patient, for deciding whether the signed-in account may
// change their record. It is not audited as a view: nothing of the record is shown to anyone.
func (s *Store) CareTeam(patientID string) (careplan.CareTeam, error) {
	uid, err := parseID(patientID)
	if err != nil {
		return careplan.CareTeam{}, err
	}
	var p careplan.Patient
	err = s.view(func(tx *bolt.Tx) error {
		_, err := getBody(tx, s.keys, KindPatient, uid, &p)
		return err
	})
	return p.Team, err
}
