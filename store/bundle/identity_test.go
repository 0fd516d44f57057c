package bundle

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	"github.com/google/uuid"
)

func TestIdentity(t *testing.T) {
	device := uuid.New()
	id, err := NewIdentity(device)
	if err != nil {
		t.Fatal(err)
	}
	b := id.Marshal()
	if len(b) != 64 {
		t.Fatalf("Marshal: %d bytes", len(b))
	}
	back, err := UnmarshalIdentity(device, b)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Box.Equal(id.Box) || !back.Sign.Equal(id.Sign) || back.Device != device {
		t.Fatal("identity changed in a round trip")
	}
	card := back.Card("Laptop 2", RoleHub, "")
	if err := card.Validate(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(card.Box, id.Box.PublicKey().Bytes()) || !bytes.Equal(card.Sign, id.Sign.Public().(ed25519.PublicKey)) {
		t.Fatal("card keys do not match the identity")
	}

	if _, err := NewIdentity(uuid.Nil); err == nil {
		t.Error("NewIdentity accepted no device")
	}
	if _, err := UnmarshalIdentity(device, b[:63]); err == nil {
		t.Error("UnmarshalIdentity accepted 63 bytes")
	}
	if _, err := UnmarshalIdentity(uuid.Nil, b); err == nil {
		t.Error("UnmarshalIdentity accepted no device")
	}
	if (Identity{}).Marshal() != nil {
		t.Error("an empty identity marshalled to bytes")
	}
}
