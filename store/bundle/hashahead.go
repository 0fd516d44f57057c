package bundle

import (
	"hash"
	"sync"
)

// Reading a bundle hashes every byte of the file for its signature (SHA-512) and also opens
// every chunk and hashes every item: on one goroutine the signature hash is about half the
// work. hashAhead feeds the signature hash from a goroutine of its own, so the two halves run
// on two processors; what it hashes, and so whether the signature verifies, is unchanged.

// hashAheadBuf is how many bytes go to the hashing goroutine at a time.
const hashAheadBuf = 256 << 10

// hashAhead hashes what is written to it on another goroutine. Call sum once, or stop when
// the reading fails; either lets the goroutine end.
type hashAhead struct {
	h     hash.Hash
	buf   []byte
	full  chan []byte // to the hashing goroutine, in order
	free  chan []byte // back from it, for reuse
	done  chan struct{}
	close sync.Once
}

func newHashAhead(h hash.Hash) *hashAhead {
	const bufs = 4
	a := &hashAhead{h: h, full: make(chan []byte, bufs), free: make(chan []byte, bufs+1), done: make(chan struct{})}
	for range bufs + 1 {
		a.free <- make([]byte, 0, hashAheadBuf)
	}
	a.buf = <-a.free
	go func() {
		defer close(a.done)
		for b := range a.full {
			a.h.Write(b)
			a.free <- b[:0]
		}
	}()
	return a
}

// write hashes p, which the caller may reuse once write returns.
func (a *hashAhead) write(p []byte) {
	for len(p) > 0 {
		n := copy(a.buf[len(a.buf):cap(a.buf)], p)
		a.buf, p = a.buf[:len(a.buf)+n], p[n:]
		if len(a.buf) == cap(a.buf) {
			a.full <- a.buf
			a.buf = <-a.free
		}
	}
}

// sum returns the hash of everything written.
func (a *hashAhead) sum() []byte {
	if len(a.buf) > 0 {
		a.full <- a.buf
		a.buf = nil
	}
	a.stop()
	return a.h.Sum(nil)
}

// stop ends the hashing goroutine once it has hashed what it was given.
func (a *hashAhead) stop() {
	a.close.Do(func() { close(a.full) })
	<-a.done
}
