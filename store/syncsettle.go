package store

import (
	"bytes"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// The last step of a chunked import works out the caseload entry of every patient the bundle
// touched: for a county, 30,000 lookups of plans and PAM assessments, on one goroutine about
// half a second in which the other processors idle. It only reads what the chunks committed,
// so on the copy it runs in read transactions of its own, one per processor, each over a run
// of patients; the last transaction then writes the entries that changed, in key order. The
// entries are those the one-transaction import writes (settledCaseload is shared).

// settleInParallel works out the caseload entries of the patients in changes from db as the
// chunks left it (removed: the records the bundle deleted), and returns those that differ from what is stored, in patient order. On an
// error it returns the one the first failing patient, in that order, gives.
func settleInParallel(db *bolt.DB, k *keys, changes map[uuid.UUID]*caseloadChange, removed map[uuid.UUID]bool) ([]careplan.CaseloadEntry, error) {
	ids := slices.SortedFunc(maps.Keys(changes), func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	runs := splitRuns(ids, max(1, runtime.GOMAXPROCS(0)))
	settled := make([][]careplan.CaseloadEntry, len(runs))
	errs := make([]error, len(runs))
	var wg sync.WaitGroup
	for i, run := range runs {
		wg.Go(func() {
			settled[i] = make([]careplan.CaseloadEntry, 0, len(run)) // a first sync changes every one
			errs[i] = db.View(func(tx *bolt.Tx) error {
				for _, id := range run {
					e, changed, err := settledCaseload(tx, k, id, changes[id], removed)
					if err != nil {
						return err
					}
					if changed {
						settled[i] = append(settled[i], e)
					}
				}
				return nil
			})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return slices.Concat(settled...), nil
}

// splitRuns cuts ids into at most n runs of nearly equal length, in order.
func splitRuns(ids []uuid.UUID, n int) [][]uuid.UUID {
	var runs [][]uuid.UUID
	for i := range n {
		if run := ids[i*len(ids)/n : (i+1)*len(ids)/n]; len(run) > 0 {
			runs = append(runs, run)
		}
	}
	return runs
}
