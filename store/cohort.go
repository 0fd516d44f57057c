package store

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Cohort reads. A report for commissioners reads every patient's measures at once; auditing a
// view per patient would bury the audit under tens of thousands of entries that say nothing.
// Instead these readers audit nothing, and the caller records one event for the whole report
// with RecordEvent, saying what was reported and for which period.

// AllAssessments returns every patient's PAM assessments, including any entered in error,
// keyed by patient id, each list oldest first by the day taken. It is not audited: the caller
// records one AuditReport event with RecordEvent.
func (s *Store) AllAssessments() (map[string][]pam.Assessment, error) {
	out := map[string][]pam.Assessment{}
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindAssessment, func(e envelope) error {
			var a pam.Assessment
			if err := unmarshalBody(e, &a); err != nil {
				return err
			}
			out[a.PatientID] = append(out[a.PatientID], a)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("reading every PAM assessment: %w", err)
	}
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool { return list[i].TakenOn.Before(list[j].TakenOn) })
	}
	return out, nil
}

// AllOutcomes returns every patient's outcome records, including any entered in error, keyed
// by patient id, each list oldest first by the day taken. It is not audited: the caller
// records one AuditReport event with RecordEvent.
func (s *Store) AllOutcomes() (map[string][]outcomes.Record, error) {
	out := map[string][]outcomes.Record{}
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindOutcome, func(e envelope) error {
			var r outcomes.Record
			if err := unmarshalBody(e, &r); err != nil {
				return err
			}
			out[r.PatientID] = append(out[r.PatientID], r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("reading every outcome record: %w", err)
	}
	for _, list := range out {
		sortOutcomes(list)
	}
	return out, nil
}

// errNoAction reports an audit event without an action.
var errNoAction = errors.New("an audit event needs an action")

// RecordEvent appends an audit entry that is not about one record, for this store's user and
// clock: action is one of the Audit constants (a cohort report is AuditReport) and detail says
// in a few words what happened, e.g. "evaluation 2026-01-01..2026-11-23 csv". The detail is
// sealed like every audit entry, but it must still never hold a patient's name or NHS number.
func (s *Store) RecordEvent(action, detail string) error {
	if strings.TrimSpace(action) == "" {
		return errNoAction
	}
	return s.update(func(w *writer) error {
		return w.audit(action, "", "", auditNote{detail: detail})
	})
}

// AllContacts returns every patient's contacts log, keyed by patient id, each list oldest
// first. It is not audited: the caller records one AuditReport event with RecordEvent.
func (s *Store) AllContacts() (map[string][]careplan.Contact, error) {
	out := map[string][]careplan.Contact{}
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindContact, func(e envelope) error {
			var c careplan.Contact
			if err := unmarshalBody(e, &c); err != nil {
				return err
			}
			out[c.PatientID] = append(out[c.PatientID], c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("reading every contact: %w", err)
	}
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool { return list[i].On.Before(list[j].On) })
	}
	return out, nil
}

// PseudonymKey returns the 32-byte key that pseudonymises patients in exports for evaluators
// (an HMAC of the NHS number under it). It is derived from the store's data key with a fixed
// label, so a patient's pseudonym is the same in every export from this store, and means
// nothing to anyone without the store. Use it only to compute pseudonyms: never write it to a
// file, a log or an export. Each call returns a fresh copy, so a caller may clear it after use.
func (s *Store) PseudonymKey() []byte {
	return append([]byte(nil), s.keys.pseudonym...)
}

// RecordView appends a "viewed" audit entry about one person: their plans, PAMs and other
// measures, contacts or check-ins were read (kind says which; detail in a few words). The
// reads themselves stay plain reads, so a screen that reads a person's plans once per refresh
// costs one small append, and the service that shows them records it.
func (s *Store) RecordView(kind Kind, patientID, detail string) error {
	if _, err := parseID(patientID); err != nil {
		return err
	}
	return s.update(func(w *writer) error {
		return w.audit(AuditViewed, kind, "", auditNote{patientID: patientID, detail: detail})
	})
}
