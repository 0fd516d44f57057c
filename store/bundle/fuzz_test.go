package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/google/uuid"
)

func FuzzDecodeCard(f *testing.F) {
	p := newPair(f)
	for _, c := range []Card{p.hubCard, p.tabletCard} {
		b, err := EncodeCard(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"format":"carehub device card 1"}`))
	f.Add([]byte(`{"format":"carehub device card 1","device":"00000000-0000-0000-0000-000000000000"}`))
	f.Add([]byte("null"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCard(b)
		if err != nil {
			if !errors.Is(err, ErrNotCard) && !errors.Is(err, ErrBadCard) {
				t.Fatalf("error %v is neither ErrNotCard nor ErrBadCard", err)
			}
			return
		}
		again, err := EncodeCard(c)
		if err != nil {
			t.Fatalf("a decoded card does not encode: %v", err)
		}
		back, err := DecodeCard(again)
		if err != nil || back.Device != c.Device || back.Name != c.Name || !bytes.Equal(back.Box, c.Box) {
			t.Fatalf("re-encoded card differs: %v", err)
		}
	})
}

// addBundleSeeds adds small valid bundles, and a few damaged ones, to f's corpus.
func addBundleSeeds(f *testing.F, p pair) {
	f.Helper()
	for _, items := range [][][]byte{nil, {[]byte("a plan")}, {{}, []byte("check-in"), bytes.Repeat([]byte("x"), 300)}} {
		b, _ := p.writeItems(f, items...)
		f.Add(b)
		f.Add(b[:len(b)-70]) // no signature
		flipped := bytes.Clone(b)
		flipped[len(flipped)/2] ^= 0x10
		f.Add(flipped)
	}
	var ack bytes.Buffer
	if _, err := Write(&ack, p.hub, p.tabletCard, Manifest{Kind: KindAck, Acknowledges: uuid.New(), Upto: 7}, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(ack.Bytes())
	f.Add([]byte(magic))
	f.Add([]byte{})
}

func FuzzVerify(f *testing.F) {
	p := newPair(f)
	addBundleSeeds(f, p)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, card, err := Verify(bytes.NewReader(b), p.tablet, p.tabletSenders)
		if err != nil {
			return
		}
		// Whatever Verify accepts, Each must read back to the same manifest and items.
		items, hash := 0, sha256.New()
		m2, err := Each(bytes.NewReader(b), p.tablet, card, func(item []byte) error {
			items++
			hash.Write(binary.AppendUvarint(nil, uint64(len(item))))
			hash.Write(item)
			return nil
		})
		if err != nil {
			t.Fatalf("Verify accepted, Each refused: %v", err)
		}
		if items != m.Items || hex.EncodeToString(hash.Sum(nil)) != m.Hash || m2.Hash != m.Hash || m2.Bundle != m.Bundle {
			t.Fatalf("items do not match the manifest: %d items, manifest %+v", items, m)
		}
	})
}

func FuzzEach(f *testing.F) {
	p := newPair(f)
	addBundleSeeds(f, p)
	f.Fuzz(func(t *testing.T, b []byte) {
		delivered := 0
		m, err := Each(bytes.NewReader(b), p.tablet, p.hubCard, func([]byte) error {
			delivered++
			return nil
		})
		if err != nil {
			return
		}
		if delivered != m.Items {
			t.Fatalf("delivered %d items, manifest says %d", delivered, m.Items)
		}
		if _, _, err := Verify(bytes.NewReader(b), p.tablet, p.tabletSenders); err != nil {
			t.Fatalf("Each accepted, Verify refused: %v", err)
		}
	})
}

// FuzzReadSigned: ReadSigned accepts exactly what Verify accepts, with the same manifest (the
// signature covers every byte, so the hashes it skips could not disagree), and never panics.
func FuzzReadSigned(f *testing.F) {
	p := newPair(f)
	addBundleSeeds(f, p)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, card, err := ReadSigned(bytes.NewReader(b), p.tablet, p.tabletSenders)
		vm, vcard, verr := Verify(bytes.NewReader(b), p.tablet, p.tabletSenders)
		if (err == nil) != (verr == nil) {
			t.Fatalf("ReadSigned: %v; Verify: %v", err, verr)
		}
		if err == nil && (!SameManifest(m, vm) || card.Device != vcard.Device) {
			t.Fatalf("ReadSigned read %+v, Verify %+v", m, vm)
		}
	})
}
