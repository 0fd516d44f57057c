package store

import (
	"errors"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/pam"
)

// ownLastPAMs corrects, once, the caseload's cached last PAM in a store written while a Carer
// PAM could count as the person's own: a carer's recent PAM kept the person out of the "PAM
// due" queue (hazard log: a carer's PAM taken for the patient's). Only people with a Carer PAM
// can be wrong, so only their entries are worked out again, with pam.Latest's rule. It runs in
// the unlock's writes (finishUnlock), because a migration runs before the key is known; the
// meta key records that it is done, so later unlocks only read one byte.
func ownLastPAMs(tx *bolt.Tx, k *keys) error {
	var withCarerPAM []uuid.UUID
	err := forEachRecord(tx, k, KindAssessment, func(e envelope) error {
		var a pam.Assessment
		if err := unmarshalBody(e, &a); err != nil {
			return err
		}
		if a.OfCarer() {
			id, err := parseID(a.PatientID)
			if err != nil {
				return err
			}
			withCarerPAM = append(withCarerPAM, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range withCarerPAM {
		if err := refreshLastPAM(tx, k, id); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return markLastPAMOwn(tx)
}

// markLastPAMOwn records that every caseload entry's last PAM is the person's own.
func markLastPAMOwn(tx *bolt.Tx) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaLastPAMOwn), []byte{1})
}
