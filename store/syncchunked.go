package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/store/bundle"
)

// A first full sync of a county (30,000 people, about 280,000 records) in one bbolt
// transaction holds every page it changes in memory until the commit: about 1 GB. A bundle
// of more than importChunkItems items is therefore applied to a copy of the store, built
// beside it (".<name>.carehub-import"), in transactions of importChunkItems items each, and
// the copy replaces the store by a rename only once all of it has applied, been written and
// flushed to disk. Still all or nothing: until the rename the store is the old one, whole
// (a killed process, a power cut or a refused item leaves it as it was, and a copy the next
// import removes); after it, the store holds the whole bundle. The history's chain runs
// through the chunks as through any other transactions, each appending after the last.
//
// While the copy is built the store takes no other write (writers wait, as they would for
// one long transaction); reads see the store as it was until the rename.
//
// The small bundle of everyday syncs stays one transaction on the store itself, and so does
// every import on Windows, which cannot rename over a file that is open.

// importChunkItems is how many bundle items one transaction of a chunked import applies, and
// the size above which a bundle is applied in chunks.
const importChunkItems = 10_000

// importSuffix ends the name of the copy a chunked import builds.
const importSuffix = ".carehub-import"

// importPath is where the copy for a chunked import into the store at path is built.
func importPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+importSuffix)
}

// chunkItems is how many items a transaction of a chunked import applies.
func (s *Store) chunkItems() int {
	if s.importChunk > 0 {
		return s.importChunk
	}
	return importChunkItems
}

// chunked reports whether bundle m is applied in chunks to a copy.
func (s *Store) chunked(m bundle.Manifest) bool {
	return runtime.GOOS != "windows" && m.Items > s.chunkItems()
}

// importInChunks applies bundle m, from sender, to a copy of the store in transactions of
// chunkItems items, and puts the copy in the store's place once all of it has applied.
func (s *Store) importInChunks(r io.ReadSeeker, self bundle.Identity, sender bundle.Card, m bundle.Manifest,
	res *ImportResult, progress func(done, total int)) error {
	if err := s.stillWhole(); err != nil {
		return err
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	defer collectWithinBudget()()
	return guard(func() error {
		tmp := importPath(s.path)
		if err := clearLeftover(tmp); err != nil {
			return err
		}
		db, err := s.copyForImport(tmp)
		if err != nil {
			return err
		}
		placed := false
		defer func() {
			if !placed {
				db.Close()
				os.Remove(tmp)
			}
		}()
		behind := startFlushBehind(db)
		defer behind.stop() // before the copy closes, even when a damaged file ends this early
		err = s.applyInChunks(db, behind, r, self, sender, m, res, progress)
		if err = errors.Join(err, behind.stop()); err != nil || res.AlreadyImported {
			return err
		}
		placed, err = s.replaceWith(db, tmp)
		return err
	})
}

// copyForImport copies the store, as its last commit left it, to tmp and opens the copy. The
// copy is opened without a flush to disk at each commit: nothing depends on it until
// replaceWith has flushed it once, whole.
func (s *Store) copyForImport(tmp string) (*bolt.DB, error) {
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return nil, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err = errors.Join(err, f.Close()); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	opts := boltOptions(time.Second, false)
	opts.NoSync, opts.NoGrowSync = true, true
	db, err := bolt.Open(tmp, fileMode, opts)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	return db, nil
}

// applyInChunks applies bundle m to db, committing every chunkItems items, each chunk with
// its held-back index writes; the last transaction also writes the caseload entries of every
// patient the bundle touched and notes the import. Each commit starts flushing the copy to
// disk behind it.
func (s *Store) applyInChunks(db *bolt.DB, behind *flushBehind, r io.ReadSeeker, self bundle.Identity, sender bundle.Card,
	m bundle.Manifest, res *ImportResult, progress func(done, total int)) error {
	tx, err := db.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if tx != nil {
			_ = tx.Rollback()
		}
	}()
	w := s.writer(tx)
	imp, peer, err := startImport(w, s, sender, m, res)
	if err != nil || res.AlreadyImported {
		return err
	}
	onHub, caseload, removed, chunk, done := w.later.onHub, w.later.caseload, w.later.removed, s.chunkItems(), 0
	// commit ends the transaction of one chunk.
	commit := func() error {
		err := errors.Join(w.advanceMark(), tx.Commit())
		tx = nil
		behind.committed()
		return err
	}
	verified, err := eachAhead(r, self, sender, s.keys, func(item aheadItem) error {
		done++
		reportImport(progress, done, m.Items)
		if err := imp.apply(item); err != nil || done%chunk != 0 {
			return err
		}
		// Each chunk makes its own held-back index writes, so memory holds one chunk's: after
		// the first commit the buckets are trees of pages, not one node, and puts in any order
		// cost little. The caseload changes, slim (syncdefer.go), stay for the last
		// transaction: each patient's entry is then worked out once, from what the import
		// saved, rather than by every chunk that touches them from what is stored.
		if err := w.flushIndexes(); err != nil {
			return err
		}
		if err := commit(); err != nil {
			return err
		}
		if tx, err = db.Begin(true); err != nil {
			tx = nil
			return err
		}
		w = s.writer(tx)
		w.later = newDeferredWrites()
		w.later.onHub = onHub       // patients found stay found (putRecord forgets one whose record it writes)
		w.later.caseload = caseload // settled once every chunk has committed (settleInParallel)
		w.later.removed = removed
		packBuckets(w)
		imp.w = w
		return nil
	})
	if err := sameBundle(verified, m, err); err != nil {
		return err
	}
	// The last chunk's index writes; then the caseload entry of every patient the bundle
	// touched, worked out from what the chunks committed on every processor (syncsettle.go)
	// and written by the last transaction, which also notes the import.
	if err := w.flushIndexes(); err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	entries, err := settleInParallel(db, s.keys, caseload, removed)
	if err != nil {
		return err
	}
	if tx, err = db.Begin(true); err != nil {
		tx = nil
		return err
	}
	imp.w = s.writer(tx)
	packBuckets(imp.w)
	for _, e := range entries {
		if err := putCaseload(tx, s.keys, e); err != nil {
			return err
		}
	}
	if err := imp.finish(peer, m); err != nil {
		return err
	}
	w = imp.w
	return commit()
}

// replaceWith puts the copy at tmp, open as db, in the store's place: flushed to disk, renamed
// over the store, and from then on the file this Store reads and writes. The old file's
// handle is closed once the reads still running on it end.
// It reports whether the copy took the store's place.
func (s *Store) replaceWith(db *bolt.DB, tmp string) (bool, error) {
	if err := db.Sync(); err != nil {
		return false, err
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return false, err
	}
	db.NoSync, db.NoGrowSync = false, false
	s.dbMu.Lock()
	old := s.db
	s.db = db
	s.dbMu.Unlock()
	// The rename is done: the store is the new file whatever happens next.
	return true, errors.Join(syncDir(filepath.Dir(s.path)), old.Close())
}
