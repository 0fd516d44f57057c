package store

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
)

// A first full sync allocates about 2.8 GB while it holds about 100 MB: the bundle's items
// decoded ahead, one chunk's pages, a slim note per patient. Left at Go's default the
// collector runs whenever the heap has doubled since the last collection, about thirty times
// in one import, and a tenth of the import's processor time goes to it. The import has a
// memory budget of its own instead (design.md: 300 MB), so while a chunked import runs the
// collector is told to collect when the process nears that budget above what it held when
// the import began, and not before: about half the collections, the same ceiling.
//
// These are settings of the whole process. They are changed only when nobody has set a
// memory limit already (an operator's GOMEMLIMIT, or another import running in this process),
// and put back as they were when the import ends, however it ends.

// importMemoryBudget is how much memory a chunked import may add to what the process held
// when it began before the collector runs (measured peak: BenchmarkSyncBundleImport30k).
const importMemoryBudget = 270 << 20

// collectWithinBudget has the collector keep to importMemoryBudget above the memory in use
// now, and returns what puts the collector's settings back.
func collectWithinBudget() (restore func()) {
	limit := memoryInUse() + importMemoryBudget
	if before := debug.SetMemoryLimit(limit); before != math.MaxInt64 {
		debug.SetMemoryLimit(before) // someone else's limit: theirs stands
		return func() {}
	}
	percent := debug.SetGCPercent(-1) // no collection before the limit
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

// memoryInUse is the memory the Go runtime holds for live use, as its memory limit counts it:
// everything mapped, less what it has handed back to the system and the free heap it keeps
// (which the collector hands back when the limit nears).
func memoryInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	var held int64
	for i, v := range s {
		if v.Value.Kind() != metrics.KindUint64 {
			return 0
		}
		if i == 0 {
			held += int64(v.Value.Uint64())
		} else {
			held -= int64(v.Value.Uint64())
		}
	}
	return held
}
