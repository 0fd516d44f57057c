package store

import (
	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// rebuildCaseloads rebuilds every caseload entry from the full records, once, when a store made
// before the work queues is first unlocked (finishUnlock): its entries lack the nomination
// date, conditions, last contact and last PAM the queues need. Migrations cannot do this,
// because they run before the key is known. It records that it is done, so later unlocks only
// read one byte.
func rebuildCaseloads(tx *bolt.Tx, k *keys) error {
	err := forEachRecord(tx, k, KindPatient, func(e envelope) error {
		var p careplan.Patient
		if err := unmarshalBody(e, &p); err != nil {
			return err
		}
		return rebuildCaseload(tx, k, e.id, p)
	})
	if err != nil {
		return err
	}
	return markCaseloadFormat(tx)
}

// rebuildCaseload writes a patient's caseload entry afresh from their records.
func rebuildCaseload(tx *bolt.Tx, k *keys, id uuid.UUID, p careplan.Patient) error {
	current, err := currentPlan(tx, k, id, nil)
	if err != nil {
		return err
	}
	entry := careplan.CaseloadEntryFor(p, current)
	if err := queueFacts(tx, k, id, &entry); err != nil {
		return err
	}
	return putCaseload(tx, k, entry)
}

// markCaseloadFormat records that every caseload entry is in the current format.
func markCaseloadFormat(tx *bolt.Tx) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaCaseloadFormat), []byte{caseloadFormat})
}
