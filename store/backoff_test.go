package store

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// contentsBesideMisses is a digest of every key and value in the file but the count of
// wrong passphrases, the one thing a wrong passphrase writes.
func contentsBesideMisses(t *testing.T, path string) string {
	t.Helper()
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	if err := db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if string(name) == bucketMeta && string(k) == metaSignInMisses {
					return nil
				}
				fmt.Fprintf(h, "%q %q %q\n", name, k, v)
				return nil
			})
		})
	}); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestWrongPassphraseBackOffSurvivesARestart(t *testing.T) {
	s, c := newTestStore(t)
	path := s.Path()
	s.Close()
	var waited []time.Duration
	opt := testOptions(c)
	opt.Sleep = func(d time.Duration) { waited = append(waited, d) }
	for range 6 { // each Open is a fresh start of carehub, as the command line is
		if _, err := Open(path, "not the passphrase", opt); err == nil {
			t.Fatal("a wrong passphrase opened the store")
		}
	}
	if len(waited) != 1 || waited[0] != time.Second {
		t.Fatalf("after six misses the waits were %v, want one of 1s before the sixth", waited)
	}
	waited = nil
	again, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if len(waited) != 1 || waited[0] != 2*time.Second {
		t.Errorf("the right passphrase after six misses waited %v, want 2s", waited)
	}
	waited = nil
	last, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	last.Close()
	if len(waited) != 0 {
		t.Errorf("the right passphrase did not reset the back-off: waited %v", waited)
	}
}
