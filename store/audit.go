package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Audit actions.
const (
	AuditViewed  = "viewed"
	AuditCreated = "created"
	AuditUpdated = "updated"
	AuditDeleted = "deleted"
	AuditReport  = "report" // a cohort report or export that read many patients at once
)

// AuditEntry is one line of the audit: who did what to which record, and when. The audit is
// append-only; there is no way to change or remove an entry through the store.
type AuditEntry struct {
	Time      time.Time
	User      string
	Action    string // AuditViewed, AuditCreated, AuditUpdated, AuditDeleted or AuditReport
	Kind      Kind
	RecordID  string
	PatientID string // the patient the record is about, when there is one
	Detail    string // a few words: "version 2 draft", "found by NHS number"
}

// audit appends a view (or any event that is not a write) for this transaction's user and time.
// A write's own audit entry is carried by its change-log entry (see appendChange); Audit merges
// the two by version.
func (w *writer) audit(action string, kind Kind, recordID string, note auditNote) error {
	b, err := bucket(w.tx, bucketAudit)
	if err != nil {
		return err
	}
	b.FillPercent = 1 // append-only
	// Views take a version from the same clock as writes, so the audit log interleaves the
	// two in the order they happened, even within one millisecond.
	version := w.clock.next(w.now)
	key := binary.BigEndian.AppendUint64(nil, version)
	entry := w.auditEntry(action, kind, recordID, note)
	val := w.keys.seal(make([]byte, 0, auditSize(entry)+w.keys.overhead()+chainLinkSize), encodeAudit(entry), key)
	link, err := w.chainLink(fromViews, key, val)
	if err != nil {
		return err
	}
	return b.Put(key, append(val, link...)) // the link follows the sealed entry (chain.go)
}

// viewSealed is the sealed audit entry of a value in the views bucket, without its link.
func viewSealed(v []byte) ([]byte, error) {
	if len(v) <= chainLinkSize {
		return nil, errBadAudit
	}
	return v[:len(v)-chainLinkSize], nil
}

// auditEntry is who did what to which record, now.
func (w *writer) auditEntry(action string, kind Kind, recordID string, note auditNote) AuditEntry {
	return AuditEntry{
		Time: w.now, User: w.user, Action: action, Kind: kind,
		RecordID: recordID, PatientID: note.patientID, Detail: note.detail,
	}
}

func encodeAudit(e AuditEntry) []byte {
	return appendAudit(make([]byte, 0, auditSize(e)), e)
}

// appendAudit appends encodeAudit(e) to b.
func appendAudit(b []byte, e AuditEntry) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(e.Time.UnixNano()))
	for _, s := range []string{e.User, e.Action, string(e.Kind), e.RecordID, e.PatientID, e.Detail} {
		b = appendString(b, s)
	}
	return b
}

// auditSize is how long encodeAudit(e) is.
func auditSize(e AuditEntry) int {
	return 8 + stringSize(e.User) + stringSize(e.Action) + stringSize(string(e.Kind)) + stringSize(e.RecordID) +
		stringSize(e.PatientID) + stringSize(e.Detail)
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
	type versioned struct {
		version uint64
		entry   AuditEntry
	}
	var all []versioned
	err := s.view(func(tx *bolt.Tx) error {
		views, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		err = views.ForEach(func(k, v []byte) error {
			sealed, err := viewSealed(v)
			if err != nil {
				return err
			}
			e, err := openAudit(s.keys, k, sealed)
			if err == nil && len(k) != 8 {
				err = errBadAudit
			}
			if err != nil {
				return err
			}
			all = append(all, versioned{binary.BigEndian.Uint64(k), e})
			return nil
		})
		if err != nil {
			return err
		}
		writes, err := bucket(tx, bucketChanges)
		if err != nil {
			return err
		}
		return writes.ForEach(func(k, v []byte) error {
			e, err := changeAudit(s.keys, k, v)
			if err != nil {
				return err
			}
			all = append(all, versioned{binary.BigEndian.Uint64(k[:8]), e})
			return nil
		})
	})
	sort.Slice(all, func(i, j int) bool { return all[i].version < all[j].version })
	out := make([]AuditEntry, len(all))
	for i, v := range all {
		out[i] = v.entry
	}
	return out, err
}
