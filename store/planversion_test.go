package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"carehub/careplan"
)

func TestPlanVersionScanReadsWhatJSONReads(t *testing.T) {
	plan := testPlan("0b7e5d2a-5d1c-4c53-9d2e-3f1f6a2b8c11")
	plan.ID = "5f0c8f5e-8d8e-4e0b-a0a5-0c6f0f9f2d31"
	agreed := plan
	agreed.Version, agreed.State = 12, careplan.PlanAgreed
	tricky := plan
	tricky.AboutMe = `I said "version":3 and "state":"agreed" once \ <b>`
	sorted := map[string]any{"aboutMe": "x", "id": plan.ID, "state": "agreed", "version": 2}
	for name, v := range map[string]any{"draft": plan, "agreed v12": agreed, "quotes in text": tricky, "sorted fields": sorted} {
		body, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var want planVersion
		if err := json.Unmarshal(body, &want); err != nil {
			t.Fatal(err)
		}
		got, err := planVersionOf(body)
		if err != nil || got != want {
			t.Errorf("%s: %+v, %v; want %+v", name, got, err, want)
		}
		if _, scanned := scanPlanVersion(body); scanned != (name != "sorted fields") {
			t.Errorf("%s: scanned %t", name, scanned)
		}
	}
}

// A plan body is the store's own, sealed, but the scan must still never panic and, whenever
// it reads a well-formed body, read what encoding/json reads.
func FuzzScanPlanVersion(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","patientId":"b","version":2,"state":"agreed","aboutMe":""}`,
		`{"id":"a","patientId":"b","version":02,"state":"agreed"}`,
		`{"id":"a","patientId":"b","version":1,"state":"draft","version":2}`,
		`{"id":"a\"","patientId":"b","version":1,"state":"draft"}`,
		`{"id":"a","patientId":"b","version":999999999999,"state":"draft"}`,
		`{"id":"a","patientId":"b","version":1,"state":"dr`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := scanPlanVersion(body)
		if !ok || !json.Valid(body) || !utf8.Valid(body) {
			return
		}
		lower := bytes.ToLower(body)
		if bytes.Count(lower, []byte(`"version"`)) > 1 || bytes.Count(lower, []byte(`"state"`)) > 1 {
			return // encoding/json matches keys case-insensitively, last one wins; Marshal writes neither
		}
		var want planVersion
		if err := json.Unmarshal(body, &want); err == nil && got != want {
			t.Errorf("%s: scanned %+v, encoding/json %+v", body, got, want)
		}
	})
}
