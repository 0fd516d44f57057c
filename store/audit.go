package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Audit actions.
const (
	AuditViewed  = "viewed"
	AuditCreated = "created"
	AuditUpdated = "updated"
	AuditDeleted = "deleted"
)

// AuditEntry is one line of the audit: who did what to which record, and when. The audit is
// append-only; there is no way to change or remove an entry through the store.
type AuditEntry struct {
	Time      time.Time
	User      string
	Action    string // AuditViewed, AuditCreated, AuditUpdated or AuditDeleted
	Kind      Kind
	RecordID  string
	PatientID string // the patient the record is about, when there is one
	Detail    string // a few words: "version 2 draft", "found by NHS number"
}

// audit appends an entry for this transaction's user and time. Entries are keyed by the
// bucket's sequence, so they stay in the order they were written even if the clock jumps.
func (w *writer) audit(action string, kind Kind, recordID string, note auditNote) error {
	b, err := bucket(w.tx, bucketAudit)
	if err != nil {
		return err
	}
	b.FillPercent = 1 // append-only
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint64(nil, seq)
	e := AuditEntry{
		Time: w.now, User: w.user, Action: action, Kind: kind,
		RecordID: recordID, PatientID: note.patientID, Detail: note.detail,
	}
	return b.Put(key, w.keys.seal(nil, encodeAudit(e), key))
}

func encodeAudit(e AuditEntry) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(e.Time.UnixNano()))
	for _, s := range []string{e.User, e.Action, string(e.Kind), e.RecordID, e.PatientID, e.Detail} {
		b = appendString(b, s)
	}
	return b
}

var errBadAudit = errors.New("an audit entry cannot be read")

func decodeAudit(b []byte) (AuditEntry, error) {
	var e AuditEntry
	if len(b) < 8 {
		return e, errBadAudit
	}
	e.Time = time.Unix(0, int64(binary.BigEndian.Uint64(b))).UTC()
	b = b[8:]
	var kind string
	for _, f := range []*string{&e.User, &e.Action, &kind, &e.RecordID, &e.PatientID, &e.Detail} {
		var err error
		if *f, b, err = readString(b); err != nil {
			return e, errBadAudit
		}
	}
	e.Kind = Kind(kind)
	return e, nil
}

// openAudit unseals one stored audit entry.
func openAudit(k *keys, key, sealed []byte) (AuditEntry, error) {
	plain, err := k.open(nil, sealed, key)
	if err != nil {
		return AuditEntry{}, fmt.Errorf("%w: it does not decrypt", errBadAudit)
	}
	return decodeAudit(plain)
}

// Audit returns the whole audit, oldest first.
func (s *Store) Audit() ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			e, err := openAudit(s.keys, k, v)
			if err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
