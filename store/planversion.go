package store

import (
	"bytes"
	"encoding/json"

	"carehub/careplan"
)

// planVersion is the part of a plan body that decides whether it is the plan in force. Its
// json names are careplan.Plan's (TestPlanVersionNamesArePlanNames keeps them so).
type planVersion struct {
	Version int                `json:"version"`
	State   careplan.PlanState `json:"state"`
}

// planVersionOf reads a plan body's version and state. The body's top-level fields are walked
// by name, in whatever order they come, skipping the values of the others without decoding
// them, so the rest of the plan costs a scan rather than a decode; a body the walk cannot read
// with certainty goes through encoding/json.
func planVersionOf(body []byte) (planVersion, error) {
	if v, ok := scanPlanVersion(body); ok {
		return v, nil
	}
	var v planVersion
	err := json.Unmarshal(body, &v)
	return v, err
}

// scanPlanVersion reads "version" and "state" from a compact JSON object (as json.Marshal
// writes it: no spaces), in any order, or reports false. It gives up, leaving the decision to
// encoding/json, on anything it would have to judge the way encoding/json does: either field
// missing or given twice, a key that differs from one of them only in case (encoding/json
// matches keys case-insensitively), an escape in either value or in any key, a version that is
// not plain decimal digits, or any whitespace.
func scanPlanVersion(b []byte) (planVersion, bool) {
	var v planVersion
	if len(b) < 2 || b[0] != '{' {
		return v, false
	}
	b = b[1:]
	var haveVersion, haveState bool
	for {
		key, rest, ok := plainString(b)
		if !ok || len(rest) == 0 || rest[0] != ':' {
			return v, false
		}
		b = rest[1:]
		switch {
		case bytes.Equal(key, []byte("version")):
			if haveVersion {
				return v, false
			}
			haveVersion = true
			if v.Version, b, ok = plainInt(b); !ok {
				return v, false
			}
		case bytes.Equal(key, []byte("state")):
			if haveState {
				return v, false
			}
			haveState = true
			var state []byte
			if state, b, ok = plainString(b); !ok {
				return v, false
			}
			v.State = careplan.PlanState(state)
		case bytes.EqualFold(key, []byte("version")), bytes.EqualFold(key, []byte("state")):
			return v, false
		default:
			next, ok := skipValue(b, 0) // syncmeta.go's, which splits bodies for field stamps
			if !ok || next == 0 {
				return v, false
			}
			b = b[next:]
		}
		if len(b) == 0 {
			return v, false
		}
		switch b[0] {
		case ',':
			b = b[1:]
		case '}':
			return v, haveVersion && haveState && len(b) == 1
		default:
			return v, false
		}
	}
}

// plainString reads a JSON string without escapes at the start of b and returns its bytes
// (still b's memory) and the rest of b.
func plainString(b []byte) ([]byte, []byte, bool) {
	if len(b) == 0 || b[0] != '"' {
		return nil, b, false
	}
	end := bytes.IndexByte(b[1:], '"')
	if end < 0 || bytes.IndexByte(b[1:1+end], '\\') >= 0 || hasControl(b[1:1+end]) {
		return nil, b, false
	}
	return b[1 : 1+end], b[end+2:], true
}

// plainInt reads a JSON number that is a small non-negative integer without a leading zero.
func plainInt(b []byte) (int, []byte, bool) {
	n, digits := 0, 0
	for digits < len(b) && '0' <= b[digits] && b[digits] <= '9' {
		if digits == 9 {
			return 0, b, false // large enough to leave to encoding/json
		}
		n = n*10 + int(b[digits]-'0')
		digits++
	}
	if digits == 0 || digits > 1 && b[0] == '0' {
		return 0, b, false
	}
	if rest := b[digits:]; len(rest) > 0 && (rest[0] == '.' || rest[0] == 'e' || rest[0] == 'E') {
		return 0, b, false
	}
	return n, b[digits:], true
}

// hasControl reports a control character, which a JSON string may not hold unescaped.
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}
