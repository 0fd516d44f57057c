package printout

import (
	"strings"

	"carehub/careplan"
	"carehub/pam"
)

// aboutMe lays out the person's own words: about me, what matters to me, my strengths. The
// health conditions are listed by name only, and only those on the hub's list, so no code is
// ever printed.
func (s *sheet) aboutMe(c Copy) {
	s.heading("About me", s.firstLines())
	s.paragraph(c.Plan.AboutMe)
	if terms := conditionTerms(c.Patient.Conditions); terms != "" {
		s.flow(s.wrapLines("My health conditions: "+terms, false, s.st.body, s.width, black))
		s.y += s.st.gap / 2
	}
	if needs := needsWords(c.Patient.Needs); needs != "" {
		s.flow(s.wrapLines("How I like to communicate: "+needs, false, s.st.body, s.width, black))
		s.y += s.st.gap / 2
	}
	s.heading("What matters to me", s.firstLines())
	s.paragraph(c.Plan.WhatMatters)
	s.heading("My strengths", s.firstLines())
	s.paragraph(c.Plan.Strengths)
}

func conditionTerms(codes []string) string {
	var terms []string
	for _, code := range codes {
		if cond, ok := careplan.ConditionByCode(code); ok {
			terms = append(terms, cond.Term)
		}
	}
	return strings.Join(terms, ", ")
}

// support lists the community groups and services the person is linked to.
func (s *sheet) support(p careplan.Plan) {
	if len(p.Support) == 0 {
		s.heading("Support and services", s.firstLines())
		s.paragraph("None linked yet.")
		return
	}
	rows := make([][]string, 0, len(p.Support))
	for _, sp := range p.Support {
		name := sp.Name
		if !isBlank(sp.Area) {
			name += "\n" + sp.Area
		}
		rows = append(rows, []string{name, sp.Offers, sp.Contact})
	}
	t := s.newTable([]column{{"Service", 0.30}, {"What it offers", 0.42}, {"Contact", 0.28}}, rows, true)
	s.heading("Support and services", s.start(t))
	s.place(t)
}

// people lists everyone involved in the person's care, with carers from the person's record
// who are not already listed.
func (s *sheet) people(c Copy) {
	var rows [][]string
	seen := map[string]bool{}
	for _, p := range c.Plan.People {
		rows = append(rows, []string{p.Name, p.Role, p.Organisation, joinNonEmpty("\n", p.Phone, p.Email)})
		seen[p.Name] = true
	}
	for _, cr := range c.Patient.Carers {
		if !seen[cr.Name] {
			rows = append(rows, []string{cr.Name, carerRole(cr), "", cr.Phone})
		}
	}
	if len(rows) == 0 {
		s.heading("People involved in my care", s.firstLines())
		s.paragraph("None recorded yet.")
		return
	}
	t := s.newTable([]column{{"Name", 0.25}, {"Role", 0.22}, {"Organisation", 0.25}, {"Phone or email", 0.28}}, rows, true)
	s.heading("People involved in my care", s.start(t))
	s.place(t)
	s.sharedWith(c.Patient)
}

// sharedWith says who the plan is shared with, from the person's latest share consents, so
// the person can see their say on it and anyone else holding it can see they were meant to.
func (s *sheet) sharedWith(p careplan.Patient) {
	sh := careplan.CurrentSharing(p.Consent)
	text := "Only you and the hub: you have not agreed to share it with anyone else."
	if len(sh.SharedWith) > 0 {
		text = strings.Join(sh.SharedWith, "; ") + "."
	}
	s.flow(s.labelled("Who this plan is shared with", text, s.width))
	s.y += s.st.gap / 2
}

// review says when the plan will next be looked at together, and when the next PAM is due.
func (s *sheet) review(c Copy) {
	s.heading("My next review", s.firstLines())
	if s.stand.closed != "" {
		s.paragraph(s.stand.closed + ". This plan is no longer reviewed.")
		return
	}
	if s.stand.earlier != "" {
		s.paragraph("This copy is " + lowerFirst(s.stand.earlier) + ": it was replaced by a later version. " +
			"Ask your key worker for your current plan.")
		return
	}
	text := "A date for your next review has not been set yet: ask your key worker."
	switch {
	case s.stand.overdue != "":
		text = "This plan was due to be looked at again by " + c.Plan.ReviewDate.Display() +
			". That date has passed: check with your key worker that this is still your latest plan."
	case !c.Plan.ReviewDate.IsZero():
		text = "We will look at this plan together again by " + c.Plan.ReviewDate.Display() +
			". You can ask for a review sooner at any time if things change."
	}
	if due, ok := pam.NextDue(patientPAMs(c.Assessments)); ok {
		text += "\nYour next PAM is due from " + due.Display() + "."
	}
	s.paragraph(text)
}

// needsWords is the person's communication needs in a line, or "" when none are recorded:
// an interpreter's language first, since a crew arriving in a crisis needs it first.
func needsWords(n careplan.CommunicationNeeds) string {
	var parts []string
	if lang := strings.TrimSpace(n.Interpreter); lang != "" {
		parts = append(parts, "an interpreter for "+lang)
	}
	if n.LargePrint {
		parts = append(parts, "large print")
	}
	if other := strings.TrimSpace(n.Other); other != "" {
		parts = append(parts, other)
	}
	return strings.Join(parts, "; ")
}

// planningAhead prints the plan's Planning ahead section (ReSPECT or DNACPR form, lasting power
// of attorney, advance decision, preferred places of care and death), each answer with who told
// the hub and when. Only what has been recorded is printed; with nothing recorded the section
// is left out.
func (s *sheet) planningAhead(pa careplan.PlanningAhead) {
	rec := pa.Recorded()
	if len(rec) == 0 {
		return
	}
	var ls []line
	for i, e := range rec {
		part := s.labelled(e.Label, e.Item.Answer, s.width)
		if i > 0 {
			part[0].before = s.st.gap / 2
		}
		ls = append(ls, part...)
		if told := e.Item.Told(); told != "" {
			ls = append(ls, s.wrapLines("("+told+")", false, s.st.small, s.width, black)...)
		}
	}
	s.heading("Planning ahead", s.height(ls[:min(2, len(ls))]))
	s.flow(ls)
	s.y += s.st.gap / 2
}

// lowerFirst starts a sentence's words in the middle of another: "Version 1" → "version 1".
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
