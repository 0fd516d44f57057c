package bundle

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/google/uuid"
)

// FormatVersion is the bundle format this package writes and the newest it reads.
const FormatVersion = 1

const (
	magic = "CHBUNDLE"

	maxHeader    = 64 << 10 // clear header JSON
	maxPlain     = 1 << 20  // plain bytes per chunk
	maxItem      = 64 << 20 // one item
	maxManifest  = 16 << 20 // manifest JSON
	gcmOverhead  = 16
	maxSealed    = maxPlain + gcmOverhead
	signatureLen = 64

	recordItem     = 1 // tag of an item in the plain stream
	recordManifest = 2 // tag of the manifest, always the last record

	keyInfo = "carehub bundle v1"
)

// Kind says what a bundle carries.
type Kind string

// Bundle kinds.
const (
	KindChanges Kind = "changes" // records changed since the receiver's checkpoint
	KindAck     Kind = "ack"     // acknowledges a bundle; carries no items
)

func (k Kind) valid() bool { return k == KindChanges || k == KindAck }

// Header is the part in clear, readable before any key is used.
type Header struct {
	Bundle  uuid.UUID `json:"bundle"`
	Kind    Kind      `json:"kind"`
	From    uuid.UUID `json:"from"`
	To      uuid.UUID `json:"to"`
	Created time.Time `json:"created"`
}

func (h Header) validate() error {
	switch {
	case h.Bundle == uuid.Nil:
		return errors.New("no bundle id")
	case !h.Kind.valid():
		return fmt.Errorf("unknown kind %q", h.Kind)
	case h.From == uuid.Nil || h.To == uuid.Nil:
		return errors.New("no sending or receiving device")
	case h.Created.IsZero():
		return errors.New("no creation time")
	}
	return nil
}

// OriginRange is the span of one origin device's versions that a bundle carries.
type OriginRange struct {
	Device  uuid.UUID `json:"device"`
	Lowest  uint64    `json:"lowest"`
	Highest uint64    `json:"highest"`
	Count   int       `json:"count"`
}

// Manifest is sealed inside the bundle, after the items.
type Manifest struct {
	Format       int            `json:"format"` // FormatVersion
	Bundle       uuid.UUID      `json:"bundle"`
	Kind         Kind           `json:"kind"`
	From         uuid.UUID      `json:"from"`
	To           uuid.UUID      `json:"to"`
	Created      time.Time      `json:"created"`
	Since        uint64         `json:"since"` // sender's change-log position the bundle starts after
	Upto         uint64         `json:"upto"`  // ... and covers up to
	Origins      []OriginRange  `json:"origins,omitempty"`
	Counts       map[string]int `json:"counts,omitempty"`       // items per kind, as the store names them
	Remove       []string       `json:"remove,omitempty"`       // patient record ids a tablet must wipe
	Acknowledges uuid.UUID      `json:"acknowledges,omitempty"` // for an ack: the bundle it acknowledges (Upto = that bundle's Upto)
	// Head is where the sender's history stood when it made this bundle or acknowledgement
	// (its newest change-log or audit entry's position and link): a receiver that saw a later
	// head from it before notices a history cut short. Absent from older senders.
	Head *Head `json:"head,omitempty"`
	// SentHeads are the heads the sender put in its recent bundles and acknowledgements for
	// this receiver, oldest first: the head the receiver last saw from it must be among them,
	// or the sender has lost history it had (restored from a backup made before it).
	SentHeads []Head `json:"sentHeads,omitempty"`
	Items     int    `json:"items"`
	Hash      string `json:"hash"` // hex SHA-256 over the items, each as uvarint length ‖ bytes, in order
}

// Head is where a device's history stood: its newest entry's position and keyed link.
type Head struct {
	Position uint64 `json:"position"`
	Link     []byte `json:"link"`
}

// header is the clear header a manifest describes.
func (m Manifest) header() Header {
	return Header{Bundle: m.Bundle, Kind: m.Kind, From: m.From, To: m.To, Created: m.Created}
}

// encodePrefix returns every byte before the ephemeral key: magic, format, header length, header.
func encodePrefix(h Header) ([]byte, error) {
	js, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if len(js) > maxHeader {
		return nil, errors.New("bundle header too long")
	}
	b := make([]byte, 0, len(magic)+1+4+len(js)+32)
	b = append(b, magic...)
	b = append(b, FormatVersion)
	b = binary.BigEndian.AppendUint32(b, uint32(len(js)))
	return append(b, js...), nil
}

// readHeader reads the clear header and returns it with the raw bytes it was read from.
func readHeader(r io.Reader) (Header, []byte, error) {
	lead := make([]byte, len(magic)+1+4)
	n, err := io.ReadFull(r, lead[:len(magic)+1])
	switch {
	case err != nil && !endOfFile(err):
		return Header{}, nil, fmt.Errorf("read bundle: %w", err)
	case n == 0:
		return Header{}, nil, ErrNotBundle
	case n < len(magic):
		if bytes.HasPrefix([]byte(magic), lead[:n]) {
			return Header{}, nil, ErrTruncated
		}
		return Header{}, nil, ErrNotBundle
	case string(lead[:len(magic)]) != magic:
		return Header{}, nil, ErrNotBundle
	case err != nil:
		return Header{}, nil, cutShort(err)
	}
	switch format := lead[len(magic)]; {
	case format == 0:
		return Header{}, nil, ErrNotBundle
	case format > FormatVersion:
		return Header{}, nil, fmt.Errorf("%w (bundle format %d, this carehub reads up to %d)", ErrNewerFormat, format, FormatVersion)
	}
	if _, err := io.ReadFull(r, lead[len(magic)+1:]); err != nil {
		return Header{}, nil, cutShort(err)
	}
	size := binary.BigEndian.Uint32(lead[len(magic)+1:])
	if size == 0 || size > maxHeader {
		return Header{}, nil, fmt.Errorf("%w: header length %d", ErrDamaged, size)
	}
	js, err := readN(r, uint64(size))
	if err != nil {
		return Header{}, nil, cutShort(err)
	}
	var h Header
	if err := json.Unmarshal(js, &h); err != nil {
		return Header{}, nil, fmt.Errorf("%w: header: %v", ErrDamaged, err)
	}
	if err := h.validate(); err != nil {
		return Header{}, nil, fmt.Errorf("%w: header: %v", ErrDamaged, err)
	}
	return h, append(lead, js...), nil
}

// ReadHeader reads only the clear header (for messages like "this bundle is for another
// device"). Nothing in it is authenticated until Verify has read the whole bundle.
func ReadHeader(r io.Reader) (Header, error) {
	h, _, err := readHeader(r)
	return h, err
}

// chunkCipher derives the AEAD for a bundle from the X25519 shared secret.
func chunkCipher(shared, ephemeral, receiver []byte) (cipher.AEAD, error) {
	salt := slices.Concat(ephemeral, receiver)
	key, err := hkdf.Key(sha256.New, shared, salt, keyInfo, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// chunkNonce is 4 zero bytes ‖ big-endian chunk counter.
func chunkNonce(nonce *[12]byte, counter uint64) []byte {
	binary.BigEndian.PutUint64(nonce[4:], counter)
	return nonce[:]
}

// additionalData is SHA-256 of every byte before the first chunk ‖ the last-chunk flag.
func additionalData(prefix []byte) []byte {
	sum := sha256.Sum256(prefix)
	return append(sum[:], 0)
}

func setLast(ad []byte, last bool) {
	ad[len(ad)-1] = 0
	if last {
		ad[len(ad)-1] = 1
	}
}

func endOfFile(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// cutShort maps an error reading the file: its end comes too early (ErrTruncated), anything
// else is a read error to pass on.
func cutShort(err error) error {
	if endOfFile(err) {
		return ErrTruncated
	}
	return fmt.Errorf("read bundle: %w", err)
}

// readN reads exactly n bytes, growing the buffer only as data arrives so that a hostile
// length cannot make it allocate more than the input holds (plus one step).
func readN(r io.Reader, n uint64) ([]byte, error) {
	return readAppend(nil, r, n)
}

// readAppend is readN reading into buf[:0], which it grows as needed, so a caller that does not
// keep the bytes can reuse one buffer.
func readAppend(buf []byte, r io.Reader, n uint64) ([]byte, error) {
	const step = 1 << 20
	buf = buf[:0]
	for uint64(len(buf)) < n {
		k := int(min(n-uint64(len(buf)), step))
		buf = slices.Grow(buf, k)
		got, err := io.ReadFull(r, buf[len(buf):len(buf)+k])
		buf = buf[:len(buf)+got]
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}
