package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Change is one entry of the change log: record id of a kind reached version. Sync reads the
// log after its last checkpoint to find what to send.
type Change struct {
	Version uint64
	Kind    Kind
	ID      string
}

// changeKeySize is version (8) + record id (16). Keys sort by version, so "everything after a
// checkpoint" is one cursor seek.
const changeKeySize = 8 + 16

// changeFromDevice marks, in the kind byte of a change-log value, an entry for a record taken
// unchanged from another device; that device's id (16 bytes, not patient data: bundles carry
// it in clear) follows before the sealed audit entry. Kind codes stay below it.
const changeFromDevice = 0x80

// appendChangePrefix appends the clear part of a change-log value: the kind, and the device
// the record came from unchanged when there is one, then the version the record reached.
func appendChangePrefix(b []byte, kind Kind, from uuid.UUID, recordVersion uint64) []byte {
	if from == uuid.Nil {
		b = append(b, kindCode(kind)|changeChained)
	} else {
		b = append(append(b, kindCode(kind)|changeFromDevice|changeChained), from[:]...)
	}
	return binary.BigEndian.AppendUint64(b, recordVersion)
}

// changePrefixLen is how many bytes of a change-log value come before its sealed audit entry.
func changePrefixLen(v []byte) int {
	n := 1
	if len(v) > 0 && v[0]&changeFromDevice != 0 {
		n += 16
	}
	if len(v) > 0 && v[0]&changeChained != 0 {
		n += 8
	}
	return n
}

// changeRecordVersion is the version a change-log entry says its record reached (0 for an
// older entry of a record, logged before the history was chained).
func changeRecordVersion(v []byte) (uint64, bool) {
	n := changePrefixLen(v)
	if len(v) < n || v[0]&changeChained == 0 {
		return 0, false
	}
	return binary.BigEndian.Uint64(v[n-8 : n]), true
}

// appendChange logs that record id of kind reached recordVersion, at version in this store's
// log (the record's own version for a local write), carrying the write's audit entry; from
// names the device the record came from unchanged (uuid.Nil for a change made here). The entry
// ends with its link in the history's chain (chain.go).
func (w *writer) appendChange(version uint64, kind Kind, id, from uuid.UUID, recordVersion uint64, audit AuditEntry) error {
	b, err := bucket(w.tx, bucketChanges)
	if err != nil {
		return err
	}
	b.FillPercent = 1 // append-only: full pages, no half-empty splits
	key := binary.BigEndian.AppendUint64(make([]byte, 0, changeKeySize), version)
	key = append(key, id[:]...)
	// The write's audit entry travels in its change-log entry rather than in a bucket of its
	// own: one append-only tree instead of two keeps a save close to the cost of a bare put.
	// One buffer: the clear prefix, then the audit entry, sealed where it lies, then the link.
	val := make([]byte, 0, 1+len(from)+8+auditSize(audit)+w.keys.overhead()+chainLinkSize) // as bbolt keeps it: no spare room
	val = appendChangePrefix(val, kind, from, recordVersion)
	n := len(val)
	val = appendAudit(val, audit)
	val = slices.Grow(val, w.keys.overhead()+chainLinkSize)
	val = w.keys.seal(val[:n], val[n:], key)
	link, err := w.chainLink(fromChanges, key, val)
	if err != nil {
		return err
	}
	return b.Put(key, append(val, link...))
}

// changeAudit unseals the audit entry a change-log entry carries.
func changeAudit(k *keys, key, val []byte) (AuditEntry, error) {
	n := changePrefixLen(val)
	end := len(val)
	if len(val) > 0 && val[0]&changeChained != 0 {
		end -= chainLinkSize
	}
	if end <= n {
		return AuditEntry{}, errBadAudit
	}
	return openAudit(k, key, val[n:end])
}

// decodeChange reads one change-log entry.
func decodeChange(k, v []byte) (Change, error) {
	e, err := decodeLogEntry(k, v)
	if err != nil {
		return Change{}, err
	}
	return Change{Version: e.pos, Kind: e.kind, ID: uuid.UUID(k[8:]).String()}, nil
}

// decodeLogEntry reads one change-log entry without spelling out its record id, for passes
// over the whole log.
func decodeLogEntry(k, v []byte) (logEntry, error) {
	if len(k) != changeKeySize || len(v) < 1 || len(v) < changePrefixLen(v) {
		return logEntry{}, fmt.Errorf("a change-log entry is damaged (%d+%d bytes)", len(k), len(v))
	}
	kind, ok := kindOfCode(v[0] &^ (changeFromDevice | changeChained))
	if !ok {
		return logEntry{}, fmt.Errorf("a change-log entry has unknown kind %d", v[0])
	}
	e := logEntry{pos: binary.BigEndian.Uint64(k[:8]), kind: kind}
	if v[0]&changeFromDevice != 0 {
		e.from = uuid.UUID(v[1:17])
	}
	return e, nil
}

// ChangesSince returns the changes with a version greater than v, oldest first. Pass 0 for
// the whole log. A change's version is where it sits in this store's log: the record's own
// version for a local write, and a local version for a record that arrived by sync.
func (s *Store) ChangesSince(v uint64) ([]Change, error) {
	var out []Change
	err := s.view(func(tx *bolt.Tx) error {
		return eachChangeAfter(tx, v, func(ch Change) error {
			out = append(out, ch)
			return nil
		})
	})
	return out, err
}

// eachChangeAfter calls fn for each change-log entry after position v, oldest first.
func eachChangeAfter(tx *bolt.Tx, v uint64, fn func(Change) error) error {
	if v == math.MaxUint64 {
		return nil
	}
	b, err := bucket(tx, bucketChanges)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, val := c.Seek(binary.BigEndian.AppendUint64(nil, v+1)); k != nil; k, val = c.Next() {
		ch, err := decodeChange(k, val)
		if err != nil {
			return err
		}
		if err := fn(ch); err != nil {
			return err
		}
	}
	return nil
}

// lastChange is the position a bundle covers up to: the newest change-log entry or goal
// check-in arrival, whichever is later (0 for neither). Both are keyed by the store's clock,
// so one position says what a peer has of both.
func lastChange(tx *bolt.Tx) (uint64, error) {
	var last uint64
	for _, name := range []string{bucketChanges, bucketCheckInArrivals} {
		b, err := bucket(tx, name)
		if err != nil {
			return 0, err
		}
		if k, _ := b.Cursor().Last(); len(k) == changeKeySize {
			last = max(last, binary.BigEndian.Uint64(k[:8]))
		}
	}
	return last, nil
}
