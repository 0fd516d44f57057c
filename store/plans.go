package store

import (
	"errors"
	"fmt"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// SavePlan creates or updates a version of a patient's plan. A plan without an id gets a new
// one. An agreed version is locked: saving over it fails with careplan.ErrPlanLocked (start a
// new draft with Plan.NextDraft). The patient's caseload entry takes its review date from the
// current plan: the latest agreed version, or else the draft.
func (s *Store) SavePlan(p *careplan.Plan) error {
	return withNewID(&p.ID, func() error {
		return s.update(func(w *writer) error { return w.savePlan(p) })
	})
}

func (w *writer) savePlan(p *careplan.Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	id, err := parseID(p.ID)
	if err != nil {
		return err
	}
	patient, err := w.patientOnHub(p.PatientID)
	if err != nil {
		return err
	}
	// Both refusals are decided from clear metadata (the envelope's final flag and the
	// by-patient index), so an edit never has to unseal the version it replaces.
	old, existed, err := w.recordHeader(KindPlan, id)
	if err != nil {
		return err
	}
	key := byPatientKey(patient, id)
	inIndex, err := w.indexGet(bucketPlansByPatient, key)
	if err != nil {
		return err
	}
	indexed := inIndex != nil
	switch {
	case existed && old.final && !w.syncing(): // sync's merge rules decide about agreed versions
		return careplan.ErrPlanLocked
	case existed && !indexed:
		return ErrPlanMoved
	}
	note := auditNote{patientID: p.PatientID, detail: fmt.Sprintf("version %d %s", p.Version, p.State)}
	final := p.State == careplan.PlanAgreed
	version, err := w.putRecord(record{kind: KindPlan, id: id, body: p, final: final, note: note})
	if err != nil {
		return err
	}
	if !indexed {
		if err := w.indexPut(bucketPlansByPatient, key, nil); err != nil {
			return err
		}
	}
	if ch := w.caseloadChanged(patient); ch != nil { // applying a bundle: the entry is written at the end
		ch.planSaved(*p, version)
		return nil
	}
	return updateReviewDate(w.tx, w.keys, patient, &storedPlan{plan: *p, version: version})
}

// storedPlan is a plan with the version of its envelope, which orders edits.
type storedPlan struct {
	plan    careplan.Plan
	version uint64
}

// plansOf reads every plan of a patient, oldest first: by plan version number, then by when
// the record was last written. saved, when not nil, is a plan just written in this
// transaction and is used as it is rather than read back.
func plansOf(tx *bolt.Tx, k *keys, patient uuid.UUID, saved *storedPlan) ([]storedPlan, error) {
	return plansKnown(tx, k, patient, func(id uuid.UUID) (storedPlan, bool) {
		if saved != nil && saved.plan.ID == id.String() {
			return *saved, true
		}
		return storedPlan{}, false
	})
}

// plansKnown is plansOf, taking from known the plans it already holds decoded.
func plansKnown(tx *bolt.Tx, k *keys, patient uuid.UUID, known func(id uuid.UUID) (storedPlan, bool)) ([]storedPlan, error) {
	ids, err := recordsOfPatient(tx, bucketPlansByPatient, patient)
	if err != nil {
		return nil, err
	}
	out := make([]storedPlan, 0, len(ids))
	for _, id := range ids {
		if sp, ok := known(id); ok {
			out = append(out, sp)
			continue
		}
		var p careplan.Plan
		e, err := getBody(tx, k, KindPlan, id, &p)
		if errors.Is(err, ErrNotFound) {
			continue // deleted
		}
		if err != nil {
			return nil, err
		}
		out = append(out, storedPlan{plan: p, version: e.version})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].plan.Version != out[j].plan.Version {
			return out[i].plan.Version < out[j].plan.Version
		}
		return out[i].version < out[j].version
	})
	return out, nil
}

// currentPlan is the plan that counts for a patient: the latest agreed version, or else the
// latest draft; nil when there is no plan.
func currentPlan(tx *bolt.Tx, k *keys, patient uuid.UUID, saved *storedPlan) (*careplan.Plan, error) {
	all, err := plansOf(tx, k, patient, saved)
	if err != nil {
		return nil, err
	}
	return latestCurrent(all), nil
}

// latestCurrent picks the current plan from all of a patient's plans, oldest first.
func latestCurrent(all []storedPlan) *careplan.Plan {
	var current *careplan.Plan
	for i := len(all) - 1; i >= 0; i-- {
		p := &all[i].plan
		if p.State == careplan.PlanAgreed {
			return p
		}
		if current == nil {
			current = p
		}
	}
	return current
}

// Plans returns every version of a patient's plan, oldest first.
func (s *Store) Plans(patientID string) ([]careplan.Plan, error) {
	patient, err := parseID(patientID)
	if err != nil {
		return nil, err
	}
	var out []careplan.Plan
	err = s.view(func(tx *bolt.Tx) error {
		all, err := plansOf(tx, s.keys, patient, nil)
		for _, sp := range all {
			out = append(out, sp.plan)
		}
		return err
	})
	return out, err
}
