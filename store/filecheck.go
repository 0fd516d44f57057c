package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"os"
)

// checkFile checks, before bbolt opens it, that the file at path is a whole bbolt file that
// bbolt can read without faulting or panicking: a meta page that bbolt will choose, a file long
// enough for every page that meta says exists, and every page reachable from it a well-formed
// branch or leaf page whose elements lie inside it, whose children are pages of the file used
// once each, and whose keys are in order (what bbolt checks, on a goroutine of its own, when it
// rebuilds its free list at open). A file that is not bbolt's at all is ErrNotCarehub; one that
// is, but damaged, is a DamagedError. It reads the file through a read-only memory map where
// the system has one (mapFile), so it costs a walk of the pages bbolt walks anyway.
func checkFile(path string) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	data, unmap, err := mapFile(f, info.Size())
	if err != nil {
		return err
	}
	defer unmap()
	return guard(func() error { return checkBoltBytes(data, path) })
}

// The bbolt file format (go.etcd.io/bbolt, format version 2), in the machine's byte order.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16 // id u64, flags u16, count u16, overflow u32
	boltElementSize  = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01
	boltBucketHeader = 16 // root pgid u64, sequence u64
	boltNoFreelist   = ^uint64(0)
	boltMetaSumLen   = 56 // the meta's bytes before its checksum
	maxTreeDepth     = 64
	maxBucketNesting = 16
)

var native = binary.NativeEndian

// boltMeta is what carehub reads of a meta page.
type boltMeta struct {
	pageSize         uint64
	root, freelist   uint64
	highWater, txid  uint64
	magicOK, checkOK bool
}

func readMeta(b []byte) boltMeta {
	var m boltMeta
	if len(b) < boltPageHeader+boltMetaSumLen+8 {
		return m
	}
	b = b[boltPageHeader:]
	m.magicOK = native.Uint32(b[0:]) == boltMagic && native.Uint32(b[4:]) == boltVersion
	m.pageSize = uint64(native.Uint32(b[8:]))
	m.root = native.Uint64(b[16:])
	m.freelist = native.Uint64(b[32:])
	m.highWater = native.Uint64(b[40:])
	m.txid = native.Uint64(b[48:])
	h := fnv.New64a()
	h.Write(b[:boltMetaSumLen])
	m.checkOK = m.magicOK && h.Sum64() == native.Uint64(b[boltMetaSumLen:])
	return m
}

// checkBoltBytes is checkFile on the file's bytes.
func checkBoltBytes(data []byte, path string) error {
	size := uint64(len(data))
	first := readMeta(data)
	pageSize := first.pageSize
	if !first.checkOK {
		// As bbolt does: look for the second meta page where each possible page size puts it.
		pageSize = 0
		for shift := 0; shift <= 14 && pageSize == 0; shift++ {
			if pos := uint64(1024) << shift; pos+boltPageHeader+64 <= size {
				if m := readMeta(data[pos:]); m.checkOK {
					pageSize = m.pageSize
				}
			}
		}
	}
	if pageSize == 0 {
		if first.magicOK || looksLikeBolt(data) {
			return damaged("its first pages cannot be read")
		}
		return fmt.Errorf("%s: %w", path, ErrNotCarehub)
	}
	if pageSize < 1024 || pageSize > 1<<24 || pageSize&(pageSize-1) != 0 {
		return damaged("it gives an impossible page size (%d)", pageSize)
	}
	if size < 2*pageSize {
		return damaged("the file is cut short (%d bytes)", size)
	}
	m0, m1 := readMeta(data), readMeta(data[pageSize:])
	meta := m0
	a, b := m0, m1
	if m1.txid > m0.txid {
		a, b = m1, m0
	}
	switch {
	case a.checkOK:
		meta = a
	case b.checkOK:
		meta = b
	default:
		return damaged("neither copy of its header can be read")
	}
	if meta.pageSize != pageSize {
		return damaged("its two headers disagree on the page size")
	}
	if meta.highWater < 3 || meta.highWater > size/pageSize {
		return damaged("the file is cut short: it holds %d bytes of the %d it should", size, meta.highWater*pageSize)
	}
	c := &fileChecker{data: data, pageSize: pageSize, highWater: meta.highWater,
		used: make([]uint64, (meta.highWater+63)/64)}
	if err := c.bucketTree(meta.root, 0); err != nil {
		return err
	}
	if meta.freelist != boltNoFreelist {
		return c.freelist(meta.freelist)
	}
	return nil
}

// looksLikeBolt reports a file whose headers cannot be read but which is bbolt's all the same:
// a page header saying "meta" at the start, or pages of bbolt's own after where the headers
// would be (each page's header names its own number), at the usual page size.
func looksLikeBolt(data []byte) bool {
	if len(data) >= boltPageHeader && native.Uint64(data) == 0 && native.Uint16(data[8:]) == 0x04 {
		return true
	}
	const usual = 4096
	for id := uint64(2); id < 6 && (id+1)*usual <= uint64(len(data)); id++ {
		head := data[id*usual:]
		if flags := native.Uint16(head[8:]); native.Uint64(head) == id &&
			(flags == boltBranchPage || flags == boltLeafPage || flags == boltFreelistPage) {
			return true
		}
	}
	return false
}

// fileChecker walks the pages reachable from a meta page.
type fileChecker struct {
	data      []byte
	pageSize  uint64
	highWater uint64
	used      []uint64 // one bit per page: reached already
}

// page returns page id with its overflow pages, checking it lies in the file and is reached
// once.
func (c *fileChecker) page(id uint64) ([]byte, error) {
	if id < 2 || id >= c.highWater {
		return nil, damaged("a page points outside the file (page %d of %d)", id, c.highWater)
	}
	start := id * c.pageSize
	head := c.data[start : start+boltPageHeader]
	overflow := uint64(native.Uint32(head[12:]))
	if native.Uint64(head) != id {
		return nil, damaged("page %d says it is page %d", id, native.Uint64(head))
	}
	if overflow >= c.highWater-id {
		return nil, damaged("page %d runs past the end of the file", id)
	}
	for p := id; p <= id+overflow; p++ {
		if c.used[p/64]&(1<<(p%64)) != 0 {
			return nil, damaged("page %d is used twice", p)
		}
		c.used[p/64] |= 1 << (p % 64)
	}
	return c.data[start : start+(overflow+1)*c.pageSize], nil
}

// bucketTree checks the tree of pages of one bucket, rooted at page root.
func (c *fileChecker) bucketTree(root uint64, nesting int) error {
	if nesting > maxBucketNesting {
		return damaged("buckets nest too deep")
	}
	_, err := c.treePage(root, nil, nil, 0, nesting)
	return err
}

// treePage checks one branch or leaf page and everything under it. Every key must be at least
// low and below high (nil: no bound), as bbolt's own check requires; it returns the page's
// largest key.
func (c *fileChecker) treePage(id uint64, low, high []byte, depth, nesting int) ([]byte, error) {
	if depth > maxTreeDepth {
		return nil, damaged("page %d is too deep in its tree", id)
	}
	p, err := c.page(id)
	if err != nil {
		return nil, err
	}
	flags := native.Uint16(p[8:])
	if flags != boltBranchPage && flags != boltLeafPage {
		return nil, damaged("page %d is not a page of records (type %#x)", id, flags)
	}
	count, err := elementCount(p, id)
	if err != nil {
		return nil, err
	}
	if flags == boltBranchPage && count == 0 {
		return nil, damaged("page %d is an empty branch", id)
	}
	running := low
	var largest []byte
	for i := range count {
		e, err := elementAt(p, i, id)
		if err != nil {
			return nil, err
		}
		if err := keyInOrder(e.key, running, high, i, id); err != nil {
			return nil, err
		}
		if flags == boltLeafPage {
			if e.flags&boltBucketLeaf != 0 {
				if err := c.bucketValue(e.value, id, nesting); err != nil {
					return nil, err
				}
			}
			running, largest = e.key, e.key
			continue
		}
		next := high
		if i+1 < count {
			after, err := elementAt(p, i+1, id)
			if err != nil {
				return nil, err
			}
			next = after.key
		}
		max, err := c.treePage(e.child, e.key, next, depth+1, nesting)
		if err != nil {
			return nil, err
		}
		running, largest = max, max
	}
	return largest, nil
}

// keyInOrder is bbolt's key-order rule: the first key at least the lower bound, each later
// key above the one before (or the largest key under the branch before), all below high.
func keyInOrder(key, previous, high []byte, i int, id uint64) error {
	if i == 0 && previous != nil && bytes.Compare(previous, key) > 0 ||
		i > 0 && bytes.Compare(previous, key) >= 0 ||
		high != nil && bytes.Compare(key, high) >= 0 {
		return damaged("the keys of page %d are out of order", id)
	}
	return nil
}

// element is one element of a page.
type element struct {
	flags      uint32
	key, value []byte
	child      uint64
}

// elementCount reads how many elements a page holds, checking that they fit in it.
func elementCount(p []byte, id uint64) (int, error) {
	count := uint64(native.Uint16(p[10:]))
	if boltPageHeader+count*boltElementSize > uint64(len(p)) {
		return 0, damaged("page %d holds more than fits in it", id)
	}
	return int(count), nil
}

// elementAt reads element i of a page (elementCount has checked there is one), checking that
// its key and value lie inside the page. The key and value are the page's own bytes.
func elementAt(p []byte, i int, id uint64) (element, error) {
	var e element
	at := boltPageHeader + uint64(i)*boltElementSize
	el := p[at : at+boltElementSize]
	var pos, ksize, vsize uint64
	if native.Uint16(p[8:]) == boltBranchPage {
		pos, ksize = uint64(native.Uint32(el[0:])), uint64(native.Uint32(el[4:]))
		e.child = native.Uint64(el[8:])
	} else {
		e.flags = native.Uint32(el[0:])
		pos, ksize, vsize = uint64(native.Uint32(el[4:])), uint64(native.Uint32(el[8:])), uint64(native.Uint32(el[12:]))
	}
	start := at + pos
	if start+ksize+vsize > uint64(len(p)) {
		return e, damaged("a record of page %d runs past its end", id)
	}
	if ksize == 0 { // bbolt never writes an empty key, and panics reading one
		return e, damaged("a record of page %d has no key", id)
	}
	e.key = p[start : start+ksize]
	e.value = p[start+ksize : start+ksize+vsize]
	return e, nil
}

// bucketValue checks a bucket stored as a leaf value: its own tree of pages, or its one page
// stored inline in the value.
func (c *fileChecker) bucketValue(v []byte, id uint64, nesting int) error {
	if len(v) < boltBucketHeader {
		return damaged("a bucket on page %d is cut short", id)
	}
	if root := native.Uint64(v); root != 0 {
		return c.bucketTree(root, nesting+1)
	}
	inline := v[boltBucketHeader:]
	if len(inline) < boltPageHeader || native.Uint16(inline[8:]) != boltLeafPage {
		return damaged("a small bucket on page %d cannot be read", id)
	}
	count, err := elementCount(inline, id)
	if err != nil {
		return err
	}
	var previous []byte
	for i := range count {
		e, err := elementAt(inline, i, id)
		if err != nil {
			return err
		}
		if e.flags&boltBucketLeaf != 0 {
			return damaged("a small bucket on page %d holds a bucket", id)
		}
		if err := keyInOrder(e.key, previous, nil, i, id); err != nil {
			return err
		}
		previous = e.key
	}
	return nil
}

// freelist checks a free-list page (stores written with the free list kept in the file): every
// page it frees is a page of the file that no bucket uses.
func (c *fileChecker) freelist(id uint64) error {
	p, err := c.page(id)
	if err != nil {
		return err
	}
	if native.Uint16(p[8:]) != boltFreelistPage {
		return damaged("the free-page list (page %d) cannot be read", id)
	}
	start, count := uint64(0), uint64(native.Uint16(p[10:]))
	if count == 0xFFFF {
		if len(p) < boltPageHeader+8 {
			return damaged("the free-page list is cut short")
		}
		start, count = 1, native.Uint64(p[boltPageHeader:])
	}
	if count > (uint64(len(p))-boltPageHeader)/8-start {
		return damaged("the free-page list runs past its page")
	}
	previous := uint64(1)
	for i := start; i < start+count; i++ {
		free := native.Uint64(p[boltPageHeader+i*8:])
		if free <= previous || free >= c.highWater || c.used[free/64]&(1<<(free%64)) != 0 {
			return damaged("the free-page list frees page %d, which is in use, listed twice or outside the file", free)
		}
		previous = free
	}
	return nil
}
