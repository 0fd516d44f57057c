package bundle

import (
	"bufio"
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/google/uuid"
)

// signatureFirst checks a bundle's size, shape and signature before anything in it is
// decrypted or held in memory: the file's size (a file larger than MaxBundleSize is refused
// unread), the clear header (for this device, from a paired one), the chunks' lengths up to
// the end marker (a file cut short or with more after its signature says so), and the
// sender's signature over every byte before it, hashed as the file streams past through a
// small buffer. The reading after it checks everything again, so a file changed in between
// is still refused.
func signatureFirst(r io.ReadSeeker, self Identity, senders func(uuid.UUID) (Card, bool)) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return fmt.Errorf("read bundle: %w", err)
	}
	if size > MaxBundleSize {
		return ErrTooBig
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read bundle: %w", err)
	}
	file := bufio.NewReaderSize(r, 256<<10)
	h := sha512.New()
	in := io.TeeReader(file, h)
	hdr, _, err := readHeader(in)
	if err != nil {
		return err
	}
	if hdr.To != self.Device {
		return ErrOtherDevice
	}
	sender, ok := senders(hdr.From)
	if !ok || sender.Device != hdr.From || sender.Validate() != nil {
		return ErrUnknownDevice
	}
	if err := hashChunks(in); err != nil {
		return err
	}
	sig := make([]byte, signatureLen)
	if _, err := io.ReadFull(file, sig); err != nil {
		return cutShort(err)
	}
	if _, err := file.ReadByte(); err != io.EOF {
		return fmt.Errorf("%w: data after the signature", ErrDamaged)
	}
	if err := ed25519.VerifyWithOptions(sender.Sign, h.Sum(nil), sig, &ed25519.Options{Hash: crypto.SHA512}); err != nil {
		return ErrBadSignature
	}
	return nil
}

// hashChunks passes the ephemeral key and every sealed chunk, up to and including the end
// marker, through in (which hashes them), checking only their lengths.
func hashChunks(in io.Reader) error {
	if _, err := io.CopyN(io.Discard, in, 32); err != nil { // the ephemeral public key
		return cutShort(err)
	}
	for first := true; ; first = false {
		var b [4]byte
		if _, err := io.ReadFull(in, b[:]); err != nil {
			return cutShort(err)
		}
		size := binary.BigEndian.Uint32(b[:])
		switch {
		case size == 0 && first:
			return fmt.Errorf("%w: no contents", ErrDamaged)
		case size == 0:
			return nil
		case size < gcmOverhead || size > maxSealed:
			return fmt.Errorf("%w: a chunk of %d bytes", ErrDamaged, size)
		}
		if _, err := io.CopyN(io.Discard, in, int64(size)); err != nil {
			return cutShort(err)
		}
	}
}
