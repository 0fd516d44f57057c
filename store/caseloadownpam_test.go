package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/pam"
)

// A carer's PAM is never the person's last PAM in the caseload: the "PAM due" queue reads it.
func TestCaseloadLastPAMIsThePersonsOwn(t *testing.T) {
	s, _ := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	own := testAssessment(p.ID)
	if err := s.SaveAssessment(&own); err != nil {
		t.Fatal(err)
	}
	carer := testAssessment(p.ID)
	carer.Instrument, carer.CarerName, carer.Level, carer.Score = pam.CarerPAM, "Ffion Jones", pam.Level4, 720
	carer.TakenOn = own.TakenOn.AddDays(5)
	if err := s.SaveAssessment(&carer); err != nil {
		t.Fatal(err)
	}
	if got := caseloadOf(t, s, p.ID).LastPAM; got != own.TakenOn {
		t.Errorf("last PAM %v after a Carer PAM, want the person's own %v", got, own.TakenOn)
	}
	closeAndCheck(t, s)
}

// A store whose caseload cached a Carer PAM as the last PAM, as stores did before, is put
// right at the next unlock, once.
func TestUnlockCorrectsLastPAMFromACarerPAM(t *testing.T) {
	s, c := newTestStore(t)
	p := testPatient("Siân", "O'Brien", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	own := testAssessment(p.ID)
	own.TakenOn = careplan.NewDate(2025, 6, 1)
	if err := s.SaveAssessment(&own); err != nil {
		t.Fatal(err)
	}
	carer := testAssessment(p.ID)
	carer.Instrument, carer.CarerName = pam.CarerPAM, "Ffion Jones"
	if err := s.SaveAssessment(&carer); err != nil {
		t.Fatal(err)
	}
	id, _ := parseID(p.ID)
	// Write the entry as an older store did, with the carer's date, and forget the correction.
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := updateCaseload(tx, s.keys, id, func(e *careplan.CaseloadEntry) bool {
			e.LastPAM = carer.TakenOn
			return true
		}); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketMeta)).Delete([]byte(metaLastPAMOwn))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := openTestStore(t, s.Path(), c)
	if got := caseloadOf(t, s2, p.ID).LastPAM; got != own.TakenOn {
		t.Errorf("after unlock the last PAM is %v, want the person's own %v", got, own.TakenOn)
	}
	var mark []byte
	_ = s2.db.View(func(tx *bolt.Tx) error {
		mark = append(mark, tx.Bucket([]byte(bucketMeta)).Get([]byte(metaLastPAMOwn))...)
		return nil
	})
	if len(mark) != 1 || mark[0] != 1 {
		t.Errorf("the correction is not recorded as done: %v", mark)
	}
	closeAndCheck(t, s2)
}
