package store

import (
	"errors"
	"fmt"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// SaveContact appends a contact to a patient's contacts log and moves the patient's caseload
// entry's last-contact date on, so the "no contact for 30 days" queue is right at once. The
// log is append-only: saving a contact that is already stored fails with ErrAppendOnly. The
// contact is validated against the store's today and Validate's error is returned as it is.
func (s *Store) SaveContact(c *careplan.Contact) error {
	return withNewID(&c.ID, func() error {
		return s.update(func(w *writer) error { return w.saveContact(c) })
	})
}

// SaveContact appends a contact as Store.SaveContact does.
func (b *Batch) SaveContact(c *careplan.Contact) error {
	return b.save(&c.ID, func(w *writer) error { return w.saveContact(c) })
}

func (w *writer) saveContact(c *careplan.Contact) error {
	if err := c.Validate(careplan.DateOf(w.now)); err != nil {
		return err
	}
	id, err := parseID(c.ID)
	if err != nil {
		return err
	}
	patient, err := w.patientOnHub(c.PatientID)
	if err != nil {
		return err
	}
	if ok, err := w.recordExists(KindContact, id); err != nil || ok {
		return errors.Join(err, ErrAppendOnly)
	}
	// The detail names the kind of contact only: the note stays inside the sealed body.
	note := auditNote{patientID: c.PatientID, detail: string(c.Kind)}
	if _, err := w.putRecord(record{kind: KindContact, id: id, body: c, note: note}); err != nil {
		return err
	}
	if err := w.indexPut(bucketContactsByPatient, byPatientKey(patient, id), nil); err != nil {
		return err
	}
	if ch := w.caseloadChanged(patient); ch != nil { // applying a bundle: the entry is written at the end
		if c.On.After(ch.lastContact) {
			ch.lastContact = c.On
		}
		return nil
	}
	return updateCaseload(w.tx, w.keys, patient, func(e *careplan.CaseloadEntry) bool {
		if !c.On.After(e.LastContact) {
			return false
		}
		e.LastContact = c.On
		return true
	})
}

// Contacts returns a patient's contacts log, oldest first by the day of the contact.
func (s *Store) Contacts(patientID string) ([]careplan.Contact, error) {
	patient, err := parseID(patientID)
	if err != nil {
		return nil, err
	}
	var out []careplan.Contact
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = contactsOf(tx, s.keys, patient)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("contacts of patient %s: %w", patientID, err)
	}
	return out, nil
}

// contactsOf reads a patient's contacts, oldest first.
func contactsOf(tx *bolt.Tx, k *keys, patient uuid.UUID) ([]careplan.Contact, error) {
	ids, err := recordsOfPatient(tx, bucketContactsByPatient, patient)
	if err != nil {
		return nil, err
	}
	out := make([]careplan.Contact, 0, len(ids))
	for _, id := range ids {
		var c careplan.Contact
		if _, err := getBody(tx, k, KindContact, id, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].On.Before(out[j].On) })
	return out, nil
}

// updateCaseload reads a patient's caseload entry, lets change edit it, and writes it back only
// if change reports that it changed something, so most saves leave the caseload page clean.
func updateCaseload(tx *bolt.Tx, k *keys, patient uuid.UUID, change func(e *careplan.CaseloadEntry) bool) error {
	e, err := readCaseload(tx, k, patient)
	if err != nil {
		return err
	}
	if !change(&e) {
		return nil
	}
	return putCaseload(tx, k, e)
}

// readCaseload reads one patient's caseload entry; ErrNotFound when there is none.
func readCaseload(tx *bolt.Tx, k *keys, patient uuid.UUID) (careplan.CaseloadEntry, error) {
	b, err := bucket(tx, bucketCaseload)
	if err != nil {
		return careplan.CaseloadEntry{}, err
	}
	v := b.Get(patient[:])
	if v == nil {
		return careplan.CaseloadEntry{}, fmt.Errorf("caseload entry for %s: %w", patient, ErrNotFound)
	}
	return openOneCaseload(k, patient, v)
}
