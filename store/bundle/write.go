package bundle

import (
	"crypto"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"time"

	"github.com/google/uuid"
)

// Write streams a bundle from `from` to the device `to` describes: the clear header (taken from
// m: Bundle (a new uuid if nil), Kind, Created (now if zero), From = from.Device, To = to.Device),
// then the items emitted by `items` (may be nil) in order, then the manifest. It fills in
// m.Format, m.Bundle, m.From, m.To, m.Created, m.Items and m.Hash and returns the manifest as
// written. Memory use does not grow with the number or size of the items.
//
// An error from items is returned as is; whatever was written to w by then is not a bundle.
func Write(w io.Writer, from Identity, to Card, m Manifest, items func(emit func(item []byte) error) error) (Manifest, error) {
	if !from.complete() {
		return Manifest{}, errors.New("write bundle: the sending device has no keys")
	}
	if err := to.Validate(); err != nil {
		return Manifest{}, fmt.Errorf("write bundle: %w", err)
	}
	if !m.Kind.valid() {
		return Manifest{}, fmt.Errorf("write bundle: unknown kind %q", m.Kind)
	}
	if m.Kind == KindAck && m.Acknowledges == uuid.Nil {
		return Manifest{}, errors.New("write bundle: an acknowledgement must name the bundle it acknowledges")
	}
	m.Format = FormatVersion
	if m.Bundle == uuid.Nil {
		m.Bundle = uuid.New()
	}
	if m.Created.IsZero() {
		m.Created = time.Now()
	}
	m.Created = m.Created.UTC()
	m.From, m.To = from.Device, to.Device

	bw, err := newBundleWriter(w, m.header(), to.Box)
	if err != nil {
		return Manifest{}, fmt.Errorf("write bundle: %w", err)
	}
	if items != nil {
		if err := items(bw.emit); err != nil {
			return Manifest{}, err
		}
		if bw.err != nil { // an emit error the callback dropped
			return Manifest{}, bw.err
		}
	}
	if m.Kind == KindAck && bw.items > 0 {
		return Manifest{}, errors.New("write bundle: an acknowledgement carries no items")
	}
	m.Items = bw.items
	m.Hash = hex.EncodeToString(bw.itemHash.Sum(nil))
	if err := bw.finish(m, from.Sign); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// bundleWriter writes a bundle body: it seals the plain stream in chunks and hashes every byte
// it writes for the signature.
type bundleWriter struct {
	w        io.Writer
	signed   hash.Hash // SHA-512 of every byte written so far
	aead     cipher.AEAD
	ad       []byte
	nonce    [12]byte
	counter  uint64
	plain    []byte // pending plain bytes, at most maxPlain
	sealed   []byte // 4-byte length ‖ sealed chunk
	itemHash hash.Hash
	items    int
	closed   bool
	err      error // first error; every later call returns it
}

func newBundleWriter(w io.Writer, h Header, receiver []byte) (*bundleWriter, error) {
	peer, err := ecdh.X25519().NewPublicKey(receiver)
	if err != nil {
		return nil, err
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	shared, err := eph.ECDH(peer)
	if err != nil {
		return nil, err
	}
	prefix, err := encodePrefix(h)
	if err != nil {
		return nil, err
	}
	prefix = append(prefix, eph.PublicKey().Bytes()...)
	aead, err := chunkCipher(shared, eph.PublicKey().Bytes(), receiver)
	if err != nil {
		return nil, err
	}
	bw := &bundleWriter{
		w:        w,
		signed:   sha512.New(),
		aead:     aead,
		ad:       additionalData(prefix),
		plain:    make([]byte, 0, maxPlain),
		sealed:   make([]byte, 0, 4+maxSealed),
		itemHash: sha256.New(),
	}
	bw.out(prefix)
	return bw, bw.err
}

// out writes p to the file and to the signature hash.
func (bw *bundleWriter) out(p []byte) {
	if bw.err != nil {
		return
	}
	bw.signed.Write(p)
	if _, err := bw.w.Write(p); err != nil {
		bw.err = fmt.Errorf("write bundle: %w", err)
	}
}

// write adds p to the plain stream, sealing each full chunk once more bytes follow it (so the
// last chunk, which always holds the manifest, is sealed by finish with the last flag).
func (bw *bundleWriter) write(p []byte) {
	for len(p) > 0 && bw.err == nil {
		if len(bw.plain) == maxPlain {
			bw.seal(false)
		}
		n := min(len(p), maxPlain-len(bw.plain))
		bw.plain = append(bw.plain, p[:n]...)
		p = p[n:]
	}
}

func (bw *bundleWriter) seal(last bool) {
	setLast(bw.ad, last)
	out := binary.BigEndian.AppendUint32(bw.sealed[:0], uint32(len(bw.plain)+gcmOverhead))
	out = bw.aead.Seal(out, chunkNonce(&bw.nonce, bw.counter), bw.plain, bw.ad)
	bw.counter++
	bw.plain = bw.plain[:0]
	bw.out(out)
}

func (bw *bundleWriter) emit(item []byte) error {
	switch {
	case bw.err != nil:
		return bw.err
	case bw.closed:
		return errors.New("write bundle: item emitted after the items were done")
	case len(item) > maxItem:
		// Sticky, so that a callback that drops the error still fails Write.
		bw.err = fmt.Errorf("write bundle: an item of %d bytes is larger than the %d MiB limit", len(item), maxItem>>20)
		return bw.err
	}
	var lead [1 + binary.MaxVarintLen64]byte
	lead[0] = recordItem
	n := 1 + binary.PutUvarint(lead[1:], uint64(len(item)))
	bw.itemHash.Write(lead[1:n])
	bw.itemHash.Write(item)
	bw.write(lead[:n])
	bw.write(item)
	bw.items++
	return bw.err
}

// finish writes the manifest, the last chunk, the end marker and the signature.
func (bw *bundleWriter) finish(m Manifest, key ed25519.PrivateKey) error {
	bw.closed = true
	js, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("write bundle: manifest: %w", err)
	}
	if len(js) > maxManifest {
		return fmt.Errorf("write bundle: the manifest is larger than the %d MiB limit", maxManifest>>20)
	}
	lead := binary.AppendUvarint([]byte{recordManifest}, uint64(len(js)))
	bw.write(lead)
	bw.write(js)
	if bw.err != nil {
		return bw.err
	}
	bw.seal(true)
	bw.out([]byte{0, 0, 0, 0})
	if bw.err != nil {
		return bw.err
	}
	sig, err := key.Sign(nil, bw.signed.Sum(nil), &ed25519.Options{Hash: crypto.SHA512})
	if err != nil {
		return fmt.Errorf("write bundle: sign: %w", err)
	}
	if _, err := bw.w.Write(sig); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}
