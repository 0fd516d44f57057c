package store

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/myplan"
)

// checkInsArrive stores check-ins as sync does, n for each person.
func checkInsArrive(t *testing.T, s *Store, n int, patients ...string) {
	t.Helper()
	err := s.update(func(w *writer) error {
		for _, p := range patients {
			for i := range n {
				c := myplan.CheckIn{ID: uuid.NewString(), PatientID: p, GoalID: "goal-1", Scale: myplan.Scale(1 + i%5), Note: "from " + p}
				if _, err := w.putCheckIn(c, uuid.Nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A person's summary shows their own check-ins and nobody else's, read through the index, also
// in a store whose check-ins were saved before the index existed.
func TestCheckInsAreReadByPerson(t *testing.T) {
	s, clock := newTestStore(t)
	sian, _ := enrolled(t, s, 1)
	other, _ := enrolled(t, s, 2)
	checkInsArrive(t, s, 3, sian.ID, other.ID)
	mine := func(s *Store, who string) {
		t.Helper()
		got, err := s.CheckIns(who)
		if err != nil || len(got) != 3 {
			t.Fatalf("%d check-ins, %v", len(got), err)
		}
		for _, c := range got {
			if c.PatientID != who || c.Note != "from "+who {
				t.Errorf("someone else's check-in on their summary: %+v", c)
			}
		}
	}
	mine(s, sian.ID)
	mine(s, other.ID)

	// As a store from before the index: no index entries and no mark that it was built.
	s.Close()
	db, err := bolt.Open(s.Path(), fileMode, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket([]byte(bucketCheckInsByPatient)); err != nil {
			return err
		}
		if _, err := tx.CreateBucket([]byte(bucketCheckInsByPatient)); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketMeta)).Delete([]byte(metaCheckInIndex))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	again := openTestStore(t, s.Path(), clock)
	mine(again, sian.ID)
	mine(again, other.ID)
	closeAndCheck(t, again)
}

// Wiping a person from a tablet leaves no index entry naming them.
func TestWipeRemovesTheirCheckInIndex(t *testing.T) {
	s, _ := newTestStore(t)
	sian, _ := enrolled(t, s, 1)
	other, _ := enrolled(t, s, 2)
	checkInsArrive(t, s, 2, sian.ID, other.ID)
	asTabletOf(t, s, sian.ID)
	if err := s.update(func(w *writer) error { return w.wipePatient(sian.ID) }); err != nil {
		t.Fatal(err)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		n := 0
		err := tx.Bucket([]byte(bucketCheckInsByPatient)).ForEach(func(k, _ []byte) error {
			n++
			if uuid.UUID(k[:16]).String() != sian.ID {
				return nil
			}
			t.Errorf("an index entry still names the wiped person")
			return nil
		})
		if n != 2 {
			t.Errorf("%d index entries left, want the other person's 2", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CheckIns(other.ID); len(got) != 2 {
		t.Errorf("the other person's check-ins went too: %d left", len(got))
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Errorf("check after the wipe: %v %v", r.Problems, err)
	}
	s.db.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket([]byte(bucketCheckInArrivals)).Stats().KeyN; n != 2 {
			t.Errorf("%d arrival entries left, want the other person's 2", n)
		}
		return nil
	})
	closeAndCheck(t, s)
}

// carehub check notices a check-in the index has lost, which the summary would not show.
func TestCheckFindsACheckInMissingFromTheIndex(t *testing.T) {
	s, _ := newTestStore(t)
	sian, _ := enrolled(t, s, 1)
	checkInsArrive(t, s, 2, sian.ID)
	err := s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket([]byte(bucketCheckInsByPatient)).Cursor()
		k, _ := c.First()
		return c.Bucket().Delete(k)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil || r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), "is not filed under its patient") {
		t.Errorf("check: %q, %v", r.Problems, err)
	}
	closeAndCheck(t, s)
}
