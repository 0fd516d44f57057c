package bundle

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// hugeFile claims to be larger than any bundle and fails the test if anything reads it.
type hugeFile struct{ t *testing.T }

func (h hugeFile) Read([]byte) (int, error) {
	h.t.Fatal("a file too big to be a bundle was read")
	return 0, io.EOF
}
func (h hugeFile) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekEnd {
		return MaxBundleSize + 1 + off, nil
	}
	return off, nil
}

func TestAFileTooBigToBeABundleIsRefusedUnread(t *testing.T) {
	p := newPair(t)
	if _, _, err := Verify(hugeFile{t}, p.tablet, p.tabletSenders); !errors.Is(err, ErrTooBig) {
		t.Fatalf("got %v, want ErrTooBig", err)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	*bytes.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	c.n += n
	return n, err
}

// A bundle signed by another key is refused by the signature, read once through a small
// buffer, before any chunk is decrypted: Verify reads it exactly once.
func TestAForgedBundleIsRefusedOnItsSignatureInOneRead(t *testing.T) {
	p := newPair(t)
	impostor := fixedIdentity(t, "impostor")
	impostor.Device = p.hub.Device
	var forged bytes.Buffer
	if _, err := Write(&forged, impostor, p.tabletCard, Manifest{Bundle: impostor.Device, Kind: KindChanges, Created: fixedTime},
		emitAll([][]byte{bytes.Repeat([]byte("forged plan "), 400_000)})); err != nil {
		t.Fatal(err)
	}
	r := &countingReader{Reader: bytes.NewReader(forged.Bytes())}
	if _, _, err := Verify(r, p.tablet, p.tabletSenders); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("got %v, want ErrBadSignature", err)
	}
	if r.n != forged.Len() {
		t.Errorf("read %d bytes of a %d-byte forged bundle, want one pass", r.n, forged.Len())
	}
}

// The signature is checked before any chunk is opened: a bundle with a chunk altered in the
// middle is refused on its signature, not once the reading reaches the altered chunk.
func TestTheSignatureIsCheckedBeforeAnyChunkIsOpened(t *testing.T) {
	p := newPair(t)
	b, _ := p.writeItems(t, []byte("one"), bytes.Repeat([]byte("two"), maxPlain), []byte("three"))
	b[len(b)/2] ^= 1
	if _, _, err := Verify(bytes.NewReader(b), p.tablet, p.tabletSenders); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("got %v, want ErrBadSignature", err)
	}
}
