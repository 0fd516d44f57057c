package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"carehub/careplan/myplan"
)

// Items in a bundle start with a tag saying what they are.
const (
	itemRecord   = 1 // a record envelope: clear header, then the opened payload
	itemCheckIn  = 2 // a goal check-in from a patient's tablet (JSON)
	itemConflict = 3 // an open conflict, so every hub laptop shows it until one resolves it (JSON)
)

var errBadItem = errors.New("a record in the bundle cannot be read")

// recordItem is a record as a bundle carries it: the envelope exactly as stored here, with its
// payload opened (the bundle as a whole is encrypted to the receiving device instead).
func recordItem(e envelope) []byte {
	header := envelopeHeader(e)
	out := make([]byte, 0, 1+len(header)+payloadSize(e))
	out = append(out, itemRecord)
	out = append(out, header[:]...)
	return appendPayload(out, e)
}

// readRecordItem decodes a record item; it must never panic on any input (FuzzReadItem). The
// body it returns is part of b, so b must be the caller's to keep (bundle.Each hands over a
// fresh slice for each item) and never written to afterwards.
func readRecordItem(b []byte) (envelope, error) {
	if len(b) < 1 || b[0] != itemRecord {
		return envelope{}, errBadItem
	}
	e, payload, err := decodeEnvelope(b[1:])
	if err != nil {
		return e, fmt.Errorf("%w: %v", errBadItem, err)
	}
	if err := readPayload(&e, b[1], payload); err != nil {
		return e, fmt.Errorf("%w: %v", errBadItem, err)
	}
	return e, nil
}

func checkInItem(c myplan.CheckIn) ([]byte, error) {
	plain, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return append([]byte{itemCheckIn}, plain...), nil
}

func readCheckInItem(b []byte) (myplan.CheckIn, error) {
	var c myplan.CheckIn
	if len(b) < 1 || b[0] != itemCheckIn {
		return c, errBadItem
	}
	if err := json.Unmarshal(b[1:], &c); err != nil {
		return c, fmt.Errorf("%w: a goal check-in: %v", errBadItem, err)
	}
	if _, err := parseID(c.ID); err != nil {
		return c, fmt.Errorf("%w: a goal check-in: %v", errBadItem, err)
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%w: a goal check-in: %v", errBadItem, err)
	}
	return c, nil
}

func conflictItem(c Conflict) ([]byte, error) {
	plain, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return append([]byte{itemConflict}, plain...), nil
}

func readConflictItem(b []byte) (Conflict, error) {
	var c Conflict
	if len(b) < 1 || b[0] != itemConflict {
		return c, errBadItem
	}
	if err := json.Unmarshal(b[1:], &c); err != nil {
		return c, fmt.Errorf("%w: a conflict: %v", errBadItem, err)
	}
	if _, err := parseID(c.RecordID); err != nil || kindCode(c.Kind) == 0 || len(c.Fields) == 0 {
		return c, fmt.Errorf("%w: a conflict names no record", errBadItem)
	}
	return c, nil
}
