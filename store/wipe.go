package store

import (
	"bytes"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// wipePatient removes everything a patient's tablet holds about them — their record, plans,
// PAM, outcome and contact records, goal check-ins, caseload and index entries, the staff cards
// of their team, and the change-log entries naming any of these — when the hub says they no
// longer share with the tablet (consent to join withdrawn, discharged, died). The records are
// deleted, not marked: nothing of them is left to read.
func (w *writer) wipePatient(patientID string) error {
	pid, err := parseID(patientID)
	if err != nil {
		return err
	}
	if err := refuseWipeOnHub(w.tx, w.keys, patientID); err != nil {
		return err
	}
	gone := map[uuid.UUID]bool{pid: true}
	for _, idx := range []struct {
		index string
		kind  Kind
	}{{bucketPlansByPatient, KindPlan}, {bucketPAMByPatient, KindAssessment},
		{bucketOutcomesByPatient, KindOutcome}, {bucketContactsByPatient, KindContact}} {
		ids, err := recordsOfPatient(w.tx, idx.index, pid)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := deleteKeys(w.tx, bucketOfKind(idx.kind), id[:]); err != nil {
				return err
			}
			if err := deleteKeys(w.tx, idx.index, byPatientKey(pid, id)); err != nil {
				return err
			}
			gone[id] = true
		}
	}
	staff, err := bucket(w.tx, bucketStaff)
	if err != nil {
		return err
	}
	if err := staff.ForEach(func(k, _ []byte) error { gone[uuid.UUID(k)] = true; return nil }); err != nil {
		return err
	}
	for id := range gone {
		if err := deleteKeys(w.tx, bucketStaff, id[:]); err != nil {
			return err
		}
	}
	for _, name := range []string{bucketPatients, bucketConflicts} {
		if err := deleteKeys(w.tx, name, pid[:]); err != nil {
			return err
		}
	}
	if err := deleteCaseload(w.tx, pid); err != nil {
		return err
	}
	if err := deleteWhere(w.tx, bucketNHSIndex, func(_, v []byte) bool { return bytes.Equal(v, pid[:]) }); err != nil {
		return err
	}
	if err := w.gapChanges(func(k []byte) bool { return len(k) == changeKeySize && gone[uuid.UUID(k[8:])] }); err != nil {
		return err
	}
	if err := deleteWhere(w.tx, bucketCheckIns, func(k, v []byte) bool {
		c, err := openCheckIn(w.keys, k, v)
		return err == nil && c.PatientID == patientID
	}); err != nil {
		return err
	}
	checkIns, err := recordsOfPatient(w.tx, bucketCheckInsByPatient, pid)
	if err != nil {
		return err
	}
	arrived := map[uuid.UUID]bool{}
	for _, id := range checkIns {
		arrived[id] = true
	}
	if err := deleteWhere(w.tx, bucketCheckInArrivals, func(k, _ []byte) bool { return len(k) == changeKeySize && arrived[uuid.UUID(k[8:])] }); err != nil {
		return err
	}
	if err := deleteWhere(w.tx, bucketCheckInsByPatient, func(k, _ []byte) bool { return bytes.HasPrefix(k, pid[:]) }); err != nil {
		return err
	}
	return w.audit(AuditDeleted, KindPatient, patientID, auditNote{patientID: patientID,
		detail: "the hub removed this person's records from the tablet"})
}

// gapChanges removes the change-log entries whose keys match, leaving each one's place in the
// history's chain as a gap: its clock version, digest and link, nothing of what it said (chain.go).
func (w *writer) gapChanges(match func(k []byte) bool) error {
	changes, err := bucket(w.tx, bucketChanges)
	if err != nil {
		return err
	}
	gaps, err := bucket(w.tx, bucketChainGaps)
	if err != nil {
		return err
	}
	mark, err := readMark(w.tx, w.keys)
	if err != nil {
		return err
	}
	var doomed [][]byte
	l := w.keys.linker()
	if err := changes.ForEach(func(k, v []byte) error {
		if !match(k) {
			return nil
		}
		e := chainEntry{src: fromChanges, key: k, value: v}
		digest, ok1 := e.digest(l)
		link, ok2 := e.link()
		if !ok1 || !ok2 {
			return &HistoryError{At: e.describe(), Why: "has no link to the entry before it"}
		}
		gap := append(append([]byte{gapFormat}, digest...), link...)
		if err := gaps.Put(append([]byte(nil), k[:8]...), gap); err != nil {
			return err
		}
		if mark != nil && bytes.Equal(mark.pos.key, k) { // the mark stays on the same place in the chain
			mark.pos.key = append([]byte(nil), k[:8]...)
			if err := putMark(w.tx, w.keys, *mark); err != nil {
				return err
			}
		}
		doomed = append(doomed, append([]byte(nil), k...))
		return nil
	}); err != nil {
		return err
	}
	return deleteKeys(w.tx, bucketChanges, doomed...)
}

func deleteKeys(tx *bolt.Tx, name string, keys ...[]byte) error {
	b, err := bucket(tx, name)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// deleteWhere deletes the keys of a bucket that match; keys are gathered first because a
// bbolt cursor must not delete while iterating with ForEach.
func deleteWhere(tx *bolt.Tx, name string, match func(k, v []byte) bool) error {
	b, err := bucket(tx, name)
	if err != nil {
		return err
	}
	var doomed [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if match(k, v) {
			doomed = append(doomed, append([]byte(nil), k...))
		}
		return nil
	}); err != nil {
		return err
	}
	return deleteKeys(tx, name, doomed...)
}

// deleteCaseload removes a patient's caseload entry, keeping the bucket's count of entries.
func deleteCaseload(tx *bolt.Tx, pid uuid.UUID) error {
	b, err := bucket(tx, bucketCaseload)
	if err != nil {
		return err
	}
	if b.Get(pid[:]) == nil {
		return nil
	}
	if err := b.SetSequence(b.Sequence() - 1); err != nil {
		return err
	}
	return b.Delete(pid[:])
}
