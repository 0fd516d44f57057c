package store

import (
	"encoding/binary"
	"fmt"
	"sync"
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

// clock is a store's hybrid logical clock. It lives in memory while the store is open: every
// version it hands out becomes the key of a change-log or audit entry in the same transaction,
// so on opening, the newest of those keys (or the clock older stores kept in meta) is where it
// resumes. Not writing the clock on every save saves a page write per edit. A version handed
// out in a transaction that then fails is simply never used.
type clock struct {
	mu   sync.Mutex
	last uint64
}

// next issues the next version.
func (c *clock) next(now time.Time) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = nextVersion(c.last, now)
	return c.last
}

// observe moves the clock up to a version seen on another device, so every later local edit
// gets a version above it (the hybrid logical clock's receive rule).
func (c *clock) observe(v uint64) {
	c.mu.Lock()
	c.last = max(c.last, v)
	c.mu.Unlock()
}

// lastVersion is where the clock resumes: the newest change-log or audit key, or the clock
// older stores kept in meta, whichever is later.
func lastVersion(tx *bolt.Tx) (uint64, error) {
	var last uint64
	if meta := tx.Bucket([]byte(bucketMeta)); meta != nil {
		if b := meta.Get([]byte(metaHLC)); b != nil {
			if len(b) != 8 {
				return 0, fmt.Errorf("the stored clock is %d bytes, not 8: %w", len(b), ErrNotCarehub)
			}
			last = binary.BigEndian.Uint64(b)
		}
	}
	for _, name := range []string{bucketChanges, bucketAudit, bucketCheckInArrivals, bucketChainGaps} {
		if b := tx.Bucket([]byte(name)); b != nil {
			if k, _ := b.Cursor().Last(); len(k) >= 8 {
				last = max(last, binary.BigEndian.Uint64(k[:8]))
			}
		}
	}
	return last, nil
}
