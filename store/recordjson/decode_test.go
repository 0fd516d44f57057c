package recordjson

import (
	"testing"
)

// Every body of every kind in a demo hub is decoded by the fast path, to exactly encoding/
// json's value. Requiring the fast path matters: a decoder that always refused would be
// correct and useless.
func TestDemoBodiesDecodeFastAsEncodingJSONDoes(t *testing.T) {
	samples := demoSamples(t, 300)
	counts := make([]int, len(kinds))
	for _, s := range samples {
		counts[s.kind]++
		if !sameAsJSON(t, s.fresh, s.body) {
			t.Errorf("the fast path refused a demo %s: %s", kindNames[s.kind], s.body)
		}
	}
	for k, n := range counts {
		if n == 0 {
			t.Errorf("the demo hub has no %s to try", kindNames[k])
		}
	}
}
