package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/access"
)

// The attacks of issue 16, made on the file as the attacker could: without the key, with bbolt
// and a backup copy, unless the attack itself needs the key.

// historyStore makes a closed store holding three patients, one viewed, then opened and closed
// again so an unlock has verified the history to its end. It returns the path, the options
// and the patients.
func historyStore(t *testing.T) (string, Options, []careplan.Patient) {
	t.Helper()
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	var ps []careplan.Patient
	for i := range 3 {
		p := testPatient("Ada", "Lovelace", testNHSNumber(10*i+1))
		p.Consent = []careplan.ConsentRecord{{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven,
			On: careplan.NewDate(2026, 1, 10), RecordedBy: "Sam Green"}}
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if _, err := s.Patient(ps[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path, testOptions(c), ps
}

// problemsOf opens the store for inspection, as `carehub check` does, and returns what the
// unlock and Check found.
func problemsOf(t *testing.T, path string, opt Options) (problems []string, unlock error) {
	t.Helper()
	opt.Inspect = true
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatalf("opening for inspection: %v", err)
	}
	defer s.Close()
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	return r.Problems, s.History()
}

func mentions(problems []string, words ...string) bool {
	for _, p := range problems {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(p, w)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestRollbackOfARecordFromABackupIsFound(t *testing.T) {
	path, opt, ps := historyStore(t)
	id := uuid.MustParse(ps[1].ID)
	var oldRecord, oldCaseload []byte
	copyOut := func(tx *bolt.Tx) error {
		oldRecord = bytes.Clone(tx.Bucket([]byte(bucketPatients)).Get(id[:]))
		oldCaseload = bytes.Clone(tx.Bucket([]byte(bucketCaseload)).Get(id[:]))
		return nil
	}
	editBolt(t, path, copyOut) // the backup: the record and its caseload entry as they were

	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	withdraw(t, s, ps[1].ID, careplan.NewDate(2026, 3, 3))
	p := testPatient("Bea", "Hill", testNHSNumber(99)) // later work, so the withdrawal is not the newest entry
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	s.Close()

	editBolt(t, path, func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte(bucketPatients)).Put(id[:], oldRecord); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketCaseload)).Put(id[:], oldCaseload)
	})
	problems, unlock := problemsOf(t, path, opt)
	if unlock != nil {
		t.Errorf("the history itself is intact, yet the unlock found %v", unlock)
	}
	if !mentions(problems, "patient "+ps[1].ID, "rolled back") {
		t.Errorf("check did not find the rolled-back consent withdrawal: %q", problems)
	}

	// Deleting the withdrawal's change-log entry as well, to hide the trace, breaks the history.
	editBolt(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketChanges))
		var last []byte
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if bytes.Equal(k[8:], id[:]) {
				last = bytes.Clone(k)
			}
		}
		return b.Delete(last)
	})
	problems, _ = problemsOf(t, path, opt)
	if !mentions(problems, "history", "does not follow from the entry before it") {
		t.Errorf("check did not find the deleted change-log entry: %q", problems)
	}
}

func TestDeletedChangeLogEntryIsFound(t *testing.T) {
	deleteChangeOf := func(path string, id uuid.UUID) {
		editBolt(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketChanges))
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if bytes.Equal(k[8:], id[:]) {
					return b.Delete(bytes.Clone(k))
				}
			}
			t.Fatal("no change-log entry for that record")
			return nil
		})
	}
	// Behind the point the last unlock verified: the next unlock does not walk there, check does.
	path, opt, ps := historyStore(t)
	deleteChangeOf(path, uuid.MustParse(ps[1].ID))
	problems, unlock := problemsOf(t, path, opt)
	if unlock != nil {
		t.Errorf("the unlock walked history it had verified before: %v", unlock)
	}
	if !mentions(problems, "history", "patient "+ps[2].ID, "does not follow") || !mentions(problems, "patient "+ps[1].ID, "has no change-log entry") {
		t.Errorf("check: %q", problems)
	}

	// Made since the last unlock: the next unlock refuses, naming the entry after the gap.
	path, opt, _ = historyStore(t)
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	a, b := testPatient("Bea", "Hill", testNHSNumber(97)), testPatient("Cy", "Hill", testNHSNumber(98))
	for _, p := range []*careplan.Patient{&a, &b} {
		if err := s.SavePatient(p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	deleteChangeOf(path, uuid.MustParse(a.ID))
	_, err = Open(path, testPassphrase, opt)
	var broken *HistoryError
	if !errors.As(err, &broken) || !errors.Is(err, ErrAltered) {
		t.Fatalf("opening: %v, want a HistoryError", err)
	}
	if !strings.Contains(broken.At, "patient "+b.ID) {
		t.Errorf("the break is named as %q, want the entry after the deleted one (patient %s)", broken.At, b.ID)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "this store's history has been altered: ") || !strings.HasSuffix(msg, "restore it from a backup") {
		t.Errorf("message %q", msg)
	}
}

func TestDeletedViewedAuditEntriesAreFound(t *testing.T) {
	path, opt, ps := historyStore(t)
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := s.Patient(ps[2].ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	// Unlocked again: the views are now behind the point the unlock verified.
	s, err = Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	deleteViews := func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketAudit))
		var doomed [][]byte
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			doomed = append(doomed, bytes.Clone(k))
		}
		for _, k := range doomed {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	}
	editBolt(t, path, deleteViews)
	if _, err := Open(path, testPassphrase, opt); !errors.Is(err, ErrAltered) {
		t.Fatalf("opening after every view was deleted from the end of the history: %v, want ErrAltered", err)
	}
	problems, _ := problemsOf(t, path, opt)
	if !mentions(problems, "history", "ends before", "earlier unlock verified") {
		t.Errorf("check: %q", problems)
	}

	// Views in the middle, with work after them, break the chain at that work.
	path, opt, _ = historyStore(t)
	s, err = Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	p := testPatient("Bea", "Hill", testNHSNumber(99))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	editBolt(t, path, deleteViews)
	problems, _ = problemsOf(t, path, opt)
	if !mentions(problems, "history", "patient "+p.ID, "does not follow") {
		t.Errorf("check: %q", problems)
	}
}

// Re-sealing needs the key: someone who has it names another person in a "viewed" entry and
// puts it back with its old link.
func TestResealedAuditEntryIsFound(t *testing.T) {
	path, opt, ps := historyStore(t)
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	k := s.keys
	if _, err := s.Patient(ps[1].ID); err != nil { // a view since the last unlock
		t.Fatal(err)
	}
	s.Close()
	reseal := func(pick func(c *bolt.Cursor) ([]byte, []byte)) (when uint64) {
		editBolt(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketAudit))
			key, v := pick(b.Cursor())
			sealed, err := viewSealed(v)
			if err != nil {
				return err
			}
			e, err := openAudit(k, key, sealed)
			if err != nil {
				return err
			}
			e.User = "Dr Innocent"
			resealed := append(k.seal(nil, encodeAudit(e), key), v[len(v)-chainLinkSize:]...)
			when = binary.BigEndian.Uint64(key)
			return b.Put(bytes.Clone(key), resealed)
		})
		return when
	}
	named := func(when uint64) string {
		return "the audit entry at " + VersionTime(when).Format("2 Jan 2006 15:04:05")
	}
	when := reseal((*bolt.Cursor).Last)
	_, err = Open(path, testPassphrase, opt)
	var broken *HistoryError
	if !errors.As(err, &broken) {
		t.Fatalf("opening: %v, want a HistoryError", err)
	}
	if broken.At != named(when) {
		t.Errorf("the break is named as %q, want %q", broken.At, named(when))
	}
	// One verified long ago is found by check.
	first := reseal((*bolt.Cursor).First)
	problems, _ := problemsOf(t, path, opt)
	if !mentions(problems, "history", named(first)) {
		t.Errorf("check: %q", problems)
	}
}

func TestSwappedEnvelopesAreRefusedOnRead(t *testing.T) {
	path, opt, ps := historyStore(t)
	a, b := uuid.MustParse(ps[0].ID), uuid.MustParse(ps[1].ID)
	editBolt(t, path, func(tx *bolt.Tx) error {
		bk := tx.Bucket([]byte(bucketPatients))
		va, vb := bytes.Clone(bk.Get(a[:])), bytes.Clone(bk.Get(b[:]))
		if err := bk.Put(a[:], vb); err != nil {
			return err
		}
		return bk.Put(b[:], va)
	})
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Patient(ps[0].ID)
	if !errors.Is(err, ErrAltered) {
		t.Fatalf("reading patient A gave %+v, %v; want ErrAltered", got.ID, err)
	}
	if got.ID != "" {
		t.Errorf("reading patient A returned patient %s", got.ID)
	}
	if err := s.EachPatient(func(PatientRecords) error { return nil }); !errors.Is(err, ErrAltered) {
		t.Errorf("a whole-hub read: %v, want ErrAltered", err)
	}
	p := ps[0]
	p.GivenName = "Edited"
	if err := s.SavePatient(&p); !errors.Is(err, ErrAltered) {
		t.Errorf("saving over a swapped record: %v, want ErrAltered", err)
	}
}

func TestWipeKeepsTheHistoryWhole(t *testing.T) {
	hub, clock := newTestStore(t)
	p, _ := agreedOn(t, hub, clock, 5)
	dir := t.TempDir()
	tabletPath := filepath.Join(dir, "tablet.carehub")
	owner := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: p.ID}
	opt := Options{Now: clock.Now, KDF: cheapKDF(), Owner: &owner}
	tablet, err := Create(tabletPath, "tablet pass", opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Owner = nil
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	tablet.Close()
	if tablet, err = Open(tabletPath, "tablet pass", opt); err != nil { // the mark moves to the end
		t.Fatal(err)
	}
	withdraw(t, hub, p.ID, careplan.NewDate(2026, 3, 3))
	if res := carry(t, hub, tablet); !res.Removed {
		t.Fatalf("not removed: %+v", res)
	}
	counts(t, tablet) // Check: the history holds through the gaps
	var gaps int
	_ = tablet.db.View(func(tx *bolt.Tx) error { gaps = tx.Bucket([]byte(bucketChainGaps)).Stats().KeyN; return nil })
	if gaps == 0 {
		t.Error("the wipe left no gaps: did it remove no change-log entries?")
	}
	tablet.Close()
	tablet, err = Open(tabletPath, "tablet pass", opt)
	if err != nil {
		t.Fatalf("reopening the wiped tablet: %v", err)
	}
	tablet.Close()
	checkBoltFile(t, tabletPath)
}

func TestOlderStoreGetsItsHistoryChainedAtUnlock(t *testing.T) {
	path, opt, ps := historyStore(t)
	unchain(t, path)
	s, err := Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatalf("opening a store from before the chain: %v", err)
	}
	if c := counts(t, s); c["patients"] != 3 {
		t.Errorf("counts %v", c)
	}
	if _, err := s.Patient(ps[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTestStore(t, path, newTestClock())
	counts(t, s)
}

// unchain turns a store back into one from before the history chain: entries without links or
// record versions, no marks, schema step 10.
func unchain(t testing.TB, path string) {
	t.Helper()
	editBolt(t, path, func(tx *bolt.Tx) error {
		changes := tx.Bucket([]byte(bucketChanges))
		type kv struct{ k, v []byte }
		var all []kv
		_ = changes.ForEach(func(k, v []byte) error {
			n := changePrefixLen(v)
			old := append([]byte{v[0] &^ changeChained}, v[1:n-8]...)
			all = append(all, kv{bytes.Clone(k), append(old, v[n:len(v)-chainLinkSize]...)})
			return nil
		})
		for _, e := range all {
			if err := changes.Put(e.k, e.v); err != nil {
				return err
			}
		}
		views := tx.Bucket([]byte(bucketAudit))
		all = all[:0]
		_ = views.ForEach(func(k, v []byte) error {
			all = append(all, kv{bytes.Clone(k), bytes.Clone(v[:len(v)-chainLinkSize])})
			return nil
		})
		for _, e := range all {
			if err := views.Put(e.k, e.v); err != nil {
				return err
			}
		}
		meta := tx.Bucket([]byte(bucketMeta))
		for _, k := range []string{metaChain, metaChainVerified} {
			if err := meta.Delete([]byte(k)); err != nil {
				return err
			}
		}
		if err := tx.DeleteBucket([]byte(bucketChainGaps)); err != nil {
			return err
		}
		return meta.Put([]byte(metaSchema), []byte{0, 0, 0, 10}) // before the chain's gaps
	})
}

func TestChainHeadFollowsTheNewestEntry(t *testing.T) {
	s, _ := newTestStore(t)
	empty, err := s.ChainHead()
	if err != nil || empty != (ChainHead{}) {
		t.Fatalf("a new store's head: %+v, %v", empty, err)
	}
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	first, _ := s.ChainHead()
	if _, err := s.Patient(p.ID); err != nil {
		t.Fatal(err)
	}
	second, _ := s.ChainHead()
	if first.Position == 0 || second.Position <= first.Position || first.Link == second.Link {
		t.Errorf("the head did not move with the history: %+v then %+v", first, second)
	}
}

// A big import (a demo load, a first sync) moves the verified mark to its end when the mark
// stood where it began, so the next unlock does not walk it all again; a small save leaves it.
func TestBigImportMovesTheVerifiedMark(t *testing.T) {
	s, _ := newTestStore(t)
	markAt := func() *chainMark {
		var m *chainMark
		if err := s.db.View(func(tx *bolt.Tx) error {
			var err error
			m, err = readMark(tx, s.keys)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	p := testPatient("Ada", "Lovelace", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	if m := markAt(); m != nil {
		t.Fatalf("one save moved the mark: %+v", m)
	}
	err := s.Import(func(b *Batch) error {
		for i := range bigAppend {
			p := testPatient("Bea", "Hill", testNHSNumber(10+3*i))
			if err := b.SavePatient(&p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := markAt(); m != nil {
		t.Fatalf("the mark moved though the first save before the import was never verified: %+v", m)
	}
	s.Close()
	s = openTestStore(t, s.Path(), newTestClock()) // verifies everything, marks the end
	err = s.Import(func(b *Batch) error {
		for i := range bigAppend {
			p := testPatient("Cy", "Hill", testNHSNumber(5000+3*i))
			if err := b.SavePatient(&p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	if m := markAt(); m == nil || m.pos.version != head.Position || !bytes.Equal(m.link, head.Link[:]) {
		t.Errorf("after a big import the mark is %+v, want the head %+v", m, head)
	}
}
