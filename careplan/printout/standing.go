package printout

import "carehub/careplan"

// standing is what a printed plan must say about whether it is still the person's plan to
// follow: a closed record is stamped on every page (hazard H11), and a plan past its review
// date warns above the contingency plan and in every footer (hazards H2b, H6).
type standing struct {
	closed  string // the closure stamp; "" while the hub is working with the person
	overdue string // the overdue warning; "" unless careplan.ReviewOverdue on the print date
	earlier string // an earlier version's stamp (EarlierStamp); "" for the current plan or draft
	today   careplan.Date
}

// standingOf decides a copy's standing on the day it is printed. Overdue uses the one rule the
// caseload and the patient summary use, so paper and screen never disagree; a closed record is
// never overdue (nobody is chased for a plan no longer in force), it is closed.
func standingOf(c Copy, printed careplan.Date) standing {
	s := standing{today: printed}
	if c.Earlier {
		s.earlier = EarlierStamp(c.Plan)
	}
	if cl, ok := c.Patient.Closure(); ok {
		s.closed = cl.Stamp()
		return s
	}
	if c.Earlier {
		return s // an earlier version's review date is not the person's: it is not chased
	}
	if careplan.ReviewOverdue(c.Plan.ReviewDate, c.Patient.Status, printed) {
		s.overdue = careplan.ReviewOverdueWarning(c.Plan.ReviewDate)
	}
	return s
}

// warning is the most important thing to say about the plan as a whole, or "": a closed
// record, then an earlier version, then an overdue review.
func (s standing) warning() string {
	if s.closed != "" {
		return s.closed
	}
	if s.earlier != "" {
		return s.earlier
	}
	return s.overdue
}

// closedWatermark lies across every page of a closed record, as a draft's does.
const closedWatermark = "Record closed — not a current plan"

// standingBox puts the plan's warning in a red-edged box at the top of page 1, above the
// contingency plan, where someone looking for what to do in a crisis reads it first.
func (s *sheet) standingBox(st standing) {
	text := st.warning()
	if text == "" {
		return
	}
	w := s.boxWidth()
	ls := s.wrapLines(text, true, s.st.h2, w, black)
	cont := line{text: "(continued)", bold: true, size: s.st.body, colour: black}
	s.box(ls, cont, redEdge, redFill, true)
}
