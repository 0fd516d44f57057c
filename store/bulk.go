package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// PatientRecords is one person's records as a bulk export needs them.
type PatientRecords struct {
	Patient careplan.Patient
	// Plan is the plan in force (careplan.CurrentPlan): the latest agreed version, or else the
	// latest draft; nil when there is none. Older versions are not read.
	Plan        *careplan.Plan
	Assessments []pam.Assessment  // every PAM assessment, oldest first, as AllAssessments
	Outcomes    []outcomes.Record // every outcome record, oldest first, as AllOutcomes
	Contacts    []careplan.Contact
}

// EachPatient calls fn with every patient's records, one at a time in key order, inside one
// read transaction, so a whole-hub export sees one consistent moment and holds one person in
// memory at a time. Like AllAssessments it is not audited per patient: a bulk export is one
// event, which the caller records with RecordEvent (30,000 "viewed" entries would bury the
// audit and cost a disk flush each). fn gets decoded values, never the store's bytes.
func (s *Store) EachPatient(fn func(r PatientRecords) error) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindPatient, func(e envelope) error {
			var r PatientRecords
			if err := unmarshalBody(e, &r.Patient); err != nil {
				return err
			}
			id, err := uuid.Parse(r.Patient.ID)
			if err != nil {
				return fmt.Errorf("patient record %s: %w", e.id, ErrBadID)
			}
			if r.Plan, err = planInForce(tx, s.keys, id); err != nil {
				return err
			}
			if r.Assessments, err = liveRecordsOf[pam.Assessment](tx, s.keys, bucketPAMByPatient, KindAssessment, id); err != nil {
				return err
			}
			sortAssessments(r.Assessments)
			if r.Outcomes, err = liveRecordsOf[outcomes.Record](tx, s.keys, bucketOutcomesByPatient, KindOutcome, id); err != nil {
				return err
			}
			sortOutcomes(r.Outcomes)
			if r.Contacts, err = contactsOf(tx, s.keys, id); err != nil {
				return err
			}
			return fn(r)
		})
	})
	if err != nil {
		return fmt.Errorf("reading every patient: %w", err)
	}
	return nil
}

// liveRecordsOf reads a patient's records of one kind through its by-patient index, in index
// (record id) order, skipping deleted ones as forEachRecord does.
func liveRecordsOf[T any](tx *bolt.Tx, k *keys, index string, kind Kind, patient uuid.UUID) ([]T, error) {
	ids, err := recordsOfPatient(tx, index, patient)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		var v T
		_, err := getBody(tx, k, kind, id, &v)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// planVersion is the part of a plan body that decides whether it is the plan in force.
type planVersion struct {
	Version int                `json:"version"`
	State   careplan.PlanState `json:"state"`
}

// planCandidate is one stored version of a patient's plan, its body still undecoded.
type planCandidate struct {
	planVersion
	stored uint64 // the envelope's version, which orders edits of one plan version
	body   []byte
}

// planInForce reads the plan careplan.CurrentPlan would pick from every version, opening only
// what can decide it: an agreed version is final (Check holds every store to that), so when
// any version is final the drafts are not unsealed; when only one version is left it is
// decoded once, and otherwise only the versions' numbers and states are read before the
// winner is decoded in full. Ties go as in plansOf's order: of equal plan versions, the
// earliest written.
func planInForce(tx *bolt.Tx, k *keys, patient uuid.UUID) (*careplan.Plan, error) {
	ids, err := recordsOfPatient(tx, bucketPlansByPatient, patient)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	b, err := bucket(tx, bucketPlans)
	if err != nil {
		return nil, err
	}
	versions := make([][]byte, 0, len(ids))
	anyFinal := false
	for _, id := range ids {
		if v := b.Get(id[:]); v != nil {
			versions = append(versions, v)
			anyFinal = anyFinal || isFinal(v)
		}
	}
	p, err := pickPlan(k, versions, anyFinal)
	if err == nil && p == nil && anyFinal {
		// A final version that is not agreed breaks the store's rule; read every version.
		p, err = pickPlan(k, versions, false)
	}
	if err != nil {
		return nil, fmt.Errorf("plan of patient %s: %w", patient, err)
	}
	return p, nil
}

// isFinal reads the final flag of a stored record that is not deleted, without unsealing it.
func isFinal(stored []byte) bool {
	e, _, err := decodeEnvelope(stored)
	return err == nil && e.final && !e.deleted
}

// pickPlan opens the stored versions (only final ones when onlyFinal) and returns the one in
// force; nil when none qualifies.
func pickPlan(k *keys, versions [][]byte, onlyFinal bool) (*careplan.Plan, error) {
	var open []planCandidate
	for _, v := range versions {
		if onlyFinal && !isFinal(v) {
			continue
		}
		e, err := openEnvelope(k, v)
		if err != nil {
			return nil, err
		}
		if !e.deleted {
			open = append(open, planCandidate{stored: e.version, body: e.body})
		}
	}
	if len(open) == 1 {
		// Decoded once in full; it still has to be a version CurrentPlan would pick.
		var p careplan.Plan
		if err := json.Unmarshal(open[0].body, &p); err != nil {
			return nil, fmt.Errorf("%w: %v", errBadEnvelope, err)
		}
		if p.State == careplan.PlanAgreed || p.State == careplan.PlanDraft && !onlyFinal {
			return &p, nil
		}
		return nil, nil
	}
	var agreed, draft *planCandidate
	for i := range open {
		c := &open[i]
		if err := json.Unmarshal(c.body, &c.planVersion); err != nil {
			return nil, fmt.Errorf("%w: %v", errBadEnvelope, err)
		}
		switch c.State {
		case careplan.PlanAgreed:
			agreed = laterPlan(agreed, c)
		case careplan.PlanDraft:
			draft = laterPlan(draft, c)
		}
	}
	best := agreed
	if best == nil && !onlyFinal {
		best = draft
	}
	if best == nil {
		return nil, nil
	}
	var p careplan.Plan
	if err := json.Unmarshal(best.body, &p); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadEnvelope, err)
	}
	return &p, nil
}

// laterPlan is careplan.LatestAgreed's (and LatestDraft's) choice over versions sorted as
// plansOf sorts them: the highest plan version, and of equals the first, i.e. the earliest
// written.
func laterPlan(best, c *planCandidate) *planCandidate {
	if best == nil || c.Version > best.Version || (c.Version == best.Version && c.stored < best.stored) {
		return c
	}
	return best
}

// sortAssessments puts assessments oldest first by the day taken; one day's keep their order.
func sortAssessments(as []pam.Assessment) {
	sort.SliceStable(as, func(i, j int) bool { return as[i].TakenOn.Before(as[j].TakenOn) })
}
