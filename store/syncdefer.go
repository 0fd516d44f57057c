package store

import (
	"bytes"
	"errors"
	"maps"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

// A bundle is applied in one bbolt transaction, and bbolt splits a page only at commit: until
// then every key put into a bucket goes into one in-memory node, and a put in random key order
// moves half of that node each time. Records travel sorted by id, and the change log is keyed
// by ascending versions, so those puts append; but the NHS-number index (HMAC keys) and the
// by-patient indexes (patient id first) would be filled in random order, and every record
// would also rewrite its patient's caseload entry. While a bundle is applied the writer
// therefore keeps those writes aside (deferredWrites) and makes them once, in key order, at the
// end of the same transaction (flush): still all or nothing, and the stored result is what the
// record-by-record saves would have written.

// deferredWrites is what a writer holds back while applying a bundle.
type deferredWrites struct {
	index    map[string]map[string]indexValue // index bucket → key → pending value
	caseload map[uuid.UUID]*caseloadChange
	onHub    map[uuid.UUID]bool // patients found on the hub since their record was last written
	// removed are the records this bundle deleted. A plan or PAM noted as saved is what the
	// store holds at the end unless the bundle also deleted it (a bundle carries each record
	// once, and a second copy of it would be noted again when saved): only those are looked up.
	removed map[uuid.UUID]bool
}

// indexValue is a pending index write: a put of value, or a delete.
type indexValue struct {
	value   []byte
	deleted bool
}

// caseloadChange is what changed for one patient's caseload entry in this bundle. A chunked
// import keeps one for every patient it touches until its last transaction, so it holds only
// what the entry is worked out from, in few small values: a county's records in full, or a
// map per patient, would stay on the heap (and be scanned by every garbage collection) until
// the end of the import.
type caseloadChange struct {
	// patient is what the caseload takes from the patient record as last saved, when it was
	// (careplan.CaseloadEntryFor with no plan).
	patient     *careplan.CaseloadEntry
	existed     bool          // the patient record existed when it was first saved here
	lastContact careplan.Date // the latest day of a contact saved
	// The plans and PAM assessments saved, so working out the current plan and the last PAM
	// need not unseal and decode them again. A plan changed means the review date follows
	// the current plan; a PAM changed means the last PAM is worked out again.
	plans       []planSaved
	assessments []assessmentSaved
}

// planSaved is what picks a patient's current plan (latestCurrent) and what the caseload
// takes from it (the review date), with the version of its envelope.
type planSaved struct {
	id      uuid.UUID
	version uint64
	number  int // careplan.Plan.Version
	state   careplan.PlanState
	review  careplan.Date
}

// assessmentSaved is what picks a patient's last PAM (pam.Latest: whether it counts, whose it
// is, the day it was taken), with the version of its envelope.
type assessmentSaved struct {
	id         uuid.UUID
	version    uint64
	instrument pam.Instrument
	takenOn    careplan.Date
	inError    *pam.EnteredInError
}

// planSaved notes plan p, saved as envelope version.
func (ch *caseloadChange) planSaved(p careplan.Plan, version uint64) {
	id, _ := parseID(p.ID) // savePlan has parsed it
	ch.plans = setSaved(ch.plans, planSaved{id: id, version: version, number: p.Version, state: p.State, review: p.ReviewDate},
		func(s planSaved) uuid.UUID { return s.id })
}

// knownPlan is plan id as this import saved it, for plansKnown.
func (ch *caseloadChange) knownPlan(id uuid.UUID) (storedPlan, uint64, bool) {
	for _, s := range ch.plans {
		if s.id == id {
			p := careplan.Plan{ID: id.String(), Version: s.number, State: s.state, ReviewDate: s.review}
			return storedPlan{plan: p, version: s.version}, s.version, true
		}
	}
	return storedPlan{}, 0, false
}

// patientSaved keeps what the caseload entry takes from patient p, as saved.
func (ch *caseloadChange) patientSaved(p careplan.Patient, existed bool) {
	if ch.patient == nil {
		ch.existed = existed
	}
	e := careplan.CaseloadEntryFor(p, nil)
	ch.patient = &e
}

// assessmentSaved notes assessment a, saved as envelope version.
func (ch *caseloadChange) assessmentSaved(id uuid.UUID, a pam.Assessment, version uint64) {
	ch.assessments = setSaved(ch.assessments, assessmentSaved{id: id, version: version, instrument: a.Instrument,
		takenOn: a.TakenOn, inError: a.InError}, func(s assessmentSaved) uuid.UUID { return s.id })
}

// knownAssessment is assessment id as this import saved it, for latestPAMKnown.
func (ch *caseloadChange) knownAssessment(id uuid.UUID) (pam.Assessment, uint64, bool) {
	for _, s := range ch.assessments {
		if s.id == id {
			return pam.Assessment{ID: id.String(), Instrument: s.instrument, TakenOn: s.takenOn, InError: s.inError}, s.version, true
		}
	}
	return pam.Assessment{}, 0, false
}

// setSaved puts v in saved, in place of the one with the same id if there is one: a patient
// has a handful of plans and assessments, so a slice costs less than a map.
func setSaved[T any](saved []T, v T, id func(T) uuid.UUID) []T {
	for i := range saved {
		if id(saved[i]) == id(v) {
			saved[i] = v
			return saved
		}
	}
	return append(saved, v)
}

func newDeferredWrites() *deferredWrites {
	return &deferredWrites{index: map[string]map[string]indexValue{}, caseload: map[uuid.UUID]*caseloadChange{},
		onHub: map[uuid.UUID]bool{}, removed: map[uuid.UUID]bool{}}
}

// caseloadChanged returns the pending caseload change of a patient, or nil when caseload
// entries are written at once.
func (w *writer) caseloadChanged(patient uuid.UUID) *caseloadChange {
	if w.later == nil {
		return nil
	}
	ch := w.later.caseload[patient]
	if ch == nil {
		ch = &caseloadChange{}
		w.later.caseload[patient] = ch
	}
	return ch
}

// flush makes the held-back writes, in key order, and stops holding writes back: first the
// indexes, then each changed patient's caseload entry, worked out as the saves one by one
// would have left it.
func (w *writer) flush() error {
	later := w.later
	if later == nil {
		return nil
	}
	w.later = nil
	if err := w.writeIndexes(later); err != nil {
		return err
	}
	patients := slices.SortedFunc(maps.Keys(later.caseload), func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	for _, id := range patients {
		if err := w.settleCaseload(id, later.caseload[id], later.removed); err != nil {
			return err
		}
	}
	return nil
}

// flushIndexes makes the held-back index writes, in key order, and stops holding writes
// back; the caseload changes are left for a later transaction's flush (applyInChunks).
func (w *writer) flushIndexes() error {
	later := w.later
	if later == nil {
		return nil
	}
	w.later = nil
	return w.writeIndexes(later)
}

// writeIndexes makes later's index writes, bucket by bucket, in key order.
func (w *writer) writeIndexes(later *deferredWrites) error {
	for _, name := range slices.Sorted(maps.Keys(later.index)) {
		pending := later.index[name]
		for _, key := range slices.Sorted(maps.Keys(pending)) {
			if err := w.indexWrite(name, []byte(key), pending[key]); err != nil {
				return err
			}
		}
	}
	return nil
}

// settleCaseload writes one patient's caseload entry after a bundle: the rules of savePatient,
// updateReviewDate, saveContact and refreshLastPAM, applied once.
func (w *writer) settleCaseload(id uuid.UUID, ch *caseloadChange, removed map[uuid.UUID]bool) error {
	e, changed, err := settledCaseload(w.tx, w.keys, id, ch, removed)
	if err != nil || !changed {
		return err
	}
	return putCaseload(w.tx, w.keys, e)
}

// settledCaseload is one patient's caseload entry after a bundle, worked out from tx, which
// holds the bundle's records and indexes, and whether it differs from the stored one; removed
// are the records the bundle deleted. It only reads tx.
func settledCaseload(tx *bolt.Tx, k *keys, id uuid.UUID, ch *caseloadChange, removed map[uuid.UUID]bool) (careplan.CaseloadEntry, bool, error) {
	prev, err := readCaseload(tx, k, id)
	found := err == nil
	if err != nil && (!errors.Is(err, ErrNotFound) || ch.patient == nil) {
		return prev, false, err // a plan, PAM or contact of someone with no caseload entry fails as it would one by one
	}
	e := prev
	if ch.patient != nil || len(ch.plans) > 0 {
		all, err := plansKnown(tx, k, id, func(plan uuid.UUID) (storedPlan, bool) {
			sp, version, ok := ch.knownPlan(plan)
			return sp, ok && (!removed[plan] || stillStored(tx, KindPlan, plan, version))
		})
		if err != nil {
			return e, false, err
		}
		current := latestCurrent(all)
		if ch.patient != nil {
			e = *ch.patient // careplan.CaseloadEntryFor(patient, nil); the review date follows
			if ch.existed {
				// The last contact and PAM come from other records: keep what their saves wrote.
				e.LastContact, e.LastPAM = prev.LastContact, prev.LastPAM
			}
		}
		// As careplan.CaseloadEntryFor(patient, current) takes it.
		e.ReviewDate = careplan.Date{}
		if current != nil {
			e.ReviewDate = current.ReviewDate
		}
	}
	if ch.lastContact.After(e.LastContact) {
		e.LastContact = ch.lastContact
	}
	if len(ch.assessments) > 0 {
		e.LastPAM, err = latestPAMKnown(tx, k, id, func(a uuid.UUID) (pam.Assessment, bool) {
			sa, version, ok := ch.knownAssessment(a)
			return sa, ok && (!removed[a] || stillStored(tx, KindAssessment, a, version))
		})
		if err != nil {
			return e, false, err
		}
	}
	// Unchanged: keep the caseload page clean.
	return e, !found || !bytes.Equal(encodeCaseload(e), encodeCaseload(prev)), nil
}

// stillStored reports whether the stored record is, undeleted, the version a save in this
// import wrote, so what that save held decoded is what the store holds: asked only of records
// the import also deleted.
func stillStored(tx *bolt.Tx, kind Kind, id uuid.UUID, version uint64) bool {
	e, ok, err := recordHeader(tx, kind, id)
	return err == nil && ok && !e.deleted && e.version == version
}

// packBuckets has bbolt fill the pages of the buckets an import writes before splitting them,
// rather than stop at half (its default, kept for edits in random order): an import's puts
// come in key order (records by id, the change log by version, the held-back writes sorted),
// so half-full pages would double the pages the commit holds in memory and writes. It lasts
// for this transaction only; later edits split full pages as usual.
func packBuckets(w *writer) {
	names := []string{bucketChanges, bucketCaseload, bucketNHSIndex, bucketPlansByPatient, bucketPAMByPatient,
		bucketOutcomesByPatient, bucketContactsByPatient}
	for _, k := range kindOrder {
		names = append(names, bucketOfKind(k))
	}
	for _, name := range names {
		if b := w.tx.Bucket([]byte(name)); b != nil {
			b.FillPercent = importFillPercent
		}
	}
}

// importFillPercent is how full packBuckets lets pages get.
const importFillPercent = 0.95
