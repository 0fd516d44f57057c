package store

import (
	"bytes"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// Rotating the data key is what makes deactivating an account, or retiring the shared hub
// passphrase, hold against someone who kept a copy of their key slot: every sealed value in the
// file is sealed again under a new random data key, the NHS-number index is keyed again, the
// history's chain is linked again under the new chain key, and each remaining slot's grant is
// sealed again to its public key (grant.go). It happens in the same bbolt transaction as the
// deactivation, so it is all or nothing. A slot carved from before it unwraps an old data key
// (or a slot secret no grant is sealed to any more), which opens nothing in the file after it.
//
// What it cannot do: a copy of the file taken before the rotation (a backup) still opens with
// the passphrases it had then. The pseudonyms of evaluators' exports are kept: the pseudonym key
// is carried over, sealed under the new key, so a person's pseudonym stays the same.

// metaPseudonymKey holds, sealed, the pseudonym key carried over by a rotation.
const metaPseudonymKey = "pseudonym-key"

// sealedMeta are the meta values sealed under the data key with their own name as the
// additional data; the verified mark is sealed again from the new chain's end.
var sealedMeta = []string{metaDeviceKeys, metaDeviceName, metaHubLogo, metaKind, metaPseudonymKey}

// sealedByKey are the buckets whose every value is sealed with its key as the additional data.
var sealedByKey = []string{bucketCaseload, bucketUsers, bucketCheckIns, bucketPeers, bucketConflicts, bucketFHIRPush}

// rotation re-seals a store's values from the old keys to the new.
type rotation struct {
	tx       *bolt.Tx
	old, new *keys
	dataKey  []byte // the new data key, for the grants
}

// rotateKey seals everything in w's transaction again under a new data key, gives every slot
// that has a grant a new one and removes the slots that have none (from before grants: their
// accounts need a new passphrase). It returns the new data key and keys; the caller swaps
// them into the store once the transaction has committed.
func (w *writer) rotateKey() ([]byte, *keys, error) {
	dataKey := newDataKey()
	k, err := newKeys(dataKey)
	if err != nil {
		return nil, nil, err
	}
	k.pseudonym = w.keys.pseudonym
	r := rotation{tx: w.tx, old: w.keys, new: k, dataKey: dataKey}
	// The index is keyed again first: it reads the patients' records under the old key.
	steps := []func() error{r.regrant, r.nhsIndex, r.envelopes, r.byKey, r.meta, r.chain}
	for _, step := range steps {
		if err := step(); err != nil {
			clear(dataKey)
			return nil, nil, fmt.Errorf("changing the store's key: %w", err)
		}
	}
	return dataKey, k, nil
}

// regrant seals the new data key to every slot with a grant and removes the slots without one.
func (r rotation) regrant() error {
	slots, err := bucket(r.tx, bucketKeyslots)
	if err != nil {
		return err
	}
	var names []string
	if err := slots.ForEach(func(k, _ []byte) error { names = append(names, string(k)); return nil }); err != nil {
		return err
	}
	for _, name := range names {
		g, found, err := readGrant(r.tx, name)
		if err != nil {
			return err
		}
		if !found {
			if err := deleteSlot(r.tx, name); err != nil {
				return err
			}
			continue
		}
		ng, err := sealGrant(name, g.slotPub, r.dataKey)
		if err != nil {
			return err
		}
		if err := putGrant(r.tx, name, ng); err != nil {
			return err
		}
	}
	return nil
}

// envelopes re-seals every record's payload under its clear header.
func (r rotation) envelopes() error {
	for _, kind := range kindOrder {
		err := r.rewrite(bucketOfKind(kind), func(_, v []byte) ([]byte, error) {
			if len(v) < envelopeHeaderSize {
				return nil, errBadEnvelope
			}
			header := v[:envelopeHeaderSize]
			plain, err := r.old.open(nil, v[envelopeHeaderSize:], header)
			if err != nil {
				return nil, fmt.Errorf("a %s record does not decrypt", kind)
			}
			return r.new.seal(bytes.Clone(header), plain, header), nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// byKey re-seals the buckets sealed with their keys as additional data.
func (r rotation) byKey() error {
	for _, name := range sealedByKey {
		if err := r.rewrite(name, r.reseal); err != nil {
			return err
		}
	}
	return nil
}

func (r rotation) reseal(aad, v []byte) ([]byte, error) {
	plain, err := r.old.open(nil, v, aad)
	if err != nil {
		return nil, fmt.Errorf("a sealed value does not decrypt")
	}
	return r.new.seal(nil, plain, aad), nil
}

func (r rotation) meta() error {
	meta, err := bucket(r.tx, bucketMeta)
	if err != nil {
		return err
	}
	for _, name := range sealedMeta {
		v := meta.Get([]byte(name))
		if v == nil {
			continue
		}
		nv, err := r.reseal([]byte(name), v)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := meta.Put([]byte(name), nv); err != nil {
			return err
		}
	}
	if meta.Get([]byte(metaPseudonymKey)) == nil {
		aad := []byte(metaPseudonymKey)
		return meta.Put(aad, r.new.seal(nil, r.old.pseudonym, aad))
	}
	return nil
}

// nhsIndex keys the NHS-number index again: each entry is found from its patient's record.
func (r rotation) nhsIndex() error {
	idx, err := bucket(r.tx, bucketNHSIndex)
	if err != nil {
		return err
	}
	type entry struct{ oldKey, newKey, pid []byte }
	var todo []entry
	err = forEachRecord(r.tx, r.old, KindPatient, func(e envelope) error {
		var p careplan.Patient
		if err := unmarshalBody(e, &p); err != nil {
			return err
		}
		oldKey := r.old.nhsIndexKey(p.NHSNumber)
		pid := idx.Get(oldKey)
		if pid == nil {
			return nil // a deleted record has no entry
		}
		todo = append(todo, entry{oldKey, r.new.nhsIndexKey(p.NHSNumber), bytes.Clone(pid)})
		return nil
	})
	if err != nil {
		return err
	}
	if n := idx.Stats().KeyN; n != len(todo) {
		return fmt.Errorf("the NHS-number index has %d entries but %d records name them", n, len(todo))
	}
	for _, e := range todo {
		if err := idx.Delete(e.oldKey); err != nil {
			return err
		}
	}
	for _, e := range todo {
		if err := idx.Put(e.newKey, e.pid); err != nil {
			return err
		}
	}
	return nil
}

// chain re-seals each change-log and audit entry and links the whole chain again under the new
// chain key, gaps included (a gap keeps its digest), and sets the verified mark to its end.
func (r rotation) chain() error {
	it, err := newChainIter(r.tx)
	if err != nil {
		return err
	}
	it.seek(0)
	type rewrite struct {
		src        chainSource
		key, value []byte
	}
	var all []rewrite
	l := r.new.linker()
	head := chainMark{link: make([]byte, chainLinkSize)}
	for e, ok := it.next(); ok; e, ok = it.next() {
		var body, digest []byte
		switch e.src {
		case fromGaps:
			d, ok := e.digest(nil)
			if !ok {
				return &HistoryError{At: e.describe(), Why: "cannot be read"}
			}
			body = append([]byte{gapFormat}, d...)
			digest = bytes.Clone(d)
		default:
			link, ok := e.link()
			if !ok {
				return &HistoryError{At: e.describe(), Why: "has no link to the entry before it"}
			}
			v := e.value[:len(e.value)-len(link)]
			n := 0
			if e.src == fromChanges {
				n = changePrefixLen(v)
			}
			plain, err := r.old.open(nil, v[n:], e.key)
			if err != nil {
				return &HistoryError{At: e.describe(), Why: "does not decrypt"}
			}
			body = r.new.seal(bytes.Clone(v[:n]), plain, e.key)
			digest = bytes.Clone(l.digest(e.tag(), e.key, body))
		}
		link := bytes.Clone(l.link(head.link, digest))
		key := bytes.Clone(e.key)
		all = append(all, rewrite{e.src, key, append(body, link...)})
		head = chainMark{pos: chainEntry{src: e.src, key: key}.pos(), link: link}
	}
	if it.err != nil {
		return it.err
	}
	for _, w := range all {
		b, err := bucket(r.tx, w.src.bucket())
		if err != nil {
			return err
		}
		if err := b.Put(w.key, w.value); err != nil {
			return err
		}
	}
	if head.pos.key == nil {
		return nil
	}
	return putMark(r.tx, r.new, head)
}

// rewrite replaces every value of a bucket with what fn makes of it.
func (r rotation) rewrite(name string, fn func(k, v []byte) ([]byte, error)) error {
	b, err := bucket(r.tx, name)
	if err != nil {
		return err
	}
	type kv struct{ k, v []byte }
	var out []kv
	if err := b.ForEach(func(k, v []byte) error {
		nv, err := fn(k, v)
		if err != nil {
			return fmt.Errorf("%s %s: %w", name, describeKey(k), err)
		}
		out = append(out, kv{bytes.Clone(k), nv})
		return nil
	}); err != nil {
		return err
	}
	for _, e := range out {
		if err := b.Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}

func describeKey(k []byte) string {
	if len(k) == 16 {
		return uuid.UUID(k).String()
	}
	return fmt.Sprintf("%q", k)
}

// swapKeys makes a committed rotation's keys the store's own.
func (s *Store) swapKeys(dataKey []byte, k *keys) {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.dataKey)
	s.dataKey, s.keys = dataKey, k
}

// carriedPseudonym takes the pseudonym key a rotation carried over, when there is one, so that
// evaluators' pseudonyms stay the same across rotations.
func (k *keys) carriedPseudonym(tx *bolt.Tx) error {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		return nil // a store being made: the migrations have not run yet
	}
	sealed := meta.Get([]byte(metaPseudonymKey))
	if sealed == nil {
		return nil
	}
	key, err := k.open(nil, sealed, []byte(metaPseudonymKey))
	if err != nil {
		return fmt.Errorf("the pseudonym key does not decrypt: %w", ErrNotCarehub)
	}
	k.pseudonym = key
	return nil
}

// updateRotating runs fn and then rotates the data key, in one transaction, and makes the new
// key the store's own once it has committed.
func (s *Store) updateRotating(fn func(w *writer) error) error {
	var dataKey []byte
	var k *keys
	err := s.update(func(w *writer) error {
		if err := fn(w); err != nil {
			return err
		}
		var err error
		dataKey, k, err = w.rotateKey()
		return err
	})
	if err != nil {
		return err
	}
	s.swapKeys(dataKey, k)
	return nil
}

// AccountsWithoutSlot names the active accounts that have no key slot: a slot from before
// grants is removed by a rotation, and its account needs a new passphrase (ResetPassphrase).
func (s *Store) AccountsWithoutSlot() ([]string, error) {
	var names []string
	err := s.view(func(tx *bolt.Tx) error {
		slots, err := bucket(tx, bucketKeyslots)
		if err != nil {
			return err
		}
		users, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		return users.ForEach(func(key, v []byte) error {
			u, err := openUser(s.keys, key, v)
			if err != nil {
				return err
			}
			if u.Active && slots.Get([]byte(userSlot(u.ID))) == nil {
				names = append(names, u.Name)
			}
			return nil
		})
	})
	return names, err
}
