package store

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Grants: how revocation holds. A key slot made by this carehub wraps a slot secret (an X25519
// private key) rather than the data key itself, and a grant beside it (meta, "grant:" and the
// slot's name) seals the data key to that secret's public key. Rotating the data key (rotate.go)
// then needs nobody's passphrase: the new key is sealed afresh to each remaining slot's public
// key, and a slot carved from an older copy of the file — a leaver's — unwraps a secret that
// no grant in the new file is sealed to, and an old data key that opens nothing in it.
//
// A slot made before grants wraps the data key directly (a legacy slot); it is turned into the
// new kind the next time its owner signs in, when the passphrase is at hand.

const (
	grantPrefix = "grant:"
	grantFormat = 1
	grantPubLen = 32
)

var errBadGrant = errors.New("a key slot's grant cannot be read")

func grantKey(slot string) []byte { return []byte(grantPrefix + slot) }

// grant is the data key sealed to one slot's public key.
type grant struct {
	slotPub, ephPub []byte
	sealed          []byte
}

func (g grant) encode() []byte {
	out := append([]byte{grantFormat}, g.slotPub...)
	out = append(out, g.ephPub...)
	return append(out, g.sealed...)
}

func decodeGrant(b []byte) (grant, error) {
	if len(b) <= 1+2*grantPubLen || b[0] != grantFormat {
		return grant{}, errBadGrant
	}
	return grant{slotPub: bytes.Clone(b[1 : 1+grantPubLen]), ephPub: bytes.Clone(b[1+grantPubLen : 1+2*grantPubLen]),
		sealed: bytes.Clone(b[1+2*grantPubLen:])}, nil
}

func grantAAD(slot string, slotPub []byte) []byte {
	return append([]byte("carehub grant v1\x00"+slot+"\x00"), slotPub...)
}

func grantCipher(shared []byte) (cipher.AEAD, error) {
	key, err := hkdf.Key(sha256.New, shared, nil, "carehub grant v1", dataKeySize)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(block)
}

// sealGrant seals dataKey to the slot whose public key is slotPub.
func sealGrant(slot string, slotPub, dataKey []byte) (grant, error) {
	pub, err := ecdh.X25519().NewPublicKey(slotPub)
	if err != nil {
		return grant{}, errBadGrant
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return grant{}, err
	}
	shared, err := eph.ECDH(pub)
	if err != nil {
		return grant{}, errBadGrant
	}
	aead, err := grantCipher(shared)
	if err != nil {
		return grant{}, err
	}
	return grant{slotPub: bytes.Clone(slotPub), ephPub: eph.PublicKey().Bytes(),
		sealed: aead.Seal(nil, nil, dataKey, grantAAD(slot, slotPub))}, nil
}

// openGrant opens the data key with the slot secret the passphrase unwrapped.
func openGrant(slot string, secret []byte, g grant) ([]byte, error) {
	priv, err := ecdh.X25519().NewPrivateKey(secret)
	if err != nil || !bytes.Equal(priv.PublicKey().Bytes(), g.slotPub) {
		return nil, fmt.Errorf("%w: its grant is for another slot", errBadGrant)
	}
	pub, err := ecdh.X25519().NewPublicKey(g.ephPub)
	if err != nil {
		return nil, errBadGrant
	}
	shared, err := priv.ECDH(pub)
	if err != nil {
		return nil, errBadGrant
	}
	aead, err := grantCipher(shared)
	if err != nil {
		return nil, err
	}
	key, err := aead.Open(nil, nil, g.sealed, grantAAD(slot, g.slotPub))
	if err != nil || len(key) != dataKeySize {
		return nil, errBadGrant
	}
	return key, nil
}

// newSlot makes a key slot named name that opens with passphrase, and its grant of dataKey.
// Slow (one argon2id derivation): call it outside a write transaction.
func newSlot(name, passphrase string, dataKey []byte, kdf KDFParams) (keyslot, grant, error) {
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return keyslot{}, grant{}, err
	}
	slot, err := wrapKey(name, passphrase, priv.Bytes(), kdf)
	if err != nil {
		return keyslot{}, grant{}, err
	}
	g, err := sealGrant(name, priv.PublicKey().Bytes(), dataKey)
	return slot, g, err
}

func readGrant(tx *bolt.Tx, slot string) (grant, bool, error) {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return grant{}, false, err
	}
	v := meta.Get(grantKey(slot))
	if v == nil {
		return grant{}, false, nil
	}
	g, err := decodeGrant(v)
	return g, true, err
}

func putGrant(tx *bolt.Tx, slot string, g grant) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(grantKey(slot), g.encode())
}

func deleteGrant(tx *bolt.Tx, slot string) error {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return meta.Delete(grantKey(slot))
}

// openSlot unwraps a slot with passphrase and returns the data key: through its grant, or for
// a legacy slot the key it wraps (legacy true).
func openSlot(tx *bolt.Tx, name, passphrase string, slot keyslot) (key []byte, legacy bool, err error) {
	secret, err := unwrapKey(name, passphrase, slot)
	if err != nil {
		return nil, false, err
	}
	g, found, err := readGrant(tx, name)
	if err != nil {
		return nil, false, err
	}
	if !found {
		return secret, true, nil
	}
	defer clear(secret)
	key, err = openGrant(name, secret, g)
	return key, false, err
}

// putSlotAndGrant writes a slot made by newSlot with its grant.
func (w *writer) putSlotAndGrant(name string, slot keyslot, g grant) error {
	if err := w.putSlot(name, slot); err != nil {
		return err
	}
	return putGrant(w.tx, name, g)
}

// deleteSlot removes a key slot and its grant.
func deleteSlot(tx *bolt.Tx, name string) error {
	slots, err := bucket(tx, bucketKeyslots)
	if err != nil {
		return err
	}
	if err := slots.Delete([]byte(name)); err != nil {
		return err
	}
	return deleteGrant(tx, name)
}
