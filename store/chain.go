package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// The history is a keyed hash chain. Every change-log entry (a write, carrying its audit entry)
// and every audit entry of the views bucket (views and other events) ends with a 16-byte link:
//
//	link = HMAC-SHA256(chain key, previous link ‖ digest of this entry)[:16]
//	digest = SHA-256(tag ‖ uvarint length of key ‖ key ‖ value without its link)
//
// where the tag is 'c' for the change log and 'v' for the views bucket, the chain key is derived
// from the data key (HKDF, "carehub chain v1"), and the first entry's previous link is sixteen
// zero bytes. Entries are chained in the order of their keys' clock versions (both logs take
// versions from the one clock), so each entry commits to every entry before it. Without the key
// nobody can make a link, so an entry removed, altered, re-sealed or added breaks the chain at
// the next entry; Check walks it all, and each unlock walks it from the newest entry an earlier
// unlock verified (the mark, sealed in meta) to the end.
//
// A tablet's wipe deletes the change-log entries naming its patient. Each becomes a gap in the
// chain-gaps bucket, under the same clock version: its digest and its link, nothing of what it
// said. The chain runs through gaps unchanged, and the wipe's own audit entry, chained after
// them, says the hub removed the person's records.
//
// What it does not do: someone who holds a passphrase (so the key) and the file can rewrite the
// whole chain; and rolling the whole file back to a backup leaves a consistent, older chain.
// Only another device can notice those (ChainHead, for acknowledgements to carry).

const (
	chainLinkSize = 16

	metaChain         = "chain"          // 1 byte, 1: every change-log and audit entry has its link
	metaChainVerified = "chain-verified" // sealed: the newest entry an unlock has verified, and its link

	changeChained = 0x40 // in a change-log value's kind byte: the record's version and a link follow

	gapFormat    = 1
	gapValueSize = 1 + sha256.Size + chainLinkSize

	chainTagChange = 'c'
	chainTagView   = 'v'
)

// ErrAltered is what every sign of tampering wraps: a broken history, a record stored under
// another record's key.
var ErrAltered = errors.New("this store has been altered — restore it from a backup")

// HistoryError names the first entry at which the history does not hold together.
type HistoryError struct {
	At  string // the entry, in words: "the change to patient … at 3 Mar 2026 10:30:15"
	Why string
}

// Error names the entry and says to restore from a backup.
func (e *HistoryError) Error() string {
	return "this store's history has been altered: " + e.At + " " + e.Why + " — restore it from a backup"
}

// Is makes a HistoryError an ErrAltered.
func (e *HistoryError) Is(target error) bool { return target == ErrAltered }

// chainSource is the bucket a chained entry lives in.
type chainSource uint8

const (
	fromChanges chainSource = iota
	fromViews
	fromGaps
)

func (src chainSource) bucket() string {
	switch src {
	case fromChanges:
		return bucketChanges
	case fromViews:
		return bucketAudit
	}
	return bucketChainGaps
}

// chainPos is where an entry sits in the chain: by clock version, then change-log entries (and
// the gaps standing for them) before views, then by key.
type chainPos struct {
	version uint64
	rank    byte
	key     []byte
}

func comparePos(a, b chainPos) int {
	switch {
	case a.version != b.version:
		return cmpUint(a.version, b.version)
	case a.rank != b.rank:
		return cmpUint(uint64(a.rank), uint64(b.rank))
	}
	return bytes.Compare(a.key, b.key)
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// chainEntry is one entry of the chain as stored.
type chainEntry struct {
	src        chainSource
	key, value []byte
}

func (e chainEntry) pos() chainPos {
	rank := byte(0)
	if e.src == fromViews {
		rank = 1
	}
	return chainPos{version: binary.BigEndian.Uint64(e.key[:8]), rank: rank, key: e.key}
}

// link is the link the entry carries, or false when it has none.
func (e chainEntry) link() ([]byte, bool) {
	if e.src == fromGaps {
		if len(e.value) != gapValueSize || e.value[0] != gapFormat {
			return nil, false
		}
	} else if len(e.value) <= chainLinkSize {
		return nil, false
	}
	return e.value[len(e.value)-chainLinkSize:], true
}

// digest is what the entry's link commits to; a gap keeps the digest of the entry it replaced.
// The result is l's buffer (or the gap's bytes), valid until l's next use.
func (e chainEntry) digest(l *linker) ([]byte, bool) {
	if e.src == fromGaps {
		if len(e.value) != gapValueSize || e.value[0] != gapFormat {
			return nil, false
		}
		return e.value[1 : 1+sha256.Size], true
	}
	if len(e.value) <= chainLinkSize {
		return nil, false
	}
	return l.digest(e.tag(), e.key, e.value[:len(e.value)-chainLinkSize]), true
}

// tag is what an entry's digest starts with: which log it is in.
func (e chainEntry) tag() byte {
	if e.src == fromViews {
		return chainTagView
	}
	return chainTagChange
}

// describe names an entry in words, from what is in clear.
func (e chainEntry) describe() string {
	when := VersionTime(binary.BigEndian.Uint64(e.key[:8])).Format("2 Jan 2006 15:04:05")
	switch e.src {
	case fromChanges:
		if le, err := decodeLogEntry(e.key, e.value); err == nil && len(e.key) == changeKeySize {
			return fmt.Sprintf("the change to %s %s at %s", le.kind, uuid.UUID(e.key[8:]), when)
		}
		return "the change-log entry at " + when
	case fromViews:
		return "the audit entry at " + when
	}
	return "the removed entry at " + when
}

// linker computes digests and links with reusable hashes and buffers: the unlock and check
// walk tens of thousands of entries. What it returns is valid until its next use.
type linker struct {
	mac, sha       hash.Hash
	digSum, linked []byte
}

func (k *keys) linker() *linker {
	return &linker{mac: hmac.New(sha256.New, k.chain), sha: sha256.New()}
}

// digest is SHA-256(tag ‖ uvarint length of key ‖ key ‖ body).
func (l *linker) digest(tag byte, key, body []byte) []byte {
	var head [1 + binary.MaxVarintLen64]byte
	head[0] = tag
	n := binary.PutUvarint(head[1:], uint64(len(key)))
	l.sha.Reset()
	l.sha.Write(head[:1+n])
	l.sha.Write(key)
	l.sha.Write(body)
	l.digSum = l.sha.Sum(l.digSum[:0])
	return l.digSum
}

// link is HMAC-SHA256(chain key, prev ‖ digest), cut to chainLinkSize.
func (l *linker) link(prev, digest []byte) []byte {
	l.mac.Reset()
	l.mac.Write(prev)
	l.mac.Write(digest)
	l.linked = l.mac.Sum(l.linked[:0])
	return l.linked[:chainLinkSize]
}

// chainIter walks the three chained buckets together, in chain order.
type chainIter struct {
	curs [3]*bolt.Cursor
	head [3]chainEntry // key nil: that bucket is done
	err  error
}

func newChainIter(tx *bolt.Tx) (*chainIter, error) {
	it := &chainIter{}
	for src := fromChanges; src <= fromGaps; src++ {
		b, err := bucket(tx, src.bucket())
		if err != nil {
			return nil, err
		}
		it.curs[src] = b.Cursor()
	}
	return it, nil
}

// seek starts the walk at the first entry at or after clock version v.
func (it *chainIter) seek(v uint64) {
	from := binary.BigEndian.AppendUint64(nil, v)
	for src := range it.curs {
		k, val := it.curs[src].Seek(from)
		it.set(chainSource(src), k, val)
	}
}

func (it *chainIter) set(src chainSource, k, v []byte) {
	want := 8
	if src == fromChanges {
		want = changeKeySize
	}
	if k != nil && len(k) != want && it.err == nil {
		it.err = fmt.Errorf("%w: an entry of the %s bucket has a %d-byte key", ErrAltered, src.bucket(), len(k))
	}
	it.head[src] = chainEntry{src: src, key: k, value: v}
}

// next returns the next entry in chain order, or false at the end (or on a damaged key: err).
func (it *chainIter) next() (chainEntry, bool) {
	best := -1
	for src, e := range it.head {
		if len(e.key) >= 8 && (best < 0 || comparePos(e.pos(), it.head[best].pos()) < 0) {
			best = src
		}
	}
	if best < 0 || it.err != nil {
		return chainEntry{}, false
	}
	e := it.head[best]
	k, v := it.curs[best].Next()
	it.set(chainSource(best), k, v)
	return e, true
}

// chainMark is a verified point of the chain: an entry's position and its link.
type chainMark struct {
	pos  chainPos
	link []byte
}

// verifyChain walks the chain from mark (nil: from the start) to its end and returns the end
// and how many entries it checked. The first entry that does not hold is a *HistoryError.
func verifyChain(tx *bolt.Tx, k *keys, mark *chainMark) (chainMark, int, error) {
	it, err := newChainIter(tx)
	if err != nil {
		return chainMark{}, 0, err
	}
	l := k.linker()
	head := chainMark{link: make([]byte, chainLinkSize)}
	n := 0
	if mark != nil {
		it.seek(mark.pos.version)
		e, ok := it.next()
		for ok && comparePos(e.pos(), mark.pos) < 0 {
			e, ok = it.next()
		}
		link, linked := e.link()
		if !ok || comparePos(e.pos(), mark.pos) != 0 || !linked || !hmac.Equal(link, mark.link) {
			at := "the entry at " + VersionTime(mark.pos.version).Format("2 Jan 2006 15:04:05")
			return head, n, errors.Join(it.err, &HistoryError{At: at,
				Why: "that an earlier unlock verified is gone or has changed (entries were removed or altered)"})
		}
		head = *mark
	} else {
		it.seek(0)
	}
	for e, ok := it.next(); ok; e, ok = it.next() {
		n++
		link, linked := e.link()
		digest, digested := e.digest(l)
		if !linked || !digested {
			return head, n, &HistoryError{At: e.describe(), Why: "has no link to the entry before it (it was written without the key)"}
		}
		if !hmac.Equal(link, l.link(head.link, digest)) {
			return head, n, &HistoryError{At: e.describe(),
				Why: "does not follow from the entry before it (an entry was removed, altered or added)"}
		}
		head = chainMark{pos: e.pos(), link: link}
	}
	return head, n, it.err
}

// chainTail is the newest entry of the chain while a transaction appends to it.
type chainTail struct {
	pos  chainPos
	link []byte
}

// chainLink returns the link of a new entry of src with key and value (without its link), and
// makes it the tail. New entries always come last: their versions are the clock's newest.
func (w *writer) chainLink(src chainSource, key, value []byte) ([]byte, error) {
	if w.tail == nil {
		tail, err := readChainTail(w.tx)
		if err != nil {
			return nil, err
		}
		w.tail = &tail
		w.links = w.keys.linker()
		w.tailAtStart = chainMark{pos: tail.pos, link: bytes.Clone(tail.link)}
	}
	e := chainEntry{src: src, key: key, value: value}
	pos := e.pos()
	if w.tail.pos.key != nil && comparePos(pos, w.tail.pos) <= 0 {
		return nil, fmt.Errorf("a new history entry would not come last (version %d after %d)", pos.version, w.tail.pos.version)
	}
	link := w.links.link(w.tail.link, w.links.digest(e.tag(), key, value))
	w.appended++
	w.tail.pos = pos
	w.tail.link = append(w.tail.link[:0], link...)
	return w.tail.link, nil
}

// bigAppend is how many entries one transaction appends before it also moves the verified mark
// (a demo load, a sync import), so the next unlock need not walk them all again.
const bigAppend = 1000

// advanceMark moves the verified mark to the end of what this transaction appended, when the
// mark stood exactly where the transaction began: everything before was verified, and
// everything after was written here with the key. Small transactions leave the mark alone: it
// would cost every save a page write.
func (w *writer) advanceMark() error {
	if w.appended < bigAppend {
		return nil
	}
	mark, err := readMark(w.tx, w.keys)
	if err != nil {
		return err
	}
	start := w.tailAtStart
	switch {
	case mark == nil && start.pos.key == nil: // a new store's first entries
	case mark != nil && comparePos(mark.pos, start.pos) == 0 && bytes.Equal(mark.link, start.link):
	default:
		return nil
	}
	return putMark(w.tx, w.keys, chainMark{pos: w.tail.pos, link: w.tail.link})
}

// readChainTail finds the newest entry of the chain: the last of each bucket, the latest.
func readChainTail(tx *bolt.Tx) (chainTail, error) {
	tail := chainTail{link: make([]byte, chainLinkSize)}
	var last *chainEntry
	for src := fromChanges; src <= fromGaps; src++ {
		b, err := bucket(tx, src.bucket())
		if err != nil {
			return tail, err
		}
		k, v := b.Cursor().Last()
		if k == nil {
			continue
		}
		if len(k) < 8 {
			return tail, fmt.Errorf("%w: an entry of the %s bucket has a %d-byte key", ErrAltered, src.bucket(), len(k))
		}
		e := chainEntry{src: src, key: k, value: v}
		if last == nil || comparePos(e.pos(), last.pos()) > 0 {
			last = &e
		}
	}
	if last == nil {
		return tail, nil
	}
	link, ok := last.link()
	if !ok {
		return tail, &HistoryError{At: last.describe(), Why: "has no link to the entry before it"}
	}
	tail.pos = last.pos()
	tail.pos.key = append([]byte(nil), tail.pos.key...)
	tail.link = append([]byte(nil), link...)
	return tail, nil
}

// ChainHead is where a store's history stands: the clock version of its newest change-log or
// audit entry and that entry's link. Acknowledgements can carry it, so that a peer which has
// seen a later head notices a history cut short (issue 16).
type ChainHead struct {
	Position uint64
	Link     [chainLinkSize]byte
}

// ChainHead reads where the store's history stands (the zero ChainHead for an empty one).
func (s *Store) ChainHead() (ChainHead, error) {
	var h ChainHead
	err := s.view(func(tx *bolt.Tx) error {
		tail, err := readChainTail(tx)
		if err == nil && tail.pos.key != nil {
			h.Position = tail.pos.version
			copy(h.Link[:], tail.link)
		}
		return err
	})
	return h, err
}

// The verified mark, sealed so that it cannot be moved forward past entries no unlock has
// verified. Rolling it back to an older mark only makes the next unlock verify more.
var markAAD = []byte("carehub chain-verified")

func sealMark(k *keys, m chainMark) []byte {
	plain := binary.BigEndian.AppendUint64(nil, m.pos.version)
	plain = append(plain, m.pos.rank)
	plain = binary.AppendUvarint(plain, uint64(len(m.pos.key)))
	plain = append(plain, m.pos.key...)
	plain = append(plain, m.link...)
	return k.seal(nil, plain, markAAD)
}

func openMark(k *keys, sealed []byte) (chainMark, error) {
	var m chainMark
	plain, err := k.open(nil, sealed, markAAD)
	if err != nil || len(plain) < 9 {
		return m, &HistoryError{At: "the point verified at the last unlock", Why: "cannot be read"}
	}
	m.pos.version, m.pos.rank = binary.BigEndian.Uint64(plain), plain[8]
	n, w := binary.Uvarint(plain[9:])
	rest := plain[9:]
	if w <= 0 || uint64(len(rest)-w) != n+chainLinkSize {
		return m, &HistoryError{At: "the point verified at the last unlock", Why: "cannot be read"}
	}
	m.pos.key = rest[w : w+int(n)]
	m.link = rest[w+int(n):]
	return m, nil
}

// readMark reads the verified mark, nil when no unlock has verified anything yet.
func readMark(tx *bolt.Tx, k *keys) (*chainMark, error) {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return nil, err
	}
	v := meta.Get([]byte(metaChainVerified))
	if v == nil {
		return nil, nil
	}
	m, err := openMark(k, v)
	return &m, err
}

// putMark records m as the newest entry an unlock has verified.
func putMark(tx *bolt.Tx, k *keys, m chainMark) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaChainVerified), sealMark(k, m))
}

// checkHistory is Check's part: the whole chain from its start, the verified mark still on it,
// and every record at the version its newest change-log entry names.
func (s *Store) checkHistory(tx *bolt.Tx, r *Report) error {
	head, _, err := verifyChain(tx, s.keys, nil)
	var broken *HistoryError
	switch {
	case errors.As(err, &broken):
		r.problem("history: %v", broken.At+" "+broken.Why)
	case err != nil:
		r.problem("history: %v", err)
	}
	if err == nil {
		if mark, err := readMark(tx, s.keys); err != nil {
			r.problem("history: %v", err)
		} else if mark != nil && (head.pos.key == nil || comparePos(head.pos, mark.pos) < 0) {
			r.problem("history: it ends before the entry of %s that an earlier unlock verified: entries were removed from its end",
				VersionTime(mark.pos.version).Format("2 Jan 2006 15:04:05"))
		}
	}
	return checkRecordVersions(tx, r)
}

// checkRecordVersions holds every record to the version its newest change-log entry says it
// reached: a record copied back from a backup, or a change-log entry deleted, shows here.
func checkRecordVersions(tx *bolt.Tx, r *Report) error {
	changes, err := bucket(tx, bucketChanges)
	if err != nil {
		return err
	}
	newest := map[uuid.UUID]uint64{}
	c := changes.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != changeKeySize {
			continue // the history check reports it
		}
		if rv, ok := changeRecordVersion(v); ok {
			newest[uuid.UUID(k[8:])] = rv
		}
	}
	for _, kind := range kindOrder {
		b, err := bucket(tx, bucketOfKind(kind))
		if err != nil {
			return err
		}
		if err := b.ForEach(func(k, v []byte) error {
			e, _, err := decodeEnvelope(v)
			if err != nil || len(k) != len(e.id) {
				return nil // checkRecords reports it
			}
			want, ok := newest[uuid.UUID(k)]
			switch {
			case !ok:
				r.problem("%s %s has no change-log entry: it was added, or its history removed, without the key", kind, uuid.UUID(k))
			case want != e.version:
				r.problem("%s %s is at version %d (%s) but its newest change-log entry says %d (%s): it has been rolled back or replaced",
					kind, uuid.UUID(k), e.version, VersionTime(e.version).Format("2 Jan 2006 15:04:05"),
					want, VersionTime(want).Format("2 Jan 2006 15:04:05"))
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}
