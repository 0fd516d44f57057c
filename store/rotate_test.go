package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/access"
)

// carved is what a leaver keeps from a copy of the file: their key slot and its grant.
type carved struct{ slot, grant []byte }

func carve(t *testing.T, path, slot string) carved {
	t.Helper()
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c carved
	if err := db.View(func(tx *bolt.Tx) error {
		c.slot = bytes.Clone(tx.Bucket([]byte(bucketKeyslots)).Get([]byte(slot)))
		c.grant = bytes.Clone(tx.Bucket([]byte(bucketMeta)).Get(grantKey(slot)))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if c.slot == nil {
		t.Fatalf("no slot %q to carve", slot)
	}
	return c
}

func putBack(t *testing.T, path, slot string, c carved) {
	t.Helper()
	db, err := bolt.Open(path, fileMode, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte(bucketKeyslots)).Put([]byte(slot), c.slot); err != nil {
			return err
		}
		if c.grant == nil {
			return nil
		}
		return tx.Bucket([]byte(bucketMeta)).Put(grantKey(slot), c.grant)
	}); err != nil {
		t.Fatal(err)
	}
}

func TestSlotCarvedBeforeADeactivationOpensNothingAfterIt(t *testing.T) {
	s, path, opt := newAdminStore(t)
	for i := range 5 {
		p := testPatient("Mary", "Jones", testNHSNumber(i*3))
		if err := s.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAssessment(ptr(testAssessment(p.ID))); err != nil {
			t.Fatal(err)
		}
	}
	leaver := access.User{Name: "Lee Leaver", Role: access.Coordinator}
	stayer := access.User{Name: "Sue Stayer", Role: access.Coordinator}
	for _, u := range []*access.User{&leaver, &stayer} {
		if err := s.AddUser(u, u.Name+" passphrase"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Patient(mustFirstPatient(t, s)); err != nil { // an audit entry to re-chain
		t.Fatal(err)
	}
	pseudonym := s.PseudonymKey()
	s.Close()
	kept := carve(t, path, userSlot(leaver.ID))
	oldKey := unwrapCarved(t, kept, userSlot(leaver.ID), "Lee Leaver passphrase")

	s, err := OpenAs(path, "Ada Admin", testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeactivateUser(leaver.ID); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("check after the rotation: %v %v", err, rep.Problems)
	}
	if !bytes.Equal(s.PseudonymKey(), pseudonym) {
		t.Error("the rotation changed evaluators' pseudonyms")
	}
	s.Close()

	putBack(t, path, userSlot(leaver.ID), kept)
	if s, err := Open(path, "Lee Leaver passphrase", opt); err == nil {
		s.Close()
		t.Fatal("a slot carved from before the deactivation signed in after it")
	}
	// Nor does the old data key it unwraps open anything left in the file.
	old, err := newKeys(oldKey)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	for _, name := range append([]string{bucketPatients, bucketAssessments}, sealedByKey...) {
		_ = db.View(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				if _, err := old.open(nil, v, k); err == nil {
					opened++
				}
				if len(v) > envelopeHeaderSize {
					if _, err := old.open(nil, v[envelopeHeaderSize:], v[:envelopeHeaderSize]); err == nil {
						opened++
					}
				}
				return nil
			})
		})
	}
	db.Close()
	if opened > 0 {
		t.Errorf("the old data key opens %d values after the rotation", opened)
	}
	// Everyone else still signs in, and everything still reads.
	for name, pw := range map[string]string{"Ada Admin": testPassphrase, "Sue Stayer": "Sue Stayer passphrase"} {
		s, err := OpenAs(path, name, pw, opt)
		if err != nil {
			t.Fatalf("%s after the rotation: %v", name, err)
		}
		if rows, err := s.Caseload(); err != nil || len(rows) != 5 {
			t.Errorf("%s reads %d people: %v", name, len(rows), err)
		}
		if _, err := s.PatientByNHS(testNHSNumber(3)); err != nil {
			t.Errorf("finding by NHS number after the rotation: %v", err)
		}
		s.Close()
	}
	checkBoltFile(t, path)
}

func mustFirstPatient(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.Caseload()
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	return rows[0].PatientID
}

// unwrapCarved is what a leaver does with a carved slot: their passphrase and the grant give
// the data key of the copy it came from.
func unwrapCarved(t *testing.T, c carved, name, passphrase string) []byte {
	t.Helper()
	slot, err := decodeKeyslot(c.slot)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := unwrapKey(name, passphrase, slot)
	if err != nil {
		t.Fatal(err)
	}
	g, err := decodeGrant(c.grant)
	if err != nil {
		t.Fatal(err)
	}
	key, err := openGrant(name, secret, g)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func TestRetiringTheSharedPassphraseRotatesAndLeavesNamedAccounts(t *testing.T) {
	s, _ := newTestStore(t) // the shared "hub" slot, as older stores have
	p := testPatient("Mary", "Jones", testNHSNumber(0))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	if err := s.RetireSharedSlot(); !errors.Is(err, ErrSharedStays) {
		t.Fatalf("retiring the shared slot while signed in with it: %v", err)
	}
	ada := access.User{Name: "Ada Admin", Role: access.Administrator}
	if err := s.AddUser(&ada, "ada's passphrase here"); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	kept := carve(t, path, hubSlot)
	a, err := OpenAs(path, "Ada Admin", "ada's passphrase here", Options{KDF: cheapKDF(), Now: func() time.Time { return time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.RetireSharedSlot(); err != nil {
		t.Fatal(err)
	}
	if rep, err := a.Check(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("check after retiring: %v %v", err, rep.Problems)
	}
	a.Close()
	if s, err := Open(path, testPassphrase, Options{KDF: cheapKDF()}); err == nil {
		s.Close()
		t.Fatal("the retired shared passphrase still opens the store")
	}
	putBack(t, path, hubSlot, kept)
	if s, err := Open(path, testPassphrase, Options{KDF: cheapKDF()}); err == nil {
		s.Close()
		t.Fatal("a shared slot carved from before its retirement opens the store")
	}
}

// A slot from before grants wraps the data key itself. Its owner's next sign-in gives it a
// grant; one nobody has signed in with is removed by a rotation, and its account is named as
// needing a new passphrase.
func TestLegacySlotsGetGrantsOrAreNamedForAReset(t *testing.T) {
	s, path, opt := newAdminStore(t)
	cat := access.User{Name: "Cat", Role: access.Coordinator}
	dan := access.User{Name: "Dan", Role: access.Coordinator}
	for _, u := range []*access.User{&cat, &dan} {
		if err := s.AddUser(u, u.Name+"'s passphrase"); err != nil {
			t.Fatal(err)
		}
		legacy, err := wrapKey(userSlot(u.ID), u.Name+"'s passphrase", s.dataKey, *cheapKDF())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.update(func(w *writer) error {
			if err := w.putSlot(userSlot(u.ID), legacy); err != nil {
				return err
			}
			return deleteGrant(w.tx, userSlot(u.ID))
		}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	c, err := OpenAs(path, "Cat", "Cat's passphrase", opt)
	if err != nil {
		t.Fatalf("signing in with a legacy slot: %v", err)
	}
	c.Close()
	if carve(t, path, userSlot(cat.ID)).grant == nil {
		t.Fatal("signing in did not give the legacy slot a grant")
	}
	a, err := OpenAs(path, "Ada Admin", testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	leaver := access.User{Name: "Lee", Role: access.Coordinator}
	if err := a.AddUser(&leaver, "Lee's passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := a.DeactivateUser(leaver.ID); err != nil {
		t.Fatal(err)
	}
	names, err := a.AccountsWithoutSlot()
	if err != nil || len(names) != 1 || names[0] != "Dan" {
		t.Errorf("accounts needing a new passphrase: %v, %v", names, err)
	}
	if err := a.ResetPassphrase(dan.ID, "Dan's new passphrase"); err != nil {
		t.Fatal(err)
	}
	a.Close()
	for name, pw := range map[string]string{"Cat": "Cat's passphrase", "Dan": "Dan's new passphrase"} {
		s, err := OpenAs(path, name, pw, opt)
		if err != nil {
			t.Errorf("%s after the rotation: %v", name, err)
			continue
		}
		s.Close()
	}
}

// BenchmarkRotateKey30k deactivates an account on a 30,000-patient store (each with a draft
// plan): the data key is rotated, every sealed value sealed again, the index and the chain keyed
// again, in one transaction. The floor opens and seals every value of the two largest buckets
// (patients and plans) with the same cipher, writing nothing. Target: under 30 s.
// Reproduce with: go test -run XXX -bench RotateKey30k -benchtime 2x ./store/
func BenchmarkRotateKey30k(b *testing.B) {
	const patients = 30_000
	path := b.TempDir() + "/county.carehub"
	opt := benchOptions()
	opt.Admin = "Ada Admin"
	s, err := Create(path, testPassphrase, opt)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fillStore(b, s, patients)
	floor := func() {
		k := s.keys
		err := s.view(func(tx *bolt.Tx) error {
			for _, name := range []string{bucketPatients, bucketPlans} {
				err := tx.Bucket([]byte(name)).ForEach(func(_, v []byte) error {
					h := v[:envelopeHeaderSize]
					plain, err := k.open(nil, v[envelopeHeaderSize:], h)
					if err != nil {
						return err
					}
					_ = k.seal(bytes.Clone(h), plain, h)
					return nil
				})
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var floorTime time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		u := access.User{Name: fmt.Sprintf("Leaver %d", i), Role: access.Coordinator}
		i++
		if err := s.AddUser(&u, "a leaver's passphrase"); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		start := time.Now()
		floor()
		floorTime += time.Since(start)
		runtime.GC()
		b.StartTimer()
		if err := s.DeactivateUser(u.ID); err != nil {
			b.Fatal(err)
		}
	}
	reportRatio(b, floorTime)
}
