package bundle

import (
	"bufio"
	"bytes"
	"crypto"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/google/uuid"
)

// Verify reads the whole bundle without applying anything. Its size and signature are checked
// first, streaming, before anything is decrypted (signatureFirst). Then the header must name self.Device as
// receiver (else ErrOtherDevice), the sender must be known (senders(header.From); else
// ErrUnknownDevice), the signature must verify (else ErrBadSignature), every chunk must
// authenticate, the stream must end properly (else ErrTruncated), and the manifest must agree
// with the header and with the items (else ErrDamaged). ErrNotBundle and ErrNewerFormat come
// from the first bytes. It reads from the start of r and returns the manifest and the sender's
// card.
func Verify(r io.ReadSeeker, self Identity, senders func(device uuid.UUID) (Card, bool)) (Manifest, Card, error) {
	return signedThenRead(r, self, senders, openBundle)
}

// ReadSigned is Verify for a caller that goes on to read the whole bundle with Each: the size,
// the header and the signature over every byte are checked first, as Verify checks them, but
// the pass that then opens the chunks to reach the manifest hashes nothing again (Each hashes
// and checks everything as it goes). The manifest returned is the signed one unless the file
// changed after its signature was checked; Each returns the manifest it verified, and a caller
// that acts on this one must refuse the bundle unless the two are the same (SameManifest).
func ReadSigned(r io.ReadSeeker, self Identity, senders func(device uuid.UUID) (Card, bool)) (Manifest, Card, error) {
	return signedThenRead(r, self, senders, openUnhashed)
}

// signedThenRead checks the size, header and signature of the bundle in r (signatureFirst), then
// reads it from the start with a reader open makes, up to the manifest.
func signedThenRead(r io.ReadSeeker, self Identity, senders func(uuid.UUID) (Card, bool),
	open func(io.Reader, Identity, func(uuid.UUID) (Card, bool)) (*bundleReader, error)) (Manifest, Card, error) {
	if self.Device == uuid.Nil || self.Box == nil {
		return Manifest{}, Card{}, errors.New("read bundle: this device has no keys")
	}
	if senders == nil {
		return Manifest{}, Card{}, ErrUnknownDevice
	}
	if err := signatureFirst(r, self, senders); err != nil {
		return Manifest{}, Card{}, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Manifest{}, Card{}, fmt.Errorf("read bundle: %w", err)
	}
	br, err := open(r, self, senders)
	if err != nil {
		return Manifest{}, Card{}, err
	}
	m, err := br.read(nil)
	if err != nil {
		return Manifest{}, Card{}, err
	}
	return m, br.sender, nil
}

// SameManifest reports whether two manifests are the same, as signed.
func SameManifest(a, b Manifest) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// Each seeks r to the start and streams the items to fn in order, checking everything Verify
// checks again as it goes: a file swapped after Verify fails here, at the latest once the last
// item has been handed over, so a caller applying items inside one transaction must roll back
// on any error. fn's error stops it and is returned as is. Each item is a fresh slice that fn
// may keep.
func Each(r io.ReadSeeker, self Identity, sender Card, fn func(item []byte) error) (Manifest, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Manifest{}, fmt.Errorf("read bundle: %w", err)
	}
	br, err := openBundle(r, self, func(device uuid.UUID) (Card, bool) {
		return sender, device == sender.Device
	})
	if err != nil {
		return Manifest{}, err
	}
	if fn == nil {
		fn = func([]byte) error { return nil }
	}
	return br.read(fn)
}

// bundleReader reads one bundle in a single pass.
type bundleReader struct {
	file   *bufio.Reader
	signed *hashAhead // SHA-512 of every byte read before the signature; nil when unhashed
	header Header
	sender Card
	chunks *chunkReader
}

// hashingReader hashes everything read through it.
type hashingReader struct {
	r io.Reader
	h *hashAhead
}

func (hr hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	if hr.h != nil {
		hr.h.write(p[:n])
	}
	return n, err
}

// openBundle reads and checks everything before the first chunk. Unless it fails, the caller
// must end the reading with read.
func openBundle(r io.Reader, self Identity, senders func(uuid.UUID) (Card, bool)) (*bundleReader, error) {
	return openReader(r, self, senders, newHashAhead(sha512.New()))
}

// openUnhashed is openBundle for ReadSigned's pass, after signatureFirst: it hashes neither
// the file for the signature nor the items for the manifest.
func openUnhashed(r io.Reader, self Identity, senders func(uuid.UUID) (Card, bool)) (*bundleReader, error) {
	return openReader(r, self, senders, nil)
}

// openReader is openBundle hashing the file for its signature into signed, unless it is nil.
func openReader(r io.Reader, self Identity, senders func(uuid.UUID) (Card, bool), signed *hashAhead) (_ *bundleReader, err error) {
	if self.Device == uuid.Nil || self.Box == nil {
		return nil, errors.New("read bundle: this device has no keys")
	}
	if senders == nil {
		return nil, ErrUnknownDevice
	}
	file := bufio.NewReaderSize(r, 64<<10)
	defer func() {
		if err != nil && signed != nil {
			signed.stop()
		}
	}()
	in := hashingReader{r: file, h: signed}
	h, prefix, err := readHeader(in)
	if err != nil {
		return nil, err
	}
	if h.To != self.Device {
		return nil, ErrOtherDevice
	}
	sender, ok := senders(h.From)
	if !ok || sender.Device != h.From {
		return nil, ErrUnknownDevice
	}
	if err := sender.Validate(); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrUnknownDevice, err)
	}
	eph := make([]byte, 32)
	if _, err := io.ReadFull(in, eph); err != nil {
		return nil, cutShort(err)
	}
	prefix = append(prefix, eph...)
	aead, err := openCipher(self.Box, eph)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	cr := &chunkReader{in: in, aead: aead, ad: additionalData(prefix)}
	if err := cr.start(); err != nil {
		return nil, err
	}
	return &bundleReader{file: file, signed: signed, header: h, sender: sender, chunks: cr}, nil
}

func openCipher(self *ecdh.PrivateKey, eph []byte) (cipher.AEAD, error) {
	pub, err := ecdh.X25519().NewPublicKey(eph)
	if err != nil {
		return nil, err
	}
	shared, err := self.ECDH(pub)
	if err != nil {
		return nil, err
	}
	return chunkCipher(shared, eph, self.PublicKey().Bytes())
}

// read streams the plain records, handing items to fn (if not nil), then checks the end of the
// file, the signature and the manifest.
func (br *bundleReader) read(fn func([]byte) error) (Manifest, error) {
	hashed := br.signed != nil
	if hashed {
		defer br.signed.stop()
	}
	itemHash := sha256.New()
	items := 0
	var m Manifest
	var scratch []byte // reused for items when no one keeps them
	for done := false; !done; {
		tag, err := br.chunks.ReadByte()
		if err != nil {
			return Manifest{}, plainErr(err)
		}
		size, err := binary.ReadUvarint(br.chunks)
		if err != nil {
			return Manifest{}, plainErr(err)
		}
		switch tag {
		case recordItem:
			if size > maxItem {
				return Manifest{}, fmt.Errorf("%w: an item of %d bytes", ErrDamaged, size)
			}
			var item []byte
			if fn == nil {
				item, err = readAppend(scratch, br.chunks, size)
				scratch = item
			} else {
				item, err = readN(br.chunks, size) // fresh: fn may keep it
			}
			if err != nil {
				return Manifest{}, plainErr(err)
			}
			if hashed {
				var lead [binary.MaxVarintLen64]byte
				itemHash.Write(lead[:binary.PutUvarint(lead[:], size)])
				itemHash.Write(item)
			}
			items++
			if fn != nil {
				if err := fn(item); err != nil {
					return Manifest{}, err
				}
			}
		case recordManifest:
			if size > maxManifest {
				return Manifest{}, fmt.Errorf("%w: a manifest of %d bytes", ErrDamaged, size)
			}
			js, err := readN(br.chunks, size)
			if err != nil {
				return Manifest{}, plainErr(err)
			}
			if err := json.Unmarshal(js, &m); err != nil {
				return Manifest{}, fmt.Errorf("%w: manifest: %v", ErrDamaged, err)
			}
			done = true
		default:
			return Manifest{}, fmt.Errorf("%w: unknown record type %d", ErrDamaged, tag)
		}
	}
	if _, err := br.chunks.ReadByte(); err != io.EOF {
		if err == nil {
			return Manifest{}, fmt.Errorf("%w: data after the manifest", ErrDamaged)
		}
		return Manifest{}, plainErr(err)
	}
	if !hashed { // signatureFirst has checked the signature and the end of the file
		return m, checkManifest(m, br.header, items, m.Hash)
	}
	if err := br.checkSignature(); err != nil {
		return Manifest{}, err
	}
	if err := checkManifest(m, br.header, items, hex.EncodeToString(itemHash.Sum(nil))); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// checkSignature reads the signature after the end marker and checks it and the end of file.
func (br *bundleReader) checkSignature() error {
	sig := make([]byte, signatureLen)
	if _, err := io.ReadFull(br.file, sig); err != nil {
		return cutShort(err)
	}
	if _, err := br.file.ReadByte(); err != io.EOF {
		if err == nil {
			return fmt.Errorf("%w: data after the signature", ErrDamaged)
		}
		return fmt.Errorf("read bundle: %w", err)
	}
	opts := &ed25519.Options{Hash: crypto.SHA512}
	if err := ed25519.VerifyWithOptions(br.sender.Sign, br.signed.sum(), sig, opts); err != nil {
		return ErrBadSignature
	}
	return nil
}

func checkManifest(m Manifest, h Header, items int, itemHash string) error {
	switch {
	case m.Format != FormatVersion:
		return fmt.Errorf("%w: manifest format %d", ErrDamaged, m.Format)
	case m.Bundle != h.Bundle || m.Kind != h.Kind || m.From != h.From || m.To != h.To || !m.Created.Equal(h.Created):
		return fmt.Errorf("%w: the manifest does not match the header", ErrDamaged)
	case m.Items != items || m.Hash != itemHash:
		return fmt.Errorf("%w: the manifest does not match the items", ErrDamaged)
	case m.Kind == KindAck && items > 0:
		return fmt.Errorf("%w: an acknowledgement with items", ErrDamaged)
	}
	return nil
}

// plainErr maps an error met while reading the plain stream: errors from the chunk layer say
// what went wrong already; an authenticated stream that ends mid-record was made wrong.
func plainErr(err error) error {
	var chunkErr *chunkError
	if errors.As(err, &chunkErr) {
		return chunkErr.err
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: the sealed contents end early", ErrDamaged)
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
}

// chunkReader opens chunks one at a time and serves their plain bytes. It reads the length of
// the next chunk before opening one, since a chunk followed by the end marker must be the last.
type chunkReader struct {
	in      io.Reader
	aead    cipher.AEAD
	ad      []byte
	nonce   [12]byte
	counter uint64
	sealed  []byte
	plain   []byte // unread plain bytes of the current chunk
	next    uint32 // sealed length of the next chunk; 0 is the end marker
	done    bool   // the last chunk has been opened
}

func (cr *chunkReader) start() error {
	if err := cr.readLength(); err != nil {
		return err
	}
	if cr.next == 0 {
		return fmt.Errorf("%w: no contents", ErrDamaged)
	}
	return nil
}

func (cr *chunkReader) readLength() error {
	var b [4]byte
	if _, err := io.ReadFull(cr.in, b[:]); err != nil {
		return cutShort(err)
	}
	cr.next = binary.BigEndian.Uint32(b[:])
	return nil
}

func (cr *chunkReader) advance() error {
	size := cr.next
	if size < gcmOverhead || size > maxSealed {
		return fmt.Errorf("%w: a chunk of %d bytes", ErrDamaged, size)
	}
	if uint32(cap(cr.sealed)) < size {
		cr.sealed = make([]byte, size) // grows to at most maxSealed, once per reader
	}
	sealed := cr.sealed[:size]
	if _, err := io.ReadFull(cr.in, sealed); err != nil {
		return cutShort(err)
	}
	if err := cr.readLength(); err != nil {
		return err
	}
	setLast(cr.ad, cr.next == 0)
	plain, err := cr.aead.Open(sealed[:0], chunkNonce(&cr.nonce, cr.counter), sealed, cr.ad)
	if err != nil {
		return fmt.Errorf("%w: chunk %d does not authenticate", ErrDamaged, cr.counter)
	}
	cr.counter++
	cr.plain = plain
	cr.done = cr.next == 0
	return nil
}

func (cr *chunkReader) fill() error {
	for len(cr.plain) == 0 {
		if cr.done {
			return io.EOF
		}
		if err := cr.advance(); err != nil {
			return &chunkError{err}
		}
	}
	return nil
}

// chunkError carries an error from the file or the chunk layer through readers of the plain
// stream (binary.ReadUvarint, io.ReadFull), which would otherwise blur it with the plain
// stream's own end.
type chunkError struct{ err error }

func (e *chunkError) Error() string { return e.err.Error() }
func (e *chunkError) Unwrap() error { return e.err }

func (cr *chunkReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := cr.fill(); err != nil {
		return 0, err
	}
	n := copy(p, cr.plain)
	cr.plain = cr.plain[n:]
	return n, nil
}

func (cr *chunkReader) ReadByte() (byte, error) {
	if err := cr.fill(); err != nil {
		return 0, err
	}
	b := cr.plain[0]
	cr.plain = cr.plain[1:]
	return b, nil
}

var _ io.ByteReader = (*chunkReader)(nil)
