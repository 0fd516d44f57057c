package store

import (
	"bytes"
	"encoding/binary"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// buildChain builds the history's chain once, at the first unlock of a store written before it
// (finishUnlock): every change-log and audit entry, in chain order, gets its link, and every
// change-log entry gets the version its record reached. For the newest entry of each record that is the record's
// version as it stands; an older entry's is not known any more and is written as 0 (only the
// newest is ever compared). What the store holds at that moment is taken as it is: the chain
// protects the history from then on. The mark is set to the end, so later unlocks verify only
// what is added. One transaction: a store is never half chained.
func buildChain(tx *bolt.Tx, k *keys) error {
	newest, err := newestRecordVersions(tx)
	if err != nil {
		return err
	}
	it, err := newChainIter(tx)
	if err != nil {
		return err
	}
	it.seek(0)
	type rewrite struct {
		src        chainSource
		key, value []byte
	}
	var all []rewrite
	l := k.linker()
	head := chainMark{link: make([]byte, chainLinkSize)}
	for e, ok := it.next(); ok; e, ok = it.next() {
		body := append([]byte(nil), e.value...)
		tag := byte(chainTagView)
		if e.src == fromChanges {
			tag = chainTagChange
			if body, err = chainedChange(body, e.key, newest); err != nil {
				return err
			}
		}
		link := bytes.Clone(l.link(head.link, l.digest(tag, e.key, body)))
		key := append([]byte(nil), e.key...)
		all = append(all, rewrite{e.src, key, append(body, link...)})
		head = chainMark{pos: chainEntry{src: e.src, key: key}.pos(), link: link}
	}
	if it.err != nil {
		return it.err
	}
	for _, r := range all {
		b, err := bucket(tx, r.src.bucket())
		if err != nil {
			return err
		}
		b.FillPercent = 1 // rewritten in key order, and append-only from now on
		if err := b.Put(r.key, r.value); err != nil {
			return err
		}
	}
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	if head.pos.key != nil {
		if err := meta.Put([]byte(metaChainVerified), sealMark(k, head)); err != nil {
			return err
		}
	}
	return meta.Put([]byte(metaChain), []byte{1})
}

// chainedChange turns an unchained change-log value into the chained layout (without its link):
// the chained flag, and the record's version after the prefix.
func chainedChange(v, key []byte, newest map[uuid.UUID]newestChange) ([]byte, error) {
	if _, err := decodeLogEntry(key, v); err != nil {
		return nil, err
	}
	if v[0]&changeChained != 0 {
		return nil, &HistoryError{At: chainEntry{src: fromChanges, key: key, value: v}.describe(), Why: "is chained in a store that is not"}
	}
	n := changePrefixLen(v)
	var rv uint64
	if nc := newest[uuid.UUID(key[8:])]; bytes.Equal(nc.key, key) {
		rv = nc.recordVersion
	}
	out := make([]byte, 0, len(v)+8+chainLinkSize)
	out = append(out, v[0]|changeChained)
	out = append(out, v[1:n]...)
	out = binary.BigEndian.AppendUint64(out, rv)
	return append(out, v[n:]...), nil
}

// newestChange is a record's newest change-log entry and the version the record stands at.
type newestChange struct {
	key           []byte
	recordVersion uint64
}

// newestRecordVersions finds each record's newest change-log entry and reads the record's
// version from its clear header.
func newestRecordVersions(tx *bolt.Tx) (map[uuid.UUID]newestChange, error) {
	changes, err := bucket(tx, bucketChanges)
	if err != nil {
		return nil, err
	}
	newest := map[uuid.UUID]newestChange{}
	kinds := map[uuid.UUID]Kind{}
	c := changes.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		le, err := decodeLogEntry(k, v)
		if err != nil {
			return nil, err
		}
		id := uuid.UUID(k[8:])
		newest[id] = newestChange{key: append([]byte(nil), k...)}
		kinds[id] = le.kind
	}
	for id, nc := range newest {
		e, ok, err := recordHeader(tx, kinds[id], id)
		if err != nil {
			return nil, err
		}
		if ok {
			nc.recordVersion = e.version
			newest[id] = nc
		}
	}
	return newest, nil
}
