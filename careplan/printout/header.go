package printout

import (
	"fmt"
	"strings"

	"carehub/careplan"
)

// banner is one person's header and footer. Every page carries the person's name, NHS number
// and date of birth, so a page that comes loose can never be taken for someone else's
// (hazard H2, wrong patient printed).
type banner struct {
	head    []line
	title   *line   // "My care and support plan", right of the name when there is room
	titleY  float64 // the title's line-box top, on the name's baseline
	headBot float64 // the rule under the header
	headW   float64 // the header text's width: the page's, less the logo's
	footTop float64 // the rule over the footer
	review  []line  // "Review by …", or the plan's warning, beside the page number
	foot    []line  // printed date and hub, under the page number
}

func (s *sheet) makeBanner(c Copy, stand standing) banner {
	st := s.st
	w := s.width - s.p.logo.space()
	var b banner
	b.headW = w
	name := c.Patient.FullName()
	if name == "" {
		name = "Name not recorded"
	}
	colour := st.heading
	if draft(c.Plan) {
		colour = black
	}
	title := line{text: "My care and support plan", bold: true, size: st.small, colour: colour}
	if draft(c.Plan) {
		title.text = "DRAFT · " + title.text
	}
	names := s.wrapLines(name, true, st.name, w, black)
	b.head = names
	if len(names) == 1 && s.p.width(name, true, st.name)+s.p.width(title.text, true, title.size)+8 <= w {
		// Side by side, to give the page's content one more line.
		b.title = &title
		b.titleY = st.top + baseline(st.lineH(st.name), st.name) - baseline(st.lineH(title.size), title.size)
	} else {
		b.head = append(b.head, s.wrapLines(title.text, true, title.size, w, colour)...)
	}
	b.head = append(b.head, s.wrapLines(identity(c.Patient), true, st.small, w, black)...)
	b.head = append(b.head, s.wrapLines(versionLine(c.Plan), true, st.small, w, colour)...)
	if stand.closed != "" {
		b.head = append(b.head, s.wrapLines(stand.closed, true, st.small, w, black)...)
	}
	if stand.earlier != "" {
		b.head = append(b.head, s.wrapLines(stand.earlier, true, st.small, w, black)...)
	}
	b.headBot = st.top + s.height(b.head) + 1
	if s.p.logo != nil {
		b.headBot = max(b.headBot, st.top+s.p.logo.h+1)
	}

	review := "Review by " + c.Plan.ReviewDate.Display()
	if c.Plan.ReviewDate.IsZero() {
		review = "No review date set"
	}
	if warn := stand.warning(); warn != "" {
		review = warn
	}
	// Beside the widest page number a person's plan could need, so no page's number overlaps it.
	b.review = s.wrapLines(review, true, st.small, s.width-s.p.width("Page 99 of 99", true, st.small)-4, black)
	hub := strings.TrimSpace(s.p.hub)
	printed := "Printed " + s.p.printed.Display()
	if hub != "" {
		printed += " · " + hub
	}
	b.foot = s.wrapLines(printed, false, st.small, s.width, black)
	footH := s.height(b.review) + s.height(b.foot)
	b.footTop = pageH - st.bottom - footH - 1
	return b
}

// identity is the header's second line: the NHS number in its 3-3-4 grouping and the date of
// birth, the two things staff check against a wristband or letter.
func identity(p careplan.Patient) string {
	nhs := "NHS number not recorded"
	if p.NHSNumber != "" {
		nhs = "NHS number " + p.NHSNumber.Display()
	}
	return nhs + "   ·   Date of birth " + p.DateOfBirth.Display()
}

// baseline is how far below a line box's top the text's baseline sits: the capitals are
// centred in the box (Noto's cap height is about 0.714 em).
func baseline(boxH, size float64) float64 { return boxH/2 + 0.357*size*ptMM }

// versionLine says which version this is and who agreed it, or that it is only a draft.
func versionLine(p careplan.Plan) string {
	version := ""
	if p.Version > 0 {
		version = fmt.Sprintf("Version %d", p.Version)
	}
	if draft(p) {
		if version == "" {
			return "Not yet agreed"
		}
		return version + ", not yet agreed"
	}
	agreed := "agreed"
	if a := p.Agreement; a != nil {
		if !a.On.IsZero() {
			agreed += " " + a.On.Display()
		}
		if !isBlank(a.By) {
			agreed += " with " + a.By
		}
	}
	return joinNonEmpty(", ", version, agreed)
}

// stamp adds the header and footer to every page, now that the number of pages is known, and
// a watermark (a draft's, a closed record's) last so that it lies over everything.
func (s *sheet) stamp(b banner, watermark string) {
	st := s.st
	total := len(s.pages)
	for i := range s.pages {
		pg := &s.pages[i]
		add := func(o op) { pg.ops = append(pg.ops, o) }
		text := func(z zone, x, y float64, l line) {
			add(op{kind: opText, zone: z, x: x, y: y, w: s.p.width(l.text, l.bold, l.size),
				h: st.lineH(l.size), size: l.size, bold: l.bold, fill: l.colour, text: l.text})
		}
		y := st.top
		for _, l := range b.head {
			text(zoneHeader, s.left, y, l)
			y += st.lineH(l.size)
		}
		if b.title != nil {
			text(zoneHeader, s.left+b.headW-s.p.width(b.title.text, true, b.title.size), b.titleY, *b.title)
		}
		if l := s.p.logo; l != nil {
			add(op{kind: opImage, zone: zoneHeader, x: s.left + s.width - l.w, y: st.top, w: l.w, h: l.h})
		}
		add(op{kind: opLine, zone: zoneHeader, x: s.left, y: b.headBot, w: s.width, stroke: black, lw: 0.5})

		add(op{kind: opLine, zone: zoneFooter, x: s.left, y: b.footTop, w: s.width, stroke: black, lw: 0.5})
		y = b.footTop + 1
		for j, l := range b.review {
			text(zoneFooter, s.left, y, l)
			if j == 0 {
				num := line{text: fmt.Sprintf("Page %d of %d", i+1, total), bold: true, size: st.small, colour: black}
				text(zoneFooter, s.left+s.width-s.p.width(num.text, true, num.size), y, num)
			}
			y += st.lineH(l.size)
		}
		for _, l := range b.foot {
			text(zoneFooter, s.left, y, l)
			y += st.lineH(l.size)
		}
		if watermark != "" {
			add(op{kind: opWatermark, text: watermark})
		}
	}
}
