package store

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkUnlockHistory30k measures the unlock's check of the history on a 30,000-patient store
// (each with a draft plan: 60,000 change-log entries) against the time the unlock takes: open,
// unlock and load the caseload (ns/op, as BenchmarkOpenCaseload30k). After the store was last
// unlocked, a day's work was done: 200 saves and 1,000 views. verify-ns is the walk from the
// point the last unlock verified to the end (what the next unlock does), x/open its share of
// the open (target: under 0.10). full-verify-ns walks the whole chain, as check does, and
// full-x/open is its share. upgrade-ns is the one-off chaining of a store from before the chain,
// measured once. filecheck-ns is checkFile's walk of the file before bbolt opens it (part of
// ns/op), and filecheck-x/open its share.
// Reproduce with: go test -run XXX -bench UnlockHistory30k -benchtime 10x ./store/
func BenchmarkUnlockHistory30k(b *testing.B) {
	const patients = 30_000
	path := filepath.Join(b.TempDir(), "county.carehub")
	s, err := Create(path, testPassphrase, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	plans := fillStore(b, s, patients)
	s.Close()

	unchain(b, path)
	s, err = Open(path, testPassphrase, benchOptions()) // warm the file; then time the upgrade alone
	if err == nil {
		s.Close()
	}
	unchain(b, path)
	start := time.Now()
	if s, err = Open(path, testPassphrase, benchOptions()); err != nil {
		b.Fatal(err)
	}
	upgrade := time.Since(start)
	for i := range 200 {
		p := plans[i*97]
		p.Strengths = "edited"
		if err := s.SavePlan(&p); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 1000 {
		if _, err := s.CareTeam(plans[i*29].PatientID); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Patient(plans[i*29].PatientID); err != nil {
			b.Fatal(err)
		}
	}
	k := s.keys
	var dayStart []byte // the mark where the day's work began
	_ = s.db.View(func(tx *bolt.Tx) error {
		dayStart = append([]byte(nil), tx.Bucket([]byte(bucketMeta)).Get([]byte(metaChainVerified))...)
		return nil
	})
	s.Close()

	verify := func(fromMark bool) (time.Duration, int) {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		var n int
		start := time.Now()
		err = db.View(func(tx *bolt.Tx) error {
			var mark *chainMark
			if fromMark {
				if mark, err = readMark(tx, k); err != nil {
					return err
				}
			}
			_, n, err = verifyChain(tx, k, mark)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(start), n
	}

	var verifyTime, fullTime, fileTime time.Duration
	var walked, all int
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		d, n := verify(true)
		verifyTime, walked = verifyTime+d, n
		d, n = verify(false)
		fullTime, all = fullTime+d, n
		start := time.Now()
		if err := checkFile(path); err != nil {
			b.Fatal(err)
		}
		fileTime += time.Since(start)
		runtime.GC()
		b.StartTimer()

		s, err := Open(path, testPassphrase, Options{User: "bench", KDF: cheapKDF(), Inspect: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Caseload(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		// Put the mark back where the day began, so every unlock walks the day's work again.
		err = s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketMeta)).Put([]byte(metaChainVerified), dayStart)
		})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.StartTimer()
	}
	open := float64(b.Elapsed()) / float64(b.N)
	b.ReportMetric(float64(verifyTime)/float64(b.N), "verify-ns")
	b.ReportMetric(float64(verifyTime)/float64(b.N)/open, "x/open")
	b.ReportMetric(float64(fullTime)/float64(b.N), "full-verify-ns")
	b.ReportMetric(float64(fullTime)/float64(b.N)/open, "full-x/open")
	b.ReportMetric(float64(upgrade), "upgrade-ns")
	b.ReportMetric(float64(fileTime)/float64(b.N), "filecheck-ns")
	b.ReportMetric(float64(fileTime)/float64(b.N)/open, "filecheck-x/open")
	b.Logf("the unlock walks %d entries; the whole chain is %d", walked, all)
}
