package bundle

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Role is what a device is for.
type Role string

// Device roles.
const (
	RoleHub    Role = "hub"    // a hub laptop holding the caseload
	RoleTablet Role = "tablet" // a patient's tablet holding that patient only
)

const (
	cardFormat  = "carehub device card 1"
	maxCard     = 64 << 10
	maxNameRune = 100
)

// Card is a device's public card, exchanged as a small JSON file when pairing.
type Card struct {
	Device  uuid.UUID `json:"device"`
	Name    string    `json:"name"`
	Role    Role      `json:"role"`
	Patient string    `json:"patient,omitempty"` // a tablet's patient record id (canonical UUID string); empty for hubs
	Box     []byte    `json:"x25519"`            // 32-byte X25519 public key (base64 in JSON)
	Sign    []byte    `json:"ed25519"`           // 32-byte Ed25519 public key
}

// cardFile is a card as written to disk: the card's fields plus a format marker.
type cardFile struct {
	Format string `json:"format"`
	Card
}

// Validate reports the first thing wrong with c, wrapped in ErrBadCard.
func (c Card) Validate() error {
	if err := c.check(); err != nil {
		return fmt.Errorf("%w: %v", ErrBadCard, err)
	}
	return nil
}

func (c Card) check() error {
	if c.Device == uuid.Nil {
		return errors.New("it has no device id")
	}
	if err := checkName(c.Name); err != nil {
		return err
	}
	switch c.Role {
	case RoleHub:
		if c.Patient != "" {
			return errors.New("a hub's card must not name a patient")
		}
	case RoleTablet:
		if c.Patient == "" {
			return errors.New("a tablet's card must name its patient")
		}
		if id, err := uuid.Parse(c.Patient); err != nil || id.String() != c.Patient || id == uuid.Nil {
			return fmt.Errorf("patient %q is not a record id", c.Patient)
		}
	default:
		return fmt.Errorf("unknown role %q (want %q or %q)", c.Role, RoleHub, RoleTablet)
	}
	if len(c.Box) != 32 {
		return fmt.Errorf("encryption key is %d bytes, want 32", len(c.Box))
	}
	if len(c.Sign) != ed25519.PublicKeySize {
		return fmt.Errorf("signing key is %d bytes, want %d", len(c.Sign), ed25519.PublicKeySize)
	}
	if !usableX25519(c.Box) {
		return errors.New("encryption key is not a usable X25519 key")
	}
	return nil
}

func checkName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("it has no device name")
	case !utf8.ValidString(name):
		return errors.New("device name is not valid text")
	case utf8.RuneCountInString(name) > maxNameRune:
		return fmt.Errorf("device name is longer than %d characters", maxNameRune)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return errors.New("device name contains control characters")
	}
	return nil
}

// probeKey is a fixed X25519 private key used only to test public keys: any low-order point
// gives an all-zero shared secret, which ECDH refuses, whatever the private key.
var probeKey = func() *ecdh.PrivateKey {
	k, err := ecdh.X25519().NewPrivateKey(bytes.Repeat([]byte{0x5a}, 32))
	if err != nil {
		panic(err)
	}
	return k
}()

func usableX25519(b []byte) bool {
	pub, err := ecdh.X25519().NewPublicKey(b)
	if err != nil {
		return false
	}
	_, err = probeKey.ECDH(pub)
	return err == nil
}

// EncodeCard validates c and returns it as an indented JSON card file.
func EncodeCard(c Card) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(cardFile{Format: cardFormat, Card: c}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// DecodeCard reads a card file written by EncodeCard and validates the card. Unknown fields are
// ignored so that later versions can add some.
func DecodeCard(b []byte) (Card, error) {
	if len(b) > maxCard {
		return Card{}, fmt.Errorf("%w: it is larger than %d KiB", ErrNotCard, maxCard>>10)
	}
	var f cardFile
	if err := json.Unmarshal(b, &f); err != nil {
		return Card{}, fmt.Errorf("%w: %v", ErrNotCard, err)
	}
	if f.Format != cardFormat {
		return Card{}, fmt.Errorf("%w: format %q", ErrNotCard, f.Format)
	}
	if err := f.Card.Validate(); err != nil {
		return Card{}, err
	}
	return f.Card, nil
}

// fingerprintAlphabet is Crockford's base32: digits and capitals without I, L, O and U, so a
// fingerprint read aloud over the phone cannot be misheard as another.
const fingerprintAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Fingerprint is a short form of the card's two public keys, to read aloud and compare with
// what the other device shows before pairing: sixteen characters in four groups
// ("7KQ2-M9XD-4HRT-WB3N"), 80 bits of SHA-256 over both keys. A card swapped in transit (the
// right id and name with someone else's keys) has another fingerprint.
func (c Card) Fingerprint() string {
	h := sha256.New()
	h.Write([]byte("carehub device fingerprint 1\x00"))
	h.Write(c.Box)
	h.Write(c.Sign)
	sum := h.Sum(nil)
	var out strings.Builder
	var acc uint64
	bits := 0
	n := 0
	for _, b := range sum[:10] {
		acc = acc<<8 | uint64(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			if n > 0 && n%4 == 0 {
				out.WriteByte('-')
			}
			out.WriteByte(fingerprintAlphabet[(acc>>bits)&31])
			n++
		}
	}
	return out.String()
}
