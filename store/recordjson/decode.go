package recordjson

// Decode decodes a record body into out, a pointer to a zero value of a kind's body type
// (*careplan.Patient, *careplan.Plan, *pam.Assessment, *outcomes.Record, *careplan.Contact,
// *careplan.StaffMember, *careplan.Template or *careplan.Service), and reports whether it
// did. When it reports true, *out is exactly what json.Unmarshal gives for body. When it
// reports false, *out is left as it was and the caller decodes body with encoding/json: that
// covers another type, a non-zero target, bad JSON and everything this package is not sure
// of.
func Decode(body []byte, out any) bool { return decodeAny(body, out) }

// decodeRoot decodes a whole body into *v when *v is a zero value, and puts the zero value
// back when it cannot, so the caller's fallback starts from what it passed in.
func decodeRoot[T any](body []byte, v *T, zero func(*T) bool, decode func(*decoder, *T) bool) bool {
	if !zero(v) {
		return false
	}
	d := decoder{buf: body}
	if decode(&d, v) && d.pos == len(body) {
		return true
	}
	var z T
	*v = z
	return false
}

// signed are the integer kinds domain types use for scores, levels and counts.
type signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// integer reads a whole number into *out, refusing one that does not fit its bits.
func integer[T signed](d *decoder, out *T, bits int) bool {
	n, ok := d.integer(bits)
	if ok {
		*out = T(n)
	}
	return ok
}
