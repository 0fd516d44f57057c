package printout

import "math"

// paint draws laid-out pages onto the PDF.
func (p *printer) paint(pages []page) {
	for _, pg := range pages {
		p.pdf.AddPage()
		for _, o := range pg.ops {
			p.draw(o)
		}
	}
}

func (p *printer) draw(o op) {
	pdf := p.pdf
	switch o.kind {
	case opText:
		if o.text == "" {
			return
		}
		p.setFont(o.bold, o.size)
		p.setTextColour(o.fill)
		pdf.Text(o.x, o.y+baseline(o.h, o.size), o.text)
	case opRect:
		style := ""
		if o.filled {
			pdf.SetFillColor(o.fill.parts())
			style = "F"
		}
		if o.lw > 0 {
			pdf.SetDrawColor(o.stroke.parts())
			pdf.SetLineWidth(o.lw)
			style += "D"
		}
		if style != "" {
			pdf.Rect(o.x, o.y, o.w, o.h, style)
		}
	case opLine:
		pdf.SetDrawColor(o.stroke.parts())
		pdf.SetLineWidth(o.lw)
		pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opCircle:
		pdf.SetFillColor(o.fill.parts())
		pdf.Circle(o.x, o.y, o.w, "F")
	case opWatermark:
		p.watermark(o.text)
	case opImage:
		p.drawLogo(o)
	}
}

func (p *printer) setTextColour(c rgb) {
	if p.textSet && p.textCol == c {
		return
	}
	p.pdf.SetTextColor(c.parts())
	p.textCol, p.textSet = c, true
}

// watermarkText is printed across every page of a draft.
const watermarkText = "DRAFT — not yet agreed"

// watermark writes a warning (a draft's, a closed record's) diagonally across the page in light grey, sized to run
// corner to corner without leaving the page. It is drawn last with a multiply blend, so it
// shows over the coloured boxes too while black text under it stays black.
func (p *printer) watermark(text string) {
	diag := math.Hypot(pageW, pageH)
	size := 0.72 * diag * 1000 / (float64(p.units(text, true)) * ptMM)
	// The font and colour are set outside the transform's save and restore, so what gofpdf
	// believes is selected stays true afterwards.
	p.setFont(true, size)
	p.setTextColour(markGrey)
	w := p.width(text, true, size)
	cx, cy := pageW/2, pageH/2
	p.pdf.SetAlpha(1, "Multiply")
	p.pdf.TransformBegin()
	p.pdf.TransformRotate(math.Atan2(pageH, pageW)*180/math.Pi, cx, cy)
	p.pdf.Text(cx-w/2, cy+0.357*size*ptMM, text) // centred on the page
	p.pdf.TransformEnd()
	p.pdf.SetAlpha(1, "Normal")
}
