package printout

import "carehub/careplan"

// layout lays out one person's plan: the crisis page first, then the rest of the plan, then
// the header and footer on every page once the page count is known.
func (p *printer) layout(c Copy, st style) []page {
	s := &sheet{p: p, st: st, left: st.margin, width: st.contentW()}
	b := s.makeBanner(c)
	s.top = b.headBot + st.gap
	s.bot = b.footTop - st.gap
	s.newPage()
	s.crisis(c.Plan.Contingency)
	s.whoToCall(c)
	s.aboutMe(c)
	s.goals(c.Plan)
	s.support(c.Plan)
	s.people(c)
	s.pamSection(c)
	s.review(c)
	s.stamp(b, draft(c.Plan))
	return s.pages
}

// draft reports whether a plan prints as a draft: anything not agreed.
func draft(p careplan.Plan) bool { return p.State != careplan.PlanAgreed }
