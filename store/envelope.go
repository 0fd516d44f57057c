package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Kind is the kind of a stored record. Kinds appear in the change log and the audit.
type Kind string

// The record kinds carehub stores.
const (
	KindPatient    Kind = "patient"
	KindPlan       Kind = "plan"
	KindAssessment Kind = "pam assessment"
	KindStaff      Kind = "staff"
	KindOutcome    Kind = "outcome" // frailty, loneliness or wellbeing (careplan/outcomes)
	KindContact    Kind = "contact" // one contact with a patient (careplan.Contact)
)

// The hub's own records, shared by every patient's plan.
const (
	KindTemplate Kind = "plan template"     // a hub's own plan template (careplan.Template)
	KindService  Kind = "community service" // the signposting directory (careplan.Service)
)

// kindCode is the one byte a kind takes on disk. Codes are part of the file format and of
// sync: never renumber them.
func kindCode(k Kind) byte {
	switch k {
	case KindPatient:
		return 1
	case KindPlan:
		return 2
	case KindAssessment:
		return 3
	case KindStaff:
		return 4
	case KindOutcome:
		return 5
	case KindContact:
		return 6
	case KindTemplate:
		return 7
	case KindService:
		return 8
	}
	return 0
}

// kindOfCode reverses kindCode.
func kindOfCode(c byte) (Kind, bool) {
	switch c {
	case 1:
		return KindPatient, true
	case 2:
		return KindPlan, true
	case 3:
		return KindAssessment, true
	case 4:
		return KindStaff, true
	case 5:
		return KindOutcome, true
	case 6:
		return KindContact, true
	case 7:
		return KindTemplate, true
	case 8:
		return KindService, true
	}
	return "", false
}

// envelope is one stored record: a clear header that sync and the change log can read without
// the key, and a sealed payload (who, when, and the body).
//
// On disk:
//
//	0      format (envelopeFormat; 1 in stores written before sync, read as described below)
//	1      kind code
//	2      flags (bit 0: deleted; bit 1: final, this version may never be overwritten)
//	3:11   version, uint64 big-endian (hybrid logical clock)
//	11:19  base, the version this one was edited from (0 when new)
//	19:35  origin device id
//	35:51  record id
//	51:    AES-256-GCM sealed payload (nonce first), with bytes 0:51 as additional data, so a
//	       header cannot be altered or swapped onto another record's body unnoticed
//
// The payload is: time (Unix nanoseconds, int64 big-endian), user (uvarint length + bytes),
// the sync metadata (appendSyncMeta: version vector and field stamps), then the body (JSON of
// the domain type) to the end. Format 1 payloads have no sync metadata: such a record reads as
// written once, by its origin at its version, with every field as created.
type envelope struct {
	kind    Kind
	id      uuid.UUID
	version uint64
	base    uint64
	origin  uuid.UUID
	deleted bool
	final   bool // this version may never be overwritten (an agreed plan)
	user    string
	time    time.Time
	meta    syncMeta // version vector and field stamps, for merging copies from two devices
	body    []byte

	// decoded, when not nil, is body already decoded into its kind's type (a pointer), by
	// eachAhead while importing a bundle; it is never stored.
	decoded any
	// sealed, when not nil, is this envelope exactly as it came in a bundle, sealed for this
	// store by eachAhead; putIncoming stores it when it stores the envelope unchanged.
	sealed []byte
}

const (
	envelopeFormat     = 2
	envelopeFormatV1   = 1 // before sync: no sync metadata in the payload
	envelopeHeaderSize = 51
	flagDeleted        = 1 << 0
	flagFinal          = 1 << 1
)

// errBadEnvelope reports a record that cannot be decoded: damage, or not carehub's.
var errBadEnvelope = errors.New("a stored record cannot be read")

// sealEnvelope encodes e, sealing its payload under k.
func sealEnvelope(k *keys, e envelope) []byte {
	header := envelopeHeader(e)
	// The payload is laid out right after the header and sealed where it lies (dst ending
	// exactly where the plaintext starts, as the AEAD allows), so a record costs one buffer.
	out := make([]byte, 0, envelopeHeaderSize+payloadSize(e)+k.overhead())
	out = append(out, header[:]...)
	out = appendPayload(out, e)
	out = slices.Grow(out, k.overhead())
	return k.seal(out[:envelopeHeaderSize], out[envelopeHeaderSize:], header[:]) // the header is authenticated, not encrypted
}

// envelopeHeader is the clear part of e on disk.
func envelopeHeader(e envelope) [envelopeHeaderSize]byte {
	var header [envelopeHeaderSize]byte
	header[0] = envelopeFormat
	header[1] = kindCode(e.kind)
	if e.deleted {
		header[2] |= flagDeleted
	}
	if e.final {
		header[2] |= flagFinal
	}
	binary.BigEndian.PutUint64(header[3:11], e.version)
	binary.BigEndian.PutUint64(header[11:19], e.base)
	copy(header[19:35], e.origin[:])
	copy(header[35:51], e.id[:])
	return header
}

// payloadSize is how long e's payload is, so its buffer is allocated once and no larger than
// needed: bbolt keeps the sealed value until the transaction commits.
func payloadSize(e envelope) int {
	return 8 + stringSize(e.user) + syncMetaSize(e.meta) + len(e.body)
}

// stringSize is how long appendString writes s.
func stringSize(s string) int { return uvarintSize(uint64(len(s))) + len(s) }

// uvarintSize is how long binary.AppendUvarint writes x.
func uvarintSize(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// appendPayload appends to b the part of e that is sealed on disk.
func appendPayload(b []byte, e envelope) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(e.time.UnixNano()))
	b = appendString(b, e.user)
	b = appendSyncMeta(b, e.meta)
	return append(b, e.body...)
}

// decodeEnvelope reads the clear header of a stored record and returns the still-sealed rest.
// It never needs the key, so the change log, sync and Check can read versions cheaply; it
// must never panic on any input (see FuzzDecodeEnvelope).
func decodeEnvelope(b []byte) (envelope, []byte, error) {
	var e envelope
	if len(b) < envelopeHeaderSize {
		return e, nil, fmt.Errorf("%w: %d bytes is too short", errBadEnvelope, len(b))
	}
	if b[0] != envelopeFormat && b[0] != envelopeFormatV1 {
		return e, nil, fmt.Errorf("%w: unknown format %d", errBadEnvelope, b[0])
	}
	kind, ok := kindOfCode(b[1])
	if !ok {
		return e, nil, fmt.Errorf("%w: unknown kind %d", errBadEnvelope, b[1])
	}
	if b[2]&^(flagDeleted|flagFinal) != 0 {
		return e, nil, fmt.Errorf("%w: unknown flags %#x", errBadEnvelope, b[2])
	}
	e.kind = kind
	e.deleted = b[2]&flagDeleted != 0
	e.final = b[2]&flagFinal != 0
	e.version = binary.BigEndian.Uint64(b[3:11])
	e.base = binary.BigEndian.Uint64(b[11:19])
	copy(e.origin[:], b[19:35])
	copy(e.id[:], b[35:51])
	return e, b[envelopeHeaderSize:], nil
}

// openEnvelope decodes and unseals a stored record. The body it returns is a fresh slice,
// never bbolt's memory, so it may outlive the transaction.
func openEnvelope(k *keys, b []byte) (envelope, error) {
	e, sealed, err := decodeEnvelope(b)
	if err != nil {
		return e, err
	}
	payload, err := k.open(nil, sealed, b[:envelopeHeaderSize])
	if err != nil {
		return e, fmt.Errorf("%w: record %s does not decrypt", errBadEnvelope, e.id)
	}
	return e, readPayload(&e, b[0], payload)
}

// readPayload fills in e's time, user, sync metadata and body from its opened payload.
func readPayload(e *envelope, format byte, payload []byte) error {
	if len(payload) < 8 {
		return fmt.Errorf("%w: record %s payload is too short", errBadEnvelope, e.id)
	}
	e.time = time.Unix(0, int64(binary.BigEndian.Uint64(payload[:8]))).UTC()
	user, rest, err := readString(payload[8:])
	if err != nil {
		return fmt.Errorf("%w: record %s: %v", errBadEnvelope, e.id, err)
	}
	e.user = user
	if format == envelopeFormatV1 {
		e.meta = newSyncMeta(e.origin, e.version)
	} else if e.meta, rest, err = readSyncMeta(rest); err != nil {
		return fmt.Errorf("%w: record %s: %v", errBadEnvelope, e.id, err)
	}
	e.body = rest
	return nil
}

// appendString writes s with a uvarint length in front.
func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errShort reports a length-prefixed field that runs past the end of its buffer.
var errShort = errors.New("field runs past the end")

// readString reads a uvarint-length-prefixed string, returning the rest of b.
func readString(b []byte) (string, []byte, error) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return "", nil, errShort
	}
	end := w + int(n)
	return string(b[w:end]), b[end:], nil
}
