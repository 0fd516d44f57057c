package bundle

import (
	"bytes"
	"crypto/sha256"
	"io"
	"testing"
	"time"

	"github.com/google/uuid"
)

// fixedIdentity derives an identity from a name so that tests and fuzz seeds are repeatable.
func fixedIdentity(t testing.TB, name string) Identity {
	t.Helper()
	box := sha256.Sum256([]byte("box " + name))
	sign := sha256.Sum256([]byte("sign " + name))
	device := uuid.NewSHA1(uuid.NameSpaceOID, []byte(name))
	id, err := UnmarshalIdentity(device, append(box[:], sign[:]...))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

var testPatient = uuid.NewSHA1(uuid.NameSpaceOID, []byte("patient")).String()

// pair is a hub and a tablet that know each other.
type pair struct {
	hub, tablet         Identity
	hubCard, tabletCard Card
}

func newPair(t testing.TB) pair {
	hub, tablet := fixedIdentity(t, "hub"), fixedIdentity(t, "tablet")
	return pair{
		hub: hub, tablet: tablet,
		hubCard:    hub.Card("Riverside hub", RoleHub, ""),
		tabletCard: tablet.Card("Tablet for A. Patient", RoleTablet, testPatient),
	}
}

// senders is what the hub's store would pass: it knows the tablet.
func (p pair) tabletSenders(device uuid.UUID) (Card, bool) {
	return p.hubCard, device == p.hubCard.Device
}

var fixedTime = time.Date(2026, 11, 23, 10, 0, 0, 123456789, time.UTC)

// writeItems writes a changes bundle from the hub to the tablet with the given items.
func (p pair) writeItems(t testing.TB, items ...[]byte) ([]byte, Manifest) {
	t.Helper()
	var buf bytes.Buffer
	m, err := Write(&buf, p.hub, p.tabletCard, Manifest{
		Bundle: uuid.NewSHA1(uuid.NameSpaceOID, []byte("bundle")), Kind: KindChanges,
		Created: fixedTime, Since: 3, Upto: 9, Counts: map[string]int{"plan": len(items)},
	}, emitAll(items))
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), m
}

func emitAll(items [][]byte) func(func([]byte) error) error {
	return func(emit func([]byte) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

// readAll verifies b as the tablet and reads its items back with Each.
func (p pair) readAll(b []byte) ([][]byte, Manifest, error) {
	r := bytes.NewReader(b)
	m, card, err := Verify(r, p.tablet, p.tabletSenders)
	if err != nil {
		return nil, Manifest{}, err
	}
	var got [][]byte
	m2, err := Each(r, p.tablet, card, func(item []byte) error {
		got = append(got, item)
		return nil
	})
	if err != nil {
		return got, Manifest{}, err
	}
	if m2.Hash != m.Hash || m2.Items != m.Items {
		return got, m2, io.ErrUnexpectedEOF
	}
	return got, m, nil
}
