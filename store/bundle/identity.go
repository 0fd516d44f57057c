package bundle

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

const identityLen = 64

// Identity is a device's own key pairs (the store seals Marshal's bytes).
type Identity struct {
	Device uuid.UUID
	Box    *ecdh.PrivateKey   // X25519: bundles to this device are encrypted to it
	Sign   ed25519.PrivateKey // Ed25519: bundles from this device are signed by it
}

// NewIdentity makes fresh key pairs for device.
func NewIdentity(device uuid.UUID) (Identity, error) {
	if device == uuid.Nil {
		return Identity{}, errors.New("device identity: no device id")
	}
	box, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return Identity{}, fmt.Errorf("device identity: %w", err)
	}
	_, sign, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Identity{}, fmt.Errorf("device identity: %w", err)
	}
	return Identity{Device: device, Box: box, Sign: sign}, nil
}

// Marshal returns the 64 secret bytes: X25519 private key (32) ‖ Ed25519 seed (32). It returns
// nil for an incomplete identity.
func (id Identity) Marshal() []byte {
	if !id.complete() {
		return nil
	}
	return slices.Concat(id.Box.Bytes(), id.Sign.Seed())
}

// UnmarshalIdentity is the inverse of Marshal.
func UnmarshalIdentity(device uuid.UUID, b []byte) (Identity, error) {
	if device == uuid.Nil {
		return Identity{}, errors.New("device identity: no device id")
	}
	if len(b) != identityLen {
		return Identity{}, fmt.Errorf("device identity: %d bytes, want %d", len(b), identityLen)
	}
	box, err := ecdh.X25519().NewPrivateKey(b[:32])
	if err != nil {
		return Identity{}, fmt.Errorf("device identity: %w", err)
	}
	return Identity{Device: device, Box: box, Sign: ed25519.NewKeyFromSeed(b[32:])}, nil
}

// Card returns the public card for this identity. It does not validate it; EncodeCard does.
func (id Identity) Card(name string, role Role, patient string) Card {
	c := Card{Device: id.Device, Name: name, Role: role, Patient: patient}
	if id.complete() {
		c.Box = id.Box.PublicKey().Bytes()
		c.Sign = slices.Clone(id.Sign[32:])
	}
	return c
}

func (id Identity) complete() bool {
	return id.Device != uuid.Nil && id.Box != nil && len(id.Sign) == ed25519.PrivateKeySize
}
