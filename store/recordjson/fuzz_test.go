package recordjson

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzRecordBodyDecode feeds any bytes, as any kind, to the fast path. Whenever it takes them,
// encoding/json must read them too, to the same value; whenever it refuses, the value must
// be left as it was, so store's decodeBody (this, then encoding/json into the same value)
// gives what encoding/json alone gives. It never panics.
func FuzzRecordBodyDecode(f *testing.F) {
	for _, s := range demoSamples(f, 40) {
		f.Add(uint8(s.kind), s.body)
	}
	for _, c := range edgeCases() {
		for k, fresh := range kinds {
			if reflect.TypeOf(fresh()) == reflect.TypeOf(c.fresh()) {
				f.Add(uint8(k), []byte(c.body))
			}
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		fresh := kinds[int(kind)%len(kinds)]
		sameAsJSON(t, fresh, body)
		got := fresh() // decodeBody's way: the fast path, then encoding/json into the same value
		var gotErr error
		if !Decode(body, got) {
			gotErr = json.Unmarshal(body, got)
		}
		want := fresh()
		wantErr := json.Unmarshal(body, want)
		if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("decodeBody's way gives %#v, %v; encoding/json %#v, %v", got, gotErr, want, wantErr)
		}
	})
}
