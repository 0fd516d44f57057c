package store

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// The caseload bucket holds one small sealed entry per patient: what the caseload list,
// review queues and search need, so unlocking loads 30,000 people without touching their
// full records. The patient id is the key and is authenticated with the entry, so an entry
// cannot be moved onto another patient.
//
// Entry layout (before sealing), deliberately not JSON, to keep unlock fast:
//
//	format (1), flags (1: bit 0 date of birth, bit 1 review date, bit 2 nomination date,
//	bit 3 last contact, bit 4 last PAM, bit 5 first active — each set when that date is present),
//	the dates present, in that order, as signed varint days since 1970-01-01,
//	then NHS number, given name, family name, status, key worker, coordinator, practice,
//	preferred name and conditions (SNOMED CT codes joined by commas), each as a uvarint length
//	and UTF-8 bytes.
//
// Format 1 (before the work queues) stopped after the practice and had only the first two
// dates; it still reads, and unlocking rewrites such entries once (see rebuildCaseloads).
// Format 2 (before enrolment counted people who have since left) is format 3 without the first
// active date: it reads the same, and unlocking rewrites such entries once too, so people who
// were active and have since left count as enrolled.
const (
	caseloadFormatV1 = 1
	caseloadFormatV2 = 2
	caseloadFormat   = 3
	hasDOB           = 1 << 0
	hasReview        = 1 << 1
	hasNominated     = 1 << 2
	hasLastContact   = 1 << 3
	hasLastPAM       = 1 << 4
	hasFirstActive   = 1 << 5
)

var errBadCaseload = errors.New("a caseload entry cannot be read")

// caseloadDates pairs each optional date with its flag, in the order they are written.
func caseloadDates(e *careplan.CaseloadEntry) [6]struct {
	flag byte
	date *careplan.Date
} {
	return [6]struct {
		flag byte
		date *careplan.Date
	}{
		{hasDOB, &e.DateOfBirth}, {hasReview, &e.ReviewDate}, {hasNominated, &e.NominatedOn},
		{hasLastContact, &e.LastContact}, {hasLastPAM, &e.LastPAM}, {hasFirstActive, &e.FirstActive},
	}
}

func encodeCaseload(e careplan.CaseloadEntry) []byte {
	b := make([]byte, 0, 96+len(e.GivenName)+len(e.FamilyName)+len(e.KeyWorker)+len(e.Coordinator)+
		len(e.Practice)+len(e.PreferredName)+len(e.Conditions))
	var flags byte
	dates := caseloadDates(&e)
	for _, d := range dates {
		if !d.date.IsZero() {
			flags |= d.flag
		}
	}
	b = append(b, caseloadFormat, flags)
	for _, d := range dates {
		if flags&d.flag != 0 {
			b = binary.AppendVarint(b, epochDays(*d.date))
		}
	}
	for _, s := range []string{string(e.NHSNumber), e.GivenName, e.FamilyName, string(e.Status), e.KeyWorker,
		e.Coordinator, e.Practice, e.PreferredName, e.Conditions} {
		b = appendString(b, s)
	}
	return b
}

// decodeCaseload reads an entry from text that holds the patient's id string followed by the
// opened entry. Every field is a substring of that one string, so an entry costs a single
// allocation however many fields it has: this is the hot loop of unlocking a county.
func decodeCaseload(text string) (careplan.CaseloadEntry, error) {
	var e careplan.CaseloadEntry
	if len(text) < uuidStringLen+2 {
		return e, errBadCaseload
	}
	format := text[uuidStringLen]
	if format != caseloadFormat && format != caseloadFormatV2 && format != caseloadFormatV1 {
		return e, errBadCaseload
	}
	e.PatientID = text[:uuidStringLen]
	flags := text[uuidStringLen+1]
	rest := text[uuidStringLen+2:]
	var ok bool
	for _, d := range caseloadDates(&e) {
		if flags&d.flag != 0 {
			if *d.date, rest, ok = readDays(rest); !ok {
				return e, errBadCaseload
			}
		}
	}
	var nhs, status string
	fields := [9]*string{&nhs, &e.GivenName, &e.FamilyName, &status, &e.KeyWorker, &e.Coordinator, &e.Practice,
		&e.PreferredName, &e.Conditions}
	n := len(fields)
	if format == caseloadFormatV1 {
		n = 7
	}
	for _, f := range fields[:n] {
		if *f, rest, ok = readField(rest); !ok {
			return e, errBadCaseload
		}
	}
	e.NHSNumber, e.Status = careplan.NHSNumber(nhs), careplan.Status(status)
	return e, nil
}

// epochDays counts days since 1970-01-01 (negative before). Dates are midnight UTC, so the
// division is exact.
func epochDays(d careplan.Date) int64 { return d.Time().Unix() / 86400 }

func readDays(s string) (careplan.Date, string, bool) {
	u, rest, ok := readUvarint(s)
	if !ok {
		return careplan.Date{}, "", false
	}
	days := int64(u >> 1) // zig-zag, as binary.AppendVarint writes it
	if u&1 != 0 {
		days = ^days
	}
	if days < -1e6 || days > 1e6 { // beyond any plausible date: damage
		return careplan.Date{}, "", false
	}
	return careplan.NewDate(1970, 1, 1+int(days)), rest, true
}

func readField(s string) (string, string, bool) {
	n, rest, ok := readUvarint(s)
	if !ok || n > uint64(len(rest)) {
		return "", "", false
	}
	return rest[:n], rest[n:], true
}

// readUvarint is binary.Uvarint over a string, so decoding needs no byte-slice copies.
func readUvarint(s string) (uint64, string, bool) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return x, s[i+1:], true
		}
	}
	return 0, "", false
}

// uuidStringLen is the length of a UUID's canonical string form.
const uuidStringLen = 36

// appendUUIDString appends u's canonical form without an allocation of its own.
func appendUUIDString(dst []byte, u uuid.UUID) []byte {
	var buf [uuidStringLen]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return append(dst, buf[:]...)
}

// putCaseload writes a patient's caseload entry. The bucket's sequence counts its entries, so
// the caseload can be sized and counted at unlock without walking the tree.
func putCaseload(tx *bolt.Tx, k *keys, e careplan.CaseloadEntry) error {
	id, err := parseID(e.PatientID)
	if err != nil {
		return err
	}
	b, err := bucket(tx, bucketCaseload)
	if err != nil {
		return err
	}
	if b.Get(id[:]) == nil {
		if err := b.SetSequence(b.Sequence() + 1); err != nil {
			return err
		}
	}
	return b.Put(id[:], k.seal(nil, encodeCaseload(e), id[:]))
}

// openCaseload unseals one stored entry into scratch (returned for reuse) and decodes it with
// strings from arena. The entry refers to neither scratch nor bbolt's memory.
func openCaseload(k *keys, arena *stringArena, scratch, key, sealed []byte) (careplan.CaseloadEntry, []byte, error) {
	if len(key) != 16 {
		return careplan.CaseloadEntry{}, scratch, errBadCaseload
	}
	scratch = appendUUIDString(scratch[:0], uuid.UUID(key))
	scratch, err := k.open(scratch, sealed, key)
	if err != nil {
		return careplan.CaseloadEntry{}, scratch, fmt.Errorf("%w: it does not decrypt", errBadCaseload)
	}
	e, err := decodeCaseload(arena.add(scratch))
	return e, scratch, err
}

// openOneCaseload unseals and decodes a single patient's entry, with one string of its own
// rather than a block of an arena sized for loading everyone.
func openOneCaseload(k *keys, patient uuid.UUID, sealed []byte) (careplan.CaseloadEntry, error) {
	arena := stringArena{block: 1}
	e, _, err := openCaseload(k, &arena, nil, patient[:], sealed)
	return e, err
}

// stringArena hands out strings carved from large shared blocks, so loading 30,000 caseload
// entries costs a few dozen allocations instead of tens of thousands. A block is only ever
// appended to within its capacity, so strings already handed out never change.
type stringArena struct {
	b     *strings.Builder
	block int // the smallest block to allocate; 0 = arenaBlock
}

const arenaBlock = 64 << 10

func (a *stringArena) add(p []byte) string {
	if a.b == nil || a.b.Cap()-a.b.Len() < len(p) {
		a.b = new(strings.Builder)
		block := a.block
		if block == 0 {
			block = arenaBlock
		}
		a.b.Grow(max(block, len(p)))
	}
	start := a.b.Len()
	a.b.Write(p)
	return a.b.String()[start:]
}

// maxCaseloadHint bounds how many entries Caseload makes room for before reading any.
const maxCaseloadHint = 1 << 20

// Caseload returns every patient's caseload entry, in no particular order (callers sort for
// display). It opens only the caseload bucket: this is what the app loads at unlock.
func (s *Store) Caseload() ([]careplan.CaseloadEntry, error) {
	var out []careplan.CaseloadEntry
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketCaseload)
		if err != nil {
			return err
		}
		// The bucket's count of entries sizes the list, unless it is beyond belief (a damaged
		// file): then the list grows as entries are read.
		out = make([]careplan.CaseloadEntry, 0, min(b.Sequence(), maxCaseloadHint))
		var arena stringArena
		scratch := make([]byte, 0, 512)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			out = append(out, careplan.CaseloadEntry{})
			if out[len(out)-1], scratch, err = openCaseload(s.keys, &arena, scratch, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// PatientCount is the number of patients on the hub.
func (s *Store) PatientCount() (int, error) {
	var n int
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketCaseload)
		if err != nil {
			return err
		}
		n = int(b.Sequence())
		return nil
	})
	return n, err
}

// updateReviewDate refreshes a patient's caseload entry from their current plan. saved is the
// plan version just written in this transaction, so it need not be read back.
func updateReviewDate(tx *bolt.Tx, k *keys, patient uuid.UUID, saved *storedPlan) error {
	b, err := bucket(tx, bucketCaseload)
	if err != nil {
		return err
	}
	v := b.Get(patient[:])
	if v == nil {
		return fmt.Errorf("caseload entry for %s: %w", patient, ErrNotFound)
	}
	e, err := openOneCaseload(k, patient, v)
	if err != nil {
		return err
	}
	current, err := currentPlan(tx, k, patient, saved)
	if err != nil {
		return err
	}
	review := careplan.Date{}
	if current != nil {
		review = current.ReviewDate
	}
	if review.Time().Equal(e.ReviewDate.Time()) {
		return nil // most plan edits leave the review date alone: keep the caseload page clean
	}
	e.ReviewDate = review
	return putCaseload(tx, k, e)
}
