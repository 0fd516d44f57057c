package printout

import "carehub/careplan"

// layout lays out one person's plan: the crisis page first, then the rest of the plan, then
// the header and footer on every page once the page count is known.
func (p *printer) layout(c Copy, st style) []page {
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
	return s.pages
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
