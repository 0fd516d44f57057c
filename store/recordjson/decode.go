package recordjson

// Decode decodes a record body into out, a pointer to a zero value of a kind's body type
// (*careplan.Patient, *careplan.Plan, *pam.Assessment, *outcomes.Record, *careplan.Contact,
// *careplan.StaffMember, *careplan.Template or *careplan.Service), and reports whether it
// did. When it reports true, *out is exactly what json.Unmarshal gives for body. When it
// reports false, *out is left as it was and the caller decodes body with encoding/json: that
// covers another type, a non-zero target, bad JSON and everything this package is not sure
// of.
func Decode(body []byte, out any) bool { return decodeAny(body, out) }

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

// stackElements is how many elements of an array the slice decoders gather on the stack
// before they copy them into the slice they return.
const stackElements = 8
