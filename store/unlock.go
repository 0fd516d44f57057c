package store

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// unlockWrites is what an unlock has to write: the schema steps not yet run, the one-off
// upgrades an older store needs (each needs the key, so no migration can do it), and the mark
// of history verified. They are made in one transaction after every check has passed, so an
// unlock that fails — a damaged record met by an upgrade, say — changes nothing.
type unlockWrites struct {
	migrate  bool         // schema steps to run
	chain    bool         // chain the history (buildChain)
	caseload bool         // rebuild the caseload entries for the work queues (rebuildCaseloads)
	checkIns bool         // index goal check-ins by person (indexAllCheckIns)
	accounts bool         // fill the sign-in list (fillSignInList)
	lastPAM  bool         // leave carers' PAMs out of the caseload's last PAM (ownLastPAMs)
	kind     bool         // record the kind worked out for an older store (kind.go)
	slot     *slotUpgrade // the signed-in legacy slot made again with a grant (grant.go)
	mark     *chainMark   // the newest entry the unlock has verified, when it has moved
}

func (u unlockWrites) none() bool {
	return !u.migrate && !u.chain && !u.caseload && !u.checkIns && !u.accounts && !u.lastPAM && !u.kind && u.slot == nil && u.mark == nil
}

// finishUnlock checks the history from the point the last unlock verified, and makes what the
// unlock has to write. A store whose history does not hold is refused with ErrAltered, unless
// it is opened to be inspected (Options.Inspect): then History says what was found, and nothing
// is written.
func (s *Store) finishUnlock(migrate, inspect bool) error {
	due := unlockWrites{migrate: migrate, kind: s.kindDue, slot: s.slotDue}
	var history error
	err := s.view(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		flagged := func(key string, value byte) bool { return bytes.Equal(meta.Get([]byte(key)), []byte{value}) }
		due.chain = !flagged(metaChain, 1)
		due.caseload = !flagged(metaCaseloadFormat, caseloadFormat)
		due.checkIns = !flagged(metaCheckInIndex, 1)
		_, complete, _ := readSignInList(tx)
		due.accounts = !complete
		due.lastPAM = !flagged(metaLastPAMOwn, 1)
		if !due.chain {
			due.mark, history = verifiedSince(tx, s.keys)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if history != nil {
		if !inspect || !errors.Is(history, ErrAltered) {
			return history
		}
		s.history = history
		return nil
	}
	if due.none() {
		return nil
	}
	return s.update(func(w *writer) error { return w.unlockWrites(due, s.kind) })
}

// verifiedSince walks the chain from the verified mark and returns the new end to mark, or nil
// when nothing was added since.
func verifiedSince(tx *bolt.Tx, k *keys) (*chainMark, error) {
	from, err := readMark(tx, k)
	if err != nil {
		return nil, err
	}
	head, _, err := verifyChain(tx, k, from)
	if err != nil || head.pos.key == nil || from != nil && comparePos(head.pos, from.pos) == 0 {
		return nil, err
	}
	head.pos.key, head.link = bytes.Clone(head.pos.key), bytes.Clone(head.link) // out of the transaction's memory
	return &head, nil
}

// unlockWrites makes what finishUnlock found due, schema steps first.
func (w *writer) unlockWrites(due unlockWrites, kind storeKind) error {
	steps := []struct {
		due  bool
		what string
		do   func() error
	}{
		{due.migrate, "updating the store's layout", func() error { return runMigrations(w.tx, migrations()) }},
		{due.chain, "chaining the history", func() error { return buildChain(w.tx, w.keys) }},
		{due.caseload, "updating the caseload for the work queues", func() error { return rebuildCaseloads(w.tx, w.keys) }},
		{due.checkIns, "indexing goal check-ins by person", w.indexAllCheckIns},
		{due.accounts, "listing the accounts for signing in by name", func() error { return fillSignInList(w.tx, w.keys) }},
		{due.lastPAM, "leaving carers' PAMs out of the caseload's last PAM", func() error { return ownLastPAMs(w.tx, w.keys) }},
		{due.kind, "recording whether this is a hub or a tablet", func() error { return putKind(w.tx, w.keys, kind) }},
		{due.slot != nil, "giving your key slot its grant", func() error { return w.putSlotAndGrant(due.slot.name, due.slot.slot, due.slot.grant) }},
		{due.mark != nil, "marking the history verified", func() error { return putMark(w.tx, w.keys, *due.mark) }},
	}
	for _, step := range steps {
		if !step.due {
			continue
		}
		if err := step.do(); err != nil {
			return fmt.Errorf("%s: %w", step.what, err)
		}
	}
	return nil
}
