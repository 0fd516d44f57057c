package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// damagedSeed makes a small closed store with a few people, plans and views, and returns its
// bytes: the file every damage test starts from.
func damagedSeed(t testing.TB) []byte {
	t.Helper()
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "seed.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		p := testPatient("Ada", "Lovelace", testNHSNumber(10*i+1))
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		plan := testPlan(p.ID)
		if err := s.SavePlan(&plan); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Patient(p.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// bbolt grows its file ahead of use; only the pages below the high-water mark matter, and a
	// short seed keeps each fuzzing run quick.
	return b[:usedSize(b)]
}

// usedSize is how much of a store file its newest header says is in use.
func usedSize(file []byte) int {
	m0, m1 := readMeta(file), readMeta(file[pageSizeOf(file):])
	if m1.txid > m0.txid {
		m0 = m1
	}
	return int(m0.highWater * m0.pageSize)
}

// openDamaged writes file to a store path and does what every command does first: open it,
// then (if it opened) check it and read the caseload. It must never crash; it returns what the
// open said, and whether a failed open left the file as it was.
func openDamaged(t testing.TB, file []byte) (unchanged bool, openErr error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged.carehub")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, testPassphrase, Options{Now: newTestClock().Now, KDF: cheapKDF(), Inspect: true})
	if err == nil {
		_, _ = s.Check()
		_, _ = s.Caseload()
		_ = s.EachPatient(func(PatientRecords) error { return nil })
		s.Close()
		return true, nil
	}
	after, readErr := os.ReadFile(path)
	return readErr == nil && bytes.Equal(after, file), err
}

// pageSizeOf reads the page size from a store file's first meta page.
func pageSizeOf(file []byte) int {
	return int(binary.NativeEndian.Uint32(file[boltPageHeader+8:]))
}

func TestDamagedStoreFilesAreReportedNotCrashedOn(t *testing.T) {
	seed := damagedSeed(t)
	ps := pageSizeOf(seed)
	cases := map[string][]byte{
		"cut at 8 KiB":          seed[:8192],
		"cut at half":           seed[:len(seed)/2],
		"cut by one page":       seed[:len(seed)-ps],
		"cut by one byte":       seed[:len(seed)-1],
		"cut inside the header": seed[:100],
		"both headers zeroed": func() []byte {
			b := bytes.Clone(seed)
			clear(b[:2*ps])
			return b
		}(),
		"both headers' checksums broken": func() []byte {
			b := bytes.Clone(seed)
			b[boltPageHeader+60] ^= 0xFF
			b[ps+boltPageHeader+60] ^= 0xFF
			return b
		}(),
	}
	for name, file := range cases {
		unchanged, err := openDamaged(t, file)
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
			continue
		}
		if msg := err.Error(); !bytes.HasPrefix([]byte(msg), []byte("this store is damaged: ")) ||
			!bytes.HasSuffix([]byte(msg), []byte(" — restore it from a backup")) || bytes.ContainsRune([]byte(msg), '\n') {
			t.Errorf("%s: message %q", name, msg)
		}
		if !unchanged {
			t.Errorf("%s: the failed open changed the file", name)
		}
	}
	if _, err := openDamaged(t, []byte("Dear Sam,\nthis is a letter, not a store.\n")); !errors.Is(err, ErrNotCarehub) {
		t.Errorf("a text file: %v, want ErrNotCarehub", err)
	}
}

// Every page of the seed zeroed in turn, and every page with bytes flipped in turn: each open
// either works or says the store is damaged or not carehub's, and a failed one changes nothing.
func TestEveryPageZeroedOrScribbledIsReported(t *testing.T) {
	seed := damagedSeed(t)
	ps := pageSizeOf(seed)
	for page := 0; page*ps < len(seed); page++ {
		for _, how := range []string{"zeroed", "scribbled"} {
			b := bytes.Clone(seed)
			p := b[page*ps : (page+1)*ps]
			if how == "zeroed" {
				clear(p)
			} else {
				for i := 3; i < len(p); i += 97 {
					p[i] ^= byte(i)
				}
			}
			unchanged, err := openDamaged(t, b)
			if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotCarehub) && !errors.Is(err, ErrAltered) {
				t.Errorf("page %d %s: %v", page, how, err)
			}
			if !unchanged {
				t.Errorf("page %d %s: the failed open changed the file", page, how)
			}
		}
	}
}

// A store cut short while it is open (another program, a full disk on a network share) faults
// inside bbolt's memory map: the read fails with ErrDamaged instead of killing carehub.
func TestStoreCutShortWhileOpenFailsTheReadNotTheProcess(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 40 {
		p := testPatient("Ada", "Lovelace", testNHSNumber(10*i+1))
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Truncate(path, 8192); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Caseload(); !errors.Is(err, ErrDamaged) {
		t.Errorf("reading a store cut short while open: %v, want ErrDamaged", err)
	}
	if err := s.EachPatient(func(PatientRecords) error { return nil }); !errors.Is(err, ErrDamaged) {
		t.Errorf("a whole-hub read of a store cut short while open: %v, want ErrDamaged", err)
	}
	p := testPatient("Bea", "Hill", testNHSNumber(999))
	if err := s.SavePatient(&p); err == nil {
		t.Error("a save into a store cut short while open succeeded")
	}
}

// slotParams finds where a store file keeps its key slots' argon2id parameters (time, memory,
// threads): the byte ranges of the file that hold them.
func slotParams(t testing.TB, file []byte) [][2]int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "slots.carehub")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ranges [][2]int
	_ = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketKeyslots)).ForEach(func(_, v []byte) error {
			if at := bytes.Index(file, v); at >= 0 {
				ranges = append(ranges, [2]int{at + 2, at + 11})
			}
			return nil
		})
	})
	if len(ranges) == 0 {
		t.Fatal("no key slot found in the seed")
	}
	return ranges
}

// FuzzOpenDamagedStore damages a small store as the fuzzer says — cut it, zero a stretch,
// flip bytes — and opens, checks and reads it as the commands do: nothing may crash.
// Each operation is 4 bytes: a kind, and a position and length or value scaled to the file.
//
// The key slots' argon2id parameters are left as they were: they are authenticated only by the
// unwrap that follows the derivation, so damage there makes unlocking slow (up to the 1 GiB and
// 64 passes a slot may ask for, then "the passphrase is not right"), which would only make
// this fuzzing slow, not find a crash.
func FuzzOpenDamagedStore(f *testing.F) {
	seed := damagedSeed(f)
	params := slotParams(f, seed)
	f.Add([]byte{0, 0x80, 0, 0})       // cut at half
	f.Add([]byte{1, 0x00, 0x10, 0x20}) // zero a stretch near the start
	f.Add([]byte{2, 0x40, 0x00, 0xFF}) // flip a byte a quarter in
	f.Add([]byte{2, 0x01, 0x00, 0x01, 2, 0x90, 0x00, 0x80, 1, 0xC0, 0x00, 0xFF})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 64 {
			return
		}
		file := bytes.Clone(seed)
		for i := 0; i+4 <= len(ops); i += 4 {
			at := int(binary.BigEndian.Uint16(ops[i+1:])) * len(file) / 0x10000
			switch ops[i] % 3 {
			case 0:
				file = file[:at]
			case 1:
				clear(file[at:min(len(file), at+int(ops[i+3])*16)])
			case 2:
				if at < len(file) {
					file[at] ^= ops[i+3] | 1
				}
			}
		}
		if len(file) == 0 {
			return // an empty file is refused before anything reads it
		}
		for _, r := range params {
			copy(file[min(r[0], len(file)):min(r[1], len(file))], seed[r[0]:r[1]])
		}
		unchanged, err := openDamaged(t, file)
		if err != nil && !unchanged {
			t.Errorf("a failed open (%v) changed the file", err)
		}
	})
}

func TestCheckedSeedIsHealthy(t *testing.T) {
	_, err := openDamaged(t, damagedSeed(t))
	if err != nil {
		t.Fatalf("the undamaged seed does not open: %v", err)
	}
	// And a real store passes checkFile's walk: nothing is called damaged that bbolt can read.
	s, _ := newTestStore(t)
	for i := range 300 {
		p := testPatient("Ada", "Lovelace", testNHSNumber(3*i+1))
		p.Contact.Address = string(bytes.Repeat([]byte("long address "), 1+i%40)) // values that overflow pages
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := checkFile(s.Path()); err != nil {
		t.Errorf("a healthy store is called damaged: %v", err)
	}
}

// A panic that is a bug in carehub (not damage to the file) must not be reported as a damaged
// store: it would send someone to their backups for nothing.
func TestABugIsNotReportedAsDamage(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("guard swallowed a programming error as damage")
		}
	}()
	var plans map[string]int
	_ = guard(func() error {
		plans["draft"]++ // assignment to entry in nil map
		return nil
	})
}

// A panic raised inside bbolt (as on a page it cannot read) is damage: one line, no crash.
func TestAPanicInsideBboltIsReportedAsDamage(t *testing.T) {
	s, _ := newTestStore(t)
	err := guard(func() error {
		return s.db.Update(func(tx *bolt.Tx) error { return tx.Commit() }) // bbolt asserts here
	})
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("got %v, want ErrDamaged", err)
	}
}
