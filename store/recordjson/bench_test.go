package recordjson

import (
	"encoding/json"
	"runtime"
	"testing"
	"time"
)

// BenchmarkDecodeDemoBodies decodes every body of a 300-person demo hub (the mix a first full
// sync carries) with the fast path and with encoding/json, alternately in the same run, and
// reports how many times faster the fast path is as x/encoding-json. ns/op is the fast path's
// time for the whole set. Reproduce with:
// go test -run '^$' -bench DecodeDemoBodies ./store/recordjson/
func BenchmarkDecodeDemoBodies(b *testing.B) {
	samples := demoSamples(b, 300)
	var stdlib, fast time.Duration
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		start := time.Now()
		for _, s := range samples {
			if err := json.Unmarshal(s.body, s.fresh()); err != nil {
				b.Fatal(err)
			}
		}
		stdlib += time.Since(start)
		runtime.GC()
		b.StartTimer()
		start = time.Now()
		for _, s := range samples {
			if !Decode(s.body, s.fresh()) {
				b.Fatalf("refused %s", s.body)
			}
		}
		fast += time.Since(start)
	}
	b.ReportMetric(float64(stdlib)/float64(fast), "x/encoding-json")
	b.ReportMetric(float64(len(samples)), "bodies/op")
}
