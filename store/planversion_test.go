package store

import (
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
	// A plan whose fields came in another order (a later carehub, or a merged body) reads the
	// same: the walk goes by name.
	reordered := map[string]any{"goals": plan.Goals, "state": "agreed", "contingency": plan.Contingency, "version": 7}
	for name, v := range map[string]any{"draft": plan, "agreed v12": agreed, "quotes in text": tricky,
		"sorted fields": sorted, "reordered": reordered} {
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
		if _, scanned := scanPlanVersion(body); !scanned {
			t.Errorf("%s: not scanned: every body json.Marshal writes should be", name)
		}
	}
}

// The scan names the fields it reads; a renamed json tag on careplan.Plan must rename them too,
// or every plan would go through the slow path (and a renamed field read as missing).
func TestPlanVersionNamesArePlanNames(t *testing.T) {
	plan := testPlan("0b7e5d2a-5d1c-4c53-9d2e-3f1f6a2b8c11")
	plan.Version, plan.State = 4, careplan.PlanAgreed
	body, err := encodeBody(plan)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := scanPlanVersion(body)
	if !ok || got != (planVersion{Version: 4, State: careplan.PlanAgreed}) {
		t.Errorf("scanned %+v (%t) from a stored plan, want version 4 agreed", got, ok)
	}
}

// Bodies the walk must leave to encoding/json, because it would have to judge them as
// encoding/json does.
func TestPlanVersionScanLeavesDoubtfulBodies(t *testing.T) {
	for _, body := range []string{
		`{"version":1,"state":"draft","version":2}`,
		`{"version":1,"state":"draft","State":"agreed"}`,
		`{"Version":1,"state":"draft"}`,
		`{"version":1,"state":"dr\u0061ft"}`,
		`{"version":1}`,
		`{"version":1, "state":"draft"}`,
		`{"version":1,"state":"draft"}x`,
		`{"version":1.0,"state":"draft"}`,
		`{"\u0076ersion":1,"state":"draft"}`,
	} {
		if v, ok := scanPlanVersion([]byte(body)); ok {
			t.Errorf("%s: scanned %+v", body, v)
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
	f.Add([]byte(`{"goals":[{"a":"}","b":[1,{"c":null}]}],"state":"agreed","x":-1.5e3,"version":3}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := scanPlanVersion(body)
		if !ok || !json.Valid(body) || !utf8.Valid(body) {
			return
		}
		var want planVersion
		if err := json.Unmarshal(body, &want); err == nil && got != want {
			t.Errorf("%s: scanned %+v, encoding/json %+v", body, got, want)
		}
	})
}
