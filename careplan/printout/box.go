package printout

// box places lines inside a framed box with a thick coloured edge on the left. When whole is
// set, a box that fits on a page is never split. Otherwise, or when it is longer than a page,
// it continues on the next page in a new frame that starts again with cont (its label, marked
// as continued), so each part says what it is.
func (s *sheet) box(ls []line, cont line, edge, fill rgb, whole bool) {
	pad := s.st.pad
	inset := s.st.edge + 1.5*pad
	total := s.height(ls) + 2*pad
	if whole && total <= s.capacity() {
		s.ensure(total)
	} else {
		s.ensure(s.height(ls[:min(3, len(ls))]) + 2*pad)
	}

	type frame struct {
		page, op int
		y0       float64
	}
	open := func() frame {
		f := frame{page: len(s.pages) - 1, op: len(s.cur().ops), y0: s.y}
		s.add(op{}) // the frame is drawn first, under the text; filled in by close
		s.y += pad
		return f
	}
	close := func(f frame) {
		s.y += pad
		h := s.y - f.y0
		lw := 0.5
		if s.st.large {
			lw = 0.9
		}
		bg := white
		if s.st.boxFill {
			bg = fill
		}
		s.pages[f.page].ops[f.op] = op{kind: opRect, x: s.left, y: f.y0, w: s.width, h: h,
			fill: bg, filled: true, stroke: edge, lw: lw}
		s.rect(s.left, f.y0, s.st.edge, h, edge, true, edge, 0)
	}

	f := open()
	for i, l := range ls {
		if s.tall(l)+pad > s.room() && i > 0 {
			close(f)
			s.newPage()
			f = open()
			s.text(s.left+inset, s.y, cont)
			s.y += s.st.lineH(cont.size)
		}
		s.text(s.left+inset, s.y+l.before, l)
		s.y += s.tall(l)
	}
	close(f)
	s.y += s.st.gap
}

// boxWidth is the width of the text inside a box.
func (s *sheet) boxWidth() float64 { return s.width - s.st.edge - 2.5*s.st.pad }
