package bundle

import "errors"

// Errors a caller can check with errors.Is. Their messages are written for the person importing
// a bundle; detail is added with %w where it helps.
var (
	// ErrNotBundle means the file does not start like a bundle at all.
	ErrNotBundle = errors.New("this file is not a carehub sync bundle")
	// ErrNewerFormat means the bundle uses a format version this build does not know.
	ErrNewerFormat = errors.New("this bundle was made by a newer version of carehub: update carehub to import it")
	// ErrOtherDevice means the bundle is addressed to a different device.
	ErrOtherDevice = errors.New("this bundle is for another device, not this one")
	// ErrUnknownDevice means the sender is not paired with this store.
	ErrUnknownDevice = errors.New("this bundle comes from a device this store is not paired with: add its device card first")
	// ErrBadSignature means the signature does not verify with the sender's card.
	ErrBadSignature = errors.New("this bundle's signature does not match the device it says it comes from: it may have been altered")
	// ErrTruncated means the file ends before the bundle does.
	ErrTruncated = errors.New("this bundle is incomplete: it may have been cut short while being copied")
	// ErrDamaged means the bundle does not authenticate or does not agree with itself.
	ErrDamaged = errors.New("this bundle has been altered or damaged and cannot be read")
	// ErrNotCard means the file is not a device card.
	ErrNotCard = errors.New("this file is not a carehub device card")
	// ErrBadCard means a device card is readable but not valid (see Card.Validate).
	ErrBadCard = errors.New("this device card is not valid")
)

// ErrTooBig means the file is larger than any bundle carehub makes; it is refused unread.
var ErrTooBig = errors.New("this file is larger than any carehub sync bundle: it was refused without being read")

// MaxBundleSize is the largest bundle file carehub reads: several times a whole 30,000-person
// hub (a few hundred MB), so only a file that cannot be a bundle is refused for its size.
const MaxBundleSize = 4 << 30
