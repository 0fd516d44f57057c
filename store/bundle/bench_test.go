package bundle

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// BenchmarkWriteVerifyEach200MB writes about 200 MB of 2 KB items to a file, verifies it and
// reads the items back, reporting throughput per pass over the items and the largest heap seen,
// which must stay small however big the bundle.
func BenchmarkWriteVerifyEach200MB(b *testing.B) {
	const itemSize, total = 2 << 10, 200 << 20
	const count = total / itemSize
	p := newPair(b)
	path := filepath.Join(b.TempDir(), "big.chbundle")
	item := make([]byte, itemSize)
	for i := range item {
		item[i] = byte(i * 7)
	}
	var peak uint64
	sample := func(i int) {
		if i%5000 == 0 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	var writing, verifying, reading time.Duration
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		if _, err := Write(w, p.hub, p.tabletCard, Manifest{Kind: KindChanges}, func(emit func([]byte) error) error {
			for i := range count {
				sample(i)
				if err := emit(item); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		writing += time.Since(start)
		start = time.Now()
		if _, err := f.Seek(0, 0); err != nil {
			b.Fatal(err)
		}
		m, card, err := Verify(f, p.tablet, p.tabletSenders)
		if err != nil {
			b.Fatal(err)
		}
		verifying += time.Since(start)
		start = time.Now()
		n := 0
		if _, err := Each(f, p.tablet, card, func([]byte) error { sample(n); n++; return nil }); err != nil {
			b.Fatal(err)
		}
		reading += time.Since(start)
		if n != count || m.Items != count {
			b.Fatalf("read %d items, manifest %d, wrote %d", n, m.Items, count)
		}
		f.Close()
	}
	mbps := func(d time.Duration) float64 { return float64(b.N) * total / 1e6 / d.Seconds() }
	b.ReportMetric(mbps(writing), "write-MB/s")
	b.ReportMetric(mbps(verifying), "verify-MB/s")
	b.ReportMetric(mbps(reading), "each-MB/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
