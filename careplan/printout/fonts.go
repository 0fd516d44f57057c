package printout

import "encoding/binary"

// trueType reports whether b looks like a whole TrueType font: the right signature, and a
// table directory whose tables, including the ones gofpdf needs to embed UTF-8 text, all lie
// inside b. gofpdf reads fonts without checking and would write a broken PDF from a
// truncated one.
func trueType(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	if tag := string(b[:4]); tag != "\x00\x01\x00\x00" && tag != "true" {
		return false
	}
	n := int(binary.BigEndian.Uint16(b[4:6]))
	if len(b) < 12+16*n {
		return false
	}
	need := map[string]bool{"cmap": false, "glyf": false, "head": false, "hhea": false,
		"hmtx": false, "loca": false, "maxp": false}
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:12]))
		size := uint64(binary.BigEndian.Uint32(rec[12:16]))
		if off+size > uint64(len(b)) {
			return false
		}
		if _, ok := need[tag]; ok {
			need[tag] = true
		}
	}
	for _, found := range need {
		if !found {
			return false
		}
	}
	return true
}
