package careplan

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"
)

func encoded(t *testing.T, w, h int, kind string) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	var buf bytes.Buffer
	var err error
	if kind == "jpeg" {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheckLogo(t *testing.T) {
	good := encoded(t, 300, 100, "png")
	big := append(bytes.Clone(good), make([]byte, MaxLogoBytes)...)
	for _, c := range []struct {
		name   string
		b      []byte
		format string
		err    error
	}{
		{"png", good, "png", nil},
		{"jpeg", encoded(t, 2000, 2000, "jpeg"), "jpeg", nil},
		{"empty", nil, "", ErrLogoUnreadable},
		{"text", []byte("hello"), "", ErrLogoUnreadable},
		{"truncated", good[:len(good)-20], "", ErrLogoUnreadable},
		{"too wide", encoded(t, 2001, 1, "png"), "", ErrLogoTooManyPixels},
		{"too tall", encoded(t, 1, 2001, "jpeg"), "", ErrLogoTooManyPixels},
		{"too many bytes", big, "", ErrLogoTooBig},
	} {
		format, err := CheckLogo(c.b)
		if format != c.format || !errors.Is(err, c.err) {
			t.Errorf("%s: %q, %v; want %q, %v", c.name, format, err, c.format, c.err)
		}
	}
}
