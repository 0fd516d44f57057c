package printout

// Layout happens before drawing: each person's plan becomes a list of pages, each a list of
// drawing operations with their positions. Knowing every page in advance lets the footers say
// "Page x of y" for that person alone, and lets tests check the geometry of every piece of
// text without reading the PDF back.

type opKind uint8

const (
	opText opKind = iota
	opRect
	opLine
	opCircle
	opWatermark // a draft's diagonal warning across the whole page, drawn over everything
	opImage     // the hub's logo, in the box x, y, w, h
)

// zone says which part of the page an operation belongs to, so tests can check that content
// never strays into the header or footer.
type zone uint8

const (
	zoneContent zone = iota
	zoneHeader
	zoneFooter
)

// op is one drawing operation, in mm from the page's top left.
//
//   - text: x, y is the top left of the line box; w is the text's width and h the line
//     height; size is in points.
//   - rect: x, y, w, h; filled with fill when filled, outlined in stroke when lw > 0.
//   - line: from x, y to x+w, y+h, in stroke, lw wide.
//   - circle: centre x, y, radius w, filled with fill.
type op struct {
	kind   opKind
	zone   zone
	x, y   float64
	w, h   float64
	size   float64
	bold   bool
	filled bool
	lw     float64
	fill   rgb
	stroke rgb
	text   string
}

// page is one laid-out page.
type page struct {
	ops []op
}

// line is one line of text waiting to be placed.
type line struct {
	text   string
	bold   bool
	size   float64
	indent float64 // mm from the block's left edge to the text
	lead   string  // a bold label set at the block's left edge, before the text
	before float64 // mm of space above the line, to separate the parts of a block
	colour rgb
}

// tall is the height a line takes, with its space above.
func (s *sheet) tall(l line) float64 { return l.before + s.st.lineH(l.size) }

// sheet lays out one person's pages.
type sheet struct {
	p     *printer
	st    style
	stand standing // closed, overdue: said in the header, footer, goals and review
	pages []page
	y     float64 // the top of the next thing placed
	top   float64 // content area, below the header
	bot   float64 // content area, above the footer
	left  float64
	width float64
}

func (s *sheet) cur() *page { return &s.pages[len(s.pages)-1] }

func (s *sheet) newPage() {
	s.pages = append(s.pages, page{})
	s.y = s.top
}

// room is the space left on the current page.
func (s *sheet) room() float64 { return s.bot - s.y }

// capacity is the space on an empty page.
func (s *sheet) capacity() float64 { return s.bot - s.top }

// atTop reports whether nothing has been placed on the current page yet.
func (s *sheet) atTop() bool { return s.y <= s.top+0.01 }

// ensure starts a new page unless h mm fit on this one. A block taller than a whole page
// starts on a fresh page and is split by its own placing code.
func (s *sheet) ensure(h float64) {
	if h > s.room() && !s.atTop() {
		s.newPage()
	}
}

// space adds vertical space, but never at the top of a page, where it would only push content
// down after a break.
func (s *sheet) space(h float64) {
	if !s.atTop() {
		s.y += h
	}
}

func (s *sheet) add(o op) { s.cur().ops = append(s.cur().ops, o) }

// text places one line in a block whose left edge is x, with the line box's top at y.
func (s *sheet) text(x, y float64, l line) {
	if l.lead != "" {
		s.add(op{kind: opText, x: x, y: y, w: s.p.width(l.lead, true, l.size), h: s.st.lineH(l.size),
			size: l.size, bold: true, fill: l.colour, text: l.lead})
	}
	if l.text != "" {
		s.add(op{kind: opText, x: x + l.indent, y: y, w: s.p.width(l.text, l.bold, l.size), h: s.st.lineH(l.size),
			size: l.size, bold: l.bold, fill: l.colour, text: l.text})
	}
}

// labelled wraps text in the body style behind a bold label on its first line:
// "Who I call: Sam Green, my key worker".
func (s *sheet) labelled(label, text string, w float64) []line {
	lead := label + ":"
	first := s.p.width(lead+" ", true, s.st.body)
	ws := s.p.wrapIndent(text, false, s.st.body, w, first)
	ls := make([]line, len(ws))
	for i, t := range ws {
		ls[i] = line{text: t, size: s.st.body, colour: black}
	}
	ls[0].lead, ls[0].indent = lead, first
	return ls
}

func (s *sheet) rect(x, y, w, h float64, fill rgb, filled bool, stroke rgb, lw float64) {
	s.add(op{kind: opRect, x: x, y: y, w: w, h: h, fill: fill, filled: filled, stroke: stroke, lw: lw})
}

func (s *sheet) rule(x1, y1, x2, y2 float64, c rgb, lw float64) {
	s.add(op{kind: opLine, x: x1, y: y1, w: x2 - x1, h: y2 - y1, stroke: c, lw: lw})
}

// wrapLines wraps text into lines of one style, for a column w mm wide.
func (s *sheet) wrapLines(text string, bold bool, size, w float64, c rgb) []line {
	ws := s.p.wrap(text, bold, size, w)
	out := make([]line, len(ws))
	for i, t := range ws {
		out[i] = line{text: t, bold: bold, size: size, colour: c}
	}
	return out
}

func (s *sheet) height(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += s.tall(l)
	}
	return h
}

// flow places lines one under another, breaking pages between lines. It keeps at least the
// first two lines together so a block never starts with a lone line at the foot of a page.
func (s *sheet) flow(ls []line) {
	if len(ls) == 0 {
		return
	}
	s.ensure(s.height(ls[:min(2, len(ls))]))
	for _, l := range ls {
		if s.tall(l) > s.room() && !s.atTop() {
			s.newPage()
			l.before = 0
		}
		s.text(s.left, s.y+l.before, l)
		s.y += s.tall(l)
	}
}

// paragraph wraps and places text in the body style, or says plainly that nothing has been
// written, so a heading is never left standing over nothing.
func (s *sheet) paragraph(text string) {
	if isBlank(text) {
		text = "Not written yet."
	}
	s.flow(s.wrapLines(text, false, s.st.body, s.width, black))
	s.y += s.st.gap / 2
}

// heading places a section heading with a rule under it, kept on the same page as the first
// next mm of what follows.
func (s *sheet) heading(text string, next float64) {
	ls := s.wrapLines(text, true, s.st.h1, s.width, s.st.heading)
	s.space(s.st.gap)
	h := s.height(ls) + 1.5 + s.st.gap/2
	s.ensure(h + next)
	s.flow(ls)
	s.rule(s.left, s.y+0.4, s.left+s.width, s.y+0.4, s.st.heading, 0.4)
	s.y += 1.5 + s.st.gap/2
}

// firstLines is the height of the first two body lines: what a heading keeps with it.
func (s *sheet) firstLines() float64 { return 2 * s.st.lineH(s.st.body) }

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\t' && r != '\r' {
			return false
		}
	}
	return true
}
