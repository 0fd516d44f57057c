package printout

import "carehub/careplan"

// sparseLastPage is how little of the last page may be used before the plan is laid out again
// more tightly: a last page carrying a few lines is easily lost or taken for the end of the plan
// on the page before, and wastes a sheet.
const sparseLastPage = 0.25

// tightenings is how many times a plan is laid out more tightly, at most, to pull a near-empty
// last page back.
const tightenings = 2

// layout lays out one person's plan: the crisis page first, then the rest of the plan, then
// the header and footer on every page once the page count is known. When the last page would
// carry only a few lines, the plan is laid out again with tighter spacing (the same type
// sizes: large print stays large), and that is kept if it saves a page.
func (p *printer) layout(c Copy, st style) []page { return p.fitted(c, st).pages }

// fitted is the laid-out sheet layout prints: the first layout, or a tighter one that has
// fewer pages, tightening again while the last page is still near-empty.
func (p *printer) fitted(c Copy, st style) *sheet {
	best := p.lay(c, st)
	for i := 0; i < tightenings && len(best.pages) > 1 && best.lastPageUsed() < sparseLastPage; i++ {
		st = st.tightened()
		tight := p.lay(c, st)
		if len(tight.pages) < len(best.pages) {
			best = tight
		}
	}
	return best
}

// lastPageUsed is the share of the last page's content area that holds content.
func (s *sheet) lastPageUsed() float64 { return (s.y - s.top) / s.capacity() }

// lay lays out one person's plan in one style, returning the sheet with its pages.
func (p *printer) lay(c Copy, st style) *sheet {
	stand := standingOf(c, p.printed)
	s := &sheet{p: p, st: st, left: st.margin, width: st.contentW(), stand: stand}
	b := s.makeBanner(c, stand)
	s.top = b.headBot + st.gap
	s.bot = b.footTop - st.gap
	s.newPage()
	s.standingBox(stand)
	s.crisis(c.Plan.Contingency)
	s.whoToCall(c)
	s.aboutMe(c)
	s.goals(c.Plan)
	s.support(c.Plan)
	s.people(c)
	s.planningAhead(c.Plan.Ahead)
	s.pamSection(c)
	s.review(c)
	s.stamp(b, watermarkFor(c.Plan, stand))
	return s
}

// watermarkFor is what lies across every page: a closed record's stamp, then an earlier
// version's, before a draft's, since neither is any more current for being a draft.
func watermarkFor(p careplan.Plan, stand standing) string {
	switch {
	case stand.closed != "":
		return closedWatermark
	case stand.earlier != "":
		return earlierWatermark
	case draft(p):
		return watermarkText
	}
	return ""
}

// draft reports whether a plan prints as a draft: anything not agreed.
func draft(p careplan.Plan) bool { return p.State != careplan.PlanAgreed }
