package store

import (
	"bytes"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// collectorSettings is the collector's GOGC and memory limit, read without changing them.
type collectorSettings struct {
	percent int64
	limit   int64
}

func readCollector(t *testing.T) collectorSettings {
	t.Helper()
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		t.Fatal("this Go does not report the collector's settings")
	}
	return collectorSettings{percent: int64(s[0].Value.Uint64()), limit: int64(s[1].Value.Uint64())}
}

// importWatchingCollector imports a's bundle into b, reading the collector's settings while
// the items are applied.
func importWatchingCollector(t *testing.T, a, b *Store) (during []collectorSettings) {
	t.Helper()
	_, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, func(done, total int) {
		during = append(during, readCollector(t))
	})
	if err != nil {
		t.Fatalf("ImportBundle: %v", err)
	}
	if len(during) == 0 {
		t.Fatal("no progress reported")
	}
	return during
}

func TestChunkedImportCollectsWithinItsBudgetAndPutsTheCollectorBack(t *testing.T) {
	a := hubWith(t, 12)
	before := readCollector(t)
	if before.limit != math.MaxInt64 {
		t.Skip("a memory limit is set for this test run (GOMEMLIMIT)")
	}
	b := laptopWithChunks(t, 5)
	pair(t, a, b)
	for _, s := range importWatchingCollector(t, a, b) {
		if s.limit == math.MaxInt64 || s.limit > memoryInUse()+2*importMemoryBudget {
			t.Fatalf("memory limit during a chunked import %d, want about %d above what the process holds", s.limit, importMemoryBudget)
		}
	}
	if after := readCollector(t); after != before {
		t.Errorf("collector after the import %+v, before it %+v", after, before)
	}

	// The everyday small bundle, in one transaction, leaves the collector alone.
	c := laptopWithChunks(t, 0)
	pair(t, a, c)
	for _, s := range importWatchingCollector(t, a, c) {
		if s != before {
			t.Fatalf("collector during a one-transaction import %+v, want %+v", s, before)
		}
	}
}

func TestChunkedImportKeepsAMemoryLimitSetBeforeIt(t *testing.T) {
	a := hubWith(t, 12)
	b := laptopWithChunks(t, 5)
	pair(t, a, b)
	operators := int64(3 << 30)
	prev := debug.SetMemoryLimit(operators)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	before := readCollector(t)
	for _, s := range importWatchingCollector(t, a, b) {
		if s != before {
			t.Fatalf("collector during the import %+v, want the operator's %+v", s, before)
		}
	}
	if after := readCollector(t); after != before {
		t.Errorf("collector after the import %+v, before it %+v", after, before)
	}
}
