package printout

// ptMM converts points to millimetres: gofpdf font sizes are in points, the page in mm.
const ptMM = 25.4 / 72

// A4 portrait, in millimetres.
const (
	pageW = 210.0
	pageH = 297.0
)

// rgb is a colour as 0xRRGGBB; a number rather than a struct so the palette can be constant.
type rgb uint32

func (c rgb) parts() (r, g, b int) { return int(c >> 16 & 0xff), int(c >> 8 & 0xff), int(c & 0xff) }

// Colours. Text is black in both prints; colour is only ever a second cue beside words, since
// some readers are colour-blind.
const (
	black     rgb = 0x000000
	white     rgb = 0xffffff
	nhsBlue   rgb = 0x003087 // NHS dark blue: about 12:1 on white
	ruleGrey  rgb = 0x6e6e6e
	lightGrey rgb = 0xebebeb
	markGrey  rgb = 0xdedede // the draft watermark: visible, never in the way of reading

	greenEdge rgb = 0x00703c
	greenFill rgb = 0xe2f2e7
	amberEdge rgb = 0xd67800
	amberFill rgb = 0xfff1d0
	redEdge   rgb = 0xc81e1e
	redFill   rgb = 0xfbe2e2
)

// style is one print's sizes and spacing. Standard and large print differ only here, so
// every section is laid out by the same code.
type style struct {
	large bool

	body    float64 // pt: paragraphs and table cells
	small   float64 // pt: header details, footer, chart labels
	name    float64 // pt: the person's name in the header
	h1      float64 // pt: section headings
	h2      float64 // pt: goal titles and box labels
	leading float64 // line height as a multiple of the font size

	margin  float64 // mm, left and right
	top     float64 // mm above the header
	bottom  float64 // mm below the footer
	gap     float64 // mm between blocks
	pad     float64 // mm inside boxes and table cells
	edge    float64 // mm: width of a contingency box's coloured edge
	chartH  float64 // mm: the PAM chart's plot height
	heading rgb
	boxFill bool // tint contingency boxes; large print keeps them white for contrast
}

func standardStyle() style {
	return style{
		body: 11, small: 9.5, name: 14, h1: 15, h2: 12.5, leading: 1.35,
		margin: 16, top: 10, bottom: 10, gap: 4, pad: 2.2, edge: 2.5, chartH: 48,
		heading: nhsBlue, boxFill: true,
	}
}

// largeStyle follows RNIB's clear print guidance: 16 pt or more, bold headings, black on
// white, wide line spacing. Nothing on a large-print page is smaller than 16 pt.
func largeStyle() style {
	return style{
		large: true,
		body:  16, small: 16, name: 22, h1: 22, h2: 20, leading: 1.5,
		margin: 14, top: 10, bottom: 10, gap: 6, pad: 3, edge: 4, chartH: 80,
		heading: black, boxFill: false,
	}
}

// tightened is the style with less space between lines and blocks and a shorter PAM chart,
// for a plan whose last page would otherwise carry only a few lines. Type sizes are kept, so
// large print is still 16 pt or more, and lines are never closer than 1.2 times their size.
func (s style) tightened() style {
	s.leading = max(s.leading-0.1, 1.2)
	s.gap *= 0.6
	s.pad *= 0.75
	s.chartH *= 0.8
	return s
}

// lineH is the height of one line of text at size pt.
func (s style) lineH(size float64) float64 { return size * ptMM * s.leading }

func (s style) contentW() float64 { return pageW - 2*s.margin }
