package store

import (
	"errors"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Batch saves many records in one Import transaction: one commit (and one fsync) for the lot,
// which is what makes loading thousands of demo or migrated patients quick. Its methods follow
// the same rules as the Store's. A Batch is valid only inside the Import call that made it.
type Batch struct {
	w   *writer
	err error // the first failure, which dooms the whole batch
}

// errBatchDone reports a Batch used after its Import returned.
var errBatchDone = errors.New("the batch's import has finished")

// Import runs fn with a Batch in one transaction. If fn or any save in the batch fails, nothing
// from the batch is stored, even if fn carried on after the failure: a batch is never
// half-written. (Records saved earlier in a failed batch keep the ids they were given.)
func (s *Store) Import(fn func(b *Batch) error) error {
	return s.update(func(w *writer) error {
		b := &Batch{w: w}
		defer func() { b.w = nil }()
		if err := fn(b); err != nil {
			return err
		}
		return b.err
	})
}

// save runs one save, assigning an id when needed, and remembers the first failure.
func (b *Batch) save(id *string, fn func(w *writer) error) error {
	if b.w == nil {
		return errBatchDone
	}
	err := withNewID(id, func() error { return fn(b.w) })
	if err != nil && b.err == nil {
		b.err = err
	}
	return err
}

// SavePatient saves a patient as Store.SavePatient does.
func (b *Batch) SavePatient(p *careplan.Patient) error {
	return b.save(&p.ID, func(w *writer) error { return w.savePatient(p) })
}

// SavePlan saves a plan version as Store.SavePlan does.
func (b *Batch) SavePlan(p *careplan.Plan) error {
	return b.save(&p.ID, func(w *writer) error { return w.savePlan(p) })
}

// SaveAssessment records a PAM assessment as Store.SaveAssessment does.
func (b *Batch) SaveAssessment(a *pam.Assessment) error {
	return b.save(&a.ID, func(w *writer) error { return w.saveAssessment(a) })
}

// SaveStaff saves a staff member as Store.SaveStaff does.
func (b *Batch) SaveStaff(m *careplan.StaffMember) error {
	return b.save(&m.ID, func(w *writer) error { return w.saveStaff(m) })
}

// SaveOutcome records an outcome measurement as Store.SaveOutcome does.
func (b *Batch) SaveOutcome(r *outcomes.Record) error {
	return b.save(&r.ID, func(w *writer) error { return w.saveOutcome(r) })
}
