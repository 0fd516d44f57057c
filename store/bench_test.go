package store

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// The benchmarks compare carehub's work with its floor, the unavoidable part of the same job,
// in the same run, and report the ratio as x/floor. Each uses b.Loop, so the fixture is built
// once per benchmark; inside the loop the floor and the store's own operation run once each per
// iteration, alternately, so both see the same page cache and disk. The timer runs only around
// the store's operation (ns/op); the floor is timed by hand and reported as floor-ns/op. A
// garbage collection before each phase (outside both timings) keeps one phase's garbage from
// being collected on the other's clock.
// Reproduce with: go test -run XXX -bench . -benchtime 3x ./store/

// fillStore imports n patients (each with a draft plan) in transactions of 1,000, as demo
// data is loaded.
func fillStore(b *testing.B, s *Store, n int) []careplan.Plan {
	b.Helper()
	plans := make([]careplan.Plan, 0, n)
	families := []string{"O'Brien", "Smith", "Jones", "Ní Bhriain", "Patel", "Williams", "Brown", "Taylor"}
	givens := []string{"Siân", "Ada", "Mohammed", "Zoë", "Olivia", "George", "Amelia", "Harry"}
	nine := 0
	for start := 0; start < n; start += 1000 {
		err := s.Import(func(batch *Batch) error {
			for i := start; i < start+1000 && i < n; i++ {
				nhs := nextTestNHS(&nine)
				p := testPatient(givens[i%len(givens)], families[(i/8)%len(families)], nhs)
				p.DateOfBirth = careplan.NewDate(1930+i%60, time.Month(1+i%12), 1+i%28)
				if err := batch.SavePatient(&p); err != nil {
					return err
				}
				plan := testPlan(p.ID)
				if err := batch.SavePlan(&plan); err != nil {
					return err
				}
				plans = append(plans, plan)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return plans
}

// nextTestNHS returns the next valid 999-range NHS number after *nine.
func nextTestNHS(nine *int) careplan.NHSNumber {
	for {
		*nine++
		s := fmt.Sprintf("999%06d", *nine)
		if d, ok := careplan.NHSCheckDigit(s); ok {
			return careplan.NHSNumber(fmt.Sprintf("%s%d", s, d))
		}
	}
}

func benchOptions() Options {
	return Options{User: "bench", KDF: cheapKDF()}
}

// BenchmarkOpenCaseload30k opens a 30,000-patient store and loads the caseload, against the
// floor: opening the same file with bbolt and AES-GCM-opening every caseload value with the
// same key, decoding nothing. Target: under 0.5 s and at most 2x the floor.
func BenchmarkOpenCaseload30k(b *testing.B) {
	const patients = 30_000
	path := filepath.Join(b.TempDir(), "county.carehub")
	s, err := Create(path, testPassphrase, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	built := time.Now()
	fillStore(b, s, patients)
	b.Logf("built a %d-patient store in %v", patients, time.Since(built))
	aead := s.keys.aead // the floor decrypts with the very same key
	s.Close()

	floor := func() int {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		n := 0
		err = db.View(func(tx *bolt.Tx) error {
			buf := make([]byte, 0, 512)
			c := tx.Bucket([]byte(bucketCaseload)).Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if buf, err = aead.Open(buf[:0], nil, v, k); err != nil {
					return err
				}
				n++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		return n
	}

	var floorTime time.Duration
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		start := time.Now()
		if n := floor(); n != patients {
			b.Fatalf("floor saw %d entries", n)
		}
		floorTime += time.Since(start)
		runtime.GC()
		b.StartTimer()

		s, err := Open(path, testPassphrase, benchOptions())
		if err != nil {
			b.Fatal(err)
		}
		entries, err := s.Caseload()
		if err != nil {
			b.Fatal(err)
		}
		if len(entries) != patients {
			b.Fatalf("caseload has %d entries", len(entries))
		}
		s.Close()
	}
	reportRatio(b, floorTime)
}

// BenchmarkSavePlanEdit saves one edit of an existing draft plan in a 1,000-patient store,
// against the floor: a raw bbolt Update that puts as many bytes as the stored plan record into
// one key and commits. The floor's bucket holds as many records of that size as the store's
// plans bucket, so its put lands in a B+tree of the same shape rather than in a tiny inline
// bucket; bare-x/floor compares with a put into an empty file, the absolute minimum. Both use
// bbolt's default fsync on commit. Target: at most 1.3x the floor.
func BenchmarkSavePlanEdit(b *testing.B) {
	dir := b.TempDir()
	s, err := Create(filepath.Join(dir, "hub.carehub"), testPassphrase, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	plans := fillStore(b, s, 1000)
	plan := plans[len(plans)/2]

	var recordBytes int
	err = s.db.View(func(tx *bolt.Tx) error {
		id := uuid.MustParse(plan.ID)
		recordBytes = len(tx.Bucket([]byte(bucketPlans)).Get(id[:]))
		return nil
	})
	if err != nil || recordBytes == 0 {
		b.Fatalf("plan record: %d bytes, %v", recordBytes, err)
	}

	value := make([]byte, recordBytes)
	shaped := rawPutFloor(b, filepath.Join(dir, "floor.db"), len(plans), value)
	bare := rawPutFloor(b, filepath.Join(dir, "bare.db"), 0, value)

	var floorTime, bareTime time.Duration
	i := 0
	// edit saves one edit, after a put into each floor file (off the timer).
	edit := func() {
		i++
		b.StopTimer()
		value[0] = byte(i)
		floorTime += shaped()
		bareTime += bare()
		plan.Strengths = fmt.Sprintf("Determined (edit %d)", i)
		b.StartTimer()
		if err := s.SavePlan(&plan); err != nil {
			b.Fatal(err)
		}
	}
	// A few edits first, off the figures: the first commits after filling the store pay
	// for growing the file. Then each op is editsPerOp edits, so even -benchtime 3x compares
	// sixty fsyncs with sixty, not three with three.
	for range 3 {
		edit()
	}
	floorTime, bareTime = 0, 0
	pagesBefore := pageWrites(s.db)
	for b.Loop() {
		for range editsPerOp {
			edit()
		}
	}
	reportRatio(b, floorTime)
	b.ReportMetric(float64(b.Elapsed())/float64(bareTime), "bare-x/floor")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*editsPerOp), "ns/edit")
	// Page writes explain the ratio: bbolt writes each dirty page separately, and an edit
	// touches two B+trees (the plan, and the change log that also carries the write's audit
	// entry) where the floor touches one.
	b.ReportMetric(float64(pageWrites(s.db)-pagesBefore)/float64(b.N*editsPerOp), "pages/edit")
}

// editsPerOp is how many plan edits one op of BenchmarkSavePlanEdit saves.
const editsPerOp = 20

// rawPutFloor makes a bbolt file whose one bucket holds n records of len(value) bytes, and
// returns a function that puts value into one key in its own Update and reports the time.
func rawPutFloor(b *testing.B, path string, n int, value []byte) func() time.Duration {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	keys := make([]uuid.UUID, n+1)
	err = db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucket([]byte("plans"))
		for i := range keys {
			keys[i] = uuid.New()
			if err == nil && i < n {
				err = bk.Put(keys[i][:], value)
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	key := keys[n/2]
	return func() time.Duration {
		start := time.Now()
		err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("plans")).Put(key[:], value) })
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
}

// reportRatio reports the floor's time per operation and the store's time as a multiple of it.
func reportRatio(b *testing.B, floor time.Duration) {
	ours := b.Elapsed()
	b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N), "floor-ns/op")
	if floor > 0 {
		b.ReportMetric(float64(ours)/float64(floor), "x/floor")
	}
}

// pageWrites is how many pages bbolt has written since the database was opened.
func pageWrites(db *bolt.DB) int64 {
	st := db.Stats()
	return st.TxStats.GetWrite()
}
