package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"sort"
	"unicode/utf8"

	"github.com/google/uuid"
)

// syncMeta is what a record carries, sealed with its body, so that two devices' copies can be
// compared and merged without a common ancestor: a version vector (for each device that has
// written the record, the highest of its versions the record includes) and field stamps (for
// each top-level field of the body changed since the record was created, the edit that last
// changed it). docs/sync.md explains the merge rules built on them.
type syncMeta struct {
	vv     []vvEntry // sorted by device id
	stamps []stamp   // sorted by field; a field without a stamp is as created
}

// vvEntry is one device's part of a version vector.
type vvEntry struct {
	origin  uuid.UUID
	version uint64
}

// stamp says which edit last changed a field.
type stamp struct {
	field   string
	origin  uuid.UUID
	version uint64
}

// deletedField is the pseudo-field that carries a record's deleted flag through merges, so a
// dated removal merges like any other change.
const deletedField = "~deleted"

// newSyncMeta is the metadata of a record just created by origin at version.
func newSyncMeta(origin uuid.UUID, version uint64) syncMeta {
	return syncMeta{vv: []vvEntry{{origin: origin, version: version}}}
}

// seen is the highest version of origin's edits the record includes (0 when none).
func (m syncMeta) seen(origin uuid.UUID) uint64 {
	for _, e := range m.vv {
		if e.origin == origin {
			return e.version
		}
	}
	return 0
}

// covers reports whether m includes every edit o includes.
func (m syncMeta) covers(o syncMeta) bool {
	for _, e := range o.vv {
		if m.seen(e.origin) < e.version {
			return false
		}
	}
	return true
}

// includes reports whether the edit a stamp names is part of m.
func (m syncMeta) includes(s stamp) bool { return m.seen(s.origin) >= s.version }

// stampOf returns a field's stamp; ok is false for a field as created.
func (m syncMeta) stampOf(field string) (stamp, bool) {
	i := sort.Search(len(m.stamps), func(i int) bool { return m.stamps[i].field >= field })
	if i < len(m.stamps) && m.stamps[i].field == field {
		return m.stamps[i], true
	}
	return stamp{}, false
}

// withVersion returns m with origin's entry raised to version.
func (m syncMeta) withVersion(origin uuid.UUID, version uint64) syncMeta {
	out := syncMeta{vv: make([]vvEntry, 0, len(m.vv)+1), stamps: m.stamps}
	found := false
	for _, e := range m.vv {
		if e.origin == origin {
			e.version, found = max(e.version, version), true
		}
		out.vv = append(out.vv, e)
	}
	if !found {
		out.vv = append(out.vv, vvEntry{origin: origin, version: version})
		sortVV(out.vv)
	}
	return out
}

// edited is the metadata after origin's edit at version changed the given fields.
func (m syncMeta) edited(origin uuid.UUID, version uint64, fields []string) syncMeta {
	out := m.withVersion(origin, version)
	byField := make(map[string]stamp, len(m.stamps)+len(fields))
	for _, s := range m.stamps {
		byField[s.field] = s
	}
	for _, f := range fields {
		byField[f] = stamp{field: f, origin: origin, version: version}
	}
	out.stamps = sortedStamps(byField)
	return out
}

// union is the version vector that includes both m's and o's edits (stamps are the merge's).
func (m syncMeta) union(o syncMeta) syncMeta {
	out := syncMeta{vv: append([]vvEntry(nil), m.vv...), stamps: m.stamps}
	for _, e := range o.vv {
		out = out.withVersion(e.origin, e.version)
	}
	return out
}

func sortVV(vv []vvEntry) {
	sort.Slice(vv, func(i, j int) bool { return bytes.Compare(vv[i].origin[:], vv[j].origin[:]) < 0 })
}

func sortedStamps(byField map[string]stamp) []stamp {
	out := make([]stamp, 0, len(byField))
	for _, s := range byField {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].field < out[j].field })
	return out
}

// later reports whether stamp a names a later edit than b: by version, then by device id, so
// every device picks the same one.
func later(a, b stamp) bool {
	if a.version != b.version {
		return a.version > b.version
	}
	return bytes.Compare(a.origin[:], b.origin[:]) > 0
}

// appendSyncMeta encodes m: the vector (count, then device id and version each), then the
// stamps (count, then field, the index of its device in the vector, and version each).
func appendSyncMeta(b []byte, m syncMeta) []byte {
	b = binary.AppendUvarint(b, uint64(len(m.vv)))
	index := make(map[uuid.UUID]int, len(m.vv))
	for i, e := range m.vv {
		b = append(b, e.origin[:]...)
		b = binary.BigEndian.AppendUint64(b, e.version)
		index[e.origin] = i
	}
	b = binary.AppendUvarint(b, uint64(len(m.stamps)))
	for _, s := range m.stamps {
		b = appendString(b, s.field)
		b = binary.AppendUvarint(b, uint64(index[s.origin]))
		b = binary.BigEndian.AppendUint64(b, s.version)
	}
	return b
}

// syncMetaSize is how long appendSyncMeta writes m (at most: a stamp's vector index is
// counted at the length of the largest index).
func syncMetaSize(m syncMeta) int {
	n := uvarintSize(uint64(len(m.vv))) + len(m.vv)*(16+8) + uvarintSize(uint64(len(m.stamps)))
	index := uvarintSize(uint64(max(len(m.vv)-1, 0)))
	for _, s := range m.stamps {
		n += stringSize(s.field) + index + 8
	}
	return n
}

var errBadSyncMeta = errors.New("the record's sync metadata is damaged")

// maxSyncEntries bounds the vector and stamps a record may carry, so a damaged record or a
// hostile bundle cannot make a read allocate without limit.
const maxSyncEntries = 4096

// readSyncMeta decodes what appendSyncMeta wrote, returning the rest of b.
func readSyncMeta(b []byte) (syncMeta, []byte, error) {
	var m syncMeta
	n, w := binary.Uvarint(b)
	if w <= 0 || n > maxSyncEntries || n*24 > uint64(len(b)-w) {
		return m, nil, errBadSyncMeta
	}
	b = b[w:]
	if n > 0 {
		m.vv = make([]vvEntry, n)
	}
	for i := range m.vv {
		copy(m.vv[i].origin[:], b[:16])
		m.vv[i].version = binary.BigEndian.Uint64(b[16:24])
		b = b[24:]
	}
	n, w = binary.Uvarint(b)
	if w <= 0 || n > maxSyncEntries {
		return m, nil, errBadSyncMeta
	}
	b = b[w:]
	for range n {
		field, rest, err := readString(b)
		if err != nil {
			return m, nil, errBadSyncMeta
		}
		idx, w := binary.Uvarint(rest)
		if w <= 0 || idx >= uint64(len(m.vv)) || len(rest)-w < 8 {
			return m, nil, errBadSyncMeta
		}
		rest = rest[w:]
		m.stamps = append(m.stamps, stamp{field: field, origin: m.vv[idx].origin, version: binary.BigEndian.Uint64(rest[:8])})
		b = rest[8:]
	}
	return m, b, nil
}

// bodyFields splits a JSON object body into its top-level fields. A body that is not an object
// (none is, today) counts as one field named "".
func bodyFields(body []byte) map[string]json.RawMessage {
	fields, ok := splitObject(body)
	if !ok {
		var slow map[string]json.RawMessage
		if err := json.Unmarshal(body, &slow); err != nil || slow == nil {
			return map[string]json.RawMessage{"": body}
		}
		return slow
	}
	return fields
}

// splitObject is a quick split of a compact JSON object, as encoding/json writes it, into its
// top-level fields, without decoding the values: every save compares its record's fields with
// the previous version's, and this keeps that cheap. It declines (ok false) anything it does
// not expect — whitespace, escapes in keys — and bodyFields then decodes the slow way.
func splitObject(b []byte) (map[string]json.RawMessage, bool) {
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return nil, false
	}
	fields := make(map[string]json.RawMessage, 16)
	i := 1
	if b[i] == '}' {
		return fields, i == len(b)-1
	}
	for i < len(b) {
		if b[i] != '"' {
			return nil, false
		}
		end := bytes.IndexByte(b[i+1:], '"')
		if end < 0 || bytes.IndexByte(b[i+1:i+1+end], '\\') >= 0 {
			return nil, false
		}
		if !utf8.Valid(b[i+1 : i+1+end]) {
			return nil, false
		}
		key := string(b[i+1 : i+1+end])
		i += end + 2
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i++
		start := i
		next, ok := skipValue(b, i)
		if !ok || next == start || isJSONSpace(b[start]) || isJSONSpace(b[next-1]) {
			return nil, false
		}
		fields[key] = json.RawMessage(b[start:next])
		i = next
		switch {
		case i < len(b) && b[i] == ',':
			i++
		case i == len(b)-1 && b[i] == '}':
			return fields, true
		default:
			return nil, false
		}
	}
	return nil, false
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipValue returns the index just past the JSON value starting at b[i].
func skipValue(b []byte, i int) (int, bool) {
	depth, inString := 0, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
				if depth == 0 {
					return i + 1, true
				}
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth == 0 {
				return i, true // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case c == ',' && depth == 0:
			return i, true
		}
	}
	return i, false
}

// changedFields lists the top-level fields whose JSON differs between two bodies, with the
// deleted flag as deletedField.
func changedFields(old, new []byte, wasDeleted, isDeleted bool) []string {
	var out []string
	a, b := bodyFields(old), bodyFields(new)
	for f, v := range a {
		if w, ok := b[f]; !ok || !bytes.Equal(v, w) {
			out = append(out, f)
		}
	}
	for f := range b {
		if _, ok := a[f]; !ok {
			out = append(out, f)
		}
	}
	if wasDeleted != isDeleted {
		out = append(out, deletedField)
	}
	sort.Strings(out)
	return out
}
