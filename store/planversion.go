package store

import (
	"bytes"
	"encoding/json"

	"carehub/careplan"
)

// planVersion is the part of a plan body that decides whether it is the plan in force.
type planVersion struct {
	Version int                `json:"version"`
	State   careplan.PlanState `json:"state"`
}

// planVersionOf reads a plan body's version and state. A body saved on this hub is
// json.Marshal of careplan.Plan, which starts {"id":…,"patientId":…,"version":N,"state":"…" in
// the struct's field order, so a short scan of the start reads both without going through
// the rest of the plan; any other shape (a body merged by sync, whose fields are sorted) goes
// through encoding/json.
func planVersionOf(body []byte) (planVersion, error) {
	if v, ok := scanPlanVersion(body); ok {
		return v, nil
	}
	var v planVersion
	err := json.Unmarshal(body, &v)
	return v, err
}

// scanPlanVersion reads the start of a body in careplan.Plan's field order, or reports false.
// It accepts only what json.Marshal writes there: strings without escapes, a version of
// decimal digits without a leading zero.
func scanPlanVersion(b []byte) (planVersion, bool) {
	var v planVersion
	b, ok := skipStringField(b, `{"id":`)
	if ok {
		b, ok = skipStringField(b, `,"patientId":`)
	}
	if !ok || !bytes.HasPrefix(b, []byte(`,"version":`)) {
		return v, false
	}
	b = b[len(`,"version":`):]
	digits := 0
	for digits < len(b) && digits < 9 && '0' <= b[digits] && b[digits] <= '9' {
		v.Version = v.Version*10 + int(b[digits]-'0')
		digits++
	}
	if digits == 0 || digits > 1 && b[0] == '0' {
		return v, false
	}
	b = b[digits:]
	if !bytes.HasPrefix(b, []byte(`,"state":"`)) {
		return v, false
	}
	b = b[len(`,"state":"`):]
	end := bytes.IndexByte(b, '"')
	if end < 0 || bytes.IndexByte(b[:end], '\\') >= 0 || end+1 >= len(b) || b[end+1] != ',' && b[end+1] != '}' {
		return v, false
	}
	v.State = careplan.PlanState(b[:end])
	if rest := b[end:]; bytes.Contains(rest, []byte(`"version":`)) || bytes.Contains(rest, []byte(`"state":`)) {
		return v, false // a second key (or the words in a text): let encoding/json decide
	}
	return v, true
}

// skipStringField skips name (with its leading punctuation) and the string value after it.
func skipStringField(b []byte, name string) ([]byte, bool) {
	if !bytes.HasPrefix(b, []byte(name)) {
		return b, false
	}
	b = b[len(name):]
	if len(b) == 0 || b[0] != '"' {
		return b, false
	}
	end := bytes.IndexByte(b[1:], '"')
	if end < 0 || bytes.IndexByte(b[1:1+end], '\\') >= 0 {
		return b, false
	}
	return b[end+2:], true
}
