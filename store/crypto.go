package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"

	"carehub/careplan"
)

// KDFParams are the argon2id parameters that turn a passphrase into a key-wrapping key. They
// are stored with each key slot, so stronger parameters can be adopted later without breaking
// existing stores.
type KDFParams struct {
	Time      uint32 // passes over memory
	MemoryKiB uint32 // memory in KiB
	Threads   uint8  // parallelism
}

// ProductionKDF is the parameter set a store is created with unless Options.KDF says
// otherwise: RFC 9106's second recommendation, tuned down to two threads for hub laptops.
// Unlocking takes a fraction of a second, which is what makes guessing passphrases slow.
func ProductionKDF() KDFParams { return KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 2} }

// maxKDFMemoryKiB bounds the memory a key slot may ask for (1 GiB), so a damaged or hostile
// file cannot make Open allocate without limit.
const maxKDFMemoryKiB = 1 << 20

func (p KDFParams) valid() error {
	if p.Time < 1 || p.Time > 64 || p.Threads < 1 || p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxKDFMemoryKiB {
		return fmt.Errorf("argon2id parameters out of range (time %d, memory %d KiB, threads %d)", p.Time, p.MemoryKiB, p.Threads)
	}
	return nil
}

// Sizes of the keys and key-slot fields.
const (
	dataKeySize = 32 // AES-256
	saltSize    = 16
	nonceSize   = 12
)

// keys holds what a store unlocks into. Everything is derived from the random data key, so
// changing a passphrase re-wraps one key and never re-encrypts records.
type keys struct {
	aead      cipher.AEAD // seals record payloads, caseload entries and audit entries
	index     []byte      // HMAC key for the NHS-number index
	pseudonym []byte      // HMAC key for pseudonyms in exports for evaluators
	chain     []byte      // HMAC key for the links of the history's chain (chain.go)
}

// newKeys derives the working keys from a data key. HKDF gives each purpose its own key, so
// the index HMAC never shares a key with the cipher.
func newKeys(dataKey []byte) (*keys, error) {
	sealKey, err := hkdf.Key(sha256.New, dataKey, nil, "carehub seal v1", dataKeySize)
	if err != nil {
		return nil, err
	}
	indexKey, err := hkdf.Key(sha256.New, dataKey, nil, "carehub nhs index v1", sha256.Size)
	if err != nil {
		return nil, err
	}
	// The pseudonym key is separate from the index key so that a pseudonymised export can never
	// be joined to the file's own NHS-number index, even by someone holding both.
	pseudonymKey, err := hkdf.Key(sha256.New, dataKey, nil, "carehub pseudonym v1", sha256.Size)
	if err != nil {
		return nil, err
	}
	chainKey, err := hkdf.Key(sha256.New, dataKey, nil, "carehub chain v1", sha256.Size)
	if err != nil {
		return nil, err
	}
	aead, err := newRandomNonceGCM(sealKey)
	if err != nil {
		return nil, err
	}
	return &keys{aead: aead, index: indexKey, pseudonym: pseudonymKey, chain: chainKey}, nil
}

// newRandomNonceGCM is AES-256-GCM that draws a fresh 96-bit nonce for every seal and writes it
// in front of the ciphertext. Random nonces are safe for far more messages than a hub writes.
func newRandomNonceGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(block)
}

// overhead is how many bytes sealing adds (nonce and tag).
func (k *keys) overhead() int { return k.aead.Overhead() }

// seal appends the sealed plain to dst. aad is authenticated but not stored.
func (k *keys) seal(dst, plain, aad []byte) []byte { return k.aead.Seal(dst, nil, plain, aad) }

// open appends the opened sealed to dst. It fails if sealed or aad were altered.
func (k *keys) open(dst, sealed, aad []byte) ([]byte, error) {
	return k.aead.Open(dst, nil, sealed, aad)
}

// nhsIndexKey is the key under which a patient is found by NHS number: an HMAC, so the file
// holds no NHS number and cannot be searched for one without the data key.
func (k *keys) nhsIndexKey(n careplan.NHSNumber) []byte {
	m := hmac.New(sha256.New, k.index)
	m.Write([]byte(n))
	return m.Sum(nil)
}

// keyslot is one way into a store: the data key wrapped under a key derived from a passphrase.
//
// On disk: format (1), algorithm (1 = argon2id), time (uint32), memory KiB (uint32),
// threads (1), salt (16), nonce (12), then the wrapped key with its tag. Everything before
// the wrapped key, plus the slot's name, is authenticated, so parameters cannot be swapped.
type keyslot struct {
	kdf     KDFParams
	salt    [saltSize]byte
	nonce   [nonceSize]byte
	wrapped []byte
}

const (
	keyslotFormat     = 1
	kdfArgon2id       = 1
	keyslotHeaderSize = 1 + 1 + 4 + 4 + 1 + saltSize + nonceSize
)

// errBadKeyslot reports a key slot that cannot be read.
var errBadKeyslot = errors.New("the store's key slot cannot be read")

func (s keyslot) header() []byte {
	b := make([]byte, 0, keyslotHeaderSize+len(s.wrapped))
	b = append(b, keyslotFormat, kdfArgon2id)
	b = binary.BigEndian.AppendUint32(b, s.kdf.Time)
	b = binary.BigEndian.AppendUint32(b, s.kdf.MemoryKiB)
	b = append(b, s.kdf.Threads)
	b = append(b, s.salt[:]...)
	return append(b, s.nonce[:]...)
}

func (s keyslot) encode() []byte { return append(s.header(), s.wrapped...) }

func decodeKeyslot(b []byte) (keyslot, error) {
	var s keyslot
	if len(b) <= keyslotHeaderSize || b[0] != keyslotFormat || b[1] != kdfArgon2id {
		return s, errBadKeyslot
	}
	s.kdf.Time = binary.BigEndian.Uint32(b[2:6])
	s.kdf.MemoryKiB = binary.BigEndian.Uint32(b[6:10])
	s.kdf.Threads = b[10]
	copy(s.salt[:], b[11:11+saltSize])
	copy(s.nonce[:], b[11+saltSize:keyslotHeaderSize])
	s.wrapped = append([]byte(nil), b[keyslotHeaderSize:]...) // not bbolt's memory
	if err := s.kdf.valid(); err != nil {
		return s, fmt.Errorf("%w: %v", errBadKeyslot, err)
	}
	return s, nil
}

// wrapKey makes a key slot named name that opens dataKey with passphrase.
func wrapKey(name, passphrase string, dataKey []byte, kdf KDFParams) (keyslot, error) {
	s := keyslot{kdf: kdf}
	if err := kdf.valid(); err != nil {
		return s, err
	}
	rand.Read(s.salt[:]) // crypto/rand.Read never fails (Go 1.24+)
	rand.Read(s.nonce[:])
	gcm, err := s.cipher(passphrase)
	if err != nil {
		return s, err
	}
	s.wrapped = gcm.Seal(nil, s.nonce[:], dataKey, s.aad(name))
	return s, nil
}

// unwrapKey opens a key slot. A wrong passphrase fails GCM's authentication and is reported
// as ErrWrongPassphrase.
func unwrapKey(name, passphrase string, s keyslot) ([]byte, error) {
	gcm, err := s.cipher(passphrase)
	if err != nil {
		return nil, err
	}
	dataKey, err := gcm.Open(nil, s.nonce[:], s.wrapped, s.aad(name))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	if len(dataKey) != dataKeySize {
		return nil, errBadKeyslot
	}
	return dataKey, nil
}

func (s keyslot) aad(name string) []byte { return append(s.header(), name...) }

func (s keyslot) cipher(passphrase string) (cipher.AEAD, error) {
	kek := argon2.IDKey([]byte(passphrase), s.salt[:], s.kdf.Time, s.kdf.MemoryKiB, s.kdf.Threads, dataKeySize)
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// newDataKey returns a fresh random data key.
func newDataKey() []byte {
	k := make([]byte, dataKeySize)
	rand.Read(k) // never fails (Go 1.24+)
	return k
}
