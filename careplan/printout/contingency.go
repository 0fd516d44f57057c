package printout

import (
	"carehub/careplan"
)

// field is one labelled piece of a contingency box.
type field struct{ label, text string }

// notWritten stands in for an empty part of the plan, so a blank is never mistaken for
// "nothing to do".
const notWritten = "Not written yet: ask your key worker."

// crisis lays out page 1's first section: what to do if I become unwell, as three framed
// boxes whose labels name their colour in words (GREEN, AMBER, RED) for readers who cannot
// tell the colours apart.
func (s *sheet) crisis(c careplan.Contingency) {
	s.heading("If I become unwell", s.firstLines())
	s.paragraph("Keep this page where it is easy to find.")
	s.contingencyBox("GREEN: I'm well", greenEdge, greenFill,
		field{"What I do to stay well", c.Green.WhatIDo})
	s.contingencyBox("AMBER: Warning signs", amberEdge, amberFill,
		field{"Signs that I am becoming unwell", c.Amber.WarningSigns},
		field{"What I do", c.Amber.WhatIDo},
		field{"Who I call", c.Amber.WhoICall})
	s.contingencyBox("RED: Emergency — call 999 (or 111 if it is not an emergency)", redEdge, redFill,
		field{"Who to call", c.Red.WhoToCall},
		field{"What they need to know about me", c.Red.WhatTheyNeedToKnow})
}

func (s *sheet) contingencyBox(label string, edge, fill rgb, fields ...field) {
	w := s.boxWidth()
	ls := s.wrapLines(label, true, s.st.h2, w, black)
	for _, f := range fields {
		text := f.text
		if isBlank(text) {
			text = notWritten
		}
		part := s.labelled(f.label, text, w)
		part[0].before = s.st.gap / 3
		ls = append(ls, part...)
	}
	cont := line{text: label + " (continued)", bold: true, size: s.st.body, colour: black}
	if s.p.width(cont.text, true, cont.size) > w {
		cont.text = "(continued)"
	}
	// The crisis boxes may split rather than move, so that all three start on page 1.
	s.box(ls, cont, edge, fill, false)
}

// whoToCall lists the key worker, everyone with a phone number, then the NHS's own numbers
// (careplan.WhoToCall, as the tablet lists them), so the numbers a person needs in a crisis
// are on page 1.
func (s *sheet) whoToCall(c Copy) {
	calls := careplan.WhoToCall(c.Plan, c.Patient, c.KeyWorker)
	rows := make([][]string, len(calls))
	for i, call := range calls {
		rows[i] = []string{call.Name, call.Who, call.Phone}
	}
	t := s.newTable([]column{{"Name", 0.34}, {"Who they are", 0.40}, {"Phone", 0.26}}, rows, true)
	s.heading("Who to call", s.start(t))
	s.place(t)
}

func carerRole(c careplan.Carer) string {
	if isBlank(c.Relationship) {
		return "Carer"
	}
	return "Carer (" + c.Relationship + ")"
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if isBlank(p) {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
