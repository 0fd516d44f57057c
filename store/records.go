package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// writer is the state of one read-write transaction: who is writing, when, and with which
// keys. Every kind's save goes through it, so every write gets its envelope, change-log entry
// and audit entry in the same transaction.
type writer struct {
	tx     *bolt.Tx
	keys   *keys
	origin uuid.UUID
	user   string
	now    time.Time // one instant per transaction; the clock still orders writes within it
	clock  *clock

	// incoming, while sync applies a record, is that record as it came from the other device
	// (or as merged): the typed save that indexes it stores this envelope rather than a new
	// version, and skips what the sending device has already done (see syncing).
	incoming *envelope
	// incomingNew, while sync applies a record, says the import has just found no copy of it
	// here, so the saves need not look it up again (see knownNew) until putIncoming stores it.
	incomingNew bool
	// unchangedFrom, while sync stores a record exactly as a device sent it, is that device:
	// the change log notes it so the next bundle back to it leaves the record out.
	unchangedFrom uuid.UUID

	// restamp names fields this write stamps as changed even when their value is the same: a
	// conflict resolved by keeping the value the record already shows must still tell other
	// devices that someone chose it.
	restamp []string

	// later, while a bundle is applied, holds index and caseload writes back until the end of
	// the transaction, when they are made once and in key order (see deferredWrites).
	later *deferredWrites

	// tail is the history's newest entry once this transaction has appended to it, and links
	// computes the links (chain.go).
	tail        *chainTail
	links       *linker
	tailAtStart chainMark // the tail when this transaction first appended
	appended    int       // entries this transaction has appended
}

// syncing reports whether this write is sync applying another device's record, which the
// typed saves check to skip side effects the other device has already written.
func (w *writer) syncing() bool { return w.incoming != nil }

// auditNote is what a typed save adds to the audit entry for its write.
type auditNote struct {
	patientID string
	detail    string
}

// record is one write for putRecord.
type record struct {
	kind  Kind
	id    uuid.UUID
	body  any  // the domain value, stored as JSON
	final bool // this version may never be overwritten (an agreed plan)
	note  auditNote
}

// errFinal guards, for every kind, the rule that a final version is never overwritten; typed
// saves check first and give the domain's own error.
var errFinal = errors.New("this record is final and cannot be changed")

// putRecord stores r as the next version of its record: it seals the envelope, appends the
// change, and audits the write as created or updated. It is the only place records are
// written. It returns the new version. While sync applies a record (w.incoming), it stores that
// record as it came instead (see putIncoming).
func (w *writer) putRecord(r record) (uint64, error) {
	if r.kind == KindPatient && w.later != nil {
		delete(w.later.onHub, r.id) // removed, perhaps: look again (patientOnHub)
	}
	b, err := bucket(w.tx, bucketOfKind(r.kind))
	if err != nil {
		return 0, err
	}
	var stored []byte
	if !w.knownNew(r.kind, r.id) {
		stored = b.Get(r.id[:])
		if err := storedAs(r.kind, r.id[:], stored); err != nil {
			return 0, err
		}
	}
	if w.incoming != nil {
		return w.putIncoming(b, r, stored != nil)
	}
	var base uint64
	action := AuditCreated
	var prev envelope
	if stored != nil {
		if prev, err = openEnvelope(w.keys, stored); err != nil {
			return 0, fmt.Errorf("%s %s: %w", r.kind, r.id, err)
		}
		if prev.final {
			return 0, fmt.Errorf("%s %s: %w", r.kind, r.id, errFinal)
		}
		base, action = prev.version, AuditUpdated
	}
	plain, err := encodeBody(r.body)
	if err != nil {
		return 0, fmt.Errorf("encoding %s %s: %w", r.kind, r.id, err)
	}
	version := w.clock.next(w.now)
	// The stamps remember which fields this edit changed, so a copy edited elsewhere at the
	// same time can be merged field by field (docs/sync.md).
	meta := newSyncMeta(w.origin, version)
	if stored != nil {
		meta = prev.meta.edited(w.origin, version, unionStrings(changedFields(prev.body, plain, prev.deleted, false), w.restamp))
	}
	env := envelope{
		kind: r.kind, id: r.id, version: version, base: base, origin: w.origin,
		final: r.final, user: w.user, time: w.now, meta: meta, body: plain,
	}
	if err := b.Put(r.id[:], sealEnvelope(w.keys, env)); err != nil {
		return 0, err
	}
	entry := w.auditEntry(action, r.kind, r.id.String(), r.note)
	return version, w.appendChange(version, r.kind, r.id, uuid.Nil, version, entry)
}

// recordHeader reads the clear header of a stored record without unsealing it. existed is
// false when there is no such record.
func recordHeader(tx *bolt.Tx, kind Kind, id uuid.UUID) (e envelope, existed bool, err error) {
	b, err := bucket(tx, bucketOfKind(kind))
	if err != nil {
		return e, false, err
	}
	v := b.Get(id[:])
	if v == nil {
		return e, false, nil
	}
	if err := storedAs(kind, id[:], v); err != nil {
		return e, true, err
	}
	if e, _, err = decodeEnvelope(v); err != nil {
		return e, true, fmt.Errorf("%s %s: %w", kind, id, err)
	}
	return e, true, nil
}

// getRecord reads and unseals record id. A missing or deleted record is ErrNotFound.
func getRecord(tx *bolt.Tx, k *keys, kind Kind, id uuid.UUID) (envelope, error) {
	b, err := bucket(tx, bucketOfKind(kind))
	if err != nil {
		return envelope{}, err
	}
	v := b.Get(id[:])
	if v == nil {
		return envelope{}, fmt.Errorf("%s %s: %w", kind, id, ErrNotFound)
	}
	if err := storedAs(kind, id[:], v); err != nil {
		return envelope{}, err
	}
	e, err := openEnvelope(k, v)
	if err != nil {
		return e, err
	}
	if e.deleted {
		return e, fmt.Errorf("%s %s: %w", kind, id, ErrNotFound)
	}
	return e, nil
}

// storedAs checks that a stored envelope is the record its bucket and key say it is. Each
// envelope's seal binds its own header, so a whole envelope moved under another record's key
// still decrypts: without this check, asking for one person could show another's record.
func storedAs(kind Kind, key, v []byte) error {
	if len(v) < envelopeHeaderSize {
		return nil // too short to be anyone's: decoding reports it
	}
	if v[1] == kindCode(kind) && bytes.Equal(v[35:envelopeHeaderSize], key) {
		return nil
	}
	inside := "an unreadable record"
	if e, _, err := decodeEnvelope(v); err == nil {
		inside = fmt.Sprintf("%s %s", e.kind, e.id)
	}
	return fmt.Errorf("the record stored as %s %s is %s: %w", kind, keyName(key), inside, ErrAltered)
}

// keyName writes a record key as its id when it is one.
func keyName(key []byte) string {
	if len(key) == 16 {
		return uuid.UUID(key).String()
	}
	return fmt.Sprintf("%x", key)
}

// getBody reads record id into out (a pointer to the domain type).
func getBody(tx *bolt.Tx, k *keys, kind Kind, id uuid.UUID, out any) (envelope, error) {
	e, err := getRecord(tx, k, kind, id)
	if err != nil {
		return e, err
	}
	return e, unmarshalBody(e, out)
}

// recordExists reports whether record id is stored and not deleted, without unsealing it.
func recordExists(tx *bolt.Tx, kind Kind, id uuid.UUID) (bool, error) {
	e, existed, err := recordHeader(tx, kind, id)
	return existed && err == nil && !e.deleted, err
}

// forEachRecord unseals every live record of a kind in turn.
func forEachRecord(tx *bolt.Tx, k *keys, kind Kind, fn func(e envelope) error) error {
	b, err := bucket(tx, bucketOfKind(kind))
	if err != nil {
		return err
	}
	return b.ForEach(func(key, v []byte) error {
		if err := storedAs(kind, key, v); err != nil {
			return err
		}
		e, err := openEnvelope(k, v)
		if err != nil {
			return err
		}
		if e.deleted {
			return nil
		}
		return fn(e)
	})
}

// knownNew reports whether record id of kind is the record sync is applying and the import has
// found no copy of it here (writer.incomingNew): a new record is then looked up once, by the
// import, rather than again by its typed save and by putRecord.
func (w *writer) knownNew(kind Kind, id uuid.UUID) bool {
	return w.incomingNew && w.incoming != nil && w.incoming.kind == kind && w.incoming.id == id
}

// getBody is getBody in this transaction, knowing a new incoming record is not stored.
func (w *writer) getBody(kind Kind, id uuid.UUID, out any) (envelope, error) {
	if w.knownNew(kind, id) {
		return envelope{}, ErrNotFound
	}
	return getBody(w.tx, w.keys, kind, id, out)
}

// recordHeader is recordHeader in this transaction, knowing a new incoming record is not
// stored.
func (w *writer) recordHeader(kind Kind, id uuid.UUID) (envelope, bool, error) {
	if w.knownNew(kind, id) {
		return envelope{}, false, nil
	}
	return recordHeader(w.tx, kind, id)
}

// recordExists is recordExists in this transaction, knowing a new incoming record is not
// stored.
func (w *writer) recordExists(kind Kind, id uuid.UUID) (bool, error) {
	if w.knownNew(kind, id) {
		return false, nil
	}
	return recordExists(w.tx, kind, id)
}

// putHubRecord stores one of the hub's own records (a template or a service), which have no
// indexes of their own.
func (w *writer) putHubRecord(kind Kind, id string, body any, name string) error {
	uid, err := parseID(id)
	if err != nil {
		return err
	}
	_, err = w.putRecord(record{kind: kind, id: uid, body: body, note: auditNote{detail: name}})
	return err
}
