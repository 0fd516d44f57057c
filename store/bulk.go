package store

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"sync"

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

// EachPatient calls fn with every patient's records, one at a time in key order on the
// calling goroutine, from one read transaction, so a whole-hub export sees one consistent
// moment. Like AllAssessments it is not audited per patient: a bulk export is one event, which
// the caller records with RecordEvent (30,000 "viewed" entries would bury the audit and cost a
// disk flush each). fn gets decoded values, never the store's bytes.
//
// Unsealing and decoding are most of the work, so they run on one goroutine per core a few
// hundred people ahead of fn (eachPatient); memory holds those people, not the hub.
func (s *Store) EachPatient(fn func(r PatientRecords) error) error {
	return s.eachPatient(runtime.GOMAXPROCS(0), fn)
}

// Sizes of EachPatient's read-ahead: people per batch, and batches in flight per decoder.
const (
	bulkBatchPeople     = 64
	bulkBatchesInFlight = 4
)

// sealedPatient is one patient's stored values as the transaction holds them, read in key
// order by one goroutine (a bolt transaction is not for concurrent use) and opened by another
// while the transaction is still open.
type sealedPatient struct {
	id                       uuid.UUID
	patient                  []byte
	allPlans                 [][]byte // every stored version
	plans                    [][]byte // the final versions when any is, else every version
	plansFinal               bool
	pams, outcomes, contacts [][]byte
}

// bulkBatch is a few patients on their way from the transaction to fn.
type bulkBatch struct {
	sealed  []sealedPatient
	records []PatientRecords
	err     error
	done    chan struct{} // a decoder has filled records or err
}

// eachPatient is EachPatient with decoders goroutines decoding. The reading goroutine walks
// the patients in key order and hands out batches; the caller's goroutine takes them back in
// the same order and calls fn, so fn sees exactly the serial order. The transaction stays open
// until every batch is back, because the sealed values are bbolt's memory.
func (s *Store) eachPatient(decoders int, fn func(r PatientRecords) error) error {
	decoders = max(decoders, 1)
	n := decoders * bulkBatchesInFlight
	free := make(chan *bulkBatch, n)
	work := make(chan *bulkBatch, n)
	order := make(chan *bulkBatch, n)
	stop := make(chan struct{})    // closed by the caller at the first error
	drained := make(chan struct{}) // closed by the caller when every batch is back
	for range n {
		free <- &bulkBatch{done: make(chan struct{}, 1)}
	}
	var wg sync.WaitGroup
	for range decoders {
		wg.Go(func() {
			o := &opener{keys: s.keys}
			for b := range work {
				// The sealed values are bbolt's memory: a file cut short while open faults
				// here, and must fail the read rather than the process.
				b.err = guard(func() error {
					var err error
					b.records, err = o.openPatients(b.sealed, b.records[:0])
					return err
				})
				b.done <- struct{}{}
			}
		})
	}
	read := make(chan error, 1)
	go func() {
		closed := false
		closeWork := func() {
			if !closed {
				close(work)
				close(order)
				closed = true
			}
		}
		err := s.view(func(tx *bolt.Tx) error {
			// Deferred, so that a fault in a damaged file (which guard turns into an error)
			// still ends the batches and waits for them before the transaction goes.
			defer func() {
				closeWork()
				<-drained // the decoders are done with the transaction's memory
			}()
			return readSealedPatients(tx, free, stop, func(b *bulkBatch) {
				order <- b
				work <- b
			})
		})
		closeWork() // no transaction (a closed store): nothing was sent
		read <- err
	}()
	var err error
	for b := range order {
		<-b.done
		if err == nil && b.err != nil {
			err = b.err
		}
		for i := range b.records {
			if err == nil {
				err = fn(b.records[i])
			}
			b.records[i] = PatientRecords{} // let go of the person now
		}
		if err != nil {
			select {
			case <-stop:
			default:
				close(stop)
			}
		}
		free <- b
	}
	wg.Wait()
	close(drained)
	if rerr := <-read; err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("reading every patient: %w", err)
	}
	return nil
}

// readSealedPatients walks the live patients in key order, gathering each one's stored
// values into batches taken from free and handed to send, until stop is closed.
func readSealedPatients(tx *bolt.Tx, free chan *bulkBatch, stop chan struct{}, send func(*bulkBatch)) error {
	patients, err := bucket(tx, bucketPatients)
	if err != nil {
		return err
	}
	r, err := newSealedReader(tx)
	if err != nil {
		return err
	}
	var b *bulkBatch
	c := patients.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := storedAs(KindPatient, k, v); err != nil {
			return err
		}
		if e, _, err := decodeEnvelope(v); err != nil {
			return err
		} else if e.deleted {
			continue
		}
		if b == nil {
			select {
			case <-stop:
				return nil
			case b = <-free:
			}
			b.sealed = b.sealed[:0]
		}
		if len(k) != len(uuid.UUID{}) {
			return fmt.Errorf("patient key %x: %w", k, ErrBadID)
		}
		if len(b.sealed) < cap(b.sealed) {
			b.sealed = b.sealed[:len(b.sealed)+1]
		} else {
			b.sealed = append(b.sealed, sealedPatient{})
		}
		if err := r.read(&b.sealed[len(b.sealed)-1], uuid.UUID(k), v); err != nil {
			return err
		}
		if len(b.sealed) == bulkBatchPeople {
			send(b)
			b = nil
		}
	}
	if b != nil {
		send(b)
	}
	return nil
}

// sealedReader reads a patient's stored values in one transaction, with one cursor per bucket
// reused from patient to patient.
type sealedReader struct {
	plans, pams, outcomes, contacts             *bolt.Cursor
	plansIdx, pamsIdx, outcomesIdx, contactsIdx *bolt.Cursor
}

func newSealedReader(tx *bolt.Tx) (*sealedReader, error) {
	r := &sealedReader{}
	for _, b := range []struct {
		to   **bolt.Cursor
		name string
	}{
		{&r.plans, bucketPlans}, {&r.pams, bucketAssessments}, {&r.outcomes, bucketOutcomes},
		{&r.contacts, bucketContacts}, {&r.plansIdx, bucketPlansByPatient}, {&r.pamsIdx, bucketPAMByPatient},
		{&r.outcomesIdx, bucketOutcomesByPatient}, {&r.contactsIdx, bucketContactsByPatient},
	} {
		bk, err := bucket(tx, b.name)
		if err != nil {
			return nil, err
		}
		*b.to = bk.Cursor()
	}
	return r, nil
}

// read fills sp with the patient's stored values, reusing sp's lists.
func (r *sealedReader) read(sp *sealedPatient, id uuid.UUID, patient []byte) error {
	sp.id, sp.patient = id, patient
	var err error
	if sp.allPlans, err = valuesOf(sp.allPlans[:0], r.plansIdx, r.plans, KindPlan, id); err != nil {
		return err
	}
	// An agreed version is final (Check holds every store to that), so when any version is
	// final the drafts cannot be the plan in force and stay sealed.
	sp.plans, sp.plansFinal = sp.plans[:0], false
	for _, v := range sp.allPlans {
		if isFinal(v) {
			sp.plans = append(sp.plans, v)
		}
	}
	if len(sp.plans) > 0 {
		sp.plansFinal = true
	} else {
		sp.plans = append(sp.plans, sp.allPlans...)
	}
	if sp.pams, err = valuesOf(sp.pams[:0], r.pamsIdx, r.pams, KindAssessment, id); err != nil {
		return err
	}
	if sp.outcomes, err = valuesOf(sp.outcomes[:0], r.outcomesIdx, r.outcomes, KindOutcome, id); err != nil {
		return err
	}
	sp.contacts, err = valuesOf(sp.contacts[:0], r.contactsIdx, r.contacts, KindContact, id)
	return err
}

// valuesOf appends the stored values of a patient's records listed in a by-patient index, in
// index (record id) order; a listed record that is not stored is left out.
func valuesOf(out [][]byte, idx, records *bolt.Cursor, kind Kind, patient uuid.UUID) ([][]byte, error) {
	for k, _ := idx.Seek(patient[:]); len(k) == 32 && uuid.UUID(k[:16]) == patient; k, _ = idx.Next() {
		if rk, v := records.Seek(k[16:]); v != nil && bytes.Equal(rk, k[16:]) {
			if err := storedAs(kind, rk, v); err != nil {
				return out, err
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// opener unseals records into one buffer that it reuses from patient to patient: a body is
// decoded before the buffer is reset, and decodeBody copies what it keeps. One opener
// per goroutine.
type opener struct {
	keys *keys
	buf  []byte
}

// open unseals a stored record; its body stays valid until the next reset.
func (o *opener) open(v []byte) (envelope, error) {
	e, sealed, err := decodeEnvelope(v)
	if err != nil {
		return e, err
	}
	start := len(o.buf)
	buf, err := o.keys.open(o.buf, sealed, v[:envelopeHeaderSize])
	if err != nil {
		return e, fmt.Errorf("%w: record %s does not decrypt", errBadEnvelope, e.id)
	}
	o.buf = buf
	return e, readPayload(&e, v[0], buf[start:])
}

func (o *opener) reset() { o.buf = o.buf[:0] }

// openPatients unseals and decodes a batch of patients, appending to out.
func (o *opener) openPatients(sealed []sealedPatient, out []PatientRecords) ([]PatientRecords, error) {
	for i := range sealed {
		r, err := o.openPatient(&sealed[i])
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// openPatient unseals and decodes one patient's records as the serial readers would: deleted
// records left out, PAM and outcomes oldest first, contacts oldest first.
func (o *opener) openPatient(sp *sealedPatient) (PatientRecords, error) {
	var r PatientRecords
	o.reset()
	e, err := o.open(sp.patient)
	if err != nil {
		return r, err
	}
	if err := unmarshalBody(e, &r.Patient); err != nil {
		return r, err
	}
	if id, err := uuid.Parse(r.Patient.ID); err != nil || id != sp.id {
		return r, fmt.Errorf("patient record %s: %w", e.id, ErrBadID)
	}
	r.Plan, err = o.pickPlan(sp.plans, sp.plansFinal)
	if err == nil && r.Plan == nil && sp.plansFinal {
		// A final version that is not agreed breaks the store's rule; the drafts may decide.
		r.Plan, err = o.pickPlan(sp.allPlans, false)
	}
	if err != nil {
		return r, fmt.Errorf("plan of patient %s: %w", sp.id, err)
	}
	if r.Assessments, err = openLive[pam.Assessment](o, sp.pams); err != nil {
		return r, err
	}
	sortAssessments(r.Assessments)
	if r.Outcomes, err = openLive[outcomes.Record](o, sp.outcomes); err != nil {
		return r, err
	}
	sortOutcomes(r.Outcomes)
	if r.Contacts, err = openLive[careplan.Contact](o, sp.contacts); err != nil {
		return r, err
	}
	sort.SliceStable(r.Contacts, func(i, j int) bool { return r.Contacts[i].On.Before(r.Contacts[j].On) })
	return r, nil
}

// openLive unseals and decodes stored records, leaving deleted ones out as forEachRecord does.
func openLive[T any](o *opener, values [][]byte) ([]T, error) {
	if len(values) == 0 {
		return nil, nil
	}
	out := make([]T, 0, len(values))
	for _, v := range values {
		o.reset()
		e, err := o.open(v)
		if err != nil {
			return nil, err
		}
		if e.deleted {
			continue
		}
		var t T
		if err := unmarshalBody(e, &t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// planCandidate is one stored version of a patient's plan, its body still undecoded.
type planCandidate struct {
	planVersion
	stored uint64 // the envelope's version, which orders edits of one plan version
	body   []byte
}

// isFinal reads the final flag of a stored record that is not deleted, without unsealing it.
func isFinal(stored []byte) bool {
	e, _, err := decodeEnvelope(stored)
	return err == nil && e.final && !e.deleted
}

// pickPlan opens the stored versions (only final ones when onlyFinal) and returns the one in
// force; nil when none qualifies.
func (o *opener) pickPlan(versions [][]byte, onlyFinal bool) (*careplan.Plan, error) {
	var open []planCandidate
	o.reset() // the candidates' bodies share the buffer until the winner is decoded
	for _, v := range versions {
		if onlyFinal && !isFinal(v) {
			continue
		}
		e, err := o.open(v)
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
		if err := decodeBody(open[0].body, &p); err != nil {
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
		var err error
		if c.planVersion, err = planVersionOf(c.body); err != nil {
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
	if err := decodeBody(best.body, &p); err != nil {
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
