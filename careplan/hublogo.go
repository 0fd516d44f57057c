package careplan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // a hub's logo may be a JPEG
	_ "image/png"  // or a PNG
)

// MaxLogoBytes is the largest hub logo accepted. A letterhead logo is a few kilobytes; the
// limit keeps the store, every printed PDF and the caseload screen small.
const MaxLogoBytes = 1 << 20

// MaxLogoSide is the largest width or height, in pixels, of a hub logo. It prints about 12 mm
// tall, so more pixels than this only make each PDF bigger.
const MaxLogoSide = 2000

var (
	// ErrLogoUnreadable is returned for a file that is not a PNG or JPEG picture.
	ErrLogoUnreadable = errors.New("the file is not a PNG or JPEG picture that carehub can read")
	// ErrLogoTooBig is returned for a logo file over MaxLogoBytes.
	ErrLogoTooBig = errors.New("the picture is larger than 1 MB; please choose a smaller file")
	// ErrLogoTooManyPixels is returned for a logo wider or taller than MaxLogoSide pixels.
	ErrLogoTooManyPixels = errors.New("the picture is more than 2000 pixels wide or tall; please choose a smaller picture")
)

// CheckLogo reports whether b can be the hub's logo: a PNG or JPEG of at most MaxLogoBytes
// that decodes in full and is at most MaxLogoSide pixels each way. It returns the picture's
// format ("png" or "jpeg"). The whole picture is decoded, not only its header, because a
// damaged file would otherwise be found only when a plan is printed.
func CheckLogo(b []byte) (format string, err error) {
	if len(b) > MaxLogoBytes {
		return "", ErrLogoTooBig
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") {
		return "", ErrLogoUnreadable
	}
	// Checked before the full decode so a tiny file claiming huge dimensions allocates nothing.
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		return "", fmt.Errorf("%w (this one is %d × %d)", ErrLogoTooManyPixels, cfg.Width, cfg.Height)
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return "", ErrLogoUnreadable
	}
	return format, nil
}
