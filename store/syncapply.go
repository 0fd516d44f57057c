package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// putIncoming stores w.incoming, a record from another device (or the merge of its copy and
// ours), as it is: same version, origin, user, time, vector, stamps and body. Its change-log
// entry is keyed by a fresh local version, after the clock has seen the record's, so the log
// stays in the order records reached this store and a later bundle to a third device includes
// it even when its own version is older than that device's checkpoint.
func (w *writer) putIncoming(b *bolt.Bucket, r record, existed bool) (uint64, error) {
	env := *w.incoming
	if env.kind != r.kind || env.id != r.id {
		return 0, fmt.Errorf("%w: the record's body does not match its envelope (%s %s)", errBadEnvelope, env.kind, env.id)
	}
	env.final = env.final || r.final
	w.clock.observe(env.version)
	logged := w.clock.next(w.now)
	if env.version == 0 { // a merge made here: a new local version that includes both copies
		env.version, env.origin = logged, w.origin
		env.meta = env.meta.withVersion(w.origin, logged)
	}
	if err := b.Put(env.id[:], w.sealIncoming(env)); err != nil {
		return 0, err
	}
	w.incomingNew = false // stored now
	action := AuditCreated
	if existed {
		action = AuditUpdated
	}
	note := r.note
	note.detail = "by sync: " + note.detail
	entry := w.auditEntry(action, r.kind, r.id.String(), note)
	from := w.unchangedFrom
	if w.incoming.version == 0 {
		from = uuid.Nil // a merge made here: the sender has not seen it
	}
	return env.version, w.appendChange(logged, r.kind, r.id, from, env.version, entry)
}

// sealIncoming is env sealed for the store: as eachAhead sealed it, when env is the record
// exactly as it came from the sender (new here, or taken over ours: unchangedFrom), else
// sealed now. The sealed header, which names the version and flags, must be env's.
func (w *writer) sealIncoming(env envelope) []byte {
	if w.unchangedFrom != uuid.Nil && w.incoming.sealed != nil {
		header := envelopeHeader(env)
		if bytes.HasPrefix(w.incoming.sealed, header[:]) {
			return w.incoming.sealed
		}
	}
	return sealEnvelope(w.keys, env)
}

// applyRecord writes env, a record sync has decided to keep, through its kind's own save, so
// the same checks run and the same indexes (NHS number, by-patient, caseload) stay right. The
// body must be the record the envelope names: a body about another record is refused.
func (w *writer) applyRecord(env envelope) error {
	w.incoming = &env
	defer func() { w.incoming = nil }()
	if env.deleted {
		return w.applyRemoval(env)
	}
	return w.saveTyped(env)
}

// saveTyped saves env's body through its kind's own save.
func (w *writer) saveTyped(env envelope) error {
	switch env.kind {
	case KindPatient:
		var p careplan.Patient
		return decodeThen(env, &p, &p.ID, func() error { return w.savePatient(&p) })
	case KindPlan:
		var p careplan.Plan
		return decodeThen(env, &p, &p.ID, func() error { return w.savePlan(&p) })
	case KindAssessment:
		var a pam.Assessment
		return decodeThen(env, &a, &a.ID, func() error { return w.saveAssessment(&a) })
	case KindOutcome:
		var r outcomes.Record
		return decodeThen(env, &r, &r.ID, func() error { return w.saveOutcome(&r) })
	case KindContact:
		var c careplan.Contact
		return decodeThen(env, &c, &c.ID, func() error { return w.saveContact(&c) })
	case KindStaff:
		var m careplan.StaffMember
		return decodeThen(env, &m, &m.ID, func() error { return w.saveStaff(&m) })
	case KindTemplate:
		var t careplan.Template
		return decodeThen(env, &t, &t.ID, func() error { return w.putHubRecord(KindTemplate, t.ID, t, t.Name) })
	case KindService:
		var c careplan.Service
		return decodeThen(env, &c, &c.ID, func() error { return w.putHubRecord(KindService, c.ID, c, c.Name) })
	}
	return fmt.Errorf("%w: unknown kind %q", errBadEnvelope, env.kind)
}

// decodeThen reads env's body into out, checks the id inside the body is the envelope's, and
// runs save.
func decodeThen(env envelope, out any, id *string, save func() error) error {
	if !takeDecoded(env, out) { // most records were decoded ahead (eachAhead)
		if err := decodeBody(env.body, out); err != nil {
			return fmt.Errorf("%s %s: %w: %v", env.kind, env.id, errBadEnvelope, err)
		}
	}
	if *id != env.id.String() {
		return fmt.Errorf("%w: %s %s carries the body of %q", errBadEnvelope, env.kind, env.id, *id)
	}
	return save()
}

// applyRemoval stores a dated removal (a deleted record) as it came. Readers skip deleted
// records; the by-patient indexes may still name it, which they allow.
func (w *writer) applyRemoval(env envelope) error {
	if w.later != nil {
		w.later.removed[env.id] = true // a plan or PAM noted for the caseload may be gone
	}
	_, err := w.putRecord(record{kind: env.kind, id: env.id, body: json.RawMessage(env.body), note: auditNote{detail: "removed"}})
	return err
}
