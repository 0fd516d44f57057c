package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestCardRoundTrip(t *testing.T) {
	p := newPair(t)
	for _, c := range []Card{p.hubCard, p.tabletCard} {
		b, err := EncodeCard(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`"format": "carehub device card 1"`)) || !bytes.Contains(b, []byte("\n  ")) {
			t.Errorf("card file not indented JSON with its format:\n%s", b)
		}
		got, err := DecodeCard(b)
		if err != nil {
			t.Fatal(err)
		}
		if got.Device != c.Device || got.Name != c.Name || got.Role != c.Role || got.Patient != c.Patient ||
			!bytes.Equal(got.Box, c.Box) || !bytes.Equal(got.Sign, c.Sign) {
			t.Errorf("got %+v, want %+v", got, c)
		}
	}
}

func TestCardValidate(t *testing.T) {
	p := newPair(t)
	hub, tablet := p.hubCard, p.tabletCard
	tests := []struct {
		name string
		edit func(c *Card)
		from Card
	}{
		{"no device", func(c *Card) { c.Device = uuid.Nil }, hub},
		{"empty name", func(c *Card) { c.Name = "" }, hub},
		{"blank name", func(c *Card) { c.Name = "   " }, hub},
		{"long name", func(c *Card) { c.Name = strings.Repeat("é", 101) }, hub},
		{"control character", func(c *Card) { c.Name = "hub\nlaptop" }, hub},
		{"invalid utf-8", func(c *Card) { c.Name = "hub\xff" }, hub},
		{"unknown role", func(c *Card) { c.Role = "server" }, hub},
		{"no role", func(c *Card) { c.Role = "" }, hub},
		{"hub with patient", func(c *Card) { c.Patient = testPatient }, hub},
		{"tablet without patient", func(c *Card) { c.Patient = "" }, tablet},
		{"patient not a uuid", func(c *Card) { c.Patient = "Ann Smith" }, tablet},
		{"patient not canonical", func(c *Card) { c.Patient = strings.ToUpper(testPatient) }, tablet},
		{"patient in braces", func(c *Card) { c.Patient = "{" + testPatient + "}" }, tablet},
		{"patient nil uuid", func(c *Card) { c.Patient = uuid.Nil.String() }, tablet},
		{"short box key", func(c *Card) { c.Box = c.Box[:31] }, hub},
		{"no box key", func(c *Card) { c.Box = nil }, hub},
		{"long sign key", func(c *Card) { c.Sign = append(bytes.Clone(c.Sign), 0) }, hub},
		{"no sign key", func(c *Card) { c.Sign = nil }, hub},
		{"zero box key", func(c *Card) { c.Box = make([]byte, 32) }, hub},
		{"low-order box key", func(c *Card) { c.Box = append([]byte{1}, make([]byte, 31)...) }, hub},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.from
			tt.edit(&c)
			err := c.Validate()
			if !errors.Is(err, ErrBadCard) {
				t.Fatalf("got %v, want ErrBadCard", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
			if _, err := EncodeCard(c); err == nil {
				t.Error("EncodeCard accepted it")
			}
		})
	}
	long := hub
	long.Name = strings.Repeat("é", 100)
	if err := long.Validate(); err != nil {
		t.Errorf("100-character name: %v", err)
	}
}

func TestDecodeCardRefuses(t *testing.T) {
	p := newPair(t)
	good, err := EncodeCard(p.hubCard)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(good, &fields); err != nil {
		t.Fatal(err)
	}
	with := func(key string, v any) []byte {
		m := map[string]any{}
		for k, x := range fields {
			m[k] = x
		}
		if v == nil {
			delete(m, key)
		} else {
			m[key] = v
		}
		b, _ := json.Marshal(m)
		return b
	}
	notCard := map[string][]byte{
		"empty":          nil,
		"not json":       []byte("CHBUNDLE"),
		"array":          []byte("[]"),
		"no format":      with("format", nil),
		"other format":   with("format", "carehub device card 2"),
		"bad base64 key": with("x25519", "!!!"),
		"too large":      append(bytes.Repeat([]byte(" "), maxCard), good...),
	}
	for name, b := range notCard {
		if _, err := DecodeCard(b); !errors.Is(err, ErrNotCard) {
			t.Errorf("%s: got %v, want ErrNotCard", name, err)
		}
	}
	if _, err := DecodeCard(with("role", "server")); !errors.Is(err, ErrBadCard) {
		t.Errorf("bad role: got %v, want ErrBadCard", err)
	}
	if _, err := DecodeCard(with("colour", "blue")); err != nil {
		t.Errorf("unknown field: %v", err)
	}
}

// A card's fingerprint is four groups of four characters that cannot be misheard, the same
// for the same keys whatever the name, and another for either key changed.
func TestFingerprintIsShortReadableAndChangesWithEitherKey(t *testing.T) {
	a, b := fixedIdentity(t, "a"), fixedIdentity(t, "b")
	card := a.Card("Hub laptop 1", RoleHub, "")
	fp := card.Fingerprint()
	if !regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$`).MatchString(fp) {
		t.Fatalf("fingerprint %q", fp)
	}
	renamed := a.Card("Another name", RoleHub, "")
	if renamed.Fingerprint() != fp {
		t.Error("the name changed the fingerprint")
	}
	other := b.Card("Hub laptop 1", RoleHub, "")
	swappedBox, swappedSign := card, card
	swappedBox.Box, swappedSign.Sign = other.Box, other.Sign
	for _, c := range []Card{swappedBox, swappedSign} {
		if c.Fingerprint() == fp {
			t.Error("a card with another key has the same fingerprint")
		}
	}
}
