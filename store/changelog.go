package store

import (
	"encoding/binary"
	"math"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// logState is, for every record changed after a change-log position, its latest entry: what a
// bundle selection needs, read in one pass so the Sync screen can count what each of many
// paired devices waits for without reading the log once per device.
type logState struct {
	since uint64
	last  map[uuid.UUID]logEntry
}

// logEntry is a record's latest change-log entry.
type logEntry struct {
	pos  uint64
	kind Kind
	from uuid.UUID // the device it was taken from unchanged, uuid.Nil for a change made here
}

// readLogAfter reads the change log after position since.
func readLogAfter(tx *bolt.Tx, since uint64) (logState, error) {
	l := logState{since: since, last: map[uuid.UUID]logEntry{}}
	if since == math.MaxUint64 {
		return l, nil
	}
	b, err := bucket(tx, bucketChanges)
	if err != nil {
		return l, err
	}
	c := b.Cursor()
	for k, v := c.Seek(binary.BigEndian.AppendUint64(nil, since+1)); k != nil; k, v = c.Next() {
		e, err := decodeLogEntry(k, v)
		if err != nil {
			return l, err
		}
		l.last[uuid.UUID(k[8:])] = e
	}
	return l, nil
}

// changedFor reports whether record id changed after peer's checkpoint in a way the peer has
// not seen: its latest change is not the peer's own copy taken unchanged (sending that back
// would only echo it; a later edit or merge here is a new latest change).
func (l logState) changedFor(peer peerRec, id uuid.UUID) bool {
	e, ok := l.last[id]
	return ok && e.pos > peer.Acked && e.from != peer.Card.Device
}
