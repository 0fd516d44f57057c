package store

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// logicalBits is how many low bits of a version hold the logical counter. The rest hold
// physical milliseconds since the Unix epoch, so versions sort by time across devices and a
// version can be read as a rough wall-clock time.
const logicalBits = 16

// nextVersion is the hybrid logical clock step: a version greater than last that tracks the
// wall clock when it can. When the clock stands still or steps back (NTP correction, a laptop
// with a flat battery), the logical counter carries the order forward, so versions never
// repeat or go backwards. A counter overflow simply borrows the next millisecond.
func nextVersion(last uint64, now time.Time) uint64 {
	ms := now.UnixMilli()
	if ms < 0 {
		ms = 0
	}
	if phys := uint64(ms) << logicalBits; phys > last {
		return phys
	}
	return last + 1
}

// VersionTime is the wall-clock millisecond a version was issued at (by its device's clock,
// give or take the logical counter).
func VersionTime(v uint64) time.Time {
	return time.UnixMilli(int64(v >> logicalBits)).UTC()
}

// tickClock issues the next version and persists it in the same transaction, so the clock
// survives restarts and a rolled-back write does not consume a version.
func tickClock(tx *bolt.Tx, now time.Time) (uint64, error) {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return 0, err
	}
	var last uint64
	if b := meta.Get([]byte(metaHLC)); b != nil {
		if len(b) != 8 {
			return 0, fmt.Errorf("the stored clock is %d bytes, not 8: %w", len(b), ErrNotCarehub)
		}
		last = binary.BigEndian.Uint64(b)
	}
	v := nextVersion(last, now)
	if err := meta.Put([]byte(metaHLC), binary.BigEndian.AppendUint64(nil, v)); err != nil {
		return 0, err
	}
	return v, nil
}
