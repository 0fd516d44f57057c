package bundle

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestRoundTrip(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), (3*maxPlain)/16+7) // spans four chunks
	many := make([][]byte, 500)
	for i := range many {
		many[i] = []byte(fmt.Sprintf("item %d %s", i, strings.Repeat("x", i)))
	}
	tests := []struct {
		name  string
		items [][]byte
	}{
		{"none", nil},
		{"one", [][]byte{[]byte("a plan")}},
		{"empty item", [][]byte{{}}},
		{"empty among others", [][]byte{[]byte("a"), {}, []byte("c")}},
		{"many", many},
		{"larger than a chunk", [][]byte{[]byte("before"), big, []byte("after")}},
		{"exactly a chunk", [][]byte{bytes.Repeat([]byte{7}, maxPlain-4)}},
	}
	p := newPair(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, written := p.writeItems(t, tt.items...)
			got, m, err := p.readAll(b)
			if err != nil {
				t.Fatalf("read back: %v", err)
			}
			if len(got) != len(tt.items) {
				t.Fatalf("got %d items, want %d", len(got), len(tt.items))
			}
			for i := range got {
				if !bytes.Equal(got[i], tt.items[i]) {
					t.Fatalf("item %d differs (%d bytes, want %d)", i, len(got[i]), len(tt.items[i]))
				}
			}
			if m.Items != len(tt.items) || m.Hash != written.Hash || m.Format != FormatVersion {
				t.Errorf("manifest %+v, written %+v", m, written)
			}
			if m.From != p.hub.Device || m.To != p.tablet.Device || !m.Created.Equal(fixedTime) ||
				m.Since != 3 || m.Upto != 9 || m.Counts["plan"] != len(tt.items) {
				t.Errorf("manifest fields lost: %+v", m)
			}
		})
	}
}

func TestItemsKeepTheirBytes(t *testing.T) {
	// A store may keep each item until its transaction commits (bbolt does), so items must not
	// share a buffer.
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("first"), []byte("second"))
	var kept [][]byte
	if _, err := Each(bytes.NewReader(b), p.tablet, p.hubCard, func(item []byte) error {
		kept = append(kept, item)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if string(kept[0]) != "first" || string(kept[1]) != "second" {
		t.Fatalf("kept items changed: %q", kept)
	}
}

func TestWriteFillsManifest(t *testing.T) {
	p := newPair(t)
	var buf bytes.Buffer
	m, err := Write(&buf, p.hub, p.tabletCard, Manifest{Kind: KindChanges, From: uuid.New(), Items: 99}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Bundle == uuid.Nil || m.Created.IsZero() || m.From != p.hub.Device || m.To != p.tablet.Device || m.Items != 0 {
		t.Fatalf("manifest not filled in: %+v", m)
	}
	h, err := ReadHeader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if h != m.header() {
		t.Fatalf("header %+v, manifest %+v", h, m)
	}
}

func TestAck(t *testing.T) {
	p := newPair(t)
	acked := uuid.New()
	var buf bytes.Buffer
	if _, err := Write(&buf, p.hub, p.tabletCard, Manifest{Kind: KindAck, Acknowledges: acked, Upto: 42}, nil); err != nil {
		t.Fatal(err)
	}
	m, _, err := Verify(bytes.NewReader(buf.Bytes()), p.tablet, p.tabletSenders)
	if err != nil {
		t.Fatal(err)
	}
	if m.Kind != KindAck || m.Acknowledges != acked || m.Upto != 42 || m.Items != 0 {
		t.Fatalf("ack manifest %+v", m)
	}

	one := func(emit func([]byte) error) error { return emit([]byte("x")) }
	if _, err := Write(io.Discard, p.hub, p.tabletCard, Manifest{Kind: KindAck, Acknowledges: acked}, one); err == nil {
		t.Error("an ack with an item was written")
	}
	if _, err := Write(io.Discard, p.hub, p.tabletCard, Manifest{Kind: KindAck}, nil); err == nil {
		t.Error("an ack naming no bundle was written")
	}
}

func TestWriteRefuses(t *testing.T) {
	p := newPair(t)
	bad := p.tabletCard
	bad.Box = make([]byte, 32)
	tests := []struct {
		name  string
		from  Identity
		to    Card
		m     Manifest
		items func(func([]byte) error) error
	}{
		{"unknown kind", p.hub, p.tabletCard, Manifest{Kind: "gossip"}, nil},
		{"invalid receiver card", p.hub, bad, Manifest{Kind: KindChanges}, nil},
		{"sender without keys", Identity{Device: uuid.New()}, p.tabletCard, Manifest{Kind: KindChanges}, nil},
		{"item over the limit", p.hub, p.tabletCard, Manifest{Kind: KindChanges}, func(emit func([]byte) error) error {
			return emit(make([]byte, maxItem+1))
		}},
		{"dropped emit error", p.hub, p.tabletCard, Manifest{Kind: KindChanges}, func(emit func([]byte) error) error {
			_ = emit(make([]byte, maxItem+1))
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Write(io.Discard, tt.from, tt.to, tt.m, tt.items); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestWriteReturnsItemsError(t *testing.T) {
	p := newPair(t)
	stop := errors.New("store closed")
	_, err := Write(io.Discard, p.hub, p.tabletCard, Manifest{Kind: KindChanges}, func(func([]byte) error) error { return stop })
	if err != stop {
		t.Fatalf("got %v, want the callback's error as is", err)
	}
}

type failingWriter struct{ left int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	p := newPair(t)
	for _, left := range []int{0, 100, 2 << 20} {
		_, err := Write(&failingWriter{left: left}, p.hub, p.tabletCard, Manifest{Kind: KindChanges},
			emitAll([][]byte{make([]byte, 3<<20)}))
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("after %d bytes: got %v, want disk full", left, err)
		}
	}
}

func TestOtherDevice(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("x"))
	other := fixedIdentity(t, "other tablet")
	_, _, err := Verify(bytes.NewReader(b), other, p.tabletSenders)
	if !errors.Is(err, ErrOtherDevice) {
		t.Fatalf("Verify: got %v, want ErrOtherDevice", err)
	}
	if _, err := Each(bytes.NewReader(b), other, p.hubCard, nil); !errors.Is(err, ErrOtherDevice) {
		t.Fatalf("Each: got %v, want ErrOtherDevice", err)
	}
}

func TestUnknownDevice(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("x"))
	nobody := func(uuid.UUID) (Card, bool) { return Card{}, false }
	if _, _, err := Verify(bytes.NewReader(b), p.tablet, nobody); !errors.Is(err, ErrUnknownDevice) {
		t.Fatalf("got %v, want ErrUnknownDevice", err)
	}
	// A lookup that answers with some other device's card is not taken at its word.
	wrong := func(uuid.UUID) (Card, bool) { return p.tabletCard, true }
	if _, _, err := Verify(bytes.NewReader(b), p.tablet, wrong); !errors.Is(err, ErrUnknownDevice) {
		t.Fatalf("got %v, want ErrUnknownDevice", err)
	}
	if _, err := Each(bytes.NewReader(b), p.tablet, p.tabletCard, nil); !errors.Is(err, ErrUnknownDevice) {
		t.Fatalf("Each: got %v, want ErrUnknownDevice", err)
	}
}

func TestBadSignature(t *testing.T) {
	p := newPair(t)
	// An impostor claims to be the hub: same device id, its own keys.
	impostor := fixedIdentity(t, "impostor")
	impostor.Device = p.hub.Device
	var buf bytes.Buffer
	if _, err := Write(&buf, impostor, p.tabletCard, Manifest{Kind: KindChanges}, emitAll([][]byte{[]byte("x")})); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Verify(bytes.NewReader(buf.Bytes()), p.tablet, p.tabletSenders); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("Verify: got %v, want ErrBadSignature", err)
	}
	delivered := 0
	_, err := Each(bytes.NewReader(buf.Bytes()), p.tablet, p.hubCard, func([]byte) error { delivered++; return nil })
	if !errors.Is(err, ErrBadSignature) {
		t.Fatalf("Each: got %v (after %d items), want ErrBadSignature", err, delivered)
	}
}

func TestTruncated(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("one"), bytes.Repeat([]byte("two"), maxPlain/2), []byte("three"))
	step := 1
	for n := 0; n < len(b); n += step {
		if n > 400 && n < len(b)-400 {
			step = 4099 // the middle of big chunks: every length near the edges, a sample inside
		} else {
			step = 1
		}
		_, _, err := Verify(bytes.NewReader(b[:n]), p.tablet, p.tabletSenders)
		switch {
		case err == nil:
			t.Fatalf("cut at %d of %d: no error", n, len(b))
		case n == 0 && !errors.Is(err, ErrNotBundle):
			t.Fatalf("empty file: got %v, want ErrNotBundle", err)
		case n > 0 && !errors.Is(err, ErrTruncated):
			t.Fatalf("cut at %d of %d: got %v, want ErrTruncated", n, len(b), err)
		}
	}
}

func TestTrailingData(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("x"))
	if _, _, err := Verify(bytes.NewReader(append(b, 0)), p.tablet, p.tabletSenders); !errors.Is(err, ErrDamaged) {
		t.Fatalf("got %v, want ErrDamaged", err)
	}
}

func TestEveryByteFlipped(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("a plan"), []byte{}, []byte("a check-in"))
	bad := make([]byte, len(b))
	for off := range b {
		for _, mask := range []byte{0x01, 0x80} {
			copy(bad, b)
			bad[off] ^= mask
			if _, _, err := Verify(bytes.NewReader(bad), p.tablet, p.tabletSenders); err == nil {
				t.Fatalf("Verify accepted a bundle with byte %d of %d flipped (^%#x)", off, len(b), mask)
			}
			delivered := 0
			_, err := Each(bytes.NewReader(bad), p.tablet, p.hubCard, func([]byte) error { delivered++; return nil })
			if err == nil {
				t.Fatalf("Each accepted a bundle with byte %d flipped (%d items delivered)", off, delivered)
			}
		}
	}
}

// swapReader serves one file until Verify's seeks (to the end and twice to the start) have
// happened, then another.
type swapReader struct {
	*bytes.Reader
	next  []byte
	seeks int
}

func (s *swapReader) Seek(off int64, whence int) (int64, error) {
	s.seeks++
	if s.seeks == 4 {
		s.Reader = bytes.NewReader(s.next)
	}
	return s.Reader.Seek(off, whence)
}

func TestSwappedBetweenVerifyAndEach(t *testing.T) {
	p := newPair(t)
	good, _ := p.writeItems(t, []byte("agreed plan"), []byte("check-in"))

	// The swapped-in file: same header, other items, signed by someone else.
	impostor := fixedIdentity(t, "impostor")
	impostor.Device = p.hub.Device
	var forged bytes.Buffer
	if _, err := Write(&forged, impostor, p.tabletCard, Manifest{
		Bundle: uuid.NewSHA1(uuid.NameSpaceOID, []byte("bundle")), Kind: KindChanges, Created: fixedTime,
	}, emitAll([][]byte{[]byte("forged plan")})); err != nil {
		t.Fatal(err)
	}
	// And the good file with its signature altered: every item is delivered before that shows.
	resigned := bytes.Clone(good)
	resigned[len(resigned)-1] ^= 1

	for name, next := range map[string][]byte{"forged": forged.Bytes(), "signature altered": resigned} {
		t.Run(name, func(t *testing.T) {
			r := &swapReader{Reader: bytes.NewReader(good), next: next}
			_, card, err := Verify(r, p.tablet, p.tabletSenders)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Each(r, p.tablet, card, func([]byte) error { return nil })
			if !errors.Is(err, ErrBadSignature) {
				t.Fatalf("Each on the swapped file: got %v, want ErrBadSignature", err)
			}
		})
	}
}

func TestEachStopsOnCallerError(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("1"), []byte("2"), []byte("3"))
	stop := errors.New("conflict")
	n := 0
	_, err := Each(bytes.NewReader(b), p.tablet, p.hubCard, func([]byte) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Fatalf("got %v after %d items, want the caller's error as is after 2", err, n)
	}
}

func TestNotABundle(t *testing.T) {
	p := newPair(t)
	for _, in := range []string{"", "hello", "CHBUNDLX\x01", "{\"device\": 1}", "CHBUNDLE\x00\x00\x00\x00\x02{}"} {
		if _, err := ReadHeader(strings.NewReader(in)); !errors.Is(err, ErrNotBundle) {
			t.Errorf("ReadHeader(%q): got %v, want ErrNotBundle", in, err)
		}
		if _, _, err := Verify(strings.NewReader(in), p.tablet, p.tabletSenders); !errors.Is(err, ErrNotBundle) {
			t.Errorf("Verify(%q): got %v, want ErrNotBundle", in, err)
		}
	}
}

func TestNewerFormat(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("x"))
	b[len(magic)] = FormatVersion + 1
	if _, err := ReadHeader(bytes.NewReader(b)); !errors.Is(err, ErrNewerFormat) {
		t.Fatalf("ReadHeader: got %v, want ErrNewerFormat", err)
	}
	if _, _, err := Verify(bytes.NewReader(b), p.tablet, p.tabletSenders); !errors.Is(err, ErrNewerFormat) {
		t.Fatalf("Verify: got %v, want ErrNewerFormat", err)
	}
}

func TestBadHeader(t *testing.T) {
	for name, js := range map[string]string{
		"not json":     "{",
		"no bundle id": `{"kind":"changes","from":"` + uuid.NewString() + `","to":"` + uuid.NewString() + `","created":"2026-01-01T00:00:00Z"}`,
		"unknown kind": `{"bundle":"` + uuid.NewString() + `","kind":"gossip","from":"` + uuid.NewString() + `","to":"` + uuid.NewString() + `","created":"2026-01-01T00:00:00Z"}`,
	} {
		b := append([]byte(magic), FormatVersion, 0, 0, 0, byte(len(js)))
		b = append(b, js...)
		if _, err := ReadHeader(bytes.NewReader(b)); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: got %v, want ErrDamaged", name, err)
		}
	}
	huge := append([]byte(magic), FormatVersion, 0xff, 0xff, 0xff, 0xff)
	if _, err := ReadHeader(bytes.NewReader(huge)); !errors.Is(err, ErrDamaged) {
		t.Errorf("4 GiB header: got %v, want ErrDamaged", err)
	}
}

func TestSelfWithoutKeys(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t)
	if _, _, err := Verify(bytes.NewReader(b), Identity{Device: p.tablet.Device}, p.tabletSenders); err == nil {
		t.Fatal("no error")
	}
}

// brokenReader fails with a read error once off bytes have been read.
type brokenReader struct {
	*bytes.Reader
	off int64
}

var errDisk = errors.New("USB stick removed")

func (r *brokenReader) Read(p []byte) (int, error) {
	pos, _ := r.Seek(0, io.SeekCurrent)
	if pos >= r.off {
		return 0, errDisk
	}
	return r.Reader.Read(p[:min(int64(len(p)), r.off-pos)])
}

func TestReadErrorIsPassedOn(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("one"), bytes.Repeat([]byte("two"), maxPlain/2))
	for _, off := range []int64{0, 5, 20, 200, 300, 100000, int64(len(b)) - 70, int64(len(b)) - 10} {
		r := &brokenReader{Reader: bytes.NewReader(b), off: off}
		_, _, err := Verify(r, p.tablet, p.tabletSenders)
		if !errors.Is(err, errDisk) || errors.Is(err, ErrTruncated) || errors.Is(err, ErrDamaged) {
			t.Errorf("read error at %d: got %v, want the read error", off, err)
		}
	}
}
