package store

import (
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
)

// SaveOutcome records an outcome measurement (frailty, loneliness or wellbeing). Outcome records
// are append-only, like PAM assessments: one without an id is a new record; saving one that is
// already stored is allowed only to mark it entered in error (set InError, change nothing
// else), and otherwise fails with ErrAppendOnly. The record is validated against the store's
// today, and Validate's error is returned as it is, so callers can test it with errors.Is.
func (s *Store) SaveOutcome(r *outcomes.Record) error {
	return withNewID(&r.ID, func() error {
		return s.update(func(w *writer) error { return w.saveOutcome(r) })
	})
}

func (w *writer) saveOutcome(r *outcomes.Record) error {
	if err := r.Validate(careplan.DateOf(w.now)); err != nil {
		return err
	}
	id, err := parseID(r.ID)
	if err != nil {
		return err
	}
	patient, err := w.patientOnHub(r.PatientID)
	if err != nil {
		return err
	}
	// The detail names the measure only: the answers themselves stay inside the sealed body.
	detail := string(r.Measure)
	var old outcomes.Record
	_, err = w.getBody(KindOutcome, id, &old)
	switch {
	case err == nil:
		stored, next := old, *r
		stored.InError, next.InError = nil, nil
		if err := onlyMarksInError(old.InError != nil, r.InError != nil, stored, next); err != nil {
			return err
		}
		detail = "entered in error"
	case !errors.Is(err, ErrNotFound):
		return err
	}
	note := auditNote{patientID: r.PatientID, detail: detail}
	if _, err := w.putRecord(record{kind: KindOutcome, id: id, body: r, note: note}); err != nil {
		return err
	}
	return w.indexOnce(bucketOutcomesByPatient, byPatientKey(patient, id))
}

// Outcomes returns a patient's outcome records of every measure, including any entered in
// error, oldest first by the day they were taken.
func (s *Store) Outcomes(patientID string) ([]outcomes.Record, error) {
	patient, err := parseID(patientID)
	if err != nil {
		return nil, err
	}
	var out []outcomes.Record
	err = s.view(func(tx *bolt.Tx) error {
		ids, err := recordsOfPatient(tx, bucketOutcomesByPatient, patient)
		if err != nil {
			return err
		}
		for _, id := range ids {
			var r outcomes.Record
			if _, err := getBody(tx, s.keys, KindOutcome, id, &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("outcomes of patient %s: %w", patientID, err)
	}
	sortOutcomes(out)
	return out, nil
}

// sortOutcomes puts records oldest first by the day taken; records of one day keep their order.
func sortOutcomes(rs []outcomes.Record) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].TakenOn.Before(rs[j].TakenOn) })
}
