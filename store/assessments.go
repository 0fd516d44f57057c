package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

// SaveAssessment records a PAM assessment. Assessments are append-only: one without an id is
// a new assessment; saving one that is already stored is allowed only to mark it entered in
// error (set InError, change nothing else), and otherwise fails with ErrAppendOnly.
func (s *Store) SaveAssessment(a *pam.Assessment) error {
	return withNewID(&a.ID, func() error {
		return s.update(func(w *writer) error { return w.saveAssessment(a) })
	})
}

func (w *writer) saveAssessment(a *pam.Assessment) error {
	if err := a.Validate(careplan.DateOf(w.now)); err != nil {
		return err
	}
	id, err := parseID(a.ID)
	if err != nil {
		return err
	}
	patient, err := w.patientOnHub(a.PatientID)
	if err != nil {
		return err
	}
	detail := fmt.Sprintf("%s %s", a.Instrument, a.Level)
	var old pam.Assessment
	_, err = w.getBody(KindAssessment, id, &old)
	switch {
	case err == nil:
		stored, next := old, *a
		stored.InError, next.InError = nil, nil
		if err := onlyMarksInError(old.InError != nil, a.InError != nil, stored, next); err != nil {
			return err
		}
		detail = "entered in error"
	case !errors.Is(err, ErrNotFound):
		return err
	}
	note := auditNote{patientID: a.PatientID, detail: detail}
	version, err := w.putRecord(record{kind: KindAssessment, id: id, body: a, note: note})
	if err != nil {
		return err
	}
	if err := w.indexOnce(bucketPAMByPatient, byPatientKey(patient, id)); err != nil {
		return err
	}
	if ch := w.caseloadChanged(patient); ch != nil { // applying a bundle: the entry is written at the end
		ch.assessmentSaved(id, *a, version)
		return nil
	}
	return refreshLastPAM(w.tx, w.keys, patient)
}

// onlyMarksInError checks that an update to a stored append-only record (a PAM assessment or an
// outcome record) does nothing but mark it entered in error for the first time. stored and next
// are the two versions with their in-error marks cleared; wasMarked and isMarked say whether
// each had one. Comparing the JSON of everything else is exact and does not depend on how the
// fields are compared in memory.
func onlyMarksInError(wasMarked, isMarked bool, stored, next any) error {
	if wasMarked || !isMarked {
		return ErrAppendOnly
	}
	a, err := json.Marshal(stored)
	if err != nil {
		return err
	}
	b, err := json.Marshal(next)
	if err != nil {
		return err
	}
	if !bytes.Equal(a, b) {
		return ErrAppendOnly
	}
	return nil
}

// Assessments returns a patient's PAM assessments, including any entered in error, oldest
// first by the day they were taken.
func (s *Store) Assessments(patientID string) ([]pam.Assessment, error) {
	patient, err := parseID(patientID)
	if err != nil {
		return nil, err
	}
	var out []pam.Assessment
	err = s.view(func(tx *bolt.Tx) error {
		ids, err := recordsOfPatient(tx, bucketPAMByPatient, patient)
		if err != nil {
			return err
		}
		for _, id := range ids {
			var a pam.Assessment
			if _, err := getBody(tx, s.keys, KindAssessment, id, &a); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].TakenOn.Before(out[j].TakenOn) })
	return out, err
}
