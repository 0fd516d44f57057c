package recordjson

import (
	"time"

	"carehub/careplan"
)

// date reads a careplan.Date as its UnmarshalText would: "" is not recorded, otherwise
// exactly YYYY-MM-DD of a day that exists. Anything else (an escape, another layout, 31
// April) is refused, and encoding/json gives its error or its reading.
func (d *decoder) date(out *careplan.Date) bool {
	b := d.buf[d.pos:]
	if len(b) >= 2 && b[0] == '"' && b[1] == '"' {
		*out = careplan.Date{}
		d.pos += 2
		return true
	}
	if len(b) < 12 || b[0] != '"' || b[5] != '-' || b[8] != '-' || b[11] != '"' {
		return false
	}
	y, okY := digits(b[1:5])
	m, okM := digits(b[6:8])
	day, okD := digits(b[9:11])
	if !okY || !okM || !okD || m < 1 || m > 12 || day < 1 {
		return false
	}
	v := careplan.NewDate(y, time.Month(m), day)
	if v.Time().Day() != day { // a day past the month's end rolled over; time.Parse refuses it
		return false
	}
	*out = v
	d.pos += 12
	return true
}

// digits reads a run of decimal digits and nothing else.
func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// instant reads a time.Time by handing the quoted text to time.Time's own UnmarshalJSON,
// which is what encoding/json does with it. Text with an escape or non-ASCII is refused: no
// RFC 3339 time needs either.
func (d *decoder) instant(out *time.Time) bool {
	b := d.buf
	i := d.pos
	if i >= len(b) || b[i] != '"' {
		return false
	}
	j := i + 1
	for j < len(b) && plain[b[j]] {
		j++
	}
	if j >= len(b) || b[j] != '"' {
		return false
	}
	if out.UnmarshalJSON(b[i:j+1]) != nil {
		return false
	}
	d.pos = j + 1
	return true
}
