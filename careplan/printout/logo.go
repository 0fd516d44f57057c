package printout

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"

	"github.com/jung-kurt/gofpdf"

	"carehub/careplan"
)

// logoName is the name the hub's logo is registered under in the PDF. It is registered once
// per document, so every page refers to the same image object.
const logoName = "hub-logo"

const (
	logoH    = 12.0 // mm: about the height of the name and title lines beside it
	logoMaxW = 40.0 // mm: a wide logo is shrunk to fit, so the name keeps most of the line
	logoGap  = 4.0  // mm between the header's text and the logo
)

// logo is the registered logo's printed size in mm.
type logo struct {
	w, h float64
}

// space is how much of the header's width the logo takes from the text, with its gap.
func (l *logo) space() float64 {
	if l == nil {
		return 0
	}
	return l.w + logoGap
}

// addLogo registers the hub's logo with the PDF. A PNG is decoded and encoded again as 8-bit
// RGBA, because gofpdf refuses 16-bit and interlaced PNGs that image.Decode (and so the
// settings screen) accepts; Go's encoder is deterministic, so the PDF stays reproducible. A
// JPEG is embedded as it is: PDF readers decode JPEG themselves.
func addLogo(pdf *gofpdf.Fpdf, b []byte) (l *logo, err error) {
	format, err := careplan.CheckLogo(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLogo, err)
	}
	kind := "JPG"
	if format == "png" {
		kind = "PNG"
		if b, err = plainPNG(b); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrLogo, err)
		}
	}
	defer func() { // gofpdf can panic on image data it does not expect
		if r := recover(); r != nil {
			l, err = nil, fmt.Errorf("%w: %v", ErrLogo, r)
		}
	}()
	info := pdf.RegisterImageOptionsReader(logoName, gofpdf.ImageOptions{ImageType: kind}, bytes.NewReader(b))
	if err := pdf.Error(); err != nil || info == nil {
		return nil, fmt.Errorf("%w: %v", ErrLogo, err)
	}
	w := logoH * info.Width() / info.Height()
	h := logoH
	if w > logoMaxW {
		w, h = logoMaxW, logoMaxW*info.Height()/info.Width()
	}
	return &logo{w: w, h: h}, nil
}

// plainPNG re-encodes a PNG as non-interlaced 8-bit RGBA.
func plainPNG(b []byte) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, src.Bounds().Dx(), src.Bounds().Dy()))
	draw.Draw(rgba, rgba.Bounds(), src, src.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawLogo paints the logo in the box an opImage gives.
func (p *printer) drawLogo(o op) {
	p.pdf.ImageOptions(logoName, o.x, o.y, o.w, o.h, false, gofpdf.ImageOptions{}, 0, "")
}
