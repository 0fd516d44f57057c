package store

import (
	"sync"

	bolt "go.etcd.io/bbolt"
)

// A chunked import's copy is opened without a flush to disk at each commit, and flushed once,
// whole, before it is renamed over the store (replaceWith). Writing out a county's 400 MB
// then takes about half a second in which nothing else happens. flushBehind starts that
// writing while later chunks are still being applied: after each chunk's commit it has the
// copy flushed on a goroutine of its own, so the flush before the rename finds little left
// to write. Nothing depends on these flushes: the one before the rename is still what makes
// the copy durable before it takes the store's place.

// flushBehind flushes a bbolt file on its own goroutine whenever asked.
type flushBehind struct {
	kick    chan struct{} // a flush is wanted; one pending wish covers any number of commits
	done    chan error    // the first flush error, once kick is closed and the flushing has ended
	stopped sync.Once
	err     error // what stop reports
}

// startFlushBehind starts flushing db in the background; end it with stop before db closes.
func startFlushBehind(db *bolt.DB) *flushBehind {
	f := &flushBehind{kick: make(chan struct{}, 1), done: make(chan error, 1)}
	go func() {
		var err error
		for range f.kick {
			if err == nil {
				err = db.Sync()
			}
		}
		f.done <- err
	}()
	return f
}

// committed asks for a flush of what has been committed so far, without waiting for it.
func (f *flushBehind) committed() {
	select {
	case f.kick <- struct{}{}:
	default: // one is already pending, and will include this commit
	}
}

// stop waits for a flush under way to end and reports the first that failed. Calling it
// again reports the same.
func (f *flushBehind) stop() error {
	f.stopped.Do(func() {
		close(f.kick)
		f.err = <-f.done
	})
	return f.err
}
