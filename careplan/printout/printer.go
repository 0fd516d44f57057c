package printout

import (
	"bytes"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"

	"carehub/careplan"
)

// family is the name the fonts are registered under inside the PDF.
const family = "plan"

// printer owns one PDF document. Fonts are parsed once per document (parsing is the most
// expensive step in gofpdf), then each person is laid out and painted in turn.
type printer struct {
	pdf     *gofpdf.Fpdf
	printed careplan.Date
	hub     string
	logo    *logo // nil when the hub has none

	// What was last set on pdf, so repeated settings are not written again.
	fontSet  bool
	fontBold bool
	fontSize float64
	textCol  rgb
	textSet  bool
}

func newPrinter(opt Options) (*printer, error) {
	if len(opt.Fonts.Regular) == 0 || len(opt.Fonts.Bold) == 0 {
		return nil, ErrNoFonts
	}
	created := opt.Created
	if created.IsZero() {
		created = time.Now()
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0) // the layout breaks pages itself; gofpdf must not add any
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetTitle("My care and support plan", true)
	pdf.SetCreator("carehub", true)
	err := addFonts(pdf, opt.Fonts)
	if err != nil {
		return nil, err
	}
	p := &printer{pdf: pdf, printed: careplan.DateOf(created), hub: opt.Hub}
	if len(opt.Logo) > 0 {
		if p.logo, err = addLogo(pdf, opt.Logo); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// addFonts registers the two fonts. gofpdf only prints a message for bytes that are not a
// TrueType font and can panic on a damaged one, so the bytes are checked first, a panic is
// turned into an error, and each font is then selected once to prove it is there.
func addFonts(pdf *gofpdf.Fpdf, f Fonts) (err error) {
	for _, b := range [][]byte{f.Regular, f.Bold} {
		if !trueType(b) {
			return fmt.Errorf("%w: not a TrueType font", ErrNoFonts)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: a font could not be read: %v", ErrNoFonts, r)
		}
	}()
	// gofpdf writes into the bytes it is given (it pads tables in place while subsetting),
	// so each document gets its own copy: the caller's bytes may be Fyne's bundled font,
	// in use by the UI and by other prints at the same moment.
	pdf.AddUTF8FontFromBytes(family, "", bytes.Clone(f.Regular))
	pdf.AddUTF8FontFromBytes(family, "B", bytes.Clone(f.Bold))
	pdf.SetFont(family, "B", 10)
	pdf.SetFont(family, "", 10)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("%w: %v", ErrNoFonts, err)
	}
	return nil
}

// setFont selects a font on the PDF only when it differs from the one already selected.
func (p *printer) setFont(bold bool, size float64) {
	if p.fontSet && p.fontBold == bold && p.fontSize == size {
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	p.pdf.SetFont(family, style, size)
	p.fontSet, p.fontBold, p.fontSize = true, bold, size
}

// width measures text in mm.
func (p *printer) width(s string, bold bool, size float64) float64 {
	return float64(p.units(s, bold)) * size * ptMM / 1000
}

// units measures text in font units (thousandths of the font size), which do not depend on
// the size, so the font is only switched between regular and bold.
func (p *printer) units(s string, bold bool) int {
	if !p.fontSet || p.fontBold != bold {
		p.setFont(bold, p.sizeOr(11))
	}
	return p.pdf.GetStringSymbolWidth(s)
}

func (p *printer) sizeOr(def float64) float64 {
	if p.fontSet {
		return p.fontSize
	}
	return def
}
