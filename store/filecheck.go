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
// is, but damaged, is a DamagedError.
//
// It reads the file once, front to back, in large reads (summarise), and then walks the tree
// over what it noted of each page: touching each page where it lies, as a walk in tree order
// through a memory map would, costs a page fault per page, which on a 30,000-person store is
// most of the time bbolt's own open takes.
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
	return guard(func() error { return checkBolt(fileReader{f: f, n: uint64(info.Size())}, path) })
}

// fileReader reads the file being checked.
type fileReader struct {
	f *os.File
	n uint64
}

func (r fileReader) size() uint64 { return r.n }

// at returns n bytes from offset off, which the caller has checked lie in the file.
func (r fileReader) at(off, n uint64) ([]byte, error) { return r.into(nil, off, n) }

// into is at, reusing buf's memory.
func (r fileReader) into(buf []byte, off, n uint64) ([]byte, error) {
	if uint64(cap(buf)) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := r.f.ReadAt(buf, int64(off)); err != nil {
		return nil, damaged("the file cannot be read at %d (%v)", off, err)
	}
	return buf, nil
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

// metaAt reads the meta page at off, if the file reaches that far.
func metaAt(src fileReader, off uint64) boltMeta {
	const need = boltPageHeader + boltMetaSumLen + 8
	if off+need > src.size() {
		return boltMeta{}
	}
	b, err := src.at(off, need)
	if err != nil {
		return boltMeta{}
	}
	return readMeta(b)
}

// checkBolt is checkFile on a file's bytes, however they are read.
func checkBolt(src fileReader, path string) error {
	size := src.size()
	first := metaAt(src, 0)
	pageSize := first.pageSize
	if !first.checkOK {
		// As bbolt does: look for the second meta page where each possible page size puts it.
		pageSize = 0
		for shift := 0; shift <= 14 && pageSize == 0; shift++ {
			if m := metaAt(src, uint64(1024)<<shift); m.checkOK {
				pageSize = m.pageSize
			}
		}
	}
	if pageSize == 0 {
		if first.magicOK || looksLikeBolt(src) {
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
	m0, m1 := metaAt(src, 0), metaAt(src, pageSize)
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
	c := &fileChecker{src: src, pageSize: pageSize, highWater: meta.highWater,
		used: make([]uint64, (meta.highWater+63)/64)}
	if err := c.summarise(); err != nil {
		return err
	}
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
func looksLikeBolt(src fileReader) bool {
	if src.size() >= boltPageHeader {
		if head, err := src.at(0, boltPageHeader); err == nil && native.Uint64(head) == 0 && native.Uint16(head[8:]) == 0x04 {
			return true
		}
	}
	const usual = 4096
	for id := uint64(2); id < 6 && (id+1)*usual <= src.size(); id++ {
		head, err := src.at(id*usual, boltPageHeader)
		if err != nil {
			return false
		}
		if flags := native.Uint16(head[8:]); native.Uint64(head) == id &&
			(flags == boltBranchPage || flags == boltLeafPage || flags == boltFreelistPage) {
			return true
		}
	}
	return false
}

// fileChecker checks the pages reachable from a meta page: first a note of every page of the
// file, read in order (summarise), then a walk of the trees over those notes.
type fileChecker struct {
	src       fileReader
	pageSize  uint64
	highWater uint64
	pages     []pageNote // by page id
	used      []uint64   // one bit per page: reached already
}

// pageNote is what the walk needs of one page, noted as if it were a branch or leaf page (most
// pages are; the rest — free pages, the continuation of a large page — are never reached, so
// what is noted of them does not matter).
type pageNote struct {
	problem  string // why the page cannot be read as a branch or leaf page; "" when it can
	branch   bool
	overflow uint64
	empty    bool       // a leaf with no elements
	first    []byte     // a leaf's first and last keys (copies)
	last     []byte     //
	children []childRef // a branch's children, in order
	buckets  []uint64   // a leaf's sub-buckets kept in pages of their own: their root pages
}

// childRef is one element of a branch page.
type childRef struct {
	page uint64
	key  []byte // a copy
}

// summariseChunk is how many bytes summarise reads at a time.
const summariseChunk = 1 << 20

// summarise notes every page below the high-water mark, reading the file in order.
func (c *fileChecker) summarise() error {
	c.pages = make([]pageNote, c.highWater)
	perChunk := max(1, summariseChunk/c.pageSize)
	var buf []byte
	for start := uint64(2); start < c.highWater; start += perChunk {
		n := min(perChunk, c.highWater-start)
		chunk, err := c.src.into(buf, start*c.pageSize, n*c.pageSize)
		if err != nil {
			return err
		}
		buf = chunk
		for id := start; id < start+n; id++ {
			off := (id - start) * c.pageSize
			overflow := uint64(native.Uint32(chunk[off+12:]))
			switch {
			case native.Uint64(chunk[off:]) != id:
				c.pages[id].problem = fmt.Sprintf("page %d says it is page %d", id, native.Uint64(chunk[off:]))
				continue
			case overflow >= c.highWater-id:
				c.pages[id].problem = fmt.Sprintf("page %d runs past the end of the file", id)
				continue
			}
			var page []byte
			if end := off + (overflow+1)*c.pageSize; end <= uint64(len(chunk)) {
				page = chunk[off:end]
			} else if page, err = c.src.at(id*c.pageSize, (overflow+1)*c.pageSize); err != nil {
				return err // a large page reaching past this read: read it whole
			}
			c.pages[id] = notePage(page, id)
			c.pages[id].overflow = overflow
		}
	}
	return nil
}

// notePage reads one branch or leaf page into a note, checking what can be checked within the
// page: its type, that its elements lie inside it, that keys are never empty and, on a leaf,
// rise strictly, and that small buckets stored inline are whole.
func notePage(p []byte, id uint64) pageNote {
	var note pageNote
	flags := native.Uint16(p[8:])
	if flags != boltBranchPage && flags != boltLeafPage {
		note.problem = fmt.Sprintf("page %d is not a page of records (type %#x)", id, flags)
		return note
	}
	note.branch = flags == boltBranchPage
	count, err := elementCount(p, id)
	if err != nil {
		note.problem = err.(*DamagedError).Detail
		return note
	}
	if note.branch && count == 0 {
		note.problem = fmt.Sprintf("page %d is an empty branch", id)
		return note
	}
	note.empty = count == 0
	var previous []byte
	for i := range count {
		e, err := elementAt(p, i, id)
		if err != nil {
			note.problem = err.(*DamagedError).Detail
			return note
		}
		if note.branch {
			note.children = append(note.children, childRef{page: e.child, key: bytes.Clone(e.key)})
			continue
		}
		if i > 0 && bytes.Compare(previous, e.key) >= 0 {
			note.problem = fmt.Sprintf("the keys of page %d are out of order", id)
			return note
		}
		previous = e.key
		if e.flags&boltBucketLeaf != 0 {
			root, err := bucketRoot(e.value, id)
			if err != nil {
				note.problem = err.(*DamagedError).Detail
				return note
			}
			if root != 0 {
				note.buckets = append(note.buckets, root)
			}
		}
	}
	if !note.branch && count > 0 {
		first, _ := elementAt(p, 0, id)
		note.first, note.last = bytes.Clone(first.key), bytes.Clone(previous)
	}
	return note
}

// bucketTree checks the tree of pages of one bucket, rooted at page root.
func (c *fileChecker) bucketTree(root uint64, nesting int) error {
	if nesting > maxBucketNesting {
		return damaged("buckets nest too deep")
	}
	_, err := c.treePage(root, nil, nil, 0, nesting)
	return err
}

// treePage checks one branch or leaf page and everything under it, from its note: it is a page
// of the file reached once, and every key is at least low and below high (nil: no bound), as
// bbolt's own check requires. It returns the page's largest key.
func (c *fileChecker) treePage(id uint64, low, high []byte, depth, nesting int) ([]byte, error) {
	if depth > maxTreeDepth {
		return nil, damaged("page %d is too deep in its tree", id)
	}
	if id < 2 || id >= c.highWater {
		return nil, damaged("a page points outside the file (page %d of %d)", id, c.highWater)
	}
	note := &c.pages[id]
	if note.problem != "" {
		return nil, damaged("%s", note.problem)
	}
	for p := id; p <= id+note.overflow; p++ {
		if c.used[p/64]&(1<<(p%64)) != 0 {
			return nil, damaged("page %d is used twice", p)
		}
		c.used[p/64] |= 1 << (p % 64)
	}
	if !note.branch {
		if note.empty {
			return nil, nil
		}
		if low != nil && bytes.Compare(low, note.first) > 0 || high != nil && bytes.Compare(note.last, high) >= 0 {
			return nil, damaged("the keys of page %d are out of order", id)
		}
		for _, root := range note.buckets {
			if err := c.bucketTree(root, nesting+1); err != nil {
				return nil, err
			}
		}
		return note.last, nil
	}
	running := low
	for i, child := range note.children {
		if err := keyInOrder(child.key, running, high, i, id); err != nil {
			return nil, err
		}
		next := high
		if i+1 < len(note.children) {
			next = note.children[i+1].key
		}
		largest, err := c.treePage(child.page, child.key, next, depth+1, nesting)
		if err != nil {
			return nil, err
		}
		running = largest
	}
	return running, nil
}

// keyInOrder is bbolt's key-order rule for a branch: the first key at least the lower bound,
// each later key above the largest key under the branch before, all below high.
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

// bucketRoot reads a bucket stored as a leaf value: the root page of its own tree of pages, or
// 0 for a small bucket stored inline in the value, which it checks whole.
func bucketRoot(v []byte, id uint64) (uint64, error) {
	if len(v) < boltBucketHeader {
		return 0, damaged("a bucket on page %d is cut short", id)
	}
	if root := native.Uint64(v); root != 0 {
		return root, nil
	}
	inline := v[boltBucketHeader:]
	if len(inline) < boltPageHeader || native.Uint16(inline[8:]) != boltLeafPage {
		return 0, damaged("a small bucket on page %d cannot be read", id)
	}
	count, err := elementCount(inline, id)
	if err != nil {
		return 0, err
	}
	var previous []byte
	for i := range count {
		e, err := elementAt(inline, i, id)
		if err != nil {
			return 0, err
		}
		if e.flags&boltBucketLeaf != 0 {
			return 0, damaged("a small bucket on page %d holds a bucket", id)
		}
		if i > 0 && bytes.Compare(previous, e.key) >= 0 {
			return 0, damaged("the keys of a small bucket on page %d are out of order", id)
		}
		previous = e.key
	}
	return 0, nil
}

// freelist checks a free-list page (stores written with the free list kept in the file): every
// page it frees is a page of the file that no bucket uses, each once.
func (c *fileChecker) freelist(id uint64) error {
	if id < 2 || id >= c.highWater {
		return damaged("the free-page list is outside the file (page %d)", id)
	}
	head, err := c.src.at(id*c.pageSize, c.pageSize)
	if err != nil {
		return err
	}
	overflow := uint64(native.Uint32(head[12:]))
	if native.Uint64(head) != id || native.Uint16(head[8:]) != boltFreelistPage || overflow >= c.highWater-id {
		return damaged("the free-page list (page %d) cannot be read", id)
	}
	for p := id; p <= id+overflow; p++ {
		if c.used[p/64]&(1<<(p%64)) != 0 {
			return damaged("page %d is used twice", p)
		}
		c.used[p/64] |= 1 << (p % 64)
	}
	p, err := c.src.at(id*c.pageSize, (overflow+1)*c.pageSize)
	if err != nil {
		return err
	}
	start, count := uint64(0), uint64(native.Uint16(p[10:]))
	if count == 0xFFFF {
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
