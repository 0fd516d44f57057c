package store

import (
	"encoding/json"
	"fmt"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store/recordjson"
)

// A record's body is its domain value (careplan, pam, outcomes) as JSON, exactly as
// encoding/json writes it: fields in the Go struct's order, named by their json tags. Those
// bytes are sealed in the envelope on disk and travel unchanged in bundles, and the field
// names are also sync's vocabulary (field stamps, conflicts: syncmeta.go, conflicts.go). So a
// renamed json tag, a reordered field or a new field changes the file format and what peers
// receive. The golden tests (recordbody_test.go, testdata/golden) pin the bytes of every
// kind: such a change fails them until the golden files are written again on purpose
// (go test ./store -run Golden -update-golden), which is the moment to decide whether old
// stores and older peers still read the new shape.
//
// Every record body is encoded by encodeBody and decoded by decodeBody, and nothing else reads
// a body's layout (planVersionOf reads two fields by name, not by position), so a compact
// codec with a schema step (issue 19) replaces these two functions and their golden files.

// encodeBody is the body stored for a record's domain value v.
func encodeBody(v any) ([]byte, error) { return json.Marshal(v) }

// decodeBody reads a stored body into out (a pointer to its kind's domain type). The fast
// decoders of recordjson take the bodies encodeBody writes, several times faster (issue 19:
// a first full sync decodes every body of the hub); anything they are not sure of, and every
// error, is encoding/json's, so the result is always exactly json.Unmarshal's.
func decodeBody(body []byte, out any) error {
	if recordjson.Decode(body, out) {
		return nil
	}
	return json.Unmarshal(body, out)
}

// unmarshalBody decodes an envelope's body into out, naming the record when it cannot.
func unmarshalBody(e envelope, out any) error {
	if err := decodeBody(e.body, out); err != nil {
		return fmt.Errorf("%s %s: %w: %v", e.kind, e.id, errBadEnvelope, err)
	}
	return nil
}

// newBody is a new value of the type saveTyped decodes a kind's body into.
func newBody(k Kind) any {
	switch k {
	case KindPatient:
		return new(careplan.Patient)
	case KindPlan:
		return new(careplan.Plan)
	case KindAssessment:
		return new(pam.Assessment)
	case KindOutcome:
		return new(outcomes.Record)
	case KindContact:
		return new(careplan.Contact)
	case KindStaff:
		return new(careplan.StaffMember)
	case KindTemplate:
		return new(careplan.Template)
	case KindService:
		return new(careplan.Service)
	}
	return nil
}
