package store

import (
	"encoding/binary"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// The wrong-passphrase back-off is kept in the file, so that quitting and starting carehub (or
// running the command line again) does not reset it: meta "signin-misses" holds, in clear, how
// many wrong passphrases in a row the store has met. Each sign-in waits access.DelayAfter that
// count before it tries the passphrase. It is in clear because a wrong passphrase has no key to
// seal it with; someone who can edit the file can reset it, but they can also copy the file and
// guess offline, which only argon2id slows. A wrong passphrase therefore writes this one count
// and nothing else; the right one sets it back to nothing.

const metaSignInMisses = "signin-misses" // uint32 big-endian

// misses reads the count of wrong passphrases in a row.
func misses(tx *bolt.Tx) int {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		return 0
	}
	v := meta.Get([]byte(metaSignInMisses))
	if len(v) != 4 {
		return 0
	}
	return int(binary.BigEndian.Uint32(v))
}

// waitForBackOff sleeps as long as the count of misses in the file asks.
func waitForBackOff(db *bolt.DB, opt Options) {
	n := 0
	_ = guard(func() error { return db.View(func(tx *bolt.Tx) error { n = misses(tx); return nil }) })
	if d := access.DelayAfter(n); d > 0 {
		sleep := opt.Sleep
		if sleep == nil {
			sleep = time.Sleep
		}
		sleep(d)
	}
}

// countMiss adds one to the count after a wrong passphrase, or sets it back to nothing after
// the right one. A store opened read-only is left alone.
func countMiss(db *bolt.DB, opt Options, err error) {
	if opt.readOnly || opt.Inspect && err == nil {
		return
	}
	wrong := errors.Is(err, ErrWrongPassphrase)
	if err != nil && !wrong {
		return
	}
	_ = guard(func() error {
		var n int
		if err := db.View(func(tx *bolt.Tx) error { n = misses(tx); return nil }); err != nil || !wrong && n == 0 {
			return err
		}
		return db.Update(func(tx *bolt.Tx) error {
			meta, err := bucket(tx, bucketMeta)
			if err != nil {
				return err
			}
			if !wrong {
				return meta.Delete([]byte(metaSignInMisses))
			}
			return meta.Put([]byte(metaSignInMisses), binary.BigEndian.AppendUint32(nil, uint32(min(n+1, 1<<20))))
		})
	})
}
